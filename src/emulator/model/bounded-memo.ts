/**
 * A pure function's answers, remembered for inputs seen before: at most `limit` of them, and
 * all forgotten when that is reached. A caller sending endless distinct inputs costs a fresh
 * computation each time, never memory. Only for functions whose answer depends on the input
 * alone and is never changed by whoever receives it.
 *
 * @example
 * const match = boundedMemo(1024, (path: string) => matchAll(path))
 * match('/sessions/0') // computed; asked again, remembered
 */
export function boundedMemo<K, V>(limit: number, compute: (key: K) => V): (key: K) => V {
  const seen = new Map<K, V>()
  return (key) => {
    if (seen.has(key)) return seen.get(key) as V
    const value = compute(key)
    if (seen.size >= limit) seen.clear()
    seen.set(key, value)
    return value
  }
}
