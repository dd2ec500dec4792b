/**
 * Failures the model raises, named after the Java exceptions Livy throws in the same place.
 * The model knows nothing about HTTP: the edge maps each kind to a status and one of Livy's
 * error-body forms, the way Livy's servlets map exceptions.
 */
export type ModelErrorKind =
  /** `IllegalArgumentException` (incl. `require(...)` and `NumberFormatException`). */
  | 'illegal-argument'
  /** `IllegalStateException`. */
  | 'illegal-state'
  /** `java.util.NoSuchElementException`. */
  | 'no-such-element'
  /** `AccessControlException` (impersonation refused). */
  | 'access-control'
  /** A failure that crossed the RPC link from the driver (`ExecutionException`). */
  | 'remote'
  /** No session/batch with that id or name. */
  | 'session-not-found'
  /** No statement with that id (the driver has none, or evicted it). */
  | 'statement-not-found'
  /** The caller lacks view/modify access. */
  | 'forbidden'
  /** Any other exception Livy does not map (its catch-all answers 500 with `toString()`). */
  | 'internal'

const JAVA_CLASS: Record<ModelErrorKind, string> = {
  'illegal-argument': 'java.lang.IllegalArgumentException',
  'illegal-state': 'java.lang.IllegalStateException',
  'no-such-element': 'java.util.NoSuchElementException',
  'access-control': 'java.security.AccessControlException',
  remote: 'java.util.concurrent.ExecutionException',
  'session-not-found': 'java.util.NoSuchElementException',
  'statement-not-found': 'java.util.NoSuchElementException',
  forbidden: 'java.security.AccessControlException',
  internal: 'java.lang.RuntimeException',
}

/**
 * An error raised by the model.
 *
 * @example
 * throw new ModelError('illegal-state', 'Session is in state starting')
 */
export class ModelError extends Error {
  readonly kind: ModelErrorKind
  /** The Java class Livy would report, used for `toString()`-style bodies. */
  readonly javaClass: string

  constructor(kind: ModelErrorKind, message: string, javaClass?: string) {
    super(message)
    this.name = 'ModelError'
    this.kind = kind
    this.javaClass = javaClass ?? JAVA_CLASS[kind]
  }

  /** Java's `Throwable.toString()`: `class: message`. */
  javaString(): string {
    return `${this.javaClass}: ${this.message}`
  }
}

/** Scala's `require(cond, msg)`: an `IllegalArgumentException` with `requirement failed: `. */
export function requirement(condition: boolean, message: string): asserts condition {
  if (!condition) throw new ModelError('illegal-argument', `requirement failed: ${message}`)
}

/**
 * Java's `Integer.parseInt` as Scala's `.toInt` uses it: optional sign, decimal digits, 32-bit
 * range; anything else is a `NumberFormatException` (an `IllegalArgumentException`).
 */
export function parseJavaInt(text: string, bits: 32 | 64 = 32): number {
  const fail = (): never => {
    throw new ModelError(
      'illegal-argument',
      `For input string: "${text}"`,
      'java.lang.NumberFormatException',
    )
  }
  if (!/^[+-]?\d+$/.test(text)) fail()
  const value = Number(text)
  const limit = bits === 32 ? 2 ** 31 : 2 ** 63
  if (!Number.isSafeInteger(value) && bits === 32) fail()
  if (value >= limit || value < -limit) fail()
  return value
}

/**
 * Java's `NullPointerException` where Livy dereferences a JSON `null` Jackson let through
 * (a 500 whose body is `"java.lang.NullPointerException: null"`).
 *
 * @example
 * if (uri === null) throw nullPointer()
 */
export function nullPointer(): ModelError {
  return new ModelError('illegal-state', 'null', 'java.lang.NullPointerException')
}
