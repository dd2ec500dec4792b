/**
 * What a body read gave, comparable with `toEqual`: the value with its prototype (the bean
 * is a null-prototype map), or the error's class and message.
 *
 * @example
 * expect(bindOutcome(() => readBean(text, spec))).toEqual(bindOutcome(() => readStreaming(text, spec)))
 */
export function bindOutcome(run: () => unknown): unknown {
  try {
    const value = run()
    return { value, proto: Object.getPrototypeOf(value) }
  } catch (e) {
    return { error: e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e) }
  }
}
