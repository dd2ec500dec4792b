/**
 * Virtual time as the page shows it in lists: the time of day in UTC, to the millisecond
 * (the manual clock starts at midnight, so this reads as "time since start").
 *
 * @example
 * clockTime(Date.UTC(2026, 0, 1, 0, 0, 5)) // '00:00:05.000'
 */
export function clockTime(ms: number): string {
  return clockOfIso(new Date(ms).toISOString())
}

/** {@link clockTime} of a time already in ISO form (a long list formats each time once). */
export const clockOfIso = (iso: string): string => iso.slice(11, 23)

/** The full ISO form, for titles and the clock bar. */
export const isoTime = (ms: number): string => new Date(ms).toISOString()

/**
 * A duration in the largest unit that keeps it readable.
 *
 * @example
 * duration(90_500) // '1 min 30.5 s'
 */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))} s`
  const minutes = Math.floor(ms / 60_000)
  const seconds = Number(((ms % 60_000) / 1000).toFixed(1))
  if (minutes < 60) return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}
