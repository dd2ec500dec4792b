import type { DriverState, ModelContext, StatementEntry, StatementRun } from './context.ts'
import { ModelError } from './errors.ts'
import type { EvaluatedKind, EvaluationSessionInfo } from './evaluation/evaluation-engine.ts'
import { RawJson, renderJson } from './json-value.ts'
import { transition } from './machines/machine.ts'
import { type ReplEvent, type ReplState, replMachine } from './machines/session-machines.ts'
import { type StatementEvent, statementMachine } from './machines/statement-machine.ts'
import {
  createInterpreterMemory,
  runsSparkJobs,
  type StatementKind,
  sleepDurationMs,
} from './outcomes/interpreters.ts'
import type { ResolvedOutcome, StatementOutputBody } from './outcomes/outcome.ts'

export function createDriverState(): DriverState {
  return {
    repl: null,
    statements: new Map(),
    nextStatementId: 0,
    queue: [],
    runningId: null,
    memory: createInterpreterMemory(),
    jobs: new Map(),
    jobCounter: 0,
    sparkJobs: 0,
    interpreterDeath: null,
    resources: [],
  }
}

/** Hooks the driver uses to reach its session (REPL state pushes, activity). */
export interface DriverHost {
  readonly sessionId: number
  readonly driver: DriverState
  /** The session kind: statements without a kind run on it (unless it is `shared`). */
  readonly sessionKind: string
  /** The REPL became idle after running statements: counts as session activity. */
  onReplIdle(at: number): void
  /** The REPL changed state (the session's reported state may have changed with it). */
  onReplState(): void
  /** What the session's Spark application looks like to code the engine evaluates. */
  evaluationInfo(): EvaluationSessionInfo
}

const replEvent = (host: DriverHost, event: ReplEvent): void => {
  const current: ReplState = host.driver.repl ?? 'not_started'
  const result = transition(replMachine, current, event)
  if (result.ok && result.state !== current) {
    host.driver.repl = result.state
    host.onReplState()
  }
}

const statementEvent = (statement: StatementEntry, event: StatementEvent): boolean => {
  const result = transition(statementMachine, statement.state, event)
  if (result.ok) statement.state = result.state
  return result.ok
}

/** Livy's `Kind(...)` on a statement kind: aliases accepted, anything else refused. */
export function statementKind(raw: string): StatementKind | 'shared' {
  switch (raw) {
    case 'spark':
    case 'scala':
      return 'spark'
    case 'pyspark':
    case 'python':
      return 'pyspark'
    case 'sparkr':
    case 'r':
      return 'sparkr'
    case 'sql':
      return 'sql'
    case 'shared':
      return 'shared'
    default:
      throw remoteFailure('java.lang.IllegalArgumentException', `Invalid kind: ${raw}`)
  }
}

/**
 * A failure thrown inside the driver reaches the servlet wrapped by the RPC layer; Livy's
 * catch-all then answers 500 with the exception's `toString()`.
 */
export function remoteFailure(javaClass: string, message: string): ModelError {
  // The remote stack trace follows the message, frames separated by "\n\t" as Livy prints them.
  return new ModelError(
    'remote',
    `org.apache.livy.rsc.rpc.RpcException: ${javaClass}: ${message}${REMOTE_FRAMES}`,
    'java.util.concurrent.ExecutionException',
  )
}

/** The RPC frames every driver-side failure carries (as observed on Livy 0.9.0). */
const REMOTE_FRAMES =
  '\n\tat org.apache.livy.repl.ReplDriver.handle(ReplDriver.scala:60)' +
  '\n\tat org.apache.livy.rsc.rpc.Rpc.handleCall(Rpc.java:312)' +
  '\n\tat org.apache.livy.rsc.rpc.Rpc.handleMsg(Rpc.java:270)' +
  '\n\tat org.apache.livy.rsc.rpc.RpcDispatcher.channelRead0(RpcDispatcher.java:74)\n'

/** An output as rules give it, or as the engine wrote it (its `data` as JSON text). */
type FinalOutput = StatementOutputBody | { readonly status: 'ok'; readonly data: RawJson }

const outputJson = (id: number, body: FinalOutput): string =>
  renderJson(
    body.status === 'ok'
      ? { status: 'ok', execution_count: id, data: body.data }
      : {
          status: 'error',
          execution_count: id,
          ename: body.ename,
          evalue: body.evalue,
          traceback: body.traceback,
        },
  )

/**
 * Queues a statement (`Session.execute` in Livy's REPL): it waits for the single interpreter
 * thread and runs after every earlier statement.
 */
export function submitStatement(
  ctx: ModelContext,
  host: DriverHost,
  code: string,
  requestedKind: string | null,
): StatementEntry {
  const kind =
    requestedKind !== null ? statementKind(requestedKind) : statementKind(host.sessionKind)
  if (requestedKind === null && host.sessionKind === 'shared') {
    throw remoteFailure(
      'java.lang.IllegalArgumentException',
      'Code type should be specified if session kind is shared',
    )
  }
  if (kind === 'shared') {
    throw remoteFailure(
      'java.lang.IllegalStateException',
      'Interpreter kind shared is not runnable',
    )
  }
  const { driver } = host
  const statement: StatementEntry = {
    id: driver.nextStatementId++,
    // The driver converts line endings to the JVM's (LF on Linux).
    code: code.includes('\r\n') ? code.replace(/\r\n/g, '\n') : code,
    kind,
    state: 'waiting',
    output: null,
    progress: 0,
    started: 0,
    completed: 0,
    task: null,
    run: null,
  }
  driver.statements.set(statement.id, statement)
  // Only the newest `livy.rsc.retained-statements` are kept (oldest inserted goes first).
  while (driver.statements.size > ctx.config.retainedStatements) {
    const oldest = driver.statements.keys().next().value as number
    driver.statements.delete(oldest)
  }
  driver.queue.push(statement.id)
  if (driver.runningId === null) scheduleNext(ctx, host)
  ctx.changed({ type: 'statement-created', sessionId: host.sessionId, statementId: statement.id })
  return statement
}

/** The interpreter thread picks up the next waiting statement (at the current model time). */
function scheduleNext(ctx: ModelContext, host: DriverHost): void {
  const { driver } = host
  if (driver.runningId !== null) return
  while (driver.queue.length > 0) {
    const id = driver.queue.shift() as number
    const statement = driver.statements.get(id)
    if (statement?.state !== 'waiting') continue
    driver.runningId = id
    statement.task = ctx.scheduler.after(
      0,
      `statement ${host.sessionId}/${id} starts`,
      () => startStatement(ctx, host, statement),
      `session:${host.sessionId}`,
    )
    return
  }
}

function resolveOutcome(
  ctx: ModelContext,
  host: DriverHost,
  statement: StatementEntry,
): ResolvedOutcome {
  const context = {
    sessionId: host.sessionId,
    statementId: statement.id,
    kind: statement.kind,
    code: statement.code,
  }
  const rule = ctx.outcomes.resolve(context)
  if (host.driver.interpreterDeath !== null && !rule) {
    return { body: undefined, durationMs: 0, abort: host.driver.interpreterDeath }
  }
  if (rule === undefined) return NO_RULE
  return {
    body: rule.body,
    durationMs: rule.durationMs,
    abort: rule.abort,
  }
}

/** No rule answered: the interpreter (or the engine) runs the code, on the profile's time. */
const NO_RULE: ResolvedOutcome = Object.freeze({
  body: undefined,
  durationMs: undefined,
  abort: undefined,
})

/** `livy-emulator.unavailable-interpreters`: kinds whose interpreter cannot start (e.g. no R). */
const unavailable = (ctx: ModelContext, kind: StatementKind): boolean => {
  const listed = ctx.config.raw['livy-emulator.unavailable-interpreters']
  // Unset in nearly every configuration: no parsing on each statement then.
  return (
    listed !== undefined &&
    listed !== '' &&
    listed
      .split(',')
      .map((k) => k.trim())
      .includes(kind)
  )
}

const INTERPRETER_ERROR: StatementOutputBody = {
  status: 'error',
  ename: 'InterpreterError',
  evalue: 'Fail to start interpreter',
  traceback: [],
}

function startStatement(ctx: ModelContext, host: DriverHost, statement: StatementEntry): void {
  if (!statementEvent(statement, 'start')) return
  const now = ctx.now()
  statement.started = now
  replEvent(host, 'statement-started')
  const outcome = resolveOutcome(ctx, host, statement)
  const scripted = outcome.abort !== undefined || outcome.body !== undefined
  const unavailableKind = unavailable(ctx, statement.kind)
  if (!scripted && !unavailableKind && ctx.evaluation) {
    ctx.changed({ type: 'statement-running', sessionId: host.sessionId, statementId: statement.id })
    evaluate(ctx, host, statement, statement.kind, outcome.durationMs)
    return
  }
  const body =
    outcome.abort !== undefined
      ? undefined
      : (outcome.body ??
        (unavailableKind
          ? INTERPRETER_ERROR
          : ctx.interpreters.run(
              statement.kind,
              statement.code,
              host.driver.memory,
              ctx.config.sqlNumRows,
            )))
  const duration =
    outcome.durationMs ?? sleepDurationMs(statement.kind, statement.code) ?? ctx.timing.statementRun
  ctx.changed({ type: 'statement-running', sessionId: host.sessionId, statementId: statement.id })
  statement.task = ctx.scheduler.after(
    duration,
    `statement ${host.sessionId}/${statement.id} completes`,
    () => finishStatement(ctx, host, statement, body, outcome.abort),
    `session:${host.sessionId}`,
  )
}

/** `livy-emulator.statement.interrupt-on-cancel` (default true): cancel stops Python code. */
const interruptsOnCancel = (ctx: ModelContext): boolean =>
  ctx.config.raw['livy-emulator.statement.interrupt-on-cancel'] !== 'false'

/** What Python shows for code stopped by an interrupt (Livy drops the `<stdin>` frame). */
const KEYBOARD_INTERRUPT: StatementOutputBody = {
  status: 'error',
  ename: 'KeyboardInterrupt',
  evalue: '',
  traceback: ['Traceback (most recent call last):\n', 'KeyboardInterrupt\n'],
}

/**
 * Hands the code to the evaluation engine. The statement completes on the model's clock once
 * the engine has answered and the statement's duration has passed: the timing profile's run
 * time, or longer if the code slept (`time.sleep` is virtual in the engine).
 */
function evaluate(
  ctx: ModelContext,
  host: DriverHost,
  statement: StatementEntry,
  kind: EvaluatedKind,
  durationMs: number | undefined,
): void {
  const evaluation = ctx.evaluation
  if (!evaluation) return
  const started = statement.started
  const base = durationMs ?? ctx.timing.statementRun
  const label = `statement ${host.sessionId}/${statement.id} completes`
  const subject = `session:${host.sessionId}`
  const run: StatementRun = { inFlight: true, slept: false, interruptible: kind === 'pyspark' }
  statement.run = run
  const stillOurs = () =>
    host.driver.runningId === statement.id &&
    (statement.state === 'running' || statement.state === 'cancelling')
  evaluation
    .run(
      host.sessionId,
      kind,
      statement.code,
      host.evaluationInfo(),
      started,
      ctx.config.sqlNumRows,
      base === 'manual' ? null : started + base,
    )
    .then(
      (result) => {
        run.inFlight = false
        if (!stillOurs()) return
        const now = ctx.clock.now()
        if ('died' in result) {
          statement.task = ctx.scheduler.at(
            now,
            label,
            () => killInterpreter(ctx, host, result.died),
            subject,
          )
          return
        }
        const body: FinalOutput =
          result.output.status === 'ok'
            ? { status: 'ok', data: new RawJson(result.output.data) }
            : { ...result.output }
        const finish = () => finishStatement(ctx, host, statement, body, undefined)
        // Python cancelled while its code ran was interrupted: it ends now. Other code keeps
        // running to its end, as in Livy.
        if (statement.state === 'cancelling' && result.interrupted) {
          statement.task = ctx.scheduler.at(now, label, finish, subject)
          return
        }
        if (base === 'manual' && result.sleptMs === 0) {
          statement.task = ctx.scheduler.after('manual', label, finish, subject)
          return
        }
        const end = started + Math.max(base === 'manual' ? 0 : base, result.sleptMs)
        // On virtual time the code took no time: the statement ends when it would have. On the
        // wall clock it cannot end before the engine answered.
        const due = ctx.clock.kind === 'manual' ? end : Math.max(end, now)
        run.slept = result.sleptMs > 0 && due > now
        statement.task = ctx.scheduler.at(due, label, finish, subject)
      },
      (error: unknown) => {
        run.inFlight = false
        if (!stillOurs()) return
        const body: StatementOutputBody = {
          status: 'error',
          ename: 'InternalError',
          evalue: `the evaluation engine failed: ${error instanceof Error ? error.message : String(error)}`,
          traceback: [],
        }
        statement.task = ctx.scheduler.at(
          Math.max(started + (base === 'manual' ? 0 : base), ctx.clock.now()),
          label,
          () => finishStatement(ctx, host, statement, body, undefined),
          subject,
        )
      },
    )
}

function finishStatement(
  ctx: ModelContext,
  host: DriverHost,
  statement: StatementEntry,
  body: FinalOutput | undefined,
  abort: string | undefined,
): void {
  statement.task = null
  statement.run = null
  // A statement the cancel timeout already gave up on keeps that ending; the code still
  // occupied the interpreter until now.
  if (statement.state === 'running' || statement.state === 'cancelling') {
    if (abort !== undefined) {
      statement.output = outputJson(statement.id, {
        status: 'error',
        ename: 'Error',
        evalue: `Interpreter died:\n${abort}`,
        traceback: [],
      })
      replEvent(host, 'aborted')
    } else if (body) {
      statement.output = outputJson(statement.id, body)
    }
    statementEvent(statement, statement.state === 'running' ? 'complete' : 'cancelled')
    statement.progress = 1
    statement.completed = ctx.now()
    ctx.changed({
      type: 'statement-finished',
      sessionId: host.sessionId,
      statementId: statement.id,
    })
  }
  advanceQueue(ctx, host)
}

function advanceQueue(ctx: ModelContext, host: DriverHost): void {
  const { driver } = host
  driver.runningId = null
  const more = driver.queue.some((id) => driver.statements.get(id)?.state === 'waiting')
  if (more) {
    scheduleNext(ctx, host)
    return
  }
  if (driver.repl === 'busy') {
    replEvent(host, 'drained')
    host.onReplIdle(ctx.now())
  }
}

/**
 * `Session.cancel`: a waiting statement is cancelled at once; a running one goes to
 * `cancelling`. Cancelling a Spark job group ends a statement that runs Spark jobs quickly,
 * with the job's `SparkException` as output; plain code (a sleep) keeps running until it
 * returns and ends `cancelled` with its own output, or until `livy.rsc.job-cancel.timeout`.
 * Anything else (finished, unknown id) is a no-op.
 */
export function cancelStatement(ctx: ModelContext, host: DriverHost, statementId: number): void {
  const statement = host.driver.statements.get(statementId)
  if (!statement) return
  if (statement.state === 'waiting') {
    statementEvent(statement, 'cancel')
    statement.task?.cancel()
    statement.task = null
    statement.progress = 1
    // Livy's cancel executor stamps `completed` a moment later: right after the cancel, a
    // read still shows 0 (observed on Livy 0.9.0).
    ctx.scheduler.after(1, `statement ${host.sessionId}/${statementId} cancel stamped`, () => {
      if (statement.completed === 0) statement.completed = ctx.now()
    })
    if (host.driver.runningId === statement.id) advanceQueue(ctx, host)
    ctx.changed({ type: 'statement-cancelled', sessionId: host.sessionId, statementId })
    return
  }
  if (statement.state !== 'running') return
  statementEvent(statement, 'cancel')
  ctx.changed({ type: 'statement-cancelling', sessionId: host.sessionId, statementId })
  const subject = `session:${host.sessionId}`
  const run = statement.run
  if (run?.interruptible && interruptsOnCancel(ctx)) {
    // Python code is stopped (docs/decisions/0016): still running in the engine, it is
    // interrupted and ends when the engine answers; asleep on the model's clock, it ends now.
    if (run.inFlight) {
      ctx.evaluation?.interrupt(host.sessionId)
      return
    }
    if (run.slept) {
      statement.task?.cancel()
      statement.task = ctx.scheduler.after(
        ctx.timing.statementCancel,
        `statement ${host.sessionId}/${statementId} interrupted`,
        () => finishStatement(ctx, host, statement, KEYBOARD_INTERRUPT, undefined),
        subject,
      )
      return
    }
  }
  if (runsSparkJobs(statement.code)) {
    statement.task?.cancel()
    const job = host.driver.sparkJobs++
    statement.task = ctx.scheduler.after(
      ctx.timing.statementCancel,
      `statement ${host.sessionId}/${statementId} cancelled`,
      () =>
        finishStatement(
          ctx,
          host,
          statement,
          {
            status: 'error',
            ename: 'Error',
            evalue: `org.apache.spark.SparkException: Job ${job} cancelled part of cancelled job group ${statementId}`,
            traceback: [],
          },
          undefined,
        ),
      subject,
    )
    return
  }
  ctx.scheduler.after(
    ctx.config.jobCancelTimeoutMs,
    `statement ${host.sessionId}/${statementId} cancel timeout`,
    () => {
      if (statement.state !== 'cancelling') return
      statementEvent(statement, 'cancelled')
      statement.progress = 1
      statement.completed = ctx.now()
      ctx.changed({ type: 'statement-cancelled', sessionId: host.sessionId, statementId })
    },
    subject,
  )
}

/** Statements the driver still holds, ascending by id. */
export function listStatements(driver: DriverState): StatementEntry[] {
  return [...driver.statements.values()].sort((a, b) => a.id - b.id)
}

/** The interpreter process dies now: a running statement reports it, the REPL goes `error`. */
export function killInterpreter(ctx: ModelContext, host: DriverHost, message: string): void {
  const { driver } = host
  driver.interpreterDeath = message
  // The names it held die with it; code it was still running stops.
  ctx.evaluation?.interrupt(host.sessionId)
  ctx.evaluation?.drop(host.sessionId)
  const running = driver.runningId === null ? undefined : driver.statements.get(driver.runningId)
  if (running && running.state === 'running') {
    running.task?.cancel()
    finishStatement(ctx, host, running, undefined, message)
    return
  }
  replEvent(host, 'aborted')
  ctx.changed({ type: 'interpreter-died', sessionId: host.sessionId })
}

/** The driver goes away: pending statement steps are dropped. */
export function stopDriver(driver: DriverState): void {
  for (const statement of driver.statements.values()) {
    statement.task?.cancel()
    statement.task = null
    statement.run = null
  }
  for (const job of driver.jobs.values()) {
    job.task?.cancel()
    job.task = null
  }
  driver.queue.length = 0
  driver.runningId = null
}

/**
 * Members the Scala REPL offers after `sc.` and `spark.` (public Spark API names). The `sc.`
 * list is what Livy 0.9.0 on Spark 3.5 answered to `sc.` (cursor 3), in its order.
 */
const SCALA_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  sc: [
    'addArchive',
    'addFile',
    'addJar',
    'addJobTag',
    'addSparkListener',
    'appName',
    'applicationAttemptId',
    'applicationId',
    'archives',
    'binaryFiles',
    'binaryRecords',
    'broadcast',
    'cancelAllJobs',
    'cancelJob',
    'cancelJobGroup',
    'cancelJobsWithTag',
    'cancelStage',
    'clearCallSite',
    'clearJobGroup',
    'clearJobTags',
    'collectionAccumulator',
    'defaultMinPartitions',
    'defaultParallelism',
    'deployMode',
    'doubleAccumulator',
    'emptyRDD',
    'files',
    'getAllPools',
    'getCheckpointDir',
    'getConf',
    'getExecutorMemoryStatus',
    'getJobTags',
    'getLocalProperty',
    'getPersistentRDDs',
    'getPoolForName',
    'getRDDStorageInfo',
    'getSchedulingMode',
    'hadoopConfiguration',
    'hadoopFile',
    'hadoopRDD',
    'isLocal',
    'isStopped',
    'jars',
    'killExecutor',
    'killExecutors',
    'killTaskAttempt',
    'listArchives',
    'listFiles',
    'listJars',
    'longAccumulator',
    'makeRDD',
    'master',
    'newAPIHadoopFile',
    'newAPIHadoopRDD',
    'objectFile',
    'parallelize',
    'range',
    'register',
    'removeJobTag',
    'removeSparkListener',
    'requestExecutors',
    'requestTotalExecutors',
    'resources',
    'runApproximateJob',
    'runJob',
    'sequenceFile',
    'setCallSite',
    'setCheckpointDir',
    'setInterruptOnCancel',
    'setJobDescription',
    'setJobGroup',
    'setLocalProperty',
    'setLogLevel',
    'sparkUser',
    'startTime',
    'statusTracker',
    'stop',
    'submitJob',
    'textFile',
    'uiWebUrl',
    'union',
    'version',
    'wholeTextFiles',
  ],
  spark: [
    'catalog',
    'conf',
    'createDataFrame',
    'createDataset',
    'emptyDataFrame',
    'implicits',
    'newSession',
    'range',
    'read',
    'readStream',
    'sparkContext',
    'sql',
    'sqlContext',
    'stop',
    'streams',
    'table',
    'udf',
    'version',
  ],
}

/**
 * Code completion: members of `sc.`/`spark.`, and the names the Scala interpreter knows (the
 * engine's, or the scripted interpreter's). Livy's Python interpreter has no completion.
 */
export function complete(
  ctx: ModelContext,
  host: DriverHost,
  code: string | null,
  kind: string,
  cursor: number,
): string[] | Promise<string[]> {
  const resolved = statementKind(kind)
  if (resolved === 'pyspark') return []
  // `"code": null` reaches the REPL's completer, which dereferences it (inferred).
  if (code === null) throw remoteFailure('java.lang.NullPointerException', 'null')
  const before = code.slice(0, Math.max(0, cursor))
  const member = /\b(sc|spark)\.(\w*)$/.exec(before)
  if (resolved === 'spark' && member) {
    return (SCALA_MEMBERS[member[1] as string] ?? []).filter((m) =>
      m.startsWith(member[2] as string),
    )
  }
  if (resolved === 'spark' && ctx.evaluation) {
    return ctx.evaluation.complete(host.sessionId, 'spark', code, cursor, host.evaluationInfo())
  }
  const prefix = /[A-Za-z_]\w*$/.exec(before)?.[0] ?? ''
  const memory = host.driver.memory
  const names = resolved === 'spark' ? memory.scala : resolved === 'sparkr' ? memory.r : new Map()
  if (prefix === '') return []
  return [...names.keys()].filter((n) => n.startsWith(prefix) && n !== prefix).sort()
}
