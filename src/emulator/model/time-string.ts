import { ModelError } from './errors.ts'

const SUFFIX_MS: Record<string, number> = {
  us: 0.001,
  ms: 1,
  s: 1_000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
}

/**
 * Livy's time syntax (`ClientConf.getTimeAsMs`): trimmed, lower-cased `-?[0-9]+[a-z]*`; no
 * suffix means milliseconds. Errors are `IllegalArgumentException`s with Livy's messages.
 *
 * @example
 * parseTimeAsMs('10m') // 600000
 * parseTimeAsMs('5 parsecs') // throws "Invalid time string: 5 parsecs"
 */
export function parseTimeAsMs(time: string): number {
  const fail = (message: string): never => {
    throw new ModelError('illegal-argument', message)
  }
  if (time.trim() === '') fail(`Invalid time string: ${time}`)
  const match = /^(-?[0-9]+)([a-z]+)?$/.exec(time.trim().toLowerCase())
  if (!match) return fail(`Invalid time string: ${time}`)
  const digits = match[1] as string
  const suffix = match[2]
  if (!/^-?\d{1,18}$/.test(digits)) fail(`For input string: "${digits}"`)
  if (suffix !== undefined && !(suffix in SUFFIX_MS)) fail(`Invalid suffix: "${suffix}"`)
  const value = Number(digits)
  if (value < 0) fail(`Invalid value: ${value}`)
  // Java's TimeUnit.convert truncates towards zero.
  return Math.trunc(value * (suffix === undefined ? 1 : (SUFFIX_MS[suffix] as number)))
}
