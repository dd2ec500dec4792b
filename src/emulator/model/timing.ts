import type { Delay } from './scheduler.ts'

/**
 * How long things take, in virtual milliseconds (or `'manual'`: the step waits for
 * `emulator.step()`). What can happen is in the state machines; this only says when.
 */
export interface Timing {
  /** `POST /sessions` → the driver is up and the session reports `idle`. */
  readonly sessionStart: Delay
  /** A recovered session (`recovering`) → `idle`. */
  readonly sessionRecover: Delay
  /** A statement's run time when no outcome rule gives one. */
  readonly statementRun: Delay
  /** `cancelling` → `cancelled` for a statement cancelled while running. */
  readonly statementCancel: Delay
  /** `POST /batches` → `running`. */
  readonly batchStart: Delay
  /** `running` → `success`. */
  readonly batchRun: Delay
  /** A failed start: how long `error` shows before the server stops the session. */
  readonly failureCleanup: Delay
  /** A Job API job: `SENT` → terminal. */
  readonly jobRun: Delay
}

export type TimingName = 'instant' | 'fast' | 'realistic'

/**
 * Named timing profiles. `instant` makes every step due at once (it still happens after the
 * request that caused it, as in Livy, where `POST /sessions` answers `starting`).
 */
export const TIMING_PROFILES: Readonly<Record<TimingName, Timing>> = Object.freeze({
  instant: Object.freeze({
    sessionStart: 0,
    sessionRecover: 0,
    statementRun: 0,
    statementCancel: 0,
    batchStart: 0,
    batchRun: 0,
    failureCleanup: 0,
    jobRun: 0,
  }),
  fast: Object.freeze({
    sessionStart: 1_000,
    sessionRecover: 500,
    statementRun: 100,
    statementCancel: 100,
    batchStart: 500,
    batchRun: 1_500,
    failureCleanup: 500,
    jobRun: 100,
  }),
  realistic: Object.freeze({
    sessionStart: 20_000,
    sessionRecover: 5_000,
    statementRun: 1_500,
    statementCancel: 200,
    batchStart: 8_000,
    batchRun: 30_000,
    failureCleanup: 2_000,
    jobRun: 2_000,
  }),
})

/**
 * Resolves a timing option: a profile name, or a partial override of one.
 *
 * @example
 * resolveTiming('fast')
 * resolveTiming({ base: 'instant', sessionStart: 'manual' })
 */
export function resolveTiming(
  option: TimingName | (Partial<Timing> & { base?: TimingName }) = 'instant',
): Timing {
  if (typeof option === 'string') {
    const profile = TIMING_PROFILES[option]
    if (!profile)
      throw new RangeError(`unknown timing profile "${option}" (instant, fast, realistic)`)
    return profile
  }
  const { base = 'instant', ...overrides } = option
  const merged = { ...resolveTiming(base), ...overrides }
  for (const [key, value] of Object.entries(merged)) {
    if (
      value !== 'manual' &&
      !(typeof value === 'number' && Number.isFinite(value) && value >= 0)
    ) {
      throw new RangeError(`timing.${key} must be a number of ms >= 0 or 'manual'`)
    }
  }
  return Object.freeze(merged)
}

/**
 * When a launched process's first output appears: a while into its start-up, not at once (real
 * Livy answers a create with an empty log and the spark-submit output arrives seconds later).
 * A manual start shows its output right after the request.
 *
 * @example
 * firstOutputDelay(1_000) // 300
 */
export function firstOutputDelay(start: Delay): number {
  return start === 'manual' ? 0 : Math.floor(start * 0.3)
}

/**
 * How long a local spark-submit takes to be up: a tenth of the batch start-up (it is the
 * application itself, no cluster to wait for).
 *
 * @example
 * launchDelay(500) // 50
 */
export function launchDelay(start: Delay): number {
  return start === 'manual' ? 0 : Math.floor(start * 0.1)
}
