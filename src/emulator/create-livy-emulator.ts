import type { HttpHandler } from 'msw'
import {
  createEmulatorCore,
  type EmulatorCore,
  type LivyEmulatorOptions,
} from './create-emulator-core.ts'
import { createMswHandlers } from './http/msw-handlers.ts'

export type { LivyEmulatorOptions, ModelFaultControls } from './create-emulator-core.ts'

/** An isolated, stateful Apache Livy 0.9 emulator with msw handlers. */
export interface LivyEmulator extends EmulatorCore {
  /**
   * msw handlers for `setupServer(...)` / `setupWorker(...)`, built from the route table on
   * the first read (which loads msw: a test that only calls `fetch` never does), the same
   * array on every read.
   */
  readonly handlers: HttpHandler[]
}

/**
 * Creates an isolated Livy emulator: its own store, clock, ids and random source. Several
 * instances in one process never share anything.
 *
 * @example
 * import { setupServer } from 'msw/node'
 * import { createLivyEmulator } from 'livy-emulator'
 *
 * const livy = createLivyEmulator({ baseUrl: 'http://livy.test' })
 * const server = setupServer(...livy.handlers)
 * server.listen()
 * const res = await fetch('http://livy.test/sessions', { method: 'POST', body: '{"kind":"spark"}' })
 * // 201, Location: /sessions/0, state "starting"; the next GET shows "idle"
 */
export function createLivyEmulator(options: LivyEmulatorOptions = {}): LivyEmulator {
  const core = createEmulatorCore(options)
  let handlers: HttpHandler[] | undefined
  // Defined onto the core object itself: its `model`/`edge` getters must stay live.
  return Object.defineProperty(core, 'handlers', {
    enumerable: true,
    get: () =>
      (handlers ??= createMswHandlers({
        baseUrl: core.baseUrl,
        get routes() {
          return core.edge.routes
        },
        handle: (request) => core.handle(request),
        extraPrefixes: ['/__emulator'],
        ...(core.profile.livyPaths ? {} : { claims: core.profile.claims }),
      })),
  }) as LivyEmulator
}
