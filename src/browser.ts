/**
 * Browser entry point: the emulator's handlers for msw's `setupWorker`.
 *
 * Serve msw's `mockServiceWorker.js` from your app (`npx msw init public/`), then:
 *
 * @example
 * import { startLivyWorker } from 'livy-emulator/browser'
 * const { emulator } = await startLivyWorker({ baseUrl: location.origin, timing: 'fast', clock: 'system' })
 * await fetch('/sessions', { method: 'POST', body: '{"kind":"pyspark"}' })
 */
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
}

/**
 * Starts an msw worker serving a fresh emulator (system clock, `fast` timing by default, so a
 * page sees sessions go `starting` → `idle` in real time).
 */
export async function startLivyWorker(
  options: LivyWorkerOptions = {},
): Promise<{ emulator: LivyEmulator; stop(): void }> {
  const emulator = createLivyEmulator({
    clock: 'system',
    timing: 'fast',
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
