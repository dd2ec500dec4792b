import { createLazySparkLogs } from '../../fixtures/spark-logs.ts'
import { ANONYMOUS, type Caller, createAccessManager } from './access.ts'
import { type CreateBatchInput, createBatch, deleteBatch, failBatchNow } from './batches.ts'
import type { Clock } from './clock.ts'
import { type LivyConfig, resolveLivyConf } from './config.ts'
import {
  createStateHistory,
  type JobEntry,
  type ModelContext,
  type ModelEvent,
  type StatementEntry,
} from './context.ts'
import { complete, listStatements, remoteFailure } from './driver.ts'
import { ModelError, parseJavaInt } from './errors.ts'
import type { EvaluationEngineLoader } from './evaluation/evaluation-engine.ts'
import { createEvaluations } from './evaluation/evaluations.ts'
import type { SeededTables } from './evaluation/tables.ts'
import { startHousekeeping } from './housekeeping.ts'
import {
  type CreateSessionInput,
  cancel,
  childProcesses,
  createInteractiveSession,
  deleteInteractive,
  driverExits,
  driverHost,
  driverPending,
  ensureActive,
  ensureRunning,
  executeStatement,
  heartbeat,
  interactiveState,
  interpreterDies,
  recordActivity,
  stopInteractive,
  waitForDriver,
} from './interactive.ts'
import { jobExceptionTrace, missingJobClassTrace, onDriverClasspath } from './jobs/job-failure.ts'
import type { JavaValue } from './jobs/job-value.ts'
import { kryoJobClass } from './jobs/kryo-job-class.ts'
import { kryoSerialize } from './jobs/kryo-writer.ts'
import { jobMachine } from './machines/job-machine.ts'
import { isTerminal, transition, transitionOrThrow } from './machines/machine.ts'
import type { ReportedState } from './machines/session-machines.ts'
import { createToyInterpreters } from './outcomes/interpreters.ts'
import { createOutcomeRules, type OutcomeRules } from './outcomes/outcome.ts'
import { type LogPage, pageList, pageLog } from './paging.ts'
import { createRandom, type Random } from './random.ts'
import { resolveUri } from './resources.ts'
import { createScheduler, type TaskHandle } from './scheduler.ts'
import type { BatchRecord, SessionRecord } from './store/records.ts'
import { createStore, type LivyStore } from './store/store.ts'
import type { Timing } from './timing.ts'
import { BatchViewOf, SessionViewOf } from './views.ts'

/** An interactive session as a response shows it. */
export interface SessionView {
  readonly record: SessionRecord
  readonly state: ReportedState
  /** Last 10 log lines, or `[]` for callers without view access (computed on read). */
  readonly log: readonly string[]
  /** Changes whenever `log` would (a serialiser may reuse its previous output). */
  readonly logKey: string
}

/** A batch as a response shows it. */
export interface BatchView {
  readonly record: BatchRecord
  readonly log: readonly string[]
  readonly logKey: string
}

/** A page of sessions or batches. */
export interface ListView<T> {
  readonly from: number
  readonly total: number
  readonly items: readonly T[]
}

/** `GET …/statements`. */
export interface StatementListView {
  readonly total: number
  readonly statements: readonly StatementEntry[]
}

/** `JobStatus`. */
export interface JobView {
  readonly id: number
  readonly state: JobEntry['state']
  readonly result: string | null
  readonly error: string | null
}

/** Access a route needs on the session it addresses. */
export type Access = 'none' | 'view' | 'modify'

/** Thrown when a request must wait for a driver that is still starting (LIVY-1013). */
export class DriverNotReady extends Error {
  readonly ready: Promise<void>
  constructor(ready: Promise<void>) {
    super('driver not connected yet')
    this.ready = ready
  }
}

export interface LivyModelOptions {
  readonly clock: Clock
  readonly seed: string | number
  readonly timing: Timing
  readonly livyConf?: Readonly<Record<string, string | number | boolean>>
  readonly store?: LivyStore
  /** Outcome rules (kept by the emulator so they survive a model rebuild). */
  readonly outcomes?: OutcomeRules
  /** Evaluates statement code for real (loaded on first use); scripted outputs only without. */
  readonly engine?: EvaluationEngineLoader | null
  /** The emulator's tables (seen by every session's SQL). */
  readonly tables?: SeededTables
  /** Real milliseconds `settle()` waits for running code at most. */
  readonly evaluationWaitMs?: number
  readonly onEvent?: (event: ModelEvent) => void
}

/**
 * The Livy server without HTTP: sessions, batches, statements, jobs, the GC and heartbeat
 * threads, all on injected time and randomness. The HTTP edge calls it; it never sees a request.
 */
export interface LivyModel {
  readonly context: ModelContext
  readonly config: LivyConfig
  readonly outcomes: OutcomeRules
  readonly random: Random

  /** Runs every step due by now; call before handling a request (sync when the steps are). */
  catchUp(): void | Promise<void>
  /**
   * Lets the code statements are running finish (real time, bounded) and runs what became due
   * with it. Moving virtual time (`advance`, `step`) does this first and after.
   */
  settle(): Promise<void>
  hasDue(): boolean

  /** `livy.server.session.max-creation` reached (checked before the body is read). */
  tooManySessions(): boolean

  listSessions(from: number, size: number, caller?: Caller): ListView<SessionView>
  createSession(input: CreateSessionInput, caller?: Caller): Promise<SessionView>
  /** Resolves `{id}` (digits → id, else name), checks access, refreshes the heartbeat. */
  session(segment: string, access: Access, caller?: Caller): SessionRecord
  sessionView(record: SessionRecord, caller?: Caller): SessionView
  sessionState(record: SessionRecord): ReportedState
  sessionLog(record: SessionRecord, from?: number, size?: number): LogPage
  deleteSession(record: SessionRecord): Promise<void>
  stopSession(record: SessionRecord): Promise<void>
  connectSession(record: SessionRecord): SessionView
  /** Restarts the idle timeout without doing anything else (vendors' `reset-timeout`). */
  keepAlive(record: SessionRecord): void

  /** `from`/`size` arrive as text: Livy parses them only after checking the session. */
  listStatements(
    record: SessionRecord,
    from: string | undefined,
    size: string | undefined,
    order: string | undefined,
  ): StatementListView
  createStatement(record: SessionRecord, code: string, kind: string | null): StatementEntry
  getStatement(record: SessionRecord, statementIdText: string): StatementEntry
  cancelStatement(record: SessionRecord, statementIdText: string): void
  completion(
    record: SessionRecord,
    code: string,
    kind: string | null,
    cursor: number,
  ): string[] | Promise<string[]>

  submitJob(record: SessionRecord, job: string | null, jobType: string | null): JobView
  getJob(record: SessionRecord, jobIdText: string): JobView
  cancelJob(record: SessionRecord, jobIdText: string): void
  addResource(record: SessionRecord, kind: 'jar' | 'pyfile' | 'file', uri: string): void
  uploadResource(record: SessionRecord, kind: 'jar' | 'pyfile' | 'file', fileName: string): void

  listBatches(from: number, size: number, caller?: Caller): ListView<BatchView>
  createBatch(input: CreateBatchInput, caller?: Caller): Promise<BatchView>
  batch(segment: string, access: Access, caller?: Caller): BatchRecord
  batchView(record: BatchRecord, caller?: Caller): BatchView
  batchLog(record: BatchRecord, from?: number, size?: number): LogPage
  deleteBatch(record: BatchRecord): Promise<void>

  /** Faults that act on the model. */
  failNextSessionStarts(reason: string, count?: number): void
  failNextBatches(exitCode: number, reason: string, count?: number): void
  killInterpreter(sessionId: number, reason: string): void
  driverExits(sessionId: number, reason: string): Promise<void>
  failBatch(batchId: number, exitCode: number, reason: string): Promise<void>

  /** Runs the oldest manual step (timing `'manual'`), optionally for one session/batch. */
  step(subject?: string): Promise<TaskHandle | undefined>
  pendingSteps(): TaskHandle[]
}

/**
 * A job's `result` field: the Kryo bytes of the value, base64 (Jackson's byte[]). Livy's
 * BypassJob serialises only non-null results, so a job returning null reports `null`.
 */
function jobResult(value: JavaValue | undefined): string | null {
  if (value === undefined || value.type === 'null') return null
  let text = ''
  for (const b of kryoSerialize(value)) text += String.fromCharCode(b)
  return btoa(text)
}

/**
 * The bytes of a job payload the edge accepted as base64; anything `atob` still refuses reads
 * as no bytes (a payload that is not a Kryo job), never as an error of the emulator's own.
 */
function base64Bytes(base64: string): Uint8Array {
  try {
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  } catch {
    return new Uint8Array(0)
  }
}

/** What Livy's driver reports for a job payload that is not a Kryo-serialised Job. */
function kryoFailure(base64: string): string {
  const bytes = base64Bytes(base64)
  let value = 0
  for (let i = 0, shift = 0; i < Math.min(bytes.length, 5); i++, shift += 7) {
    const b = bytes[i] as number
    value |= (b & 0x7f) << shift
    if ((b & 0x80) === 0) break
  }
  const reason =
    value >= 2
      ? `org.apache.livy.shaded.kryo.kryo.KryoException: Encountered unregistered class ID: ${value - 2}`
      : 'org.apache.livy.shaded.kryo.kryo.KryoException: Buffer underflow.'
  return `${reason}\n\tat org.apache.livy.shaded.kryo.kryo.Kryo.readClassAndObject(Kryo.java:804)\n\tat org.apache.livy.client.common.Serializer.deserialize(Serializer.java:67)\n\tat org.apache.livy.rsc.driver.BypassJob.call(BypassJob.java:39)\n`
}

function resolveSegment(segment: string): { id: number } | { name: string } {
  if (/^[0-9]{1,9}$/.test(segment)) return { id: Number(segment) }
  // Scala's `forall(_.isDigit)` then `toInt`: Java parses any Unicode decimal digits.
  if (/^\p{Nd}+$/u.test(segment)) return { id: parseJavaInt(toAsciiDigits(segment)) }
  return { name: segment }
}

/** Java's `Character.digit` for decimal digits of any script (runs of ten code points). */
function toAsciiDigits(text: string): string {
  return [...text.normalize('NFKC')]
    .map((ch) => {
      if (/[0-9]/.test(ch)) return ch
      let cp = ch.codePointAt(0) as number
      let value = 0
      while (value < 9 && /\p{Nd}/u.test(String.fromCodePoint(cp - 1))) {
        cp--
        value++
      }
      return String(value)
    })
    .join('')
}

export function createLivyModel(options: LivyModelOptions): LivyModel {
  const config = resolveLivyConf(options.livyConf)
  const random = createRandom(options.seed)
  // On virtual time, code a statement runs is taken to take no time: before the clock passes a
  // statement's end, its code gets to finish (docs/decisions/0016).
  const evaluation = options.engine
    ? createEvaluations({
        loader: options.engine,
        ...(options.tables ? { tables: options.tables } : {}),
        ...(options.evaluationWaitMs === undefined ? {} : { waitMs: options.evaluationWaitMs }),
      })
    : null
  const scheduler = createScheduler(options.clock, {
    beforeRun: (at) => (options.clock.kind === 'manual' ? evaluation?.dueWait(at) : undefined),
  })
  const store = options.store ?? createStore()
  const outcomes = options.outcomes ?? createOutcomeRules()
  const context: ModelContext = {
    config,
    timing: options.timing,
    clock: options.clock,
    store,
    scheduler,
    random,
    logs: createLazySparkLogs(random),
    outcomes,
    interpreters: createToyInterpreters(),
    evaluation,
    access: createAccessManager(config),
    faults: { sessionStartFailures: [], batchFailures: [] },
    sessions: new Map(),
    batches: new Map(),
    counters: { session: 0, batch: 0, yarnApp: 0, leakedDrivers: 0 },
    history: createStateHistory(),
    now: () => scheduler.now(),
    changed: (event) => options.onEvent?.(event),
  }
  startHousekeeping(context, options.clock.now())

  const notFound = (segment: string): never => {
    throw new ModelError('session-not-found', `Session '${segment}' not found.`)
  }

  const check = (
    access: Access,
    owner: string | null,
    proxyUser: string | null,
    caller: Caller,
  ): void => {
    if (access === 'none') return
    const ok =
      access === 'view'
        ? context.access.hasViewAccess(owner, caller, proxyUser)
        : context.access.hasModifyAccess(owner, caller, proxyUser)
    if (!ok) throw new ModelError('forbidden', 'access denied')
  }

  const canView = (owner: string | null, proxyUser: string | null, caller: Caller): boolean =>
    context.access.hasViewAccess(owner, caller, proxyUser)

  const logLines = (record: SessionRecord): string[] =>
    context.sessions.get(record.id)?.log.lines() ?? []
  const batchLogLines = (record: BatchRecord): string[] =>
    context.batches.get(record.id)?.log?.lines() ?? []

  const needDriver = (record: SessionRecord): void => {
    if (driverPending(record)) throw new DriverNotReady(waitForDriver(context, record.id))
  }

  const parseId = (text: string, bits: 32 | 64 = 32): number => parseJavaInt(text, bits)

  const jobView = (job: JobEntry): JobView => ({
    id: job.id,
    state: job.state,
    result: job.result,
    error: job.error,
  })

  const model: LivyModel = {
    context,
    config,
    outcomes,
    random,

    catchUp() {
      const ran = scheduler.runDue()
      // Code due by now whose statement has no completion step yet (the last one run).
      const more = () => {
        const wait =
          options.clock.kind === 'manual' ? evaluation?.dueWait(options.clock.now()) : undefined
        if (!wait) return undefined
        return wait.then(() => model.catchUp())
      }
      if (ran instanceof Promise) return ran.then(more)
      return more()
    },
    async settle() {
      const evaluation = context.evaluation
      if (!evaluation) return
      // Each round may start statements that were queued behind the ones that finished.
      while (evaluation.inFlight > 0) {
        const finished = await evaluation.settle()
        await model.catchUp()
        if (!finished) return
      }
    },
    hasDue: () => {
      if (scheduler.hasDue()) return true
      // On virtual time, code whose statement should be over by now counts as due too.
      if (options.clock.kind !== 'manual' || !evaluation) return false
      const next = evaluation.nextDueAt()
      return next !== undefined && next <= options.clock.now()
    },

    tooManySessions: () => childProcesses(context) >= config.maxCreation,

    listSessions(from, size, caller = ANONYMOUS) {
      const all = [...store.sessions.values()]
      return {
        from,
        total: all.length,
        items: pageList(all, from, size).map((r) => model.sessionView(r, caller)),
      }
    },
    async createSession(input, caller = ANONYMOUS) {
      const record = await createInteractiveSession(context, input, caller)
      return model.sessionView(record, caller)
    },
    session(segment, access, caller = ANONYMOUS) {
      const ref = resolveSegment(segment)
      const record = 'id' in ref ? store.sessions.get(ref.id) : store.sessions.getByName(ref.name)
      if (!record) return notFound(segment)
      check(access, record.owner, record.proxyUser, caller)
      heartbeat(context, record.id)
      return record
    },
    sessionView(record, caller = ANONYMOUS) {
      const visible = canView(record.owner, record.proxyUser, caller)
      return new SessionViewOf(
        record,
        interactiveState(context, record),
        visible ? context.sessions.get(record.id)?.log : null,
      )
    },
    sessionState: (record) => interactiveState(context, record),
    sessionLog: (record, from, size) => pageLog(logLines(record), from, size),
    deleteSession: (record) => deleteInteractive(context, record.id),
    stopSession: (record) => stopInteractive(context, record.id),
    connectSession(record) {
      recordActivity(context, record.id)
      return model.sessionView(record)
    },
    keepAlive(record) {
      recordActivity(context, record.id)
    },

    listStatements(record, from, size, order) {
      ensureActive(record)
      needDriver(record)
      let statements = listStatements(driverHost(context, record).driver)
      if (order !== undefined && order.trim().toLowerCase() === 'desc')
        statements = statements.reverse()
      const start = from === undefined ? 0 : parseId(from)
      const count = size === undefined ? statements.length : parseId(size)
      return { total: statements.length, statements: pageList(statements, start, count) }
    },
    createStatement(record, code, kind) {
      return executeStatement(context, record, code, kind)
    },
    getStatement(record, statementIdText) {
      const id = parseId(statementIdText)
      ensureActive(record)
      needDriver(record)
      const statement = driverHost(context, record).driver.statements.get(id)
      if (!statement) throw new ModelError('statement-not-found', 'Statement not found')
      return statement
    },
    cancelStatement(record, statementIdText) {
      const id = parseId(statementIdText)
      cancel(context, record, id)
    },
    completion(record, code, kind, cursor) {
      ensureRunning(record)
      recordActivity(context, record.id)
      return complete(context, driverHost(context, record), code, kind ?? 'null', cursor)
    },

    submitJob(record, job, _jobType) {
      ensureActive(record)
      if (job === null || job.length === 0) {
        throw new ModelError('illegal-argument', 'requirement failed: no job provided.')
      }
      recordActivity(context, record.id)
      const driver = driverHost(context, record).driver
      const entry: JobEntry = {
        id: ++driver.jobCounter,
        clientId: random.uuid(),
        state: 'SENT',
        result: null,
        error: null,
        reported: false,
        task: null,
      }
      driver.jobs.set(entry.id, entry)
      const view = jobView(entry)
      entry.state = transitionOrThrow(jobMachine, entry.state, 'queue')
      // The driver's job executor picks it up at once; polls see it STARTED (as on Livy).
      scheduler.after(0, `job ${record.id}/${entry.id} starts`, () => {
        const started = transition(jobMachine, entry.state, 'start')
        if (started.ok) entry.state = started.state
      })
      // The emulator never runs the job: it reads the job's class name from the Kryo bytes
      // and answers with the rule for that class, else as a job returning null would.
      const bytes = base64Bytes(job)
      const className = kryoJobClass(bytes)
      const outcome =
        className === undefined
          ? undefined
          : context.outcomes.resolveJob({ sessionId: record.id, jobId: entry.id, className })
      const hasJars = driverHost(context, record).driver.resources.some((r) => r.kind === 'jar')
      entry.task = scheduler.after(
        outcome?.durationMs ?? context.timing.jobRun,
        `job ${record.id}/${entry.id} runs`,
        () => {
          entry.task = null
          // A job due at once (timing 'instant') still passes through STARTED, as Livy's does.
          if (entry.state === 'QUEUED')
            entry.state = transitionOrThrow(jobMachine, entry.state, 'start')
          if (entry.state !== 'STARTED') return
          if (className === undefined) {
            // Bytes that are not a serialised Livy Job fail in Kryo: the first varint is read
            // as a registered class id (plus 2).
            entry.state = transitionOrThrow(jobMachine, entry.state, 'fail')
            entry.error = kryoFailure(job)
          } else if (outcome?.exception !== undefined) {
            entry.state = transitionOrThrow(jobMachine, entry.state, 'fail')
            entry.error = jobExceptionTrace(outcome.exception, className)
          } else if (outcome === undefined && !hasJars && !onDriverClasspath(className)) {
            entry.state = transitionOrThrow(jobMachine, entry.state, 'fail')
            entry.error = missingJobClassTrace(className)
          } else {
            entry.state = transitionOrThrow(jobMachine, entry.state, 'succeed')
            entry.result = jobResult(outcome?.result)
          }
        },
        `session:${record.id}`,
      )
      return view
    },
    getJob(record, jobIdText) {
      const id = parseId(jobIdText, 64)
      ensureActive(record)
      const driver = driverHost(context, record).driver
      const job = driver.jobs.get(id)
      if (!job) throw new ModelError('no-such-element', `key not found: ${id}`)
      recordActivity(context, record.id)
      if (job.reported) {
        throw remoteFailure('java.util.NoSuchElementException', job.clientId)
      }
      if (isTerminal(jobMachine, job.state)) job.reported = true
      return jobView(job)
    },
    cancelJob(record, jobIdText) {
      const id = parseId(jobIdText, 64)
      ensureActive(record)
      recordActivity(context, record.id)
      const driver = driverHost(context, record).driver
      const job = driver.jobs.get(id)
      if (!job) return
      driver.jobs.delete(id)
      job.task?.cancel()
      const cancelled = transition(jobMachine, job.state, 'cancel')
      if (cancelled.ok) job.state = cancelled.state
    },
    addResource(record, kind, uri) {
      ensureActive(record)
      recordActivity(context, record.id)
      const resolved = resolveUri(uri, config)
      needDriver(record)
      // A Scala session adds jars and py-files to the REPL compiler's classpath, which only
      // takes jars and zips.
      const name = resolved.split(/[/#?]/).filter(Boolean).at(-1) ?? ''
      if (record.kind === 'spark' && !/\.(jar|zip)$/i.test(name)) {
        const tmp = Array.from({ length: 19 }, () => random.int(0, 9)).join('')
        throw new ModelError(
          'remote',
          `java.lang.RuntimeException: java.lang.RuntimeException: Unsupported classpath element: /tmp/rsc-tmp${tmp}/__livy__/${name}\n\tat scala.sys.package$.error(package.scala:30)\n`,
          'java.util.concurrent.ExecutionException',
        )
      }
      driverHost(context, record).driver.resources.push({ kind, uri: resolved })
    },
    uploadResource(record, kind, fileName) {
      const staging = (
        config.raw['livy.session.staging-dir'] ?? 'file:///root/.livy-sessions'
      ).replace(/\/$/, '')
      const uri = `${staging}/${random.uuid()}/${fileName}`
      model.addResource(record, kind, uri)
    },

    listBatches(from, size, caller = ANONYMOUS) {
      const all = [...store.batches.values()]
      return {
        from,
        total: all.length,
        items: pageList(all, from, size).map((r) => model.batchView(r, caller)),
      }
    },
    async createBatch(input, caller = ANONYMOUS) {
      const record = await createBatch(context, input, caller)
      return model.batchView(record, caller)
    },
    batch(segment, access, caller = ANONYMOUS) {
      const ref = resolveSegment(segment)
      const record = 'id' in ref ? store.batches.get(ref.id) : store.batches.getByName(ref.name)
      if (!record) return notFound(segment)
      check(access, record.owner, record.proxyUser, caller)
      return record
    },
    batchView(record, caller = ANONYMOUS) {
      const visible = canView(record.owner, record.proxyUser, caller)
      // A zombie batch's log is null: shown as [] to everyone, like a hidden one.
      return new BatchViewOf(
        record,
        visible ? (context.batches.get(record.id)?.log ?? undefined) : null,
      )
    },
    batchLog: (record, from, size) => pageLog(batchLogLines(record), from, size),
    deleteBatch: (record) => deleteBatch(context, record.id),

    failNextSessionStarts(reason, count = 1) {
      context.faults.sessionStartFailures.push({ reason, remaining: count })
    },
    failNextBatches(exitCode, reason, count = 1) {
      context.faults.batchFailures.push({ exitCode, reason, remaining: count })
    },
    killInterpreter(sessionId, reason) {
      const record = store.sessions.get(sessionId)
      if (!record) throw new ModelError('session-not-found', `no session ${sessionId}`)
      interpreterDies(context, record, reason)
    },
    driverExits(sessionId, reason) {
      if (!store.sessions.get(sessionId))
        throw new ModelError('session-not-found', `no session ${sessionId}`)
      return driverExits(context, sessionId, reason)
    },
    failBatch(batchId, exitCode, reason) {
      if (!store.batches.get(batchId))
        throw new ModelError('session-not-found', `no batch ${batchId}`)
      return failBatchNow(context, batchId, exitCode, reason)
    },

    step: (subject) => scheduler.step(subject),
    pendingSteps: () => scheduler.pending(),
  }
  return model
}
