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
  /** Completion candidates from the session's interpreter (after its queued statements). */
  complete(
    sessionId: number,
    kind: EvaluatedKind,
    code: string,
    cursor: number,
    session: EvaluationSessionInfo,
  ): Promise<string[]>
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
   * On a manual clock, catching up to `now` first waits for the code of statements that should
   * be over by then (once each, at most `waitMs`), so virtual time treats code as taking no
   * time and `timing: 'instant'` stays instant. `undefined`: nothing to wait for.
   */
  dueWait(now: number): Promise<void> | undefined
  /** The earliest end of a statement whose code is still running (not yet waited out). */
  nextDueAt(): number | undefined
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
    /** Resolves when the code starts running: loading the engine is not the code's time. */
    readonly running: Promise<void>
    readonly done: Promise<void>
    readonly dueAt: number | null
    /** A request already waited `waitMs` for it: it runs long, nobody waits again. */
    waitedOut: boolean
  }
  const flights = new Set<Flight>()
  const waitFor = async (flight: Flight): Promise<void> => {
    if (!(await capped(flight))) flight.waitedOut = true
  }
  /** Whether the flight finished within `waitMs` of its code starting. */
  const capped = async (flight: Flight): Promise<boolean> => {
    await Promise.race([flight.running, flight.done])
    let timer: ReturnType<typeof setTimeout> | undefined
    const cap = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), waitMs)
    })
    try {
      return await Promise.race([flight.done.then(() => true), cap])
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
      let markRunning: () => void = () => undefined
      const running = new Promise<void>((resolve) => {
        markRunning = resolve
      })
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
          onStart: markRunning,
        })
      })
      const flight: Flight = {
        running,
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
    complete(sessionId, kind, code, cursor, session) {
      sessions.add(sessionId)
      return load().then(({ engine: e, prefix }) =>
        e.complete({ namespace: `${prefix}/${sessionId}`, kind, code, cursor, session }),
      )
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
      // New evaluations may start while earlier ones finish (a queue drains): wait for all.
      for (;;) {
        const waiting = [...flights].filter((f) => !f.waitedOut)
        if (waiting.length === 0) return flights.size === 0
        await Promise.all(waiting.map(waitFor))
      }
    },
    dueWait(now) {
      const due = [...flights].filter((f) => !f.waitedOut && f.dueAt !== null && f.dueAt <= now)
      if (due.length === 0) return undefined
      return Promise.all(due.map(waitFor)).then(() => undefined)
    },
    nextDueAt() {
      let next: number | undefined
      for (const f of flights)
        if (!f.waitedOut && f.dueAt !== null && (next === undefined || f.dueAt < next))
          next = f.dueAt
      return next
    },
    get inFlight() {
      return flights.size
    },
  }
}
