import type { HttpFaults } from '../control/http-faults.ts'
import type { Edge } from '../http/edge.ts'
import { andThen, type MaybePromise, type Serial } from '../http/maybe-async.ts'
import type { EdgeRequest, EdgeResponse } from '../http/types.ts'
import type { Clock } from '../model/clock.ts'
import type { LivyModel } from '../model/livy-model.ts'
import type { OutcomeRules } from '../model/outcomes/outcome.ts'
import { applyModelOp, type ControlOp, catchesUpFirst, resultSummary } from './control-ops.ts'
import { holdTimeDuring } from './hold-time.ts'
import { createPersistedHttpFaults, type PersistedHttpFaults } from './persisted-http-faults.ts'
import { createPersistedOutcomes, type PersistedOutcomes } from './persisted-outcomes.ts'
import { createReplayClock, type ReplayClock } from './replay-clock.ts'
import { replayRecords } from './replay-records.ts'
import { changesState, requestRecord } from './request-record.ts'
import { StateFileError } from './state-file-error.ts'
import { newStateHeader, type StateIdentity } from './state-header.ts'
import { openStateLog, type StateFileRecovery } from './state-log.ts'
import type { StateStorage } from './state-storage.ts'

/** An emulator's state file, as `emulator.stateFile` shows it. */
export interface StateFileStatus {
  /** Where it is (a path). */
  readonly name: string
  /** What opening it found; complete once `emulator.ready` resolved. */
  readonly recovered: StateFileRecovery
  /** Set when a write failed: the emulator answers 503 from then on. */
  readonly failure: StateFileError | undefined
  /** Closes the file (the emulator must not be used afterwards). */
  close(): void
}

/** What {@link createStatePersistence} wraps: the emulator's own parts. */
export interface StatePersistenceOptions {
  readonly storage: StateStorage
  readonly identity: StateIdentity
  /** The emulator's clock (time follows it once the log is replayed). */
  readonly clock: Clock
  readonly serial: Serial
  readonly outcomes: OutcomeRules
  readonly httpFaults: HttpFaults
  /** The emulator's current model and edge (they change on reset). */
  readonly current: () => { readonly model: LivyModel; readonly edge: Edge }
}

/** What the emulator uses instead of its plain clock, serial section, rules and faults. */
export interface StatePersistence {
  readonly clock: ReplayClock
  readonly serial: Serial
  readonly outcomes: PersistedOutcomes
  readonly httpFaults: PersistedHttpFaults
  readonly status: StateFileStatus
  /** The edge's `onServed`: logs the requests that change state (durably unless a read). */
  onServed(request: EdgeRequest, response: EdgeResponse | undefined, at: number): void
  /** Runs a control operation between requests (after catching up) and logs it. */
  run<T>(op: ControlOp, apply: () => MaybePromise<T>): MaybePromise<T>
  /** Replays the log and restarts the server; call once, as the first task of the serial section. */
  replay(): Promise<void>
  /** Starts a new log (inside `reset`, after the model was rebuilt at the rewound time). */
  reset(): void
  /** The answer to every request once the state file failed. */
  unavailable(): EdgeResponse
}

/**
 * Persistence of an emulator's state as a command log: every request that changed state (and
 * every control operation) is appended with the virtual time it was served at, durably before
 * its response goes out; opening replays the log into a fresh model at the recorded times, then
 * restarts the server (`restartServer`). See docs/decisions/0006-state-file.md.
 *
 * @example
 * const persistence = createStatePersistence({ storage, identity, clock, serial, outcomes, httpFaults, current })
 * await persistence.serial.run(() => persistence.replay())
 */
export function createStatePersistence(options: StatePersistenceOptions): StatePersistence {
  const { storage, identity, current } = options
  let failure: StateFileError | undefined
  const innerOutcomes = options.outcomes
  const innerHttpFaults = options.httpFaults
  const log = openStateLog(storage, identity, options.clock.now(), {
    outcomeRule: 1,
    httpFault: 1,
  })
  const clock = createReplayClock(options.clock, log.header.startedAt)
  const serial = holdTimeDuring(options.serial, clock)

  const fail = (e: unknown): StateFileError => {
    failure ??=
      e instanceof StateFileError
        ? e
        : new StateFileError('failed', `writing ${storage.name} failed: ${(e as Error).message}`, {
            cause: e,
          })
    return failure
  }

  const append = (record: Parameters<typeof log.append>[0], durable: boolean): void => {
    if (failure) throw failure
    try {
      log.append(record, durable)
    } catch (e) {
      // The change is made but cannot be kept: stop acknowledging anything.
      const error = fail(e)
      console.error(`livy-emulator: ${error.message}; answering 503 from now on`)
      throw error
    }
  }

  /** Applies and logs an operation; the caller holds the serial section. */
  const applyAndLog = <T>(op: ControlOp, apply: () => MaybePromise<T>): MaybePromise<T> => {
    if (failure) throw failure
    const at = clock.now()
    const first = catchesUpFirst(op) ? current().model.catchUp() : undefined
    return andThen(first, () =>
      andThen(apply(), (result) => {
        const summary = resultSummary(op, result)
        append(
          { at, type: 'control', op, ...(summary !== undefined ? { result: summary } : {}) },
          true,
        )
        return result
      }),
    )
  }

  const run = <T>(op: ControlOp, apply: () => MaybePromise<T>): MaybePromise<T> =>
    serial.run(() => applyAndLog(op, apply))

  const outcomes = createPersistedOutcomes(innerOutcomes, run, log.header.nextIds.outcomeRule)
  const httpFaults = createPersistedHttpFaults(innerHttpFaults, run, log.header.nextIds.httpFault)

  const status: StateFileStatus = {
    name: storage.name,
    get recovered() {
      return log.recovery
    },
    get failure() {
      return failure
    },
    close: () => log.close(),
  }

  return {
    clock,
    serial,
    outcomes,
    httpFaults,
    status,
    onServed(request, response, at) {
      const { model } = current()
      if (!changesState(request, model)) return
      // Reads are flushed by the next durable write; nothing acknowledged depends on them.
      const durable =
        response !== undefined && request.method !== 'GET' && request.method !== 'HEAD'
      append(requestRecord(request, response?.status ?? null, at), durable)
    },
    run,
    async replay() {
      const records = log.takeRecords()
      try {
        await replayRecords(records, {
          clock,
          model: () => current().model,
          edge: () => current().edge,
          outcomes,
          httpFaults,
        })
      } catch (e) {
        const message = `replaying ${storage.name} failed: ${(e as Error).message}`
        throw fail(
          e instanceof StateFileError ? e : new StateFileError('diverged', message, { cause: e }),
        )
      }
      clock.goLive()
      if (records.length === 0) return
      // The server restarted: the step is logged like any operation, so the next replay
      // restarts at the same place and time.
      clock.hold()
      try {
        await applyAndLog({ op: 'server-restart' }, () =>
          applyModelOp({ op: 'server-restart' }, clock, current().model),
        )
      } finally {
        clock.release()
      }
    },
    reset() {
      try {
        log.restartWith(
          newStateHeader(identity, clock.now(), {
            outcomeRule: outcomes.nextId,
            httpFault: httpFaults.nextId,
          }),
        )
      } catch (e) {
        throw fail(e)
      }
    },
    unavailable: () => ({
      status: 503,
      headers: [['Content-Type', 'application/json;charset=utf-8']],
      body: JSON.stringify({
        msg: `livy-emulator cannot keep its state: ${failure?.message ?? 'the state file is not open yet'}`,
      }),
    }),
  }
}
