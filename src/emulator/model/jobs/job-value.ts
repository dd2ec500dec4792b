/**
 * A Java value a scripted job returns. Plain JSON picks the Java type the way a reader would
 * expect (a whole number in `int` range is an `Integer`, a larger one a `Long`, any other
 * number a `Double`); the boxed forms pin the type when the guess is wrong (`{ long: 1 }`).
 *
 * @example
 * const values: JobValue[] = ['pi', 42, { long: 42 }, { double: 1 }, true, null, ['a', 1]]
 */
export type JobValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | { readonly int: number }
  | { readonly long: number | bigint | string }
  | { readonly double: number }
  | readonly JobValue[]

/** A `JobValue` with its Java type decided. */
export type JavaValue =
  | { readonly type: 'String'; readonly value: string }
  | { readonly type: 'Integer'; readonly value: number }
  | { readonly type: 'Long'; readonly value: bigint }
  | { readonly type: 'Double'; readonly value: number }
  | { readonly type: 'Boolean'; readonly value: boolean }
  | { readonly type: 'null' }
  | { readonly type: 'ArrayList'; readonly items: readonly JavaValue[] }

const INT_MIN = -(2 ** 31)
const INT_MAX = 2 ** 31 - 1
const LONG_MIN = -(2n ** 63n)
const LONG_MAX = 2n ** 63n - 1n

const toLong = (v: number | bigint | string): bigint => {
  if (typeof v === 'number' && !Number.isSafeInteger(v))
    throw new RangeError(`long must be a whole number, not ${v}`)
  if (typeof v === 'string' && !/^-?[0-9]+$/.test(v))
    throw new RangeError(`long must be a whole number, not ${v}`)
  const n = BigInt(v)
  if (n < LONG_MIN || n > LONG_MAX) throw new RangeError(`${n} does not fit a Java long`)
  return n
}

/**
 * Decides the Java type of a scripted value; throws on values Java cannot hold.
 *
 * @example
 * javaValueOf(3) // { type: 'Integer', value: 3 }
 * javaValueOf({ long: 3 }) // { type: 'Long', value: 3n }
 */
export function javaValueOf(value: JobValue): JavaValue {
  if (value === null) return { type: 'null' }
  if (typeof value === 'string') return { type: 'String', value }
  if (typeof value === 'boolean') return { type: 'Boolean', value }
  if (typeof value === 'bigint') return { type: 'Long', value: toLong(value) }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= INT_MIN && value <= INT_MAX)
      return { type: 'Integer', value }
    if (Number.isSafeInteger(value)) return { type: 'Long', value: BigInt(value) }
    return { type: 'Double', value }
  }
  if (Array.isArray(value)) return { type: 'ArrayList', items: value.map(javaValueOf) }
  const boxed = value as Record<string, unknown>
  const keys = Object.keys(boxed)
  if (keys.length === 1 && 'int' in boxed) {
    const n = boxed.int
    if (typeof n !== 'number' || !Number.isInteger(n) || n < INT_MIN || n > INT_MAX)
      throw new RangeError(`int must be a whole number in Java's int range, not ${String(n)}`)
    return { type: 'Integer', value: n }
  }
  if (keys.length === 1 && 'long' in boxed) {
    const n = boxed.long
    if (typeof n !== 'number' && typeof n !== 'bigint' && typeof n !== 'string')
      throw new RangeError('long must be a number, a bigint or a decimal string')
    return { type: 'Long', value: toLong(n) }
  }
  if (keys.length === 1 && 'double' in boxed) {
    if (typeof boxed.double !== 'number') throw new RangeError('double must be a number')
    return { type: 'Double', value: boxed.double }
  }
  throw new TypeError(
    'a job result is a string, number, boolean, null, {int}, {long}, {double} or a list of those',
  )
}
