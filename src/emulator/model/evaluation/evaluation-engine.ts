/**
 * The port through which the model has code evaluated for real (Python, Spark SQL, Scala on a
 * Spark-like engine). The model knows only this interface: the engine itself is heavy (an
 * interpreter in WebAssembly on another thread) and is loaded on the first statement that
 * needs it, by an adapter for Node or for the browser.
 */

import type { TableDefinition } from './tables.ts'

/** What the session's Spark application looks like to the code (`sc.appName`, `sc.master`, …). */
export interface EvaluationSessionInfo {
  readonly appName: string
  readonly master: string
  readonly applicationId: string
  readonly sparkVersion: string
  readonly defaultParallelism: number
  /** The session's Spark configuration as the driver sees it (`spark.conf.get(...)`). */
  readonly conf: Readonly<Record<string, string>>
  /** Seed of the code's random sources (`rand()`, `sample`), from the emulator's seed. */
  readonly seed: number
}

/** Interpreter kinds the engine runs. */
export type EvaluatedKind = 'pyspark' | 'spark' | 'sql' | 'sparkr'

export interface EvaluationRequest {
  /** The session's namespace in the engine (see {@link EvaluationEngine.openNamespace}). */
  readonly namespace: string
  readonly kind: EvaluatedKind
  readonly code: string
  /** Model time the statement starts at (epoch ms): the code's `time.time()`. */
  readonly now: number
  /** `livy.rsc.sql.num-rows`: rows a `sql` statement returns at most. */
  readonly maxRows: number
  readonly session: EvaluationSessionInfo
  /** Called when the code starts running (the interpreter is loaded and free). */
  readonly onStart?: () => void
}

export interface CompletionRequest {
  readonly namespace: string
  readonly kind: EvaluatedKind
  readonly code: string
  readonly cursor: number
  readonly session: EvaluationSessionInfo
}

/** A statement's output as the driver would send it, without `execution_count`. */
export type EvaluatedOutput =
  /** `data` is JSON text, kept as text so doubles stay doubles (`2.0`). */
  | { readonly status: 'ok'; readonly data: string }
  | {
      readonly status: 'error'
      readonly ename: string
      readonly evalue: string
      readonly traceback: readonly string[]
    }

export type EvaluationResult =
  | {
      readonly output: EvaluatedOutput
      /** Virtual time the code slept (`time.sleep`, `Thread.sleep`): the statement runs that long. */
      readonly sleptMs: number
      /** The code was stopped by {@link EvaluationEngine.interrupt}. */
      readonly interrupted: boolean
    }
  /** The interpreter process died under the code (it ran out of memory, or exited). */
  | { readonly died: string }

/**
 * An evaluation engine. One may serve many emulators and sessions: each session's names live
 * in its own namespace, invisible to every other.
 *
 * @example
 * const engine = await loadEngine()
 * const ns = engine.openNamespace()
 * const r = await engine.evaluate({ namespace: `${ns}/0`, kind: 'pyspark', code: '1 + 1', … })
 * // r.output → { status: 'ok', data: '{"text/plain":"2"}' }
 */
export interface EvaluationEngine {
  evaluate(request: EvaluationRequest): Promise<EvaluationResult>
  /**
   * Completion candidates for `code` at `cursor` from the interpreter's names (after every
   * statement queued before it in that namespace).
   */
  complete(request: CompletionRequest): Promise<string[]>
  /** Stops the code running (or queued) in `namespace`; its evaluation ends `interrupted`. */
  interrupt(namespace: string): void
  /** Forgets a session's names (the session was deleted, or its driver restarted). */
  drop(namespace: string): void
  /** A prefix no other caller of this engine gets: `${prefix}/${sessionId}` are namespaces. */
  openNamespace(): string
  /**
   * Starts loading an interpreter now (a session was created: its first statement is near), so
   * the statement does not wait for the whole start-up.
   */
  warm(): void
  /** The tables every session under `prefix` sees (replacing the ones defined before). */
  defineTables(prefix: string, tables: readonly TableDefinition[]): void
}

/** Loads (once) the engine to use; called on the first statement that needs it. */
export type EvaluationEngineLoader = () => Promise<EvaluationEngine>
