import type { StateMark } from '../model/context.ts'
import type { BatchRecord, SessionRecord } from '../model/store/records.ts'
import { isoTime } from './gateway-kit.ts'

/**
 * The job envelope Synapse and Fabric put around Livy's session and batch objects (their
 * swagger models mirror each other): when each Livy state was reached, the request as
 * submitted, the scheduler's view, and the job's result.
 */

/** `livyInfo` keys per Livy state, in the swagger's order. */
const LIVY_INFO_KEYS: readonly (readonly [string, string])[] = [
  ['not_started', 'notStartedAt'],
  ['starting', 'startingAt'],
  ['idle', 'idleAt'],
  ['busy', 'busyAt'],
  ['running', 'runningAt'],
  ['success', 'successAt'],
  ['dead', 'deadAt'],
  ['shutting_down', 'shuttingDownAt'],
  ['killed', 'killedAt'],
  ['recovering', 'recoveringAt'],
  ['error', 'errorAt'],
]

/** `result`: `Uncertain` while the job lives (not a failure signal), then how it ended. */
export const jobResult = (state: string): string =>
  state === 'success'
    ? 'Succeeded'
    : state === 'killed'
      ? 'Cancelled'
      : state === 'dead' || state === 'error'
        ? 'Failed'
        : 'Uncertain'

/** `jobCreationRequest`: the request echoed from what Livy kept. */
export function jobCreationRequest(
  record: SessionRecord | BatchRecord,
  tags: unknown,
): Record<string, unknown> {
  const request: Record<string, unknown> = { name: record.name }
  if ('file' in record) {
    Object.assign(request, { file: record.file, className: record.className, args: record.args })
  }
  return Object.assign(request, {
    jars: record.jars,
    files: record.files,
    pyFiles: record.pyFiles,
    archives: record.archives,
    conf: record.conf,
    tags: tags ?? null,
    driverMemory: record.driverMemory,
    driverCores: record.driverCores,
    executorMemory: record.executorMemory,
    executorCores: record.executorCores,
    numExecutors: record.numExecutors,
  })
}

/** `livyInfo`: the latest time each state was entered, the current state, the request. */
export function livyInfo(
  marks: readonly StateMark[],
  state: string,
  request: Record<string, unknown>,
): Record<string, unknown> {
  const info: Record<string, unknown> = {}
  for (const [livyState, key] of LIVY_INFO_KEYS) {
    let at: number | undefined
    for (const mark of marks) if (mark.state === livyState) at = mark.at
    if (at !== undefined) info[key] = isoTime(at)
  }
  info.currentState = state
  info.jobCreationRequest = request
  return info
}

/** `schedulerInfo`: queued until the job first ran, scheduled while it runs, then ended. */
export function schedulerInfo(
  record: SessionRecord | BatchRecord,
  marks: readonly StateMark[],
): Record<string, unknown> {
  const firstLive = marks.find((m) => m.state !== 'not_started' && m.state !== 'starting')
  const info: Record<string, unknown> = { submittedAt: isoTime(record.createdAt) }
  if (firstLive) info.scheduledAt = isoTime(firstLive.at)
  if (record.finishedAt !== null) info.endedAt = isoTime(record.finishedAt)
  info.currentState = record.finishedAt !== null ? 'Ended' : firstLive ? 'Scheduled' : 'Queued'
  return info
}

/** `pluginInfo`: the stages of the Spark service's submission plugin. */
export function pluginInfo(
  record: SessionRecord | BatchRecord,
  marks: readonly StateMark[],
): Record<string, unknown> {
  const firstLive = marks.find((m) => m.state !== 'not_started' && m.state !== 'starting')
  const created = isoTime(record.createdAt)
  const info: Record<string, unknown> = {
    preparationStartedAt: created,
    resourceAcquisitionStartedAt: created,
    submissionStartedAt: created,
  }
  if (firstLive) info.monitoringStartedAt = isoTime(firstLive.at)
  if (record.finishedAt !== null) info.cleanupStartedAt = isoTime(record.finishedAt)
  info.currentState =
    record.finishedAt !== null ? 'Ended' : firstLive ? 'Monitoring' : 'ResourceAcquisition'
  return info
}

/** A stable small number per user name (the submitter's id is derived from it). */
export function userNumber(user: string): number {
  let h = 2166136261
  for (let i = 0; i < user.length; i++) h = Math.imul(h ^ user.charCodeAt(i), 16777619)
  return (h >>> 0) % 1_000_000_000
}
