/**
 * JSON with object keys sorted at every level, two-space indented, with a final newline: a
 * file rewritten with one more entry diffs as that entry only.
 *
 * @example
 * stableJson({ b: 1, a: [{ d: 2, c: 3 }] }) // '{\n  "a": [\n    {\n      "c": 3, …'
 */
export function stableJson(value: unknown): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted)
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {}
      for (const k of Object.keys(v).sort()) {
        // A `__proto__` key (it can come from a server's JSON) stays an ordinary key.
        Object.defineProperty(out, k, {
          value: sorted((v as Record<string, unknown>)[k]),
          enumerable: true,
          writable: true,
          configurable: true,
        })
      }
      return out
    }
    return v
  }
  return `${JSON.stringify(sorted(value), null, 2)}\n`
}
