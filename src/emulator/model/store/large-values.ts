/**
 * Records keep what clients sent, and a client may send a 10 MB argument. The store's
 * collection clones a record on every write (structured clone copies each string), so large
 * strings stay out of it: the collection holds a stand-in, the store's own index the value.
 */

/** Strings longer than this (64 KiB) are held beside the collection, not cloned into it. */
export const LARGE_STRING = 64 * 1024

/**
 * A deep copy of plain objects and arrays (each object keeping its prototype: a null-prototype
 * user map stays one) with every string passed through `leaf`.
 */
function copyWith<T>(value: T, leaf: (s: string) => string): T {
  if (typeof value === 'string') return leaf(value) as T
  if (Array.isArray(value)) return value.map((item: unknown) => copyWith(item, leaf)) as T
  if (value === null || typeof value !== 'object') return value
  const prototype = Object.getPrototypeOf(value) as object | null
  if (prototype !== Object.prototype && prototype !== null) return value
  const copy = Object.create(prototype) as Record<string, unknown>
  for (const [key, item] of Object.entries(value)) {
    // defineProperty, not assignment: a user's key may be `__proto__`.
    Object.defineProperty(copy, key, {
      value: copyWith(item, leaf),
      writable: true,
      enumerable: true,
      configurable: true,
    })
  }
  return copy as T
}

/**
 * A deep copy of a record that shares its strings (immutable in JavaScript), keeping each
 * object's prototype: a null-prototype user map stays one.
 *
 * @example
 * const copy = copySharingStrings({ args: ['x'.repeat(1e7)] }) // copies the array, not the string
 */
export function copySharingStrings<T>(value: T): T {
  return copyWith(value, (s) => s)
}

/**
 * The record as the collection keeps it: each string longer than {@link LARGE_STRING} replaced
 * by a short stand-in of the same type, so the collection's schema still accepts it.
 *
 * @example
 * standInForLarge({ args: ['x'.repeat(1e7)] }) // { args: ['(10000000 characters, held beside the store)'] }
 */
export function standInForLarge<T>(value: T): T {
  return copyWith(value, (s) =>
    s.length > LARGE_STRING ? `(${s.length} characters, held beside the store)` : s,
  )
}
