import { Worker } from 'node:worker_threads'
import type { EvaluationEngine } from '../emulator/model/evaluation/evaluation-engine.ts'
import { createEngineHost, type WorkerLike } from './engine-host.ts'
import type { HostMessage, WorkerMessage } from './protocol.ts'
import { compiledStdlibPath, readPythonSources } from './python-sources-node.ts'

function nodeWorker(): WorkerLike {
  // From source (vitest, node --experimental-strip-types) the entry is .ts, once built .js.
  const entry = new URL(
    import.meta.url.endsWith('.ts') ? './node-worker.ts' : './node-worker.js',
    import.meta.url,
  )
  const worker = new Worker(entry)
  worker.unref()
  let exited = false
  return {
    postMessage: (message: HostMessage) => {
      if (!exited) worker.postMessage(message)
    },
    onMessage: (listener) => {
      worker.on('message', (m: WorkerMessage) => listener(m))
      // Listening refs the worker's port again: an interpreter that never ran anything kept
      // the process alive after its emulator was done with it.
      worker.unref()
    },
    onExit: (listener) => {
      worker.on('error', (e) => listener(`Interpreter died: ${e.message}`))
      worker.on('exit', (code) => {
        exited = true
        listener(`Interpreter exited with code ${code}`)
      })
    },
    terminate: () => {
      exited = true
      void worker.terminate()
    },
    // Code running keeps the process alive; idle interpreters never do.
    setBusy: (busy) => (busy ? worker.ref() : worker.unref()),
  }
}

export type NodeEngine = EvaluationEngine & { close(): void; readonly loadMs: number | undefined }

/**
 * Options of the Node engine: `LIVY_EMULATOR_ENGINE_WORKERS` sets how many interpreters it may
 * start (default 2).
 */
function workersFromEnv(): number | undefined {
  const raw = process.env.LIVY_EMULATOR_ENGINE_WORKERS
  const n = raw === undefined ? Number.NaN : Number(raw)
  return Number.isInteger(n) && n > 0 ? n : undefined
}

/**
 * A new Node engine (its own interpreters). Most callers want {@link sharedNodeEngine}.
 *
 * @example
 * const engine = createNodeEngine({ maxWorkers: 1 })
 */
export function createNodeEngine(
  options: { maxWorkers?: number; stallMs?: number } = {},
): NodeEngine {
  const maxWorkers = options.maxWorkers ?? workersFromEnv()
  const stdLibURL = compiledStdlibPath()
  return createEngineHost({
    spawn: nodeWorker,
    sources: () => readPythonSources(),
    ...(stdLibURL === undefined ? {} : { stdLibURL }),
    ...(maxWorkers === undefined ? {} : { maxWorkers }),
    ...(options.stallMs === undefined ? {} : { stallMs: options.stallMs }),
  })
}

let shared: NodeEngine | undefined

/**
 * The process's engine: interpreters are loaded once per process (about 1.6 s each) and shared
 * by every emulator in it. Each emulator opens its own namespaces, so nothing leaks between
 * them (docs/decisions/0016).
 *
 * @example
 * const livy = createLivyEmulator({ engine: async () => sharedNodeEngine() })
 */
export function sharedNodeEngine(): NodeEngine {
  shared ??= createNodeEngine()
  return shared
}
