import type { Edge } from '../http/edge.ts'
import type { EdgeResponse } from '../http/types.ts'
import { DriverNotReady, type LivyModel } from '../model/livy-model.ts'
import {
  applyModelOp,
  type ControlOp,
  catchesUpFirst,
  type ModelOp,
  resultSummary,
} from './control-ops.ts'
import { faultOfJson, type PersistedHttpFaults } from './persisted-http-faults.ts'
import { type PersistedOutcomes, ruleOfJson } from './persisted-outcomes.ts'
import type { ReplayClock } from './replay-clock.ts'
import { requestOfRecord } from './request-record.ts'
import { StateFileError } from './state-file-error.ts'
import type { RequestRecord, StateRecord } from './state-records.ts'

/** What a replay drives: the emulator's parts, with time under the replay's control. */
export interface ReplayTarget {
  readonly clock: ReplayClock
  readonly model: () => LivyModel
  readonly edge: () => Edge
  readonly outcomes: PersistedOutcomes
  readonly httpFaults: PersistedHttpFaults
}

const describe = (record: StateRecord): string =>
  `record ${record.seq} (${record.type === 'request' ? `${record.method} ${record.path}${record.query ? `?${record.query}` : ''}` : record.op.op}, at ${new Date(record.at).toISOString()})`

const diverged = (record: StateRecord, what: string): StateFileError =>
  new StateFileError(
    'diverged',
    `replaying the state file went differently at ${describe(record)}: ${what}. The file was written by an emulator that behaves differently (another version?) or was edited; move it away to start afresh.`,
  )

function applyRegistryOp(op: ControlOp, target: ReplayTarget): boolean {
  switch (op.op) {
    case 'outcome-add':
      target.outcomes.register(op.id, ruleOfJson(op.rule))
      return true
    case 'outcome-remove':
      target.outcomes.unregister(op.id)
      return true
    case 'outcome-clear':
      target.outcomes.clearAll()
      return true
    case 'http-fault-add':
      target.httpFaults.register(op.id, faultOfJson(op.fault))
      return true
    case 'http-fault-remove':
      target.httpFaults.unregister(op.id)
      return true
    case 'http-fault-clear':
      target.httpFaults.clearAll()
      return true
    default:
      return false
  }
}

async function replayRequest(record: RequestRecord, target: ReplayTarget): Promise<void> {
  let response: EdgeResponse | undefined
  try {
    response = await target.edge().serve(requestOfRecord(record))
  } catch (e) {
    if (!(e instanceof DriverNotReady)) throw diverged(record, `it failed: ${(e as Error).message}`)
  }
  const got = response?.status ?? null
  if (got !== record.status) {
    const show = (s: number | null) => (s === null ? 'waited for the driver' : `answered ${s}`)
    throw diverged(record, `the original ${show(record.status)}, the replay ${show(got)}`)
  }
}

/**
 * Replays records into a fresh model, each at its recorded time: the same requests and
 * operations at the same times give the same state (the model is deterministic given its seed,
 * timing and configuration). Throws a `diverged` {@link StateFileError} at the first record
 * whose outcome differs from the one recorded.
 *
 * @example
 * await replayRecords(log.takeRecords(), { clock, model, edge, outcomes, httpFaults })
 */
export async function replayRecords(
  records: readonly StateRecord[],
  target: ReplayTarget,
): Promise<void> {
  for (const record of records) {
    target.clock.replayTo(record.at)
    if (record.type === 'request') {
      await replayRequest(record, target)
      continue
    }
    const op = record.op
    if (catchesUpFirst(op)) await target.model().catchUp()
    if (applyRegistryOp(op, target)) continue
    let result: unknown
    try {
      result = await applyModelOp(op as ModelOp, target.clock, target.model())
    } catch (e) {
      throw diverged(record, `it failed: ${(e as Error).message}`)
    }
    const summary = resultSummary(op, result)
    if (summary !== record.result) {
      throw diverged(
        record,
        `the original gave ${JSON.stringify(record.result)}, the replay ${JSON.stringify(summary)}`,
      )
    }
  }
}
