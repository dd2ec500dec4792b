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
  /**
   * Evaluates a statement's code. `dueAt` is the model time its statement would end if the code
   * took no time (null: only a manual step ends it), for {@link Evaluations.dueWait}.
   */
  run(
    sessionId: number,
    kind: EvaluatedKind,
    code: string,
    session: EvaluationSessionInfo,
    now: number,
    maxRows: number,
    dueAt: number | null,
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
  /**
   * On a manual clock, a request that comes when a statement should be over waits for its code
   * (once, at most `waitMs`), so `timing: 'instant'` stays instant. `undefined`: nothing to wait for.
   */
  dueWait(now: number): Promise<void> | undefined
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
  interface Flight {
    readonly done: Promise<void>
    readonly dueAt: number | null
    /** A request already waited `waitMs` for it: it runs long, nobody waits again. */
    waitedOut: boolean
  }
  const flights = new Set<Flight>()
  const capped = async (promises: Promise<unknown>[]): Promise<boolean> => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const cap = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), waitMs)
    })
    try {
      return await Promise.race([Promise.all(promises).then(() => true), cap])
    } finally {
      clearTimeout(timer)
    }
  }
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
    run(sessionId, kind, code, session, now, maxRows, dueAt) {
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
      const flight: Flight = {
        done: result.then(
          () => undefined,
          () => undefined,
        ),
        dueAt,
        waitedOut: false,
      }
      flights.add(flight)
      void flight.done.then(() => flights.delete(flight))
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
      const started = Date.now()
      // New evaluations may start while earlier ones finish (a queue drains): wait for all.
      while (flights.size > 0) {
        const left = waitMs - (Date.now() - started)
        if (left <= 0) return false
        const all = [...flights].map((f) => f.done)
        if (!(await capped(all))) return false
      }
      return true
    },
    dueWait(now) {
      const due = [...flights].filter((f) => !f.waitedOut && f.dueAt !== null && f.dueAt <= now)
      if (due.length === 0) return undefined
      return capped(due.map((f) => f.done)).then((finished) => {
        if (!finished) for (const f of due) f.waitedOut = true
      })
    },
    get inFlight() {
      return flights.size
    },
  }
}
