import { defaultEngineLoader } from '../engine/default-engine.ts'
import { sampleTables } from '../fixtures/sample-tables.ts'
import { createControlApi } from './control/control-api.ts'
import type { ControlChange, ControlEvent } from './control/control-events.ts'
import { guardControl } from './control/control-guard.ts'
import { createHttpFaults, type HttpFaults } from './control/http-faults.ts'
import { createJournal, type Journal } from './control/journal.ts'
import { type Snapshot, snapshot } from './control/snapshot.ts'
import { directRequest } from './http/direct-request.ts'
import { createEdge, type Edge, type EdgeFilter } from './http/edge.ts'
import { fromFetchRequest, toFetchResponse } from './http/fetch-adapter.ts'
import { jettyErrorPage } from './http/jetty-error-page.ts'
import { andThen, createSerial, isPromise, type MaybePromise } from './http/maybe-async.ts'
import { commonHeaders, JSON_CONTENT_TYPE } from './http/responses.ts'
import { ROUTES, type Route } from './http/routes.ts'
import type { EdgeRequest, EdgeResponse } from './http/types.ts'
import { type Clock, createManualClock, createSystemClock } from './model/clock.ts'
import type { ModelEvent } from './model/context.ts'
import type { EvaluationEngineLoader } from './model/evaluation/evaluation-engine.ts'
import {
  createSeededTables,
  type SeededTables,
  type TableDefinition,
} from './model/evaluation/tables.ts'
import { createLivyModel, type LivyModel } from './model/livy-model.ts'
import { createOutcomeRules, type OutcomeRules } from './model/outcomes/outcome.ts'
import { withOutcomeSources } from './model/outcomes/outcome-source.ts'
import {
  applyPreload,
  type PreloadedIds,
  type PreloadProblem,
  preloadProblems,
} from './model/preload.ts'
import type { TaskHandle } from './model/scheduler.ts'
import type { LivyStore } from './model/store/store.ts'
import { resolveTiming, type Timing, type TimingName } from './model/timing.ts'
import { applyModelOp, type ModelOp } from './persistence/control-ops.ts'
import { stateIdentity } from './persistence/state-header.ts'
import { createStatePersistence, type StateFileStatus } from './persistence/state-persistence.ts'
import type { StateStorage } from './persistence/state-storage.ts'
import { readPreloadFile } from './preload/preload-file.ts'
import {
  isCheckedPreload,
  type Preload,
  type PreloadData,
  PreloadError,
  parsePreload,
} from './preload/preload-format.ts'
import { type LivyProfile, type ProfileName, resolveProfile } from './profiles/index.ts'
import { defaultUpstreamTransport } from './recording/default-transport.ts'
import { createRecordProxy, type RecordProxy } from './recording/record-proxy.ts'
import { parseRecording, type Recording, RecordingError } from './recording/recording-format.ts'
import {
  fileRecordingSink,
  type RecordingSink,
  readRecordingText,
} from './recording/recording-sink.ts'
import { createReplaySource } from './recording/replay-source.ts'
import type { UpstreamTransport } from './recording/upstream.ts'
import { authFromConf } from './security/auth-from-conf.ts'
import type { AuthOptions } from './security/authenticate.ts'
import { jettyRefusal, securityFilters } from './security/filters.ts'
import { createAuthCookies, randomAuthSecret } from './security/hadoop-cookie.ts'

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
  /**
   * Store factory, to swap the default store (an index, with an `@msw/data` collection on
   * demand) for another implementation.
   */
  readonly store?: () => LivyStore
  /** Filters in front of Livy's servlets (used by the server, profiles and tests). */
  readonly filters?: readonly EdgeFilter[]
  /** Route table override (tests use it to build a deliberately wrong emulator). */
  readonly routes?: readonly Route[]
  /**
   * Vendor flavour: `apache-0.9` (default), `apache-0.8`, `apache-0.7`, `fabric`, `hdinsight`, `synapse`,
   * `spyt`, or your own {@link LivyProfile}. It reshapes the HTTP edge only.
   */
  readonly profile?: ProfileName | LivyProfile
  /**
   * Credentials the endpoint requires: checked by Livy's authentication filter (Apache
   * profiles) or by the vendor's gateway (Fabric, Synapse: Bearer; HDInsight: Basic). Also
   * settable with `livy.server.auth.*` / `livy-emulator.auth.*` keys in `livyConf`.
   */
  readonly auth?: AuthOptions
  /**
   * The secret that signs `hadoop.auth` cookies (also `livy-emulator.auth.secret` in
   * `livyConf`). Default: 32 random bytes per emulator, as Hadoop's default signer has, so a
   * cookie cannot be forged from anything public. Pin it only to keep cookies valid across a
   * restart, and keep it as secret as a password.
   */
  readonly authSecret?: string
  /**
   * The control API under `/__emulator` (`false`: off, those paths are Livy's 404s). When
   * Livy's authentication is on, it takes the same credentials; `token` (or
   * `livy-emulator.control.token`) opens it too. Open, it answers only to loopback names, IP
   * literals, the `baseUrl` host and `hosts`. Writes need a JSON body and a same-origin (or
   * `origins`-listed) `Origin`. See SECURITY.md.
   */
  readonly control?: false | ControlOptions
  /**
   * Where to keep the state so it survives a restart (an append-only log; `createFileStateStorage`
   * from `livy-emulator/node` for a file). Await `ready` before relying on the replayed state.
   */
  readonly stateStorage?: StateStorage
  /**
   * How statements get their outputs when no outcome rule answers: `'engine'` (default) runs
   * the code for real (Python, Spark SQL and Scala on a Spark-like engine, loaded on the first
   * statement); `'scripted'` uses small built-in interpreters only, with no start-up cost.
   */
  readonly evaluate?: 'engine' | 'scripted'
  /** The engine to use with `evaluate: 'engine'` (default: worker threads in Node, Web Workers in a browser). */
  readonly engine?: EvaluationEngineLoader
  /**
   * Real milliseconds `advance()`/`step()` wait for statement code still running (default
   * 10 000); code that runs longer keeps its statement `running` (cancel stops it).
   */
  readonly evaluationWaitMs?: number
  /** Tables every session's SQL and DataFrames see (Spark's `default` database). */
  readonly tables?: readonly TableDefinition[]
  /** Adds faker-generated `people` and `orders` tables, seeded by `seed`. */
  readonly sampleData?: boolean
  /**
   * Record mode: the emulator becomes a transparent proxy to a real Livy and records what it
   * sees (statements per kind with their outputs, batches with their final state and log,
   * every exchange normalised) to `recordFrom.to`. Nothing is emulated meanwhile.
   */
  readonly recordFrom?: RecordFromOptions
  /**
   * A recording to replay (a parsed one, or a file path in Node): recorded code answers with
   * its recorded output, after your outcome rules and before the engine. A malformed
   * recording throws a `RecordingError` naming the problem.
   */
  readonly replay?: Recording | string
  /**
   * What exists when the emulator starts, and again after every `reset()`: sessions (with
   * their statements and outputs, in any state), batches, outcome rules and tables, as data or
   * (in Node) a JSON or YAML file's path. Sessions and batches get Livy's ids in the order
   * given and answer exactly as ones made by requests. A bad preload throws a `PreloadError`
   * naming the field. Not with `stateStorage` (the state file restores the state itself).
   * Also takes what `parsePreload` returned.
   */
  readonly preload?: PreloadData | string | Preload
}

/** Where record mode forwards to and where it writes (see {@link LivyEmulatorOptions.recordFrom}). */
export interface RecordFromOptions {
  /** The real Livy's URL (`https://livy.staging:8998`). */
  readonly url: string
  /** The recording file (Node; replaced atomically after every exchange), or your sink. */
  readonly to: string | RecordingSink
  /** Credentials for the upstream: `basic:user:pass` or `bearer:TOKEN` (never recorded). */
  readonly auth?: string
  /** Extra headers on every upstream request (their values are never recorded). */
  readonly headers?: Readonly<Record<string, string>>
  /** A path in front of Livy's routes upstream (`/livy` behind a gateway). */
  readonly prefix?: string
  /** Accept a self-signed TLS certificate (Node only). */
  readonly insecure?: boolean
  /** Per upstream request (default 120 000 ms). */
  readonly timeoutMs?: number
  /** How requests reach the upstream (default: node:http(s) in Node, fetch elsewhere). */
  readonly transport?: UpstreamTransport
  /** Something could not be recorded (default: a line on stderr). */
  readonly onWarning?: (message: string) => void
}

/** Who may use the control API (see {@link LivyEmulatorOptions.control}). */
export interface ControlOptions {
  readonly token?: string
  /** More host names an open control API answers to (e.g. a shared server's name). */
  readonly hosts?: readonly string[]
  /** Origins whose pages may change state (the server's CORS list). */
  readonly origins?: readonly string[]
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
  /** The vendor profile in effect. */
  readonly profile: LivyProfile
  readonly clock: Clock
  /** Scripted statement outcomes (newest matching rule wins). */
  readonly outcomes: OutcomeRules
  /** Tables every session's SQL sees; `reset()` goes back to the ones given at creation. */
  readonly tables: SeededTables
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
  /**
   * Listens to everything the control page shows live: model events, journal entries, and
   * the clock moving, resets, rule, fault and table changes. Returns an unsubscribe.
   *
   * @example
   * const stop = emulator.watch((e) => { if (e.kind === 'request') console.log(e.entry.path) })
   */
  watch(listener: (event: ControlEvent) => void): () => void
  /**
   * Creates more sessions, batches, rules and tables now, as a preload file describes them
   * (ids go on from the ones already used). Unlike the `preload` option, what it creates is
   * gone after `reset()`. Rejects with a `PreloadError` naming the bad field, creating nothing.
   *
   * @example
   * await livy.preload({ sessions: [{ kind: 'pyspark', state: 'dead' }] }) // { sessions: [0], batches: [] }
   */
  preload(data: PreloadData): Promise<PreloadedIds>
  /** Runs `fn` with exclusive access to the model (no request interleaves). */
  exclusive<T>(fn: (model: LivyModel) => MaybePromise<T>): Promise<T>
  /**
   * Resolves once the emulator may be used: at once, or when its state file has been replayed
   * (requests wait for it meanwhile). Rejects with a `StateFileError` when it cannot be.
   */
  readonly ready: Promise<void>
  /** The state file (with `stateStorage`): what opening it recovered, and whether it failed. */
  readonly stateFile: StateFileStatus | undefined
  /** Record mode: the upstream and the recording so far (undefined when not recording). */
  readonly recording: { readonly upstream: string; current(): Recording } | undefined
  /** What protects it: Livy's (or the gateway's) authentication, and the control API's state. */
  readonly protection: {
    readonly auth: boolean
    readonly control: 'off' | 'open' | 'protected'
  }
}

/** A profile's routes replace Livy's with the same method and path, or add to them. */
function mergeRoutes(base: readonly Route[], extra: readonly Route[]): Route[] {
  const key = (r: Route) => `${r.method} ${r.path}`
  const replaced = new Map(extra.map((r) => [key(r), r]))
  const merged = base.map((r) => replaced.get(key(r)) ?? r)
  for (const r of extra) if (!base.some((b) => key(b) === key(r))) merged.push(r)
  return merged
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
  const baseHost = new URL(baseUrl).host
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, '')
  const profile = resolveProfile(options.profile)
  const livyConf = { ...profile.livyConf, ...options.livyConf }
  const seed = String(options.seed ?? 'livy-emulator')
  const routes = options.routes ?? mergeRoutes(ROUTES, profile.routes ?? [])
  const baseClock = resolveClock(options.clock)
  const timing = resolveTiming(options.timing ?? 'instant')
  const innerRules = createOutcomeRules()
  const engine =
    (options.evaluate ?? livyConf['livy-emulator.evaluate'] ?? 'engine') === 'scripted'
      ? null
      : (options.engine ?? defaultEngineLoader)
  const preload = loadPreload(options.preload)
  if (preload && options.stateStorage)
    throw new PreloadError(
      `${preload.source}: a preload and a state file cannot be combined (the state file restores the state it kept)`,
    )
  const tables = createSeededTables([
    ...(options.sampleData ? sampleTables(seed) : []),
    ...(options.tables ?? []),
    ...(preload?.tables ?? []),
  ])
  const listeners = new Set<(event: ModelEvent) => void>()
  const replay = loadReplay(options.replay)
  const watchers = new Set<(event: ControlEvent) => void>()
  const tell = (event: ControlEvent): void => {
    for (const watcher of watchers) watcher(event)
  }
  const moved = (what: ControlChange) => (): void => tell({ kind: 'changed', what })
  // `current` is assigned right below; these closures only run once requests arrive.
  const journal = createJournal(() => current.model.context.now())
  const innerHttpFaults = createHttpFaults(() =>
    commonHeaders(current.model.config, current.model.context.now(), JSON_CONTENT_TYPE),
  )
  // With a state file, time, the serial section, rules and faults go through its log.
  const persistence = options.stateStorage
    ? createStatePersistence({
        storage: options.stateStorage,
        identity: stateIdentity({
          seed,
          timing,
          livyConf,
          clockKind: baseClock.kind,
          profile: profile.name,
        }),
        clock: baseClock,
        serial: createSerial(),
        outcomes: innerRules,
        httpFaults: innerHttpFaults,
        current: () => current,
      })
    : undefined
  const clock: Clock = persistence?.clock ?? baseClock
  const serial = persistence?.serial ?? createSerial()
  const outcomes: OutcomeRules = persistence?.outcomes ?? innerRules
  const httpFaults: HttpFaults = persistence?.httpFaults ?? innerHttpFaults
  let control: ReturnType<typeof createControlApi> | undefined
  let protection: EmulatorCore['protection'] = { auth: false, control: 'open' }
  // One secret per emulator (a reset keeps it, so cookies issued before a reset still work).
  const pinnedSecret = options.authSecret ?? livyConf['livy-emulator.auth.secret']
  const cookies = createAuthCookies(
    pinnedSecret === undefined ? randomAuthSecret : String(pinnedSecret),
  )
  // Outermost first: the emulator's own filters, the vendor's gateway, injected faults (on
  // Livy paths), then Livy's security filters in front of its servlets.
  const filters = (model: LivyModel): EdgeFilter[] => {
    const config = model.config
    const configured = options.auth ?? authFromConf(config)
    const env = {
      config,
      model: () => current.model,
      now: () => current.model.context.now(),
      seed,
      auth: profile.authAt === 'gateway' ? configured : undefined,
      cookies,
    }
    const controlOptions = options.control === false ? undefined : (options.control ?? {})
    const controlToken =
      controlOptions?.token ?? config.raw['livy-emulator.control.token'] ?? undefined
    protection = {
      auth: configured !== undefined,
      control: !controlOptions
        ? 'off'
        : configured !== undefined || controlToken !== undefined
          ? 'protected'
          : 'open',
    }
    const guarded = controlOptions
      ? guardControl(
          (request, next) => (control ? control(request, next) : next(request)),
          () => ({
            auth: configured,
            cookies,
            now: env.now,
            token: controlToken,
            hosts: [
              new URL(baseUrl).hostname.toLowerCase(),
              ...(controlOptions.hosts ?? []).map((h) => h.toLowerCase()),
            ],
            origins: controlOptions.origins ?? [],
          }),
        )
      : undefined
    return [
      (request, next) => (guarded ? guarded(request, next) : next(request)),
      journal.filter,
      ...profile.gateway(env),
      httpFaults.filter,
      ...securityFilters({
        config,
        access: model.context.access,
        auth: profile.authAt === 'livy' ? configured : undefined,
        cookies: env.cookies,
        now: env.now,
        render: profile.refusal?.(env) ?? jettyRefusal(config),
      }),
      ...(options.filters ?? []),
    ]
  }

  const build = (): { model: LivyModel; edge: Edge } => {
    const model = createLivyModel({
      clock,
      seed,
      timing,
      livyConf,
      store: options.store?.(),
      // A recording answers after the user's rules and before the engine; a fresh source per
      // model, so a reset replays a recording from its start.
      outcomes: replay
        ? withOutcomeSources(innerRules, [createReplaySource(replay.recording, replay.name)])
        : innerRules,
      engine,
      tables,
      ...(options.evaluationWaitMs === undefined
        ? {}
        : { evaluationWaitMs: options.evaluationWaitMs }),
      onEvent: (event) => {
        for (const listener of listeners) listener(event)
        if (watchers.size > 0) tell({ kind: 'model', event })
      },
    })
    const edge = createEdge({
      model,
      serial,
      filters: filters(model),
      routes,
      onServed: persistence?.onServed,
    })
    return { model, edge }
  }
  let current = build()
  // The preload's rules come first, so rules added later win over them (the newest wins).
  const addPreloadedRules = (): void => {
    for (const { rule } of preload?.outcomes ?? []) innerRules.add(rule)
  }
  if (preload) {
    // What depends on the configuration (impersonation, whitelists) fails here, at creation.
    const problems = preloadProblems(current.model.context, preload.plan)
    if (problems.length > 0) throw refused(preload.source, problems)
    addPreloadedRules()
  }
  const preloadModel = (): MaybePromise<unknown> =>
    preload ? applyPreload(current.model.context, preload.plan) : undefined
  const proxy = options.recordFrom ? recordProxy(options.recordFrom, clock.now()) : undefined

  const exclusive = <T>(fn: (model: LivyModel) => MaybePromise<T>): Promise<T> => {
    const result = serial.run(() => andThen(current.model.catchUp(), () => fn(current.model)))
    return isPromise(result) ? result : Promise.resolve(result)
  }

  /**
   * The one place where an error no filter or servlet answered becomes a response: Jetty's
   * 500 page, as a filter's exception gets in front of Livy, and a line on stderr. The msw
   * handlers and the Node server both come through here, so no request rejects or throws.
   */
  const internalError = (request: EdgeRequest, e: unknown): EdgeResponse => {
    console.error('livy-emulator: request failed', request.method, request.path, e)
    return jettyErrorPage(current.model.config, request, 500, 'Server Error', [], {
      date: current.model.context.now(),
    })
  }
  const handle = (request: EdgeRequest): MaybePromise<EdgeResponse> => {
    if (proxy) return proxy.handle(request).catch((e: unknown) => internalError(request, e))
    try {
      const result = persistence?.status.failure
        ? persistence.unavailable()
        : current.edge.handle(request)
      return isPromise(result) ? result.catch((e: unknown) => internalError(request, e)) : result
    } catch (e) {
      return internalError(request, e)
    }
  }

  // Async APIs reject rather than throw, also when the operation fails synchronously.
  const promised = <T>(run: () => MaybePromise<T>): Promise<T> => {
    try {
      const value = run()
      return isPromise(value) ? value : Promise.resolve(value)
    } catch (e) {
      return Promise.reject(e)
    }
  }
  // For operations whose API returns nothing: a state file reports its own failures.
  const background = (value: MaybePromise<unknown>): void => {
    if (isPromise(value)) value.catch(() => undefined)
  }
  /**
   * Applies a model operation at once, or between requests (`serialised`); with a state file
   * always between requests, and logged, so a restart replays it.
   */
  const operate = <T>(op: ModelOp, serialised: boolean): MaybePromise<T> => {
    const apply = () => applyModelOp(op, clock, current.model) as MaybePromise<T>
    if (persistence) return persistence.run(op, apply)
    return serialised ? exclusive(apply) : apply()
  }
  // The log is replayed before anything else runs: requests queue behind it.
  const ready = persistence
    ? promised(() => serial.run(() => persistence.replay()))
    : promised(() => serial.run(preloadModel)).then(() => undefined)
  ready.catch(() => undefined)

  let stopJournal: (() => void) | undefined
  const emulator: EmulatorCore = {
    baseUrl,
    profile,
    clock,
    outcomes,
    tables,
    faults: {
      sessionStartFails(reason = 'Failed to launch the Spark driver', count = 1) {
        background(operate({ op: 'session-start-fails', reason, count }, false))
      },
      interpreterDies: (sessionId, reason = 'Process exited with code 1') =>
        promised(() => operate({ op: 'interpreter-dies', sessionId, reason }, true)),
      driverExits: (sessionId, reason = 'Spark driver exited unexpectedly') =>
        promised(() => operate({ op: 'driver-exits', sessionId, reason }, true)),
      batchFails: (batchId, exitCode = 1, reason) =>
        promised(() =>
          operate(
            {
              op: 'batch-fails',
              batchId,
              exitCode,
              reason: reason ?? `Application failed with exit code ${exitCode}`,
            },
            true,
          ),
        ),
      nextBatchesFail(exitCode = 1, reason, count = 1) {
        const why = reason ?? `Application failed with exit code ${exitCode}`
        background(operate({ op: 'next-batches-fail', exitCode, reason: why, count }, false))
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
      const direct =
        typeof input === 'string' && input.startsWith('/')
          ? directRequest(input, init, baseHost)
          : undefined
      if (direct) {
        const result = handle(direct)
        return toFetchResponse(isPromise(result) ? await result : result, direct.method)
      }
      const url = typeof input === 'string' && input.startsWith('/') ? `${baseUrl}${input}` : input
      const request = typeof url === 'string' ? new Request(url, init) : url
      const result = handle(await fromFetchRequest(request, basePath))
      return toFetchResponse(isPromise(result) ? await result : result, request.method)
    },
    handle,
    advance: (ms) =>
      promised(() => operate<void>({ op: 'advance', ms }, true)).finally(moved('clock')),
    advanceToNext: () =>
      promised(() => operate<number>({ op: 'advance-to-next' }, true)).finally(moved('clock')),
    step: (subject) =>
      promised(() =>
        operate<TaskHandle | undefined>(
          { op: 'step', ...(subject === undefined ? {} : { subject }) },
          true,
        ),
      ).finally(moved('clock')),
    pending: () => current.model.pendingSteps(),
    reset() {
      return exclusive(() => {
        current.model.context.scheduler.clear()
        current.model.context.evaluation?.dropAll()
        tables.reset()
        clock.rewind()
        innerRules.clear()
        innerHttpFaults.clear()
        journal.clear()
        current = build()
        // A reset starts the state file afresh too (ids start again from 0, as without one).
        persistence?.reset()
        addPreloadedRules()
        return preloadModel()
      })
        .then(() => undefined)
        .finally(moved('reset'))
    },
    preload(data) {
      return promised(() => {
        if (persistence)
          throw new PreloadError(
            'preload() cannot be used with a state file (what it creates would not be kept)',
          )
        const parsed = parsePreload(data, 'preload')
        return exclusive(async (model) => {
          const problems = preloadProblems(model.context, parsed.plan)
          if (problems.length > 0) throw refused('preload', problems)
          for (const table of parsed.tables) tables.define(table)
          for (const { rule } of parsed.outcomes) outcomes.add(rule)
          if (parsed.tables.length > 0) tell({ kind: 'changed', what: 'tables' })
          if (parsed.outcomes.length > 0) tell({ kind: 'changed', what: 'outcomes' })
          return applyPreload(model.context, parsed.plan)
        })
      })
    },
    on(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    watch(listener) {
      // The journal is told only while someone watches: serving requests stays as cheap.
      const unjournal =
        watchers.size === 0 ? journal.on((entry) => tell({ kind: 'request', entry })) : undefined
      if (unjournal) stopJournal = unjournal
      watchers.add(listener)
      return () => {
        watchers.delete(listener)
        if (watchers.size === 0) {
          stopJournal?.()
          stopJournal = undefined
        }
      }
    },
    exclusive,
    ready,
    stateFile: persistence?.status,
    recording: proxy
      ? { upstream: proxy.upstream, current: () => proxy.recorder.recording }
      : undefined,
    get protection() {
      return protection
    },
  }
  control = createControlApi({
    clock,
    outcomes,
    tables,
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
    clearPendingFaults: () => background(operate({ op: 'model-faults-clear' }, false)),
    ...(persistence
      ? { addOutcome: (rule, json) => persistence.outcomes.addFromJson(rule, json) }
      : {}),
    exclusive: (fn) => exclusive(() => fn()),
    watch: (listener) => emulator.watch(listener),
    changed: (what) => tell({ kind: 'changed', what }),
    sessionStartFails: (reason, count) => emulator.faults.sessionStartFails(reason, count),
    interpreterDies: (id, reason) => emulator.faults.interpreterDies(id, reason),
    driverExits: (id, reason) => emulator.faults.driverExits(id, reason),
    batchFails: (id, exitCode, reason) => emulator.faults.batchFails(id, exitCode, reason),
    nextBatchesFail: (exitCode, reason, count) =>
      emulator.faults.nextBatchesFail(exitCode, reason, count),
  })
  return emulator
}

/** The preload, read and checked (a bad one throws here, at creation). */
function loadPreload(preload: LivyEmulatorOptions['preload']): Preload | undefined {
  if (preload === undefined) return undefined
  if (typeof preload === 'string') return readPreloadFile(preload)
  return isCheckedPreload(preload) ? preload : parsePreload(preload, 'preload')
}

/** What the model's configuration or state refuses in a preload, as one error. */
const refused = (source: string, problems: readonly PreloadProblem[]): PreloadError =>
  new PreloadError(
    `${source}: cannot be preloaded: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
  )

/** The recording to replay, parsed and checked (a bad one throws here, at creation). */
function loadReplay(
  replay: LivyEmulatorOptions['replay'],
): { recording: Recording; name: string } | undefined {
  if (replay === undefined) return undefined
  if (typeof replay !== 'string')
    return { recording: parseRecording(replay, 'replay'), name: 'replay' }
  let text: string
  try {
    text = readRecordingText(replay)
  } catch (e) {
    throw new RecordingError(`${replay}: cannot read the recording: ${(e as Error).message}`)
  }
  return { recording: parseRecording(text, replay), name: replay }
}

function recordProxy(options: RecordFromOptions, startedAt: number): RecordProxy {
  return createRecordProxy({
    url: options.url,
    ...(options.auth === undefined ? {} : { auth: options.auth }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
    transport:
      options.transport ??
      defaultUpstreamTransport({
        ...(options.insecure ? { insecure: true } : {}),
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      }),
    sink: typeof options.to === 'string' ? fileRecordingSink(options.to) : options.to,
    recordedAt: new Date(startedAt).toISOString(),
    onWarning:
      options.onWarning ?? ((message) => console.error(`livy-emulator (recording): ${message}`)),
  })
}
