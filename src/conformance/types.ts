/**
 * The conformance suite's vocabulary: behaviours (MUST statements with stable ids), scenarios
 * (test bodies with the target injected), targets (anything that speaks Livy's REST API) and
 * the results a run produces.
 */

/** A MUST statement about Livy's REST behaviour, e.g. `B-SESSION-004`. */
export interface Behaviour {
  readonly id: string
  /** "A session created without a kind MUST report kind "shared"." */
  readonly statement: string
  /** Where in `REFERENCE.md` it comes from (e.g. `§2.2`, `§12.7`). */
  readonly source: string
  /**
   * Why the statement no longer holds (real Livy contradicted it): the id stays, so old
   * reports keep their meaning, but no scenario needs to cover it.
   */
  readonly retired?: string
}

/** What a target can do beyond Livy's REST API; scenarios declare what they need. */
export type Capability =
  /** The emulator's control API (`/__emulator/…`): reset, clock, outcomes, faults. */
  | 'control'
  /** Time is virtual: waiting advances it instead of sleeping. */
  | 'virtual-time'
  /**
   * Time moves only when asked (a manual clock): scenarios that compare exact times need it. An
   * emulator on the wall clock (`npx livy-emulator`'s default) moves by itself.
   */
  | 'frozen-time'
  /** The server can be emptied between scenarios. */
  | 'reset'
  /** PySpark statements can run (Python on the driver). */
  | 'pyspark'
  /** The server has a local directory whitelisted for session files (`localDir`). */
  | 'local-files'
  /** Requests cross a real socket (content encoding and chunking are observable). */
  | 'wire'

/** Parity of a scenario with real Livy; exactly one per scenario. */
export type Parity =
  /** Verified against a real Apache Livy 0.9.0 (same assertions pass there). */
  | { readonly mark: 'verified' }
  /**
   * A vendor's behaviour as its documentation, swagger or observed clients describe it
   * (`source` says where); not checked against the vendor's service here.
   */
  | { readonly mark: 'documented'; readonly source: string }
  /** Exercises the emulator's control API; real Livy has no equivalent. */
  | { readonly mark: 'emulator-only'; readonly reason: string }
  /** Real Livy differs and the emulator cannot follow; `observed` is what Livy answered. */
  | {
      readonly mark: 'known-divergence'
      readonly reason: string
      readonly observed: { readonly status: number; readonly body: string }
    }

/** A response as a scenario sees it: exact status, headers and body text. */
export interface Exchange {
  readonly method: string
  /** Path as requested (without the target's prefix). */
  readonly path: string
  readonly requestBody: string | undefined
  readonly status: number
  readonly headers: Headers
  readonly text: string
  /** `JSON.parse(text)`; throws a scenario failure when the body is not JSON. */
  json<T = unknown>(): T
  /** The spec operation this exchange matched (`createSession`, …), if any. */
  readonly operationId: string | undefined
  readonly durationMs: number
  /**
   * Made while polling (`waitFor`): how many polls a condition takes depends on the server's
   * speed, so differential runs collapse repeated identical polls into one.
   */
  readonly poll?: boolean
  /** Set by a scenario for an answer that depends on a race inside Livy (see `RequestOptions.race`). */
  readonly race?: string
}

/** Options of one request. */
export interface RequestOptions {
  readonly body?: unknown
  /** Extra headers; `null` leaves out one the set-up or target would send. */
  readonly headers?: Readonly<Record<string, string | null>>
  /**
   * Who the request is from, in set-ups with users (`apache-0.9-secured`); `null` sends no
   * user at all. Default: the set-up's default user.
   */
  readonly user?: string | null
  /** Skip spec validation (for requests that deliberately leave the API, e.g. 405 probes). */
  readonly unvalidated?: boolean
  /**
   * The answer depends on a race inside Livy (say which): differential runs compare only
   * that both servers answered, not what.
   */
  readonly race?: string
}

/** Waiting for a condition (polling). */
export interface WaitOptions {
  /** Give up after this long on a real server (default 90 s; sessions can take 60 s to idle). */
  readonly timeoutMs?: number
  /** Pause between polls (default 1 s on a real server; virtual on the emulator). */
  readonly intervalMs?: number
  readonly description: string
}

/** Kinds of interactive sessions scenarios ask for. */
export type SessionKindName = 'spark' | 'pyspark' | 'sql' | 'shared'

/** What a scenario body gets. */
export interface ScenarioContext {
  readonly target: {
    readonly name: string
    readonly kind: 'livy' | 'emulator'
    readonly capabilities: ReadonlySet<Capability>
  }
  /** The set-up this run checks (prefix, users, default headers). */
  readonly setup: import('./setups.ts').ConformanceSetup
  /** The cluster facts the deployment checks use (examples jar, resources, credentials). */
  readonly deployment: import('./deployment-settings.ts').DeploymentSettings
  /** A whitelisted local directory on the server (needs `local-files`). */
  readonly localDir: string
  request(method: string, path: string, options?: RequestOptions): Promise<Exchange>
  get(path: string, options?: RequestOptions): Promise<Exchange>
  post(path: string, body?: unknown, options?: RequestOptions): Promise<Exchange>
  delete(path: string, options?: RequestOptions): Promise<Exchange>
  /** Polls `probe` until it returns a value other than `undefined`. */
  waitFor<T>(probe: () => Promise<T | undefined>, options: WaitOptions): Promise<T>
  /** Creates a session and deletes it when the scenario ends; returns its id and the 201 exchange. */
  createSession(body?: Record<string, unknown>): Promise<{ id: number; exchange: Exchange }>
  /** Waits until a session reports `state` (default `idle`); returns the states seen on the way. */
  waitForSessionState(
    id: number,
    states: readonly string[],
    options?: Partial<WaitOptions>,
  ): Promise<string[]>
  /** An idle session of `kind` shared by scenarios of this run (created once, deleted at the end). */
  sharedSession(kind: SessionKindName): Promise<number>
  /** Submits code and waits until the statement is `available` (or cancelled); returns it. */
  runStatement(
    sessionId: number,
    code: string,
    kind?: string,
  ): Promise<{ id: number; statement: StatementJson }>
  /** Creates a batch and deletes it when the scenario ends. */
  createBatch(body: Record<string, unknown>): Promise<{ id: number; exchange: Exchange }>
  /** Runs `fn` when the scenario ends (cleanup), newest first. */
  defer(fn: () => Promise<unknown>): void
  /**
   * Awaits a request that Livy answers only once time passes (e.g. one that waits for a
   * driver): on virtual time the clock is moved forward meanwhile.
   */
  whileWaiting<T>(pending: Promise<T>): Promise<T>
  /** The emulator's control API (only with the `control` capability). */
  readonly control: ControlClient
  /** Assertions; each one counts, a scenario that asserts nothing fails. */
  readonly expect: Expectations
  /** Writes a note into the scenario's result (shown in reports). */
  note(text: string): void
  /**
   * Ends the scenario as skipped, with the reason reports print: for a server configured
   * otherwise than the scenario needs, found out by asking it (cleanups still run).
   */
  skip(reason: string): never
}

/** A statement as Livy returns it. */
export interface StatementJson {
  readonly id: number
  readonly code: string
  readonly state: string
  readonly output: null | Record<string, unknown>
  readonly progress: number
  readonly started: number
  readonly completed: number
}

/** Assertions over responses; messages say what was expected, what came, and where. */
export interface Expectations {
  status(exchange: Exchange, status: number): void
  /** The exact body bytes (after the normalisations listed in `exact`, none by default). */
  body(exchange: Exchange, text: string): void
  /** The body as JSON matches `shape`: objects partially, arrays and scalars exactly. */
  json(exchange: Exchange, shape: unknown): void
  /** The body is a bare JSON string (error form B) matching `pattern`. */
  bareString(exchange: Exchange, pattern: string | RegExp): void
  /** The body is `{"msg": …}` (error form A) matching `pattern`. */
  message(exchange: Exchange, pattern: string | RegExp): void
  /** The body is empty (error form C). */
  empty(exchange: Exchange): void
  header(exchange: Exchange, name: string, value: string | RegExp | null): void
  /** Key order of the JSON object body (Livy writes fields in declaration order). */
  keys(exchange: Exchange, keys: readonly string[], at?: (body: unknown) => unknown): void
  that(condition: boolean, message: string): void
  /** `actual` matches `expected` like {@link json} shapes (predicates and RegExps allowed). */
  equal(actual: unknown, expected: unknown, what: string): void
}

/** The emulator control API, as scenarios use it. */
export interface ControlClient {
  advance(ms: number): Promise<void>
  /** Jumps virtual time to the next scheduled step; answers how far it moved. */
  advanceToNext(): Promise<number>
  outcome(rule: Record<string, unknown>): Promise<void>
  fault(fault: Record<string, unknown>): Promise<void>
  reset(): Promise<void>
  state(): Promise<Record<string, unknown>>
  requests(): Promise<{ method: string; path: string; status: number; time: number }[]>
  clock(): Promise<{ now: number; kind: string }>
  raw(method: string, path: string, body?: unknown): Promise<Exchange>
}

/** One scenario of the catalogue. */
export interface Scenario {
  /** Stable id, e.g. `S-SESSION-003`. */
  readonly id: string
  /** Named after the behaviour it pins: "cancelling a waiting statement cancels it at once". */
  readonly title: string
  /** Behaviour ids this scenario checks. */
  readonly covers: readonly string[]
  readonly tags: readonly string[]
  readonly parity: Parity
  /** The server set-up it is written for (default `apache-0.9`); see `setups.ts`. */
  readonly setup?: import('./setups.ts').SetupName
  /**
   * The suite it belongs to (default `conformance`); a run selects one suite. Deployment
   * checks run real work on a cluster and never reset or touch what they did not create.
   */
  readonly suite?: import('./deployment-settings.ts').SuiteName
  readonly requires?: readonly Capability[]
  /** Needs an empty server (no sessions, no batches) at the start. */
  readonly needsEmptyServer?: boolean
  /** Overall time limit on a real server (default 5 min). */
  readonly timeoutMs?: number
  run(ctx: ScenarioContext): Promise<void>
}

/** A spec violation found in a response. */
export interface SpecViolation {
  readonly operationId: string | undefined
  readonly request: string
  readonly status: number
  /** JSON path of the offending value (`$.sessions[0].state`), or `status`/`header:Location`. */
  readonly path: string
  readonly message: string
}

export type Outcome = 'passed' | 'failed' | 'skipped'

/** The result of one scenario on one target. */
export interface ScenarioResult {
  readonly scenario: Scenario
  readonly target: string
  readonly outcome: Outcome
  readonly durationMs: number
  readonly assertions: number
  readonly failure?: string
  readonly skipReason?: string
  readonly notes: readonly string[]
  readonly exchanges: readonly Exchange[]
  readonly violations: readonly SpecViolation[]
}
