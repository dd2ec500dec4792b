/** Scala's 32-bit `Int` addition (Livy computes `from + size` as an `Int`). */
const addInt = (a: number, b: number): number => (a + b) | 0

/**
 * `seq.view(from, until)` as Scala slices: clamped to the sequence, empty when `until <= from`.
 *
 * @example
 * scalaSlice([1, 2, 3], -1, 2) // [1]  (until = from + size = 1)
 */
export function scalaSlice<T>(items: readonly T[], from: number, until: number): T[] {
  const lo = Math.max(from, 0)
  const hi = Math.min(until, items.length)
  return hi <= lo ? [] : items.slice(lo, hi)
}

/** `GET /sessions` and `GET /batches` paging: `from` default 0, `size` default 100. */
export function pageList<T>(items: readonly T[], from = 0, size = 100): T[] {
  return scalaSlice(items, from, addInt(from, size))
}

/** Result of {@link pageLog}: what `GET …/log` answers. */
export interface LogPage {
  readonly from: number
  readonly total: number
  readonly log: string[]
}

/**
 * `GET …/log` paging (`SessionServlet.serializeLogs`): `size` default 100 and negative means
 * all lines; `from` default -1 and negative means "the last `size` lines".
 */
export function pageLog(lines: readonly string[], fromOpt?: number, sizeOpt?: number): LogPage {
  let size = sizeOpt ?? 100
  let from = fromOpt ?? -1
  if (size < 0) size = lines.length
  if (from < 0) from = Math.max(0, lines.length - size)
  return { from, total: lines.length, log: scalaSlice(lines, from, addInt(from, size)) }
}

/** The `log` field of a session or batch: the last 10 lines. */
export function lastLines(lines: readonly string[], count = 10): string[] {
  return lines.slice(Math.max(0, lines.length - count))
}
