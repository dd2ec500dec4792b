import type { Caller } from './access.ts'
import type { InteractiveRuntime, ModelContext } from './context.ts'
import {
  cancelStatement,
  createDriverState,
  type DriverHost,
  killInterpreter,
  stopDriver,
  submitStatement,
} from './driver.ts'
import { ModelError } from './errors.ts'
import type { EvaluationSessionInfo } from './evaluation/evaluation-engine.ts'
import { transitionOrThrow } from './machines/machine.ts'
import {
  isFinishedState,
  type ReportedState,
  reportedInteractiveState,
  type ServerEvent,
  serverMachine,
} from './machines/session-machines.ts'
import { createProcessLog } from './process-log.ts'
import { checkResources } from './resources.ts'
import { checkSessionName } from './session-name.ts'
import {
  castInt,
  DEFAULT_SPARK_SUBMIT_FIELDS,
  rejectNulls,
  type SparkSubmitFields,
} from './spark-submit-fields.ts'
import { EMPTY_APP_INFO, type SessionKind, type SessionRecord } from './store/records.ts'
import { parseTimeAsMs } from './time-string.ts'
import { firstOutputDelay } from './timing.ts'
import { userMapOf } from './user-map.ts'

/** A parsed `POST /sessions` body (`CreateInteractiveRequest`), values as the client sent them. */
export interface CreateSessionInput extends SparkSubmitFields {
  /** `null` when the client sent `"kind": null` (Livy then fails with an NPE). */
  readonly kind: SessionKind | null
  readonly proxyUser: string | null
  readonly heartbeatTimeoutInSecond: number
  readonly ttl: string | null
  readonly idleTimeout: string | null
  /** What a vendor profile attached to the request (kept with the record). */
  readonly annotations?: Readonly<Record<string, unknown>> | null
}

/** Defaults of `CreateInteractiveRequest` (what `POST /sessions {}` means). */
export const DEFAULT_SESSION_INPUT: CreateSessionInput = Object.freeze({
  kind: 'shared',
  proxyUser: null,
  ...DEFAULT_SPARK_SUBMIT_FIELDS,
  heartbeatTimeoutInSecond: 0,
  ttl: null,
  idleTimeout: null,
})

/** Reported state: the REPL's while the server side is running (never `running`). */
export function interactiveState(ctx: ModelContext, record: SessionRecord): ReportedState {
  const runtime = ctx.sessions.get(record.id)
  return reportedInteractiveState(record.serverState, runtime?.driver.repl ?? null)
}

/** Records the session's reported state in its history (when it changed). */
export function noteSessionState(ctx: ModelContext, id: number): void {
  const record = ctx.store.sessions.get(id)
  if (record) ctx.history.note('session', id, interactiveState(ctx, record), ctx.now())
}

/** The driver's view of its session; made once per session (every statement uses it). */
export function driverHost(ctx: ModelContext, record: SessionRecord): DriverHost {
  const runtime = ctx.sessions.get(record.id) as InteractiveRuntime
  runtime.host ??= makeDriverHost(ctx, record, runtime)
  return runtime.host
}

function makeDriverHost(
  ctx: ModelContext,
  record: SessionRecord,
  runtime: InteractiveRuntime,
): DriverHost {
  return {
    sessionId: record.id,
    driver: runtime.driver,
    sessionKind: record.kind,
    onReplIdle(at) {
      runtime.lastActivity = Math.max(runtime.lastActivity, at)
    },
    onReplState() {
      noteSessionState(ctx, record.id)
    },
    evaluationInfo: () => evaluationInfo(ctx, ctx.store.sessions.get(record.id) ?? record),
  }
}

/**
 * The Spark application a session's code sees, as Livy's driver sets it up: the app name is
 * the session's `name` (else `livy-session-N`), the master Livy's `livy.spark.master`, and the
 * session's `conf` on top.
 */
export function evaluationInfo(ctx: ModelContext, record: SessionRecord): EvaluationSessionInfo {
  const raw = ctx.config.raw
  const conf: Record<string, string> = Object.create(null)
  const master = record.conf['spark.master'] ?? ctx.config.sparkMaster
  const appName = record.conf['spark.app.name'] ?? record.name ?? `livy-session-${record.id}`
  // The SparkContext starts when the driver is up: its start time names a local application.
  const startTime =
    record.createdAt + (ctx.timing.sessionStart === 'manual' ? 0 : ctx.timing.sessionStart)
  const applicationId = master.startsWith('local')
    ? `local-${startTime}`
    : (record.appId ?? `application_${startTime}_0001`)
  conf['spark.app.name'] = appName
  conf['spark.master'] = master
  conf['spark.submit.deployMode'] = raw['livy.spark.deploy-mode'] ?? 'client'
  conf['spark.app.id'] = applicationId
  conf['spark.app.startTime'] = String(startTime)
  conf['spark.executor.id'] = 'driver'
  conf['spark.sql.catalogImplementation'] = 'in-memory'
  conf['spark.livy.spark_major_version'] = '3'
  if (record.driverMemory !== null) conf['spark.driver.memory'] = record.driverMemory
  if (record.executorMemory !== null) conf['spark.executor.memory'] = record.executorMemory
  for (const [k, v] of Object.entries(record.conf)) conf[k] = String(v)
  const cores = Number(raw['livy-emulator.spark.cores'] ?? 2)
  const local = /^local(?:\[(\d+|\*)(?:,\d+)?\])?$/.exec(master)
  const parallelism = local
    ? local[1] === undefined
      ? 1
      : local[1] === '*'
        ? cores
        : Number(local[1])
    : Math.max(2, (record.numExecutors ?? 2) * (record.executorCores ?? 1))
  return {
    appName,
    master,
    applicationId,
    sparkVersion: raw['livy-emulator.spark.version'] ?? '3.5.9',
    defaultParallelism: Number(conf['spark.default.parallelism'] ?? parallelism),
    conf,
    seed: (record.id * 2654435761 + record.createdAt) % 2147483647,
  }
}

async function moveServer(
  ctx: ModelContext,
  id: number,
  event: ServerEvent,
): Promise<SessionRecord> {
  const record = ctx.store.sessions.get(id) as SessionRecord
  const next = transitionOrThrow(serverMachine, record.serverState, event)
  const now = ctx.now()
  const updated = await ctx.store.sessions.update(id, (draft) => {
    draft.serverState = next
    if (next === 'error' || next === 'dead' || next === 'killed') draft.finishedAt = now
  })
  noteSessionState(ctx, id)
  ctx.changed({ type: 'session-state', sessionId: id, detail: { state: next } })
  if (next !== 'starting' && next !== 'recovering') wakeWaiters(ctx, id)
  return updated
}

function wakeWaiters(ctx: ModelContext, id: number): void {
  const runtime = ctx.sessions.get(id)
  if (!runtime) return
  for (const wake of runtime.waiters) wake()
  runtime.waiters.clear()
}

/** Live driver processes, for `livy.server.session.max-creation` (spark-submit children). */
export function childProcesses(ctx: ModelContext): number {
  const clientMode = ctx.config.sparkMaster.startsWith('local')
  let count = ctx.counters.leakedDrivers
  for (const record of ctx.store.sessions.values()) {
    const alive = clientMode
      ? !['dead', 'killed', 'error'].includes(record.serverState)
      : record.serverState === 'starting'
    if (alive) count++
  }
  for (const record of ctx.store.batches.values()) {
    const alive = clientMode
      ? record.state === 'starting' || record.state === 'running'
      : record.state === 'starting'
    if (alive && !record.zombie) count++
  }
  return count
}

const subjectOf = (record: SessionRecord) => ({
  id: record.id,
  appTag: record.appTag,
  user: record.proxyUser ?? record.owner ?? 'livy',
  appId: record.appId,
})

/**
 * `POST /sessions` after the body is parsed: consumes an id, validates in Livy's order,
 * launches the driver and registers the session (state `starting`).
 */
export async function createInteractiveSession(
  ctx: ModelContext,
  input: CreateSessionInput,
  caller: Caller,
): Promise<SessionRecord> {
  const id = ctx.counters.session++
  ctx.changed({ type: 'session-id-consumed', sessionId: id })
  if (input.ttl !== null) parseTimeAsMs(input.ttl)
  if (input.idleTimeout !== null) parseTimeAsMs(input.idleTimeout)
  const proxyUser = ctx.access.checkImpersonation(caller.doAs ?? input.proxyUser, caller.user)
  checkResources(input, ctx.config)
  if (input.kind === null) {
    throw new ModelError(
      'internal',
      'Cannot invoke "org.apache.livy.sessions.Kind.toString()" because "kind" is null',
      'java.lang.NullPointerException',
    )
  }
  const driverCores = castInt(input.driverCores)
  const executorCores = castInt(input.executorCores)
  const numExecutors = castInt(input.numExecutors)
  // Building the driver's options: a null list item or conf value is an NPE there.
  rejectNulls([
    ['jars', input.jars],
    ['pyFiles', input.pyFiles],
    ['files', input.files],
    ['archives', input.archives],
    ['conf', input.conf],
  ])
  // The driver is launched before the name is validated; Livy does not stop it on this path.
  checkSessionName(
    input.name,
    id,
    (name) => ctx.store.sessions.getByName(name) !== undefined,
    () => ctx.counters.leakedDrivers++,
  )
  const now = ctx.now()
  const record: SessionRecord = {
    id,
    name: input.name,
    owner: caller.user,
    proxyUser,
    appId: null,
    appTag: `livy-session-${id}-${ctx.random.alphanumeric(8)}`,
    appInfo: { ...EMPTY_APP_INFO },
    driverMemory: input.driverMemory,
    driverCores,
    executorMemory: input.executorMemory,
    executorCores,
    numExecutors,
    queue: input.queue,
    conf: userMapOf(input.conf),
    jars: [...input.jars],
    pyFiles: [...input.pyFiles],
    files: [...input.files],
    archives: [...input.archives],
    createdAt: now,
    finishedAt: null,
    annotations: input.annotations ?? null,
    kind: input.kind,
    serverState: 'starting',
    ttl: input.ttl,
    idleTimeout: input.idleTimeout,
    heartbeatTimeoutInSecond: input.heartbeatTimeoutInSecond,
    startedOn: now,
  }
  const runtime: InteractiveRuntime = {
    id,
    driver: createDriverState(),
    log: createProcessLog(ctx.config.cacheLogSize),
    lastActivity: now,
    heartbeatDeadline: null,
    lastHeartbeat: null,
    tasks: new Set(),
    waiters: new Set(),
  }
  ctx.sessions.set(id, runtime)
  // The interpreter starts with the session, as Livy's does; the engine loads meanwhile (from
  // here, so that its start-up overlaps the store's first load too).
  ctx.evaluation?.warm()
  try {
    await ctx.store.sessions.insert(record)
  } catch (e) {
    ctx.sessions.delete(id)
    throw e
  }
  heartbeat(ctx, id)
  noteSessionState(ctx, id)
  ctx.changed({ type: 'session-created', sessionId: id })
  launchDriver(ctx, record, runtime)
  return record
}

function track(runtime: InteractiveRuntime, handle: import('./scheduler.ts').TaskHandle): void {
  runtime.tasks.add(handle)
}

/** The driver's start-up, as timed steps: launch output now, ready (or failure) later. */
function launchDriver(
  ctx: ModelContext,
  record: SessionRecord,
  runtime: InteractiveRuntime,
  recovering = false,
): void {
  const failure = recovering ? undefined : takeStartFailure(ctx)
  const subject = `session:${record.id}`
  track(
    runtime,
    ctx.scheduler.after(
      firstOutputDelay(recovering ? ctx.timing.sessionRecover : ctx.timing.sessionStart),
      `session ${record.id} driver launched`,
      async () => {
        if (!ctx.config.sparkMaster.startsWith('local') && !recovering) {
          const appId = ctx.logs.yarnAppId(ctx.now(), ++ctx.counters.yarnApp)
          const current = ctx.store.sessions.get(record.id) as SessionRecord
          await ctx.store.sessions.update(record.id, (d) => {
            d.appId = appId
            d.appInfo = ctx.logs.yarnAppInfo(appId, current.proxyUser ?? current.owner ?? 'livy')
          })
        }
        // A recovered driver was launched long ago; its launch output is already in the log.
        if (!recovering)
          for (const line of ctx.logs.sessionLaunch(ctx.now(), subjectOf(record)))
            runtime.log.err(line)
      },
      subject,
    ),
  )
  const delay = recovering ? ctx.timing.sessionRecover : ctx.timing.sessionStart
  track(
    runtime,
    ctx.scheduler.after(
      delay,
      `session ${record.id} driver ${failure ? 'fails' : 'ready'}`,
      async () => {
        const current = ctx.store.sessions.get(record.id)
        if (
          !current ||
          (current.serverState !== 'starting' && current.serverState !== 'recovering')
        )
          return
        if (failure) {
          for (const line of ctx.logs.sessionStartFailure(ctx.now(), subjectOf(current), failure)) {
            runtime.log.err(line)
          }
          await moveServer(ctx, record.id, 'start-failed')
          track(
            runtime,
            ctx.scheduler.after(
              ctx.timing.failureCleanup,
              `session ${record.id} stopped after failing`,
              () => stopInteractive(ctx, record.id),
              subject,
            ),
          )
          return
        }
        for (const line of ctx.logs.sessionReady(ctx.now(), subjectOf(current)))
          runtime.log.err(line)
        // A driver that survived a server restart keeps its REPL (it may be running a statement).
        if (!recovering || runtime.driver.repl === null) runtime.driver.repl = 'idle'
        await moveServer(ctx, record.id, 'driver-ready')
      },
      subject,
    ),
  )
}

function takeStartFailure(ctx: ModelContext): string | undefined {
  const next = ctx.faults.sessionStartFailures[0]
  if (!next) return undefined
  next.remaining--
  if (next.remaining <= 0) ctx.faults.sessionStartFailures.shift()
  return next.reason
}

/** Re-creates a session from persisted metadata: it comes back `recovering`, then `idle`. */
export async function recoverInteractiveSession(
  ctx: ModelContext,
  record: SessionRecord,
  runtime: InteractiveRuntime,
): Promise<void> {
  ctx.sessions.set(record.id, runtime)
  const live =
    record.serverState === 'running' ||
    record.serverState === 'starting' ||
    record.serverState === 'recovering'
  await ctx.store.sessions.insert({
    ...record,
    serverState: live ? 'recovering' : record.serverState,
  })
  if (live) {
    runtime.driver.repl = null
    launchDriver(ctx, record, runtime, true)
  }
}

/**
 * The Livy server restarted while this session's driver kept running: the session reports
 * `recovering` until the driver reconnects (`timing.sessionRecover`), then what its REPL says.
 * Statements, jobs and the log live in the driver and stay as they were. A session that is not
 * live (error, dead, killed) is left alone.
 *
 * @example
 * await restartInteractiveSession(ctx, 0) // session 0 reports `recovering`
 */
export async function restartInteractiveSession(ctx: ModelContext, id: number): Promise<void> {
  const record = ctx.store.sessions.get(id)
  const runtime = ctx.sessions.get(id)
  if (!record || !runtime || !(driverPending(record) || record.serverState === 'running')) return
  // Start-up steps belonged to the old server process (a start under way is recovered instead).
  for (const task of runtime.tasks) task.cancel()
  runtime.tasks.clear()
  const updated = await moveServer(ctx, id, 'server-restarted')
  launchDriver(ctx, updated, runtime, true)
}

/** Counts as activity for the idle timeout (statement, cancel, completion, connect, jobs). */
export function recordActivity(ctx: ModelContext, id: number): void {
  const runtime = ctx.sessions.get(id)
  if (runtime) runtime.lastActivity = ctx.now()
}

/** Any `/sessions/{id}/…` call refreshes the heartbeat of a session that asked for one. */
export function heartbeat(ctx: ModelContext, id: number): void {
  const runtime = ctx.sessions.get(id)
  const record = ctx.store.sessions.get(id)
  if (!runtime || !record) return
  const now = ctx.now()
  runtime.lastHeartbeat = now
  if (record.heartbeatTimeoutInSecond > 0) {
    runtime.heartbeatDeadline = now + record.heartbeatTimeoutInSecond * 1000
  }
}

/** Server-side state must be `running` to accept statements (else `IllegalStateException`). */
export function ensureRunning(record: SessionRecord): void {
  if (record.serverState !== 'running') {
    throw new ModelError('illegal-state', `Session is in state ${record.serverState}`)
  }
}

/** `require(serverSideState.isActive, "Session isn't active.")`. */
export function ensureActive(record: SessionRecord): void {
  if (['shutting_down', 'dead', 'killed'].includes(record.serverState)) {
    throw new ModelError('illegal-argument', "requirement failed: Session isn't active.")
  }
}

/** Whether requests that need the driver must wait for it to connect (LIVY-1013). */
export function driverPending(record: SessionRecord): boolean {
  return record.serverState === 'starting' || record.serverState === 'recovering'
}

/** Resolves when the driver connected or the session failed. */
export function waitForDriver(ctx: ModelContext, id: number): Promise<void> {
  const runtime = ctx.sessions.get(id)
  if (!runtime) return Promise.resolve()
  return new Promise((resolve) => runtime.waiters.add(resolve))
}

export function executeStatement(
  ctx: ModelContext,
  record: SessionRecord,
  code: string,
  kind: string | null,
) {
  ensureRunning(record)
  recordActivity(ctx, record.id)
  return submitStatement(ctx, driverHost(ctx, record), code, kind)
}

export function cancel(ctx: ModelContext, record: SessionRecord, statementId: number): void {
  ensureRunning(record)
  recordActivity(ctx, record.id)
  cancelStatement(ctx, driverHost(ctx, record), statementId)
}

/**
 * Stops a session the way `/stop`, `/interrupt` and `DELETE` do, synchronously: the driver is
 * asked to stop, the state goes `shutting_down` and then `dead`.
 */
export async function stopInteractive(ctx: ModelContext, id: number): Promise<void> {
  const record = ctx.store.sessions.get(id)
  const runtime = ctx.sessions.get(id)
  if (!record || !runtime) return
  for (const task of runtime.tasks) task.cancel()
  runtime.tasks.clear()
  if (record.serverState === 'dead' || record.serverState === 'killed') return
  await moveServer(ctx, id, 'stop')
  stopDriver(runtime.driver)
  ctx.evaluation?.drop(id)
  // A driver killed before it printed anything leaves the log empty (observed on Livy 0.9.0).
  if (runtime.log.version > 0)
    for (const line of ctx.logs.sessionStop(ctx.now(), subjectOf(record))) runtime.log.err(line)
  await moveServer(ctx, id, 'stopped')
}

/** Stops the session and forgets it: every call on it answers 404 afterwards. */
export async function deleteInteractive(ctx: ModelContext, id: number): Promise<void> {
  await stopInteractive(ctx, id)
  await ctx.store.sessions.remove(id)
  ctx.sessions.delete(id)
  ctx.history.forget('session', id)
  ctx.changed({ type: 'session-deleted', sessionId: id })
}

/** Fault: the driver process exits (the app finished/failed): the session goes `dead`. */
export function driverExits(ctx: ModelContext, id: number, reason: string): Promise<void> {
  return appEnds(ctx, id, 'app-exited', reason)
}

/** A live session's application ends from outside: its driver stops, the session moves on. */
async function appEnds(
  ctx: ModelContext,
  id: number,
  event: 'app-exited' | 'app-killed',
  reason?: string,
): Promise<void> {
  const record = ctx.store.sessions.get(id)
  const runtime = ctx.sessions.get(id)
  if (!record || !runtime || !['starting', 'running'].includes(record.serverState)) return
  for (const task of runtime.tasks) task.cancel()
  runtime.tasks.clear()
  stopDriver(runtime.driver)
  ctx.evaluation?.drop(id)
  if (reason !== undefined) runtime.log.err(reason)
  await moveServer(ctx, id, event)
}

/**
 * The cluster killed the session's application (`yarn application -kill`, an operator): the
 * driver is gone and the session reports `killed`, kept until retention ends.
 *
 * @example
 * await sessionAppKilled(ctx, 0) // session 0 reports `killed`
 */
export function sessionAppKilled(ctx: ModelContext, id: number): Promise<void> {
  return appEnds(ctx, id, 'app-killed')
}

/** Fault: the interpreter process dies (`Interpreter died` on the running statement). */
export function interpreterDies(ctx: ModelContext, record: SessionRecord, reason: string): void {
  const runtime = ctx.sessions.get(record.id)
  if (!runtime || record.serverState !== 'running') {
    throw new RangeError(`session ${record.id} has no running driver whose interpreter could die`)
  }
  for (const line of ctx.logs.interpreterDied(ctx.now(), subjectOf(record), reason, record.kind))
    runtime.log.err(line)
  killInterpreter(ctx, driverHost(ctx, record), reason)
}

/** Livy's GC test for an interactive session (see `SessionManager.collectGarbage`). */
export function interactiveExpired(ctx: ModelContext, record: SessionRecord, now: number): boolean {
  const runtime = ctx.sessions.get(record.id)
  if (!runtime) return false
  const state = reportedInteractiveState(record.serverState, runtime.driver.repl)
  if (isFinishedState(state)) {
    // A REPL in error gets a fresh timestamp on every read, so it never expires.
    if (record.serverState === 'running') return false
    return now - (record.finishedAt ?? now) > ctx.config.stateRetainMs
  }
  if (!ctx.config.timeoutCheck) return false
  if (state === 'busy' && ctx.config.timeoutCheckSkipBusy) return false
  const idleLimit =
    record.idleTimeout !== null ? parseTimeAsMs(record.idleTimeout) : ctx.config.sessionTimeoutMs
  if (now - runtime.lastActivity > idleLimit) return true
  if (ctx.config.ttlCheck && record.startedOn !== null) {
    const ttl = record.ttl !== null ? parseTimeAsMs(record.ttl) : ctx.config.ttlMs
    if (now - record.startedOn > ttl) return true
  }
  return false
}
