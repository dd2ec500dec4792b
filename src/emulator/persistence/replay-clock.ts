import type { Clock } from '../model/clock.ts'

/**
 * The clock of an emulator with a state file. First it replays: time is exactly what each
 * record says. Then it goes live on the emulator's own clock, continuing from the last replayed
 * time and never going back (a system clock: the wall clock plus the offsets the log advanced
 * by; a manual clock: from the last recorded time). It can also hold time still while one
 * request is served, so a request sees one instant, which is what the log records and replays.
 */
export interface ReplayClock extends Clock {
  /** Whether the log is still being replayed. */
  readonly replaying: boolean
  /** During the replay: time is `at` from now on (never earlier than it was). */
  replayTo(at: number): void
  /** Ends the replay: from here time follows the underlying clock. */
  goLive(): void
  /** Holds time still until the matching {@link ReplayClock.release} (nestable). */
  hold(): void
  release(): void
}

/**
 * @example
 * const clock = createReplayClock(createSystemClock(), header.startedAt)
 * clock.replayTo(record.at) // … for each record
 * clock.goLive()
 */
export function createReplayClock(base: Clock, startedAt: number): ReplayClock {
  let replaying = true
  let replayNow = startedAt
  // Live time is the base clock moved by `shift` (manual clocks only), never below `floor`.
  let shift = 0
  let floor = Number.NEGATIVE_INFINITY
  let holds = 0
  let held = 0
  const live = (): number => {
    const t = Math.max(floor, base.now() + shift)
    floor = t
    return t
  }
  const clock: ReplayClock = {
    get kind() {
      return base.kind
    },
    get replaying() {
      return replaying
    },
    now() {
      if (replaying) return replayNow
      return holds > 0 ? held : live()
    },
    advance(ms) {
      // Time moves here first: the base may wake waiting requests at once, and they must see
      // the new time. The base validates `ms`; a system clock keeps the offset across a replay.
      const before = { replayNow, held }
      if (replaying) replayNow += ms
      else if (holds > 0) held += ms
      try {
        base.advance(ms)
      } catch (e) {
        ;({ replayNow, held } = before)
        throw e
      }
    },
    rewind() {
      base.rewind()
      replaying = false
      floor = Number.NEGATIVE_INFINITY
      // A manual clock goes back to where the log first started; a system clock to the wall.
      shift = base.kind === 'manual' ? startedAt - base.now() : 0
      if (holds > 0) held = live()
    },
    wakeAt(time, wake) {
      return base.wakeAt(time - shift, wake)
    },
    replayTo(at) {
      if (!replaying) throw new Error('the replay is over')
      if (at < replayNow) throw new RangeError(`time would go back from ${replayNow} to ${at}`)
      replayNow = at
    },
    goLive() {
      if (!replaying) return
      replaying = false
      // Manual: continue from the replayed time. System: the wall clock (with the replayed
      // offsets), but never before the replayed time.
      shift = base.kind === 'manual' ? replayNow - base.now() : 0
      floor = replayNow
      if (holds > 0) held = live()
    },
    hold() {
      holds++
      if (holds === 1 && !replaying) held = live()
    },
    release() {
      if (holds === 0) return
      holds--
      if (holds === 0 && !replaying) floor = Math.max(floor, held)
    },
  }
  return clock
}
