import { setupServer } from 'msw/node'
import { ruleFromJson } from '../../src/emulator/control/control-api.ts'
import { createLivyEmulator, type EmulatorCore, type LivyEmulatorOptions } from '../../src/index.ts'
import { startLivyServer } from '../../src/node/index.ts'

/** A response read once: status, headers and exact body text. */
export interface Exchange {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  json<T = unknown>(): T
}

/** Steering the emulator the way the control API allows (JSON rules, named faults). */
export interface Control {
  advance(ms: number): Promise<void>
  /** An outcome rule in its JSON form (`match`: string, `{regex}` or `{contains}`). */
  outcome(rule: Record<string, unknown>): Promise<void>
  sessionStartFails(reason?: string, count?: number): Promise<void>
  interpreterDies(sessionId: number, reason?: string): Promise<void>
  driverExits(sessionId: number, reason?: string): Promise<void>
  nextBatchesFail(exitCode?: number, reason?: string, count?: number): Promise<void>
  batchFails(batchId: number, exitCode?: number, reason?: string): Promise<void>
  step(subject?: string): Promise<void>
  pending(): Promise<{ label: string; at: number | null }[]>
}

/** How behaviour tests reach an emulator: in-process through msw, or over real HTTP. */
export interface Harness {
  readonly name: string
  readonly control: Control
  /** The emulator object (in-process in both cases; the HTTP harness steers it over HTTP). */
  readonly livy: EmulatorCore
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Exchange>
  close(): Promise<void>
}

export async function read(response: Response): Promise<Exchange> {
  const text = await response.text()
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: <T>() => JSON.parse(text) as T,
  }
}

const encode = (body: unknown): string | undefined =>
  body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)

/** In-process control: the emulator's own API. */
function directControl(livy: EmulatorCore): Control {
  return {
    advance: (ms) => livy.advance(ms),
    async outcome(rule) {
      livy.outcomes.add(ruleFromJson(rule))
    },
    async sessionStartFails(reason, count) {
      livy.faults.sessionStartFails(reason, count)
    },
    interpreterDies: (id, reason) => livy.faults.interpreterDies(id, reason),
    driverExits: (id, reason) => livy.faults.driverExits(id, reason),
    async nextBatchesFail(exitCode, reason, count) {
      livy.faults.nextBatchesFail(exitCode, reason, count)
    },
    batchFails: (id, exitCode, reason) => livy.faults.batchFails(id, exitCode, reason),
    async step(subject) {
      await livy.step(subject)
    },
    async pending() {
      return livy.pending().map((t) => ({ label: t.label, at: t.at }))
    },
  }
}

/** The HTTP harness opens the control API with a token, so it works when Livy's auth is on. */
export const HARNESS_CONTROL_TOKEN = 'harness-control-token'

/** Control over HTTP: every call goes through `/__emulator/…`. */
function httpControl(url: string): Control {
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${url}/__emulator${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', 'X-Emulator-Token': HARNESS_CONTROL_TOKEN },
    })
    const text = await res.text()
    if (res.status >= 300)
      throw new Error(`control ${method} ${path} answered ${res.status}: ${text}`)
    return text === '' ? undefined : JSON.parse(text)
  }
  const strip = <T extends Record<string, unknown>>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))
  return {
    advance: async (ms) => void (await call('POST', '/clock/advance', { ms })),
    outcome: async (rule) => void (await call('POST', '/outcomes', rule)),
    sessionStartFails: async (reason, count) =>
      void (await call('POST', '/faults', strip({ type: 'session-start-fails', reason, count }))),
    interpreterDies: async (sessionId, reason) =>
      void (await call('POST', '/faults', strip({ type: 'interpreter-dies', sessionId, reason }))),
    driverExits: async (sessionId, reason) =>
      void (await call('POST', '/faults', strip({ type: 'driver-exits', sessionId, reason }))),
    nextBatchesFail: async (exitCode, reason, count) =>
      void (await call(
        'POST',
        '/faults',
        strip({ type: 'next-batches-fail', exitCode, reason, count }),
      )),
    batchFails: async (batchId, exitCode, reason) =>
      void (await call(
        'POST',
        '/faults',
        strip({ type: 'batch-fails', batchId, exitCode, reason }),
      )),
    step: async (subject) => void (await call('POST', '/step', strip({ subject }))),
    pending: async () =>
      ((await call('GET', '/state')) as { pending: { label: string; at: number | null }[] })
        .pending,
  }
}

/**
 * In-process harness: the emulator's msw handlers under `setupServer`, driven with `fetch`
 * exactly as a client under test would be.
 */
export async function mswHarness(options: LivyEmulatorOptions = {}): Promise<Harness> {
  const baseUrl = options.baseUrl ?? 'http://livy.test'
  const livy = createLivyEmulator({ ...options, baseUrl })
  const server = setupServer(...livy.handlers)
  server.listen({ onUnhandledFrame: 'error' })
  let closed = false
  return {
    name: 'msw',
    livy,
    control: directControl(livy),
    async request(method, path, body, headers) {
      return read(await fetch(`${baseUrl}${path}`, { method, body: encode(body), headers }))
    },
    async close() {
      if (closed) return
      closed = true
      server.close()
    },
  }
}

/** Real HTTP harness: the Node server on an ephemeral port, steered through the control API. */
export async function httpHarness(options: LivyEmulatorOptions = {}): Promise<Harness> {
  const server = await startLivyServer({
    clock: 'manual',
    timing: 'instant',
    control: { token: HARNESS_CONTROL_TOKEN },
    ...options,
    port: 0,
  })
  return {
    name: 'http',
    livy: server.emulator,
    control: httpControl(server.url),
    async request(method, path, body, headers) {
      return read(await fetch(`${server.url}${path}`, { method, body: encode(body), headers }))
    },
    close: () => server.close(),
  }
}
