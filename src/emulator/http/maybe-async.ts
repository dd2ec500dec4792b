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
  const settle = <T>(p: Promise<T>): Promise<T> => {
    pending++
    const done = p.finally(() => {
      pending--
    })
    tail = done.catch(() => undefined)
    return done
  }
  return {
    get busy() {
      return pending > 0
    },
    run<T>(task: () => MaybePromise<T>): MaybePromise<T> {
      if (pending === 0) {
        const result = task()
        return isPromise(result) ? settle(result) : result
      }
      return settle(tail.then(task))
    },
    /** Resolves when every queued task has finished. */
    async idle(): Promise<void> {
      while (pending > 0) await tail
    },
  }
}

export type Serial = ReturnType<typeof createSerial>
