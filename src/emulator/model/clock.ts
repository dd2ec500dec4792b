/**
 * Time source of an emulator. Everything in the model reads time through a `Clock`; nothing
 * else may call `Date.now()`, so a test that injects a {@link ManualClock} is deterministic.
 *
 * @example
 * const clock = createManualClock(Date.UTC(2026, 0, 1))
 * clock.advance(1_000)
 * clock.now() // 1767225601000
 */
export interface Clock {
  /** Milliseconds since the epoch, as the emulated server sees them. */
  now(): number
  /** Moves time forward by `ms` (virtual time; the system clock adds an offset). */
  advance(ms: number): void
  /** Puts the clock back where it started (used by `reset()`). */
  rewind(): void
  /** `system` follows the wall clock, `manual` moves only when told to. */
  readonly kind: 'system' | 'manual'
  /**
   * Calls `wake` once the clock reaches `time` (a timer for the system clock; on `advance()`
   * for a manual one). Used to finish requests that wait on virtual time. Returns a cancel.
   */
  wakeAt(time: number, wake: () => void): () => void
}

/** A clock that only moves when {@link Clock.advance} is called. */
export interface ManualClock extends Clock {
  readonly kind: 'manual'
  readonly start: number
}

/** Default start of a manual clock: 2026-01-01T00:00:00Z, so timestamps in tests are stable. */
export const DEFAULT_MANUAL_EPOCH = Date.UTC(2026, 0, 1)

/** The longest single move (366 days): virtual time is for tests, not for geology. */
export const MAX_ADVANCE_MS = 366 * 24 * 3_600_000

function checkAdvance(ms: number): void {
  // Livy's timestamps are integer milliseconds; a fractional clock would leak into them.
  if (!Number.isInteger(ms) || ms < 0 || ms > MAX_ADVANCE_MS) {
    throw new RangeError(
      `the clock moves forward by a whole number of ms between 0 and ${MAX_ADVANCE_MS}, got ${ms}`,
    )
  }
}

/**
 * A virtual clock starting at `start` (default {@link DEFAULT_MANUAL_EPOCH}).
 *
 * @example
 * const clock = createManualClock()
 * const emulator = createLivyEmulator({ clock })
 */
export function createManualClock(start: number = DEFAULT_MANUAL_EPOCH): ManualClock {
  let now = start
  const alarms = new Set<{ time: number; wake: () => void }>()
  const ring = (): void => {
    for (const alarm of [...alarms]) {
      if (alarm.time <= now) {
        alarms.delete(alarm)
        alarm.wake()
      }
    }
  }
  return {
    kind: 'manual',
    start,
    now: () => now,
    advance(ms) {
      checkAdvance(ms)
      now += ms
      ring()
    },
    rewind() {
      now = start
    },
    wakeAt(time, wake) {
      const alarm = { time, wake }
      alarms.add(alarm)
      ring()
      return () => alarms.delete(alarm)
    },
  }
}

/**
 * The wall clock. `advance()` adds an offset, so a running server can still be pushed forward
 * through the control API (e.g. to trigger an idle timeout without waiting an hour).
 *
 * @example
 * const emulator = createLivyEmulator({ clock: createSystemClock() })
 */
export function createSystemClock(wallClock: () => number = Date.now): Clock {
  let offset = 0
  return {
    kind: 'system',
    now: () => wallClock() + offset,
    advance(ms) {
      checkAdvance(ms)
      offset += ms
    },
    rewind() {
      offset = 0
    },
    wakeAt(time, wake) {
      const delay = time - (wallClock() + offset)
      // Due now: right after the current task, not a timer's minimum of a millisecond later.
      if (delay <= 0 && typeof setImmediate === 'function') {
        const immediate = setImmediate(wake)
        immediate.unref?.()
        return () => clearImmediate(immediate)
      }
      const timer = setTimeout(wake, Math.max(0, delay))
      timer.unref?.()
      return () => clearTimeout(timer)
    },
  }
}
