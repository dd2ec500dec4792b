import type {
  EvaluatedKind,
  EvaluationEngine,
  EvaluationEngineLoader,
  EvaluationResult,
  EvaluationSessionInfo,
} from './evaluation-engine.ts'
import type { SeededTables } from './tables.ts'

/**
 * One model's use of an evaluation engine: its namespace, its sessions' evaluations in flight.
 *
 * Virtual time and real evaluation meet here. A statement's evaluation takes real time (on
 * another thread); the model does not wait for it while serving requests (an endless loop
 * must not stall the server), but moving virtual time (`advance`, `step`) first lets the code
 * that is running finish, so a test that advances the clock sees its outputs.
 */
export interface Evaluations {
  run(
    sessionId: number,
    kind: EvaluatedKind,
    code: string,
    session: EvaluationSessionInfo,
    now: number,
    maxRows: number,
  ): Promise<EvaluationResult>
  interrupt(sessionId: number): void
  /** Loads the engine ahead of the first statement (a session was created). */
  warm(): void
  /** Forgets a session's names (deleted, recovered). */
  drop(sessionId: number): void
  /** Forgets every session of this model (the emulator was reset). */
  dropAll(): void
  /**
   * Resolves `true` when no evaluation is in flight, or `false` after `waitMs` of real time
   * (code that loops for ever keeps running; its statement stays `running`).
   */
  settle(): Promise<boolean>
  /** Evaluations started and not finished. */
  readonly inFlight: number
}

export interface EvaluationsOptions {
  readonly loader: EvaluationEngineLoader
  /** The emulator's tables, sent to the engine whenever they changed. */
  readonly tables?: SeededTables
  /** Real milliseconds `settle()` waits at most (default 10 000). */
  readonly waitMs?: number
}

/**
 * @example
 * const evaluations = createEvaluations({ loader: () => loadNodeEngine() })
 * const result = await evaluations.run(0, 'pyspark', '1 + 1', info, Date.now(), 1000)
 */
export function createEvaluations(options: EvaluationsOptions): Evaluations {
  const waitMs = options.waitMs ?? 10_000
  let engine: Promise<{ engine: EvaluationEngine; prefix: string }> | undefined
  const inFlight = new Set<Promise<unknown>>()
  const sessions = new Set<number>()
  let tablesSent = -1
  const load = () => {
    engine ??= options.loader().then((e) => ({ engine: e, prefix: e.openNamespace() }))
    return engine
  }
  // Only what has been loaded can be told anything: nothing runs before the first `run`.
  const whenLoaded = (fn: (e: EvaluationEngine, prefix: string) => void): void => {
    engine?.then(({ engine: e, prefix }) => fn(e, prefix)).catch(() => undefined)
  }
  return {
    run(sessionId, kind, code, session, now, maxRows) {
      sessions.add(sessionId)
      const result = load().then(({ engine: e, prefix }) => {
        const tables = options.tables
        if (tables && tables.version !== tablesSent) {
          e.defineTables(prefix, tables.list())
          tablesSent = tables.version
        }
        return e.evaluate({
          namespace: `${prefix}/${sessionId}`,
          kind,
          code,
          now,
          maxRows,
          session,
        })
      })
      const tracked = result.then(
        () => undefined,
        () => undefined,
      )
      inFlight.add(tracked)
      void tracked.then(() => inFlight.delete(tracked))
      return result
    },
    warm() {
      load()
        .then(({ engine: e }) => e.warm())
        .catch(() => undefined)
    },
    interrupt(sessionId) {
      whenLoaded((e, prefix) => e.interrupt(`${prefix}/${sessionId}`))
    },
    drop(sessionId) {
      if (!sessions.delete(sessionId)) return
      whenLoaded((e, prefix) => e.drop(`${prefix}/${sessionId}`))
    },
    dropAll() {
      for (const id of [...sessions]) this.drop(id)
    },
    async settle() {
      if (inFlight.size === 0) return true
      let timer: ReturnType<typeof setTimeout> | undefined
      const cap = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, waitMs)
      })
      try {
        // New evaluations may start while earlier ones finish (a queue drains): wait for all.
        while (inFlight.size > 0) {
          const done = await Promise.race([
            Promise.all([...inFlight]).then(() => false),
            cap.then(() => true),
          ])
          if (done) return false
        }
        return true
      } finally {
        clearTimeout(timer)
      }
    },
    get inFlight() {
      return inFlight.size
    },
  }
}
