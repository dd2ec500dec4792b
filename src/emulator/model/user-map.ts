/**
 * The one place where keys a user chose (Livy `conf` keys, header names, `--conf` keys, user
 * names) become a JavaScript object. Such an object has no prototype, so a key named
 * `__proto__`, `constructor` or `toString` is an ordinary key: it is kept, and it never finds
 * an inherited member by accident. Look keys up with {@link hasKey}, never with `in`.
 */

/** A string-keyed map with no prototype. */
export type UserMap<V> = Record<string, V>

/**
 * A null-prototype map of `entries` (later entries win, as in a JSON object).
 *
 * @example
 * const conf = userMap([['__proto__', 'x']])
 * Object.keys(conf) // ['__proto__']
 * JSON.stringify(conf) // '{"__proto__":"x"}'
 */
export function userMap<V>(entries: Iterable<readonly [string, V]> = []): UserMap<V> {
  const map = Object.create(null) as UserMap<V>
  // defineProperty, not assignment: `map['__proto__'] = v` is fine on a null-prototype object,
  // but a data property is what JSON.parse would make, whatever the object's prototype.
  for (const [key, value] of entries)
    Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true })
  return map
}

/**
 * A null-prototype copy of a plain object's own enumerable entries.
 *
 * @example
 * userMapOf({ 'spark.executor.memory': '1g' })
 */
export function userMapOf<V>(object: Readonly<Record<string, V>> | undefined | null): UserMap<V> {
  return userMap(object ? Object.entries(object) : [])
}

/**
 * Whether `key` is one of the map's own keys (never an inherited name such as `toString`).
 *
 * @example
 * hasKey({}, 'toString') // false
 */
export function hasKey(map: object, key: string): boolean {
  return Object.hasOwn(map, key)
}
