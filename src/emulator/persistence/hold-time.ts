import { isPromise, type MaybePromise, type Serial } from '../http/maybe-async.ts'
import type { ReplayClock } from './replay-clock.ts'

/**
 * The emulator's serial section, with time held still while each task runs. A request then
 * happens at one instant: the time a state file records for it is the only time it saw, so a
 * replay at that time does exactly the same (on a moving clock, steps falling due in the middle
 * of a request would run in the original but not in the replay).
 *
 * @example
 * const serial = holdTimeDuring(createSerial(), clock)
 * serial.run(() => model.catchUp()) // runs at one instant
 */
export function holdTimeDuring(serial: Serial, clock: ReplayClock): Serial {
  const held =
    <T>(task: () => MaybePromise<T>) =>
    (): MaybePromise<T> => {
      clock.hold()
      let result: MaybePromise<T>
      try {
        result = task()
      } catch (e) {
        clock.release()
        throw e
      }
      if (isPromise(result)) return result.finally(() => clock.release())
      clock.release()
      return result
    }
  return {
    get busy() {
      return serial.busy
    },
    run: (task) => serial.run(held(task)),
    idle: () => serial.idle(),
  }
}
