import type { Caller } from './access.ts'
import type { BatchRuntime, ModelContext } from './context.ts'
import { requirement } from './errors.ts'
import { exampleRun } from './example-apps.ts'
import { transition } from './machines/machine.ts'
import { type BatchEvent, batchMachine } from './machines/session-machines.ts'
import { createProcessLog } from './process-log.ts'
import { checkResources, resolveUri } from './resources.ts'
import { checkSessionName } from './session-name.ts'
import {
  castInt,
  DEFAULT_SPARK_SUBMIT_FIELDS,
  rejectNulls,
  type SparkSubmitFields,
} from './spark-submit-fields.ts'
import { type BatchRecord, EMPTY_APP_INFO } from './store/records.ts'
import { firstOutputDelay, launchDelay } from './timing.ts'
import { userMap } from './user-map.ts'

/** A parsed `POST /batches` body (`CreateBatchRequest`). */
export interface CreateBatchInput extends SparkSubmitFields {
  readonly file: string | null
  readonly proxyUser: string | null
  readonly className: string | null
  readonly args: readonly string[]
  /** What a vendor profile attached to the request (kept with the record). */
  readonly annotations?: Readonly<Record<string, unknown>> | null
}

export const DEFAULT_BATCH_INPUT: CreateBatchInput = Object.freeze({
  file: null,
  proxyUser: null,
  className: null,
  args: [],
  ...DEFAULT_SPARK_SUBMIT_FIELDS,
})

const subjectOf = (record: BatchRecord) => ({
  id: record.id,
  appTag: record.appTag,
  user: record.proxyUser ?? record.owner ?? 'livy',
  appId: record.appId,
})

async function moveBatch(ctx: ModelContext, id: number, event: BatchEvent): Promise<void> {
  const record = ctx.store.batches.get(id)
  if (!record) return
  const result = transition(batchMachine, record.state, event)
  if (!result.ok) return
  const now = ctx.now()
  await ctx.store.batches.update(id, (draft) => {
    draft.state = result.state
    if (result.state === 'success' || result.state === 'dead' || result.state === 'killed')
      draft.finishedAt = now
  })
  ctx.history.note('batch', id, result.state, now)
  ctx.changed({ type: 'batch-state', batchId: id, detail: { state: result.state } })
}

/**
 * `POST /batches`: the batch is registered before its request is checked, so a request Livy
 * rejects (blacklisted conf, no `file`, a local path) leaves a batch stuck in `starting`.
 */
export async function createBatch(
  ctx: ModelContext,
  input: CreateBatchInput,
  caller: Caller,
): Promise<BatchRecord> {
  const id = ctx.counters.batch++
  ctx.changed({ type: 'batch-id-consumed', batchId: id })
  const proxyUser = ctx.access.checkImpersonation(caller.doAs ?? input.proxyUser, caller.user)
  checkSessionName(input.name, id, (name) => ctx.store.batches.getByName(name) !== undefined)
  const now = ctx.now()
  const record: BatchRecord = {
    id,
    name: input.name,
    owner: caller.user,
    proxyUser,
    appId: null,
    appTag: `livy-batch-${id}-${ctx.random.alphanumeric(8)}`,
    appInfo: { ...EMPTY_APP_INFO },
    driverMemory: input.driverMemory,
    driverCores: null,
    executorMemory: input.executorMemory,
    executorCores: null,
    numExecutors: null,
    queue: input.queue,
    // spark-submit gets `--conf a=null` for a null value (Scala's string of it), and the
    // zombie a failed request leaves keeps its lists as Scala would print them.
    conf: userMap(Object.entries(input.conf).map(([k, v]) => [k, String(v)])),
    jars: input.jars.map(String),
    pyFiles: input.pyFiles.map(String),
    files: input.files.map(String),
    archives: input.archives.map(String),
    createdAt: now,
    finishedAt: null,
    annotations: input.annotations ?? null,
    state: 'starting',
    file: input.file,
    className: input.className,
    args: input.args.map(String),
    zombie: false,
  }
  await ctx.store.batches.insert(record)
  ctx.history.note('batch', id, record.state, now)
  try {
    checkResources(input, ctx.config)
    requirement(input.file !== null, 'File is required.')
    rejectNulls([
      ['jars', input.jars],
      ['pyFiles', input.pyFiles],
      ['files', input.files],
      ['archives', input.archives],
      ['args', input.args],
    ])
    // spark-submit options are built next; erased Option[Int] values are cast here.
    const cores = {
      driverCores: castInt(input.driverCores),
      executorCores: castInt(input.executorCores),
      numExecutors: castInt(input.numExecutors),
    }
    resolveUri(input.file, ctx.config)
    await ctx.store.batches.update(id, (d) => Object.assign(d, cores))
  } catch (e) {
    await ctx.store.batches.update(id, (d) => {
      d.zombie = true
    })
    ctx.batches.set(id, { id, log: null, tasks: new Set() })
    ctx.changed({ type: 'batch-zombie', batchId: id })
    throw e
  }
  const runtime: BatchRuntime = {
    id,
    log: createProcessLog(ctx.config.cacheLogSize, true),
    tasks: new Set(),
  }
  ctx.batches.set(id, runtime)
  ctx.changed({ type: 'batch-created', batchId: id })
  runBatch(ctx, record, runtime)
  return ctx.store.batches.get(id) as BatchRecord
}

function takeBatchFailure(ctx: ModelContext): { exitCode: number; reason: string } | undefined {
  const next = ctx.faults.batchFailures[0]
  if (!next) return undefined
  next.remaining--
  if (next.remaining <= 0) ctx.faults.batchFailures.shift()
  return { exitCode: next.exitCode, reason: next.reason }
}

/** spark-submit as timed steps: output, `running`, then exit (0 → `success`, else `dead`). */
function runBatch(
  ctx: ModelContext,
  record: BatchRecord,
  runtime: BatchRuntime,
  recovering = false,
): void {
  const log = runtime.log
  if (!log) return
  const failure = takeBatchFailure(ctx)
  const subject = `batch:${record.id}`
  const yarn = !ctx.config.sparkMaster.startsWith('local')
  runtime.tasks.add(
    ctx.scheduler.after(
      firstOutputDelay(recovering ? ctx.timing.sessionRecover : ctx.timing.batchStart),
      `batch ${record.id} spark-submit launched`,
      () => {
        if (!recovering)
          for (const line of ctx.logs.batchStart(ctx.now(), subjectOf(record), record.file))
            log.err(line)
      },
      subject,
    ),
  )
  runtime.tasks.add(
    ctx.scheduler.after(
      // In local mode spark-submit is the application: it runs once launched, a moment after
      // the create (real Livy's answer races it: "starting", sometimes already "running").
      recovering
        ? ctx.timing.sessionRecover
        : yarn
          ? ctx.timing.batchStart
          : launchDelay(ctx.timing.batchStart),
      `batch ${record.id} running`,
      async () => {
        if (yarn && !recovering) {
          const appId = ctx.logs.yarnAppId(ctx.now(), ++ctx.counters.yarnApp)
          await ctx.store.batches.update(record.id, (d) => {
            d.appId = appId
            d.appInfo = ctx.logs.yarnAppInfo(appId, record.proxyUser ?? record.owner ?? 'livy')
          })
        }
        await moveBatch(ctx, record.id, 'app-running')
        runtime.tasks.add(
          ctx.scheduler.after(
            ctx.timing.batchRun,
            `batch ${record.id} exits`,
            async () => {
              const current = ctx.store.batches.get(record.id)
              // The application ends on schedule even while a restarted server recovers it.
              if (current?.state !== 'running' && current?.state !== 'recovering') return
              // Spark's examples jar runs as the real examples do (SparkPi prints Pi).
              const example = exampleRun(
                record.file,
                record.className,
                record.args,
                ctx.random,
                ctx.now(),
              )
              const output = example
                ? example.stdout
                : ctx.logs.batchOutput(ctx.now(), subjectOf(current))
              for (const line of output) log.out(line)
              for (const line of example?.stderr ?? []) log.err(line)
              const exitCode = failure?.exitCode ?? example?.exitCode ?? 0
              const reason = failure?.reason ?? example?.reason
              for (const line of ctx.logs.batchEnd(ctx.now(), subjectOf(current), exitCode, reason))
                log.err(line)
              if (yarn) {
                log.diagnostics(
                  '\nYARN Diagnostics: ',
                  exitCode === 0 ? [] : [reason ?? `Exit code ${exitCode}`],
                )
              }
              await moveBatch(ctx, record.id, exitCode === 0 ? 'app-finished' : 'app-failed')
            },
            subject,
          ),
        )
      },
      subject,
    ),
  )
}

/** Re-creates a batch from persisted metadata (`recovering` until its app is found again). */
export async function recoverBatch(
  ctx: ModelContext,
  record: BatchRecord,
  runtime: BatchRuntime,
): Promise<void> {
  ctx.batches.set(record.id, runtime)
  const live =
    record.state === 'starting' || record.state === 'running' || record.state === 'recovering'
  await ctx.store.batches.insert({
    ...record,
    state: live && !record.zombie ? 'recovering' : record.state,
  })
  if (live && !record.zombie) runBatch(ctx, record, runtime, true)
}

/**
 * The Livy server restarted while the batch's application kept running on the cluster: the batch
 * reports `recovering` until the server finds the application again (`timing.sessionRecover`),
 * then `running`. Its pending steps are the application's and keep their schedule, so it still
 * finishes when it would have (also while recovering).
 *
 * @example
 * await restartBatch(ctx, 0) // batch 0 reports `recovering`, then `running`
 */
export async function restartBatch(ctx: ModelContext, id: number): Promise<void> {
  const record = ctx.store.batches.get(id)
  const runtime = ctx.batches.get(id)
  const live = record?.state === 'starting' || record?.state === 'running'
  if (!record || !runtime?.log || record.zombie || !(live || record.state === 'recovering')) return
  await moveBatch(ctx, id, 'server-restarted')
  runtime.tasks.add(
    ctx.scheduler.after(
      ctx.timing.sessionRecover,
      `batch ${id} recovered`,
      () => moveBatch(ctx, id, 'app-running'),
      `batch:${id}`,
    ),
  )
}

/** `DELETE /batches/{id}`: kills spark-submit if it still runs, then forgets the batch. */
export async function deleteBatch(ctx: ModelContext, id: number): Promise<void> {
  const runtime = ctx.batches.get(id)
  if (runtime) {
    for (const task of runtime.tasks) task.cancel()
    runtime.tasks.clear()
  }
  await moveBatch(ctx, id, 'app-killed')
  await ctx.store.batches.remove(id)
  ctx.batches.delete(id)
  ctx.history.forget('batch', id)
  ctx.changed({ type: 'batch-deleted', batchId: id })
}

/**
 * The cluster killed the batch's application (`yarn application -kill`): it reports `killed`
 * and is kept, unlike `DELETE /batches/{id}`, which forgets it.
 *
 * @example
 * await batchAppKilled(ctx, 0) // batch 0 reports `killed`
 */
export async function batchAppKilled(ctx: ModelContext, id: number): Promise<void> {
  const runtime = ctx.batches.get(id)
  if (runtime) {
    for (const task of runtime.tasks) task.cancel()
    runtime.tasks.clear()
  }
  await moveBatch(ctx, id, 'app-killed')
}

/** Fault: a running (or starting) batch fails now with an exit code. */
export async function failBatchNow(
  ctx: ModelContext,
  id: number,
  exitCode: number,
  reason: string,
): Promise<void> {
  const record = ctx.store.batches.get(id)
  const runtime = ctx.batches.get(id)
  if (!record || !runtime?.log || (record.state !== 'starting' && record.state !== 'running')) {
    throw new RangeError(`batch ${id} is not running`)
  }
  for (const task of runtime.tasks) task.cancel()
  runtime.tasks.clear()
  for (const line of ctx.logs.batchEnd(ctx.now(), subjectOf(record), exitCode, reason))
    runtime.log.err(line)
  await moveBatch(ctx, id, 'app-failed')
}

/** Livy's GC test for a batch: only finished batches expire (after the retention time). */
export function batchExpired(ctx: ModelContext, record: BatchRecord, now: number): boolean {
  if (record.state !== 'success' && record.state !== 'dead' && record.state !== 'killed')
    return false
  return now - (record.finishedAt ?? now) > ctx.config.stateRetainMs
}
