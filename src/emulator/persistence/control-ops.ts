import type { MaybePromise } from '../http/maybe-async.ts'
import { andThen } from '../http/maybe-async.ts'
import type { Clock } from '../model/clock.ts'
import type { LivyModel } from '../model/livy-model.ts'
import { restartServer } from '../model/restart.ts'
import type { TaskHandle } from '../model/scheduler.ts'

/**
 * A state-changing operation that is not a Livy request: the clock, manual steps, model faults,
 * and the server restart a replayed state file ends with. Plain JSON, so a state file can hold
 * it and a restart can apply it again.
 */
export type ModelOp =
  | { readonly op: 'advance'; readonly ms: number }
  | { readonly op: 'advance-to-next' }
  | { readonly op: 'step'; readonly subject?: string }
  | { readonly op: 'session-start-fails'; readonly reason: string; readonly count: number }
  | {
      readonly op: 'next-batches-fail'
      readonly exitCode: number
      readonly reason: string
      readonly count: number
    }
  | { readonly op: 'interpreter-dies'; readonly sessionId: number; readonly reason: string }
  | { readonly op: 'driver-exits'; readonly sessionId: number; readonly reason: string }
  | {
      readonly op: 'batch-fails'
      readonly batchId: number
      readonly exitCode: number
      readonly reason: string
    }
  | { readonly op: 'model-faults-clear' }
  | { readonly op: 'server-restart' }

/** Changes to the outcome rules and HTTP faults (ids are the emulator's public ones). */
export type RegistryOp =
  | { readonly op: 'outcome-add'; readonly id: number; readonly rule: Record<string, unknown> }
  | { readonly op: 'outcome-remove'; readonly id: number }
  | { readonly op: 'outcome-clear' }
  | { readonly op: 'http-fault-add'; readonly id: number; readonly fault: Record<string, unknown> }
  | { readonly op: 'http-fault-remove'; readonly id: number }
  | { readonly op: 'http-fault-clear' }

export type ControlOp = ModelOp | RegistryOp

/**
 * Whether an operation runs after catching up with due steps (all but the restart, which
 * orders that itself).
 *
 * @example
 * catchesUpFirst({ op: 'advance', ms: 10 }) // true
 */
export const catchesUpFirst = (op: ControlOp): boolean => op.op !== 'server-restart'

/**
 * Applies a model operation. The emulator's own methods (`advance`, `faults.*`, …) and the
 * replay of a state file both come here, so both do exactly the same thing.
 *
 * @example
 * await applyModelOp({ op: 'advance', ms: 1000 }, clock, model)
 */
export function applyModelOp(op: ModelOp, clock: Clock, model: LivyModel): MaybePromise<unknown> {
  switch (op.op) {
    case 'advance':
      clock.advance(op.ms)
      return model.catchUp()
    case 'advance-to-next': {
      // A statement whose code is still running ends at its own time: that is a next step too.
      const next = earliest(
        model.context.scheduler.nextDueAt(),
        model.context.evaluation?.nextDueAt(),
      )
      const moved = next === undefined ? 0 : Math.max(0, next - clock.now())
      if (moved > 0) clock.advance(moved)
      return andThen(model.catchUp(), () => moved)
    }
    case 'step':
      // A manual step for a statement exists once its code finished.
      if (!model.context.evaluation) return model.step(op.subject)
      return model.settle().then(() => model.step(op.subject))
    case 'session-start-fails':
      return model.failNextSessionStarts(op.reason, op.count)
    case 'next-batches-fail':
      return model.failNextBatches(op.exitCode, op.reason, op.count)
    case 'interpreter-dies':
      return model.killInterpreter(op.sessionId, op.reason)
    case 'driver-exits':
      return model.driverExits(op.sessionId, op.reason)
    case 'batch-fails':
      return model.failBatch(op.batchId, op.exitCode, op.reason)
    case 'model-faults-clear':
      model.context.faults.sessionStartFailures.length = 0
      model.context.faults.batchFailures.length = 0
      return undefined
    case 'server-restart':
      return restartServer(model.context)
    default:
      // Only reachable from a file written by a newer emulator.
      throw new RangeError(`unknown operation ${JSON.stringify((op as { op: unknown }).op)}`)
  }
}

const earliest = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined ? b : b === undefined ? a : Math.min(a, b)

/**
 * What a state file keeps of an operation's result, so a replay can check it got the same
 * (how far `advance-to-next` moved, which step `step` ran).
 *
 * @example
 * resultSummary({ op: 'advance-to-next' }, 1000) // 1000
 */
export function resultSummary(op: ControlOp, result: unknown): string | number | null | undefined {
  if (op.op === 'advance-to-next') return result as number
  if (op.op === 'step') return (result as TaskHandle | undefined)?.label ?? null
  return undefined
}
