/**
 * Freezes every object and array inside `record` (not `record` itself), deeply, and returns
 * it. Versions of a record share these values (an update copies only the top level), so a
 * change in place would rewrite history; frozen, it throws instead (modules are strict).
 * Values frozen already are skipped with everything under them: freezing a new version costs
 * only what it brought.
 *
 * @example
 * const r = frozenNested({ conf: { a: '1' } })
 * r.conf.a = '2' // TypeError: Cannot assign to read only property 'a'
 */
export function frozenNested<T extends object>(record: T): T {
  for (const value of Object.values(record)) freezeDeep(value)
  return record
}

function freezeDeep(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return
  // Bytes cannot be frozen (and records hold none; a view would be shared as it is).
  if (ArrayBuffer.isView(value)) return
  Object.freeze(value)
  for (const item of Object.values(value)) freezeDeep(item)
}
