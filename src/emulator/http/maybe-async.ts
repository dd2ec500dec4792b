/** A value now or later: request handling stays synchronous unless something must wait. */
export type MaybePromise<T> = T | Promise<T>

export const isPromise = <T>(value: MaybePromise<T>): value is Promise<T> =>
  typeof (value as Promise<T>)?.then === 'function'

/** `then` that stays synchronous for synchronous values. */
export function andThen<T, U>(
  value: MaybePromise<T>,
  fn: (v: T) => MaybePromise<U>,
): MaybePromise<U> {
  return isPromise(value) ? value.then(fn) : fn(value)
}

/** Runs `fn`, mapping a synchronous throw or a rejection through `onError`. */
export function attempt<T>(
  fn: () => MaybePromise<T>,
  onError: (e: unknown) => MaybePromise<T>,
): MaybePromise<T> {
  let result: MaybePromise<T>
  try {
    result = fn()
  } catch (e) {
    return onError(e)
  }
  return isPromise(result) ? result.catch(onError) : result
}

/**
 * Runs tasks one at a time, in arrival order. A task that completes synchronously while
 * nothing else is pending runs inline (no promise, no microtask): that keeps the GET hot path
 * of the HTTP server free of scheduling overhead.
 */
export function createSerial() {
  let pending = 0
  let tail: Promise<unknown> = Promise.resolve()
  // While a task runs inline, tasks it starts itself (a clock alarm rung by `advance()`, an
  // event listener) wait until it is done instead of running in the middle of it.
  let inline = false
  let started: (() => void)[] = []
  const settle = <T>(p: Promise<T>): Promise<T> => {
    pending++
    const done = p.finally(() => {
      pending--
    })
    tail = done.catch(() => undefined)
    return done
  }
  const queue = <T>(task: () => MaybePromise<T>): Promise<T> => settle(tail.then(task))
  const release = (): void => {
    inline = false
    // Nearly always nothing started meanwhile: no fresh array for that.
    if (started.length === 0) return
    const waiting = started
    started = []
    for (const start of waiting) start()
  }
  return {
    get busy() {
      return pending > 0 || inline
    },
    run<T>(task: () => MaybePromise<T>): MaybePromise<T> {
      if (inline) {
        return new Promise<T>((resolve, reject) => {
          started.push(() => queue(task).then(resolve, reject))
        })
      }
      if (pending === 0) {
        inline = true
        let result: MaybePromise<T>
        try {
          result = task()
        } catch (e) {
          release()
          throw e
        }
        // Settle first, so tasks it started queue behind it.
        const settled = isPromise(result) ? settle(result) : result
        release()
        return settled
      }
      return queue(task)
    },
    /** Resolves when every queued task has finished. */
    async idle(): Promise<void> {
      while (pending > 0) await tail
    },
  }
}

export type Serial = ReturnType<typeof createSerial>
