import type { EvaluationEngine } from '../emulator/model/evaluation/evaluation-engine.ts'
import { createEngineHost, type WorkerLike } from './engine-host.ts'
import type { HostMessage, PythonSource, WorkerMessage } from './protocol.ts'

/** Options of the browser engine. */
export interface BrowserEngineOptions {
  /**
   * Where Pyodide's runtime files (`pyodide.asm.js`, `pyodide.asm.wasm`, `python_stdlib.zip`,
   * `pyodide-lock.json`, from the `pyodide` package) are served; a trailing `/` is added.
   * Default `/pyodide/`.
   */
  readonly indexURL?: string
  /**
   * Pyodide's standard library with bytecode, as `npm run build` writes it
   * (`dist/engine/python_stdlib-<pyodide version>.zip`), served by you: the engine then starts
   * about twice as fast. Default: Pyodide's own, beside `indexURL`.
   */
  readonly stdLibURL?: string
  /** Interpreters (Web Workers) at most; each is one Pyodide, ~130 MB. Default 2. */
  readonly maxWorkers?: number
  /**
   * The engine's Python sources. Default: the ones Vite inlined into the bundle
   * (`browser-python-sources.ts`), loaded as a separate chunk on the first statement.
   */
  readonly sources?: () => Promise<readonly PythonSource[]>
}

export type BrowserEngine = EvaluationEngine & {
  close(): void
  readonly loadMs: number | undefined
}

function browserWorker(): WorkerLike {
  // The literal `new Worker(new URL(…, import.meta.url), { type: 'module' })` is what Vite
  // recognises and bundles as a worker chunk. `.js`, not `.ts`: from the published package
  // (`dist/src/engine/`) only the `.js` exists, and from source Vite maps a TS file's `.js`
  // import to the `.ts` next to it, so one literal serves both.
  const worker = new Worker(new URL('./browser-worker.js', import.meta.url), { type: 'module' })
  let ended = false
  const exitListeners: ((reason: string) => void)[] = []
  const exit = (reason: string) => {
    if (ended) return
    ended = true
    for (const listener of exitListeners) listener(reason)
  }
  // A Web Worker has no exit event: a script that fails to load or throws at top level raises
  // `error`; a worker that runs out of memory raises it too, or nothing at all (the tab crashes).
  worker.addEventListener('error', (event) => {
    event.preventDefault()
    exit(`Interpreter died: ${event.message || 'the worker failed to load'}`)
  })
  worker.addEventListener('messageerror', () => exit('Interpreter died: unreadable message'))
  return {
    postMessage: (message: HostMessage) => {
      if (!ended) worker.postMessage(message)
    },
    onMessage: (listener) =>
      worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) =>
        listener(event.data),
      ),
    onExit: (listener) => {
      exitListeners.push(listener)
    },
    terminate: () => {
      ended = true
      worker.terminate()
    },
  }
}

/** `'/pyodide'` → `'/pyodide/'`, relative URLs resolved against the page (workers need absolute). */
function absoluteIndexURL(indexURL: string): string {
  const url = absoluteURL(indexURL)
  return url.endsWith('/') ? url : `${url}/`
}

function absoluteURL(url: string): string {
  const base = globalThis.location?.href
  return base === undefined ? url : new URL(url, base).href
}

/**
 * A new browser engine (its own Web Workers). Most callers want {@link sharedBrowserEngine}.
 *
 * Interrupting running code needs `SharedArrayBuffer`, so a cross-origin isolated page
 * (`Cross-Origin-Opener-Policy: same-origin`, `Cross-Origin-Embedder-Policy: require-corp`).
 * Elsewhere it still works, more slowly: the interpreter's worker is ended and its sessions are
 * rebuilt on a new one by replaying their statements.
 *
 * @example
 * const engine = createBrowserEngine({ indexURL: '/assets/pyodide/', maxWorkers: 1 })
 * const livy = createLivyEmulator({ engine: async () => engine })
 */
export function createBrowserEngine(options: BrowserEngineOptions = {}): BrowserEngine {
  const sources =
    options.sources ??
    (async () => (await import('./browser-python-sources.ts')).bundledPythonSources())
  return createEngineHost({
    spawn: browserWorker,
    sources,
    indexURL: absoluteIndexURL(options.indexURL ?? '/pyodide/'),
    ...(options.stdLibURL ? { stdLibURL: absoluteURL(options.stdLibURL) } : {}),
    ...(options.maxWorkers === undefined ? {} : { maxWorkers: options.maxWorkers }),
  })
}

let shared: BrowserEngine | undefined

/**
 * The page's engine: interpreters are loaded once per page (a few seconds each) and shared by
 * every emulator in it; each emulator opens its own namespaces. The options of the first call
 * win: later calls get the engine already made.
 *
 * @example
 * const livy = createLivyEmulator({ engine: async () => sharedBrowserEngine({ indexURL: '/py/' }) })
 */
export function sharedBrowserEngine(options: BrowserEngineOptions = {}): BrowserEngine {
  shared ??= createBrowserEngine(options)
  return shared
}
