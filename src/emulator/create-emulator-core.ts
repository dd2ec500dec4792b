import { createControlApi } from './control/control-api.ts'
import { createHttpFaults, type HttpFaults } from './control/http-faults.ts'
import { createJournal, type Journal } from './control/journal.ts'
import { type Snapshot, snapshot } from './control/snapshot.ts'
import { createEdge, type Edge, type EdgeFilter } from './http/edge.ts'
import { fromFetchRequest, toFetchResponse } from './http/fetch-adapter.ts'
import { andThen, createSerial, isPromise, type MaybePromise } from './http/maybe-async.ts'
import { commonHeaders, JSON_CONTENT_TYPE } from './http/responses.ts'
import type { Route } from './http/routes.ts'
import type { EdgeRequest, EdgeResponse } from './http/types.ts'
import { type Clock, createManualClock, createSystemClock } from './model/clock.ts'
import type { ModelEvent } from './model/context.ts'
import { createLivyModel, type LivyModel } from './model/livy-model.ts'
import { createOutcomeRules, type OutcomeRules } from './model/outcomes/outcome.ts'
import type { TaskHandle } from './model/scheduler.ts'
import type { LivyStore } from './model/store/store.ts'
import { resolveTiming, type Timing, type TimingName } from './model/timing.ts'

/** Options of {@link createEmulatorCore} and `createLivyEmulator`. */
export interface LivyEmulatorOptions {
  /** Where the msw handlers answer (default `http://localhost:8998`, Livy's default port). */
  readonly baseUrl?: string
  /** Seed of every random choice (ids of apps, fixture text). Same seed, same bytes. */
  readonly seed?: string | number
  /** Timing profile name or overrides (default `instant`). */
  readonly timing?: TimingName | (Partial<Timing> & { base?: TimingName })
  /** `manual` (default: time moves only through `advance()`), `system`, or your own clock. */
  readonly clock?: 'manual' | 'system' | Clock
  /** Livy configuration keys (`livy.server.session.timeout`, `livy.spark.master`, …). */
  readonly livyConf?: Readonly<Record<string, string | number | boolean>>
  /** Store factory, to swap the `@msw/data` store for another implementation. */
  readonly store?: () => LivyStore
  /** Filters in front of Livy's servlets (used by the server, profiles and tests). */
  readonly filters?: readonly EdgeFilter[]
  /** Route table override (tests use it to build a deliberately wrong emulator). */
  readonly routes?: readonly Route[]
}

/** Faults that act on sessions and batches. */
export interface ModelFaultControls {
  /** The next `count` sessions fail to start: `error`, then `dead`, with the reason in the log. */
  sessionStartFails(reason?: string, count?: number): void
  /** The interpreter of a running session dies (the running statement reports `Interpreter died`). */
  interpreterDies(sessionId: number, reason?: string): Promise<void>
  /** The driver process of a session exits: the session goes `dead`. */
  driverExits(sessionId: number, reason?: string): Promise<void>
  /** A running batch fails now with `exitCode`. */
  batchFails(batchId: number, exitCode?: number, reason?: string): Promise<void>
  /** The next `count` batches exit non-zero when they finish. */
  nextBatchesFail(exitCode?: number, reason?: string, count?: number): void
}

/**
 * An isolated, stateful Apache Livy 0.9 emulator, without msw handlers (what the Node
 * server uses, so msw is not even loaded there).
 */
export interface EmulatorCore {
  readonly baseUrl: string
  readonly clock: Clock
  /** Scripted statement outcomes (newest matching rule wins). */
  readonly outcomes: OutcomeRules
  readonly faults: ModelFaultControls
  /** HTTP-level faults (status, delay, count) for matching routes. */
  readonly httpFaults: HttpFaults
  /** Every Livy request served (method, path, status, virtual time). */
  readonly journal: Journal
  /** A read-only picture of sessions, statements, batches and pending steps. */
  snapshot(): Promise<Snapshot>
  /** The model behind the HTTP edge (current instance; replaced by `reset()`). */
  readonly model: LivyModel
  readonly edge: Edge
  /** Serves a request without msw (same path as the handlers). */
  fetch(input: string | Request, init?: RequestInit): Promise<Response>
  /** Serves a transport-neutral request (used by the Node server). */
  handle(request: EdgeRequest): MaybePromise<EdgeResponse>
  /** Moves virtual time forward and runs every step that became due. */
  advance(ms: number): Promise<void>
  /**
   * Moves virtual time to the next scheduled step (if later than now) and runs it: the
   * smallest move after which something can have changed. Returns how far time moved.
   */
  advanceToNext(): Promise<number>
  /** Runs the oldest pending manual step (timing `'manual'`); `subject` e.g. `session:0`. */
  step(subject?: string): Promise<TaskHandle | undefined>
  /** Pending timed and manual steps (what will happen next, and when). */
  pending(): readonly TaskHandle[]
  /** Empty state, ids from 0, clock back to its start, rules and faults cleared. */
  reset(): Promise<void>
  /** Listens to model events (state changes, statements, deletions). Returns an unsubscribe. */
  on(listener: (event: ModelEvent) => void): () => void
  /** Runs `fn` with exclusive access to the model (no request interleaves). */
  exclusive<T>(fn: (model: LivyModel) => MaybePromise<T>): Promise<T>
}

function resolveClock(option: LivyEmulatorOptions['clock']): Clock {
  if (option === undefined || option === 'manual') return createManualClock()
  if (option === 'system') return createSystemClock()
  return option
}

/**
 * Creates an isolated emulator core: its own store, clock, ids and random source. Several
 * instances in one process never share anything. `createLivyEmulator` adds msw handlers.
 *
 * @example
 * const core = createEmulatorCore({ clock: 'system', timing: 'fast' })
 * await core.fetch('/sessions')
 */
export function createEmulatorCore(options: LivyEmulatorOptions = {}): EmulatorCore {
  const baseUrl = (options.baseUrl ?? 'http://localhost:8998').replace(/\/$/, '')
  const clock = resolveClock(options.clock)
  const timing = resolveTiming(options.timing ?? 'instant')
  const outcomes = createOutcomeRules()
  const listeners = new Set<(event: ModelEvent) => void>()
  const serial = createSerial()
  // `current` is assigned right below; these closures only run once requests arrive.
  const journal = createJournal(() => current.model.context.now())
  const httpFaults = createHttpFaults(() =>
    commonHeaders(current.model.config, current.model.context.now(), JSON_CONTENT_TYPE),
  )
  let control: ReturnType<typeof createControlApi> | undefined
  const filters = (): EdgeFilter[] => [
    (request, next) => (control ? control(request, next) : next(request)),
    journal.filter,
    httpFaults.filter,
    ...(options.filters ?? []),
  ]

  const build = (): { model: LivyModel; edge: Edge } => {
    const model = createLivyModel({
      clock,
      seed: options.seed ?? 'livy-emulator',
      timing,
      livyConf: options.livyConf,
      store: options.store?.(),
      outcomes,
      onEvent: (event) => {
        for (const listener of listeners) listener(event)
      },
    })
    const edge = createEdge({ model, serial, filters: filters(), routes: options.routes })
    return { model, edge }
  }
  let current = build()

  const exclusive = <T>(fn: (model: LivyModel) => MaybePromise<T>): Promise<T> => {
    const result = serial.run(() => andThen(current.model.catchUp(), () => fn(current.model)))
    return isPromise(result) ? result : Promise.resolve(result)
  }

  const handle = (request: EdgeRequest): MaybePromise<EdgeResponse> => current.edge.handle(request)

  const emulator: EmulatorCore = {
    baseUrl,
    clock,
    outcomes,
    faults: {
      sessionStartFails(reason = 'Failed to launch the Spark driver', count = 1) {
        current.model.failNextSessionStarts(reason, count)
      },
      interpreterDies: (sessionId, reason = 'Process exited with code 1') =>
        exclusive((m) => m.killInterpreter(sessionId, reason)),
      driverExits: (sessionId, reason = 'Spark driver exited unexpectedly') =>
        exclusive((m) => m.driverExits(sessionId, reason)),
      batchFails: (batchId, exitCode = 1, reason) =>
        exclusive((m) =>
          m.failBatch(batchId, exitCode, reason ?? `Application failed with exit code ${exitCode}`),
        ),
      nextBatchesFail(exitCode = 1, reason, count = 1) {
        current.model.failNextBatches(
          exitCode,
          reason ?? `Application failed with exit code ${exitCode}`,
          count,
        )
      },
    },
    httpFaults,
    journal,
    snapshot: () => exclusive((model) => snapshot(model.context)),
    get model() {
      return current.model
    },
    get edge() {
      return current.edge
    },
    async fetch(input, init) {
      const url = typeof input === 'string' && input.startsWith('/') ? `${baseUrl}${input}` : input
      const request = typeof url === 'string' ? new Request(url, init) : url
      const base = new URL(baseUrl).pathname.replace(/\/$/, '')
      const result = handle(await fromFetchRequest(request, base))
      return toFetchResponse(isPromise(result) ? await result : result, request.method)
    },
    handle,
    advance(ms) {
      return exclusive(async (model) => {
        clock.advance(ms)
        await model.catchUp()
      })
    },
    advanceToNext() {
      return exclusive(async (model) => {
        const next = model.context.scheduler.nextDueAt()
        const moved = next === undefined ? 0 : Math.max(0, next - clock.now())
        if (moved > 0) clock.advance(moved)
        await model.catchUp()
        return moved
      })
    },
    step: (subject) => exclusive((model) => model.step(subject)),
    pending: () => current.model.pendingSteps(),
    reset() {
      return exclusive(() => {
        current.model.context.scheduler.clear()
        clock.rewind()
        outcomes.clear()
        httpFaults.clear()
        journal.clear()
        current = build()
      })
    },
    on(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    exclusive,
  }
  control = createControlApi({
    clock,
    outcomes,
    httpFaults,
    journal,
    context: () => current.model.context,
    reset: () => emulator.reset(),
    advance: (ms) => emulator.advance(ms),
    advanceToNext: () => emulator.advanceToNext(),
    step: (subject) => emulator.step(subject),
    pendingFaults: () => {
      const faults = current.model.context.faults
      return [
        ...faults.sessionStartFailures.map((f) => ({
          type: 'session-start-fails',
          reason: f.reason,
          remaining: f.remaining,
        })),
        ...faults.batchFailures.map((f) => ({
          type: 'next-batches-fail',
          exitCode: f.exitCode,
          reason: f.reason,
          remaining: f.remaining,
        })),
      ]
    },
    clearPendingFaults: () => {
      current.model.context.faults.sessionStartFailures.length = 0
      current.model.context.faults.batchFailures.length = 0
    },
    exclusive: (fn) => exclusive(() => fn()),
    sessionStartFails: (reason, count) => emulator.faults.sessionStartFails(reason, count),
    interpreterDies: (id, reason) => emulator.faults.interpreterDies(id, reason),
    driverExits: (id, reason) => emulator.faults.driverExits(id, reason),
    batchFails: (id, exitCode, reason) => emulator.faults.batchFails(id, exitCode, reason),
    nextBatchesFail: (exitCode, reason, count) =>
      emulator.faults.nextBatchesFail(exitCode, reason, count),
  })
  return emulator
}
