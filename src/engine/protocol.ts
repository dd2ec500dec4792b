/** Messages between an engine host and its worker (Node `worker_threads` or a Web Worker). */

import type {
  EvaluatedKind,
  EvaluationSessionInfo,
} from '../emulator/model/evaluation/evaluation-engine.ts'
import type { TableDefinition } from '../emulator/model/evaluation/tables.ts'

/**
 * A file of the engine's Python packages: its path below the engine's root and its text, or,
 * for compiled bytecode (`__pycache__/*.pyc`), its bytes.
 */
export interface PythonSource {
  readonly path: string
  readonly text: string
  readonly bytes?: Uint8Array
}

export type HostMessage =
  | {
      readonly type: 'init'
      /** `Int32Array` over it: the host writes 2 (SIGINT) to stop the running code. */
      readonly interrupt: SharedArrayBuffer
      /**
       * The engine's Python packages; when absent they follow in a `sources` message, so that
       * Pyodide loads while the host is still reading them.
       */
      readonly sources?: readonly PythonSource[]
      /** Where Pyodide's files are (browser); Node finds them in its package. */
      readonly indexURL?: string
      /** Pyodide's standard library, when not the one beside `indexURL` (see `npm run build`). */
      readonly stdLibURL?: string
    }
  | {
      readonly type: 'execute'
      readonly id: number
      readonly key: string
      readonly kind: EvaluatedKind
      readonly code: string
      readonly now: number
      readonly maxRows: number
      readonly session: EvaluationSessionInfo
    }
  | { readonly type: 'sources'; readonly sources: readonly PythonSource[] }
  | { readonly type: 'drop'; readonly key: string }
  | {
      readonly type: 'complete'
      readonly id: number
      readonly key: string
      readonly kind: EvaluatedKind
      readonly code: string
      readonly cursor: number
      readonly session: EvaluationSessionInfo
    }
  | {
      readonly type: 'tables'
      readonly prefix: string
      readonly tables: readonly TableDefinition[]
    }

export type WorkerMessage =
  | { readonly type: 'ready'; readonly loadMs: number }
  | {
      readonly type: 'result'
      readonly id: number
      /** `{status, data (JSON text) | ename, evalue, traceback, sleptMs}` as JSON text. */
      readonly result: string
    }
  | { readonly type: 'failed'; readonly id: number; readonly message: string }
  /** Completion candidates as JSON text (a list of strings). */
  | { readonly type: 'completed'; readonly id: number; readonly candidates: string }
  | { readonly type: 'fatal'; readonly message: string }
