import { getResponse } from 'msw'
import type { LivyEmulatorOptions } from '../../emulator/create-emulator-core.ts'
import { createLivyEmulator } from '../../emulator/create-livy-emulator.ts'
import { type LivyServer, startLivyServer } from '../../node/server.ts'
import { headersToSend } from '../headers.ts'
import { type ConformanceSetup, emulatorOptionsFor, SETUPS } from '../setups.ts'
import type { Capability } from '../types.ts'
import { JUDGE_LIVY_CONF, JUDGE_LOCAL_DIR, type RawResponse, type Target } from './target.ts'
import { authHeader, rawRequest } from './url-target.ts'

const EMULATOR_CAPABILITIES: readonly Capability[] = [
  'control',
  'virtual-time',
  // CONFORMANCE_EMULATOR's clock is manual.
  'frozen-time',
  'reset',
  'pyspark',
  'local-files',
]

/**
 * The emulator configured like the judge container, on a virtual clock: sessions take a
 * (virtual) second to start, as real ones take seconds, so `starting` is observable; waiting
 * scenarios move the clock instead of sleeping.
 */
export const CONFORMANCE_EMULATOR: LivyEmulatorOptions = {
  clock: 'manual',
  timing: 'fast',
  livyConf: JUDGE_LIVY_CONF,
}

/**
 * Conformance targets open the control API with a token of their own, so it works under every
 * set-up, the secured ones too (where it asks for credentials).
 */
const controlToken = (): string => globalThis.crypto.randomUUID()

const withControlToken = (
  fixed: Record<string, string>,
  path: string,
  token: string,
): Record<string, string> =>
  path.startsWith('/__emulator') ? { ...fixed, 'X-Emulator-Token': token } : fixed

/**
 * The emulator in this process, reached through its msw handlers: each request is resolved
 * by msw against the emulator's handlers (`getResponse`), exactly the handlers a client's
 * `setupServer` would use, without patching the global `fetch` (so several in-process
 * targets, and real network targets, can run side by side).
 */
export function createInProcessTarget(
  options: LivyEmulatorOptions = {},
  setup: ConformanceSetup = SETUPS['apache-0.9'],
): Target {
  const baseUrl = 'http://livy-conformance.test'
  const token = controlToken()
  const emulator = createLivyEmulator({
    ...emulatorOptionsFor(setup, { ...CONFORMANCE_EMULATOR, ...options }),
    control: { token },
    baseUrl,
  })
  const fixed = authHeader(setup.emulatorAuth)
  return {
    name: 'emulator (in-process, msw)',
    kind: 'emulator',
    capabilities: new Set(EMULATOR_CAPABILITIES),
    description: `${baseUrl} (msw handlers)`,
    localDir: JUDGE_LOCAL_DIR,
    async setup() {},
    async teardown() {},
    async send(method, path, body, headers = {}): Promise<RawResponse> {
      const started = performance.now()
      const prefix = path.startsWith('/__emulator') ? '' : setup.prefix
      const request = new Request(`${baseUrl}${prefix}${path}`, {
        method,
        body,
        headers: headersToSend(withControlToken(fixed, path, token), headers),
      })
      const res = await getResponse(emulator.handlers, request)
      if (!res) throw new Error(`no msw handler answered ${method} ${path}`)
      const text = await res.text()
      return {
        status: res.status,
        headers: res.headers,
        text,
        durationMs: performance.now() - started,
      }
    },
  }
}

/** The emulator's Node server on an ephemeral port, reached over real HTTP. */
export function createHttpEmulatorTarget(
  options: LivyEmulatorOptions = {},
  setup: ConformanceSetup = SETUPS['apache-0.9'],
): Target {
  let server: LivyServer | undefined
  const token = controlToken()
  const fixed = authHeader(setup.emulatorAuth)
  return {
    name: 'emulator (HTTP server)',
    kind: 'emulator',
    capabilities: new Set([...EMULATOR_CAPABILITIES, 'wire']),
    get description() {
      return server?.url ?? 'http://127.0.0.1:<ephemeral>'
    },
    localDir: JUDGE_LOCAL_DIR,
    async setup() {
      server = await startLivyServer({
        ...emulatorOptionsFor(setup, { ...CONFORMANCE_EMULATOR, ...options }),
        control: { token },
        port: 0,
      })
    },
    async teardown() {
      await server?.close()
    },
    send(method, path, body, headers = {}) {
      if (!server) throw new Error('target not set up')
      const prefix = path.startsWith('/__emulator') ? '' : setup.prefix
      return rawRequest(
        new URL(`${server.url}${prefix}${path}`),
        method,
        body,
        headersToSend(withControlToken(fixed, path, token), headers),
      )
    },
  }
}
