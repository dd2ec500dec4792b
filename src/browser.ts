/**
 * Browser entry point: the emulator's handlers for msw's `setupWorker`.
 *
 * Serve msw's `mockServiceWorker.js` from your app (`npx msw init public/`), then:
 *
 * @example
 * import { startLivyWorker } from 'livy-emulator/browser'
 * const { emulator } = await startLivyWorker({ baseUrl: location.origin, timing: 'fast', clock: 'system' })
 * await fetch('/sessions', { method: 'POST', body: '{"kind":"pyspark"}' })
 *
 * Statements run for real in Pyodide, in Web Workers, once the first one arrives: serve the
 * `pyodide` package's `pyodide.asm.js`, `pyodide.asm.wasm`, `python_stdlib.zip` and
 * `pyodide-lock.json` at `/pyodide/` (or `pyodideIndexURL`). Serve the page cross-origin
 * isolated (COOP `same-origin`, COEP `require-corp`) so that interrupting code is cheap.
 */
import './browser-deps.ts'
import { setupWorker } from 'msw/browser'
import {
  createLivyEmulator,
  type LivyEmulator,
  type LivyEmulatorOptions,
} from './emulator/create-livy-emulator.ts'

export { createLivyEmulator, type LivyEmulator, type LivyEmulatorOptions }

/** Options of {@link startLivyWorker}. */
export interface LivyWorkerOptions extends LivyEmulatorOptions {
  /** Where `mockServiceWorker.js` is served (default `/mockServiceWorker.js`). */
  readonly serviceWorkerUrl?: string
  /** Log every intercepted request in the console (msw's default); off by default. */
  readonly quiet?: boolean
  /**
   * Where Pyodide's runtime files are served, for the default engine (default `/pyodide/`).
   * Ignored with `engine` or `evaluate: 'scripted'`.
   */
  readonly pyodideIndexURL?: string
}

/**
 * Starts an msw worker serving a fresh emulator (system clock, `fast` timing by default, so a
 * page sees sessions go `starting` → `idle` in real time). Its statements are evaluated by the
 * page's shared browser engine (Pyodide in Web Workers), loaded on the first statement.
 *
 * @example
 * const { emulator, stop } = await startLivyWorker({ pyodideIndexURL: '/static/pyodide/' })
 */
export async function startLivyWorker(
  options: LivyWorkerOptions = {},
): Promise<{ emulator: LivyEmulator; stop(): void }> {
  const { pyodideIndexURL } = options
  const emulator = createLivyEmulator({
    clock: 'system',
    timing: 'fast',
    // Imported on the first statement only: pages that never evaluate code never load it.
    engine: async () =>
      (await import('./engine/browser-engine.ts')).sharedBrowserEngine(
        pyodideIndexURL === undefined ? {} : { indexURL: pyodideIndexURL },
      ),
    ...options,
    baseUrl: options.baseUrl ?? globalThis.location.origin,
  })
  const worker = setupWorker(...emulator.handlers)
  await worker.start({
    onUnhandledFrame: 'bypass',
    quiet: options.quiet ?? true,
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
  })
  return { emulator, stop: () => worker.stop() }
}
