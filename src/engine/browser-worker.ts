/**
 * Web Worker entry of the browser engine: one Pyodide interpreter per worker, started as a
 * module worker (`new Worker(url, { type: 'module' })`) by `browser-engine.ts`.
 *
 * Pyodide's loader (`pyodide.mjs`) is imported at run time from the `indexURL` of the host's
 * init message, next to the runtime files it loads (`pyodide.asm.js`, `pyodide.asm.wasm`,
 * `python_stdlib.zip`, `pyodide-lock.json`), rather than bundled from the `pyodide` package:
 * - the loader refuses runtime files of another version, and this way both always come from
 *   the same place;
 * - bundling it breaks the page's build: its Node branches `import('node-fetch')`, `import('ws')`
 *   (Vite 8 fails on them unless the app marks them external).
 *
 * @example
 * // Not imported: the bundler emits it as a worker chunk from browser-engine.ts.
 * new Worker(new URL('./browser-worker.js', import.meta.url), { type: 'module' })
 */
import type { HostMessage, WorkerMessage } from './protocol.ts'
import { createPythonRuntime } from './python-runtime.ts'

type LoadPyodide = Parameters<typeof createPythonRuntime>[0]

/** The worker's global scope, typed without the WebWorker lib (it clashes with DOM's). */
const scope = globalThis as unknown as {
  postMessage(message: WorkerMessage): void
  addEventListener(type: 'message', listener: (event: MessageEvent<HostMessage>) => void): void
}

const loadPyodide: LoadPyodide = async (options) => {
  if (!options.indexURL) throw new Error('the browser engine needs the indexURL of Pyodide')
  const loader = `${options.indexURL}pyodide.mjs`
  const pyodide = (await import(/* @vite-ignore */ /* webpackIgnore: true */ loader).catch(
    (e: unknown) => {
      throw new Error(`Pyodide's loader could not be imported from ${loader}: ${String(e)}`)
    },
  )) as typeof import('pyodide')
  return (pyodide.loadPyodide as unknown as LoadPyodide)(options)
}

const runtime = createPythonRuntime(loadPyodide, (message) => scope.postMessage(message))
scope.addEventListener('message', (event) => {
  void runtime.receive(event.data)
})
