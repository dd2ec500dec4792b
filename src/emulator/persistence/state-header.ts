import type { Timing } from '../model/timing.ts'
import { userMap } from '../model/user-map.ts'
import { sha256 } from '../security/hmac-sha256.ts'

/** The format tag on the first line of every state file. */
export const STATE_FORMAT = 'livy-emulator-state/1'

/**
 * What decides how the emulator behaves, so what a log can only be replayed under. A state file
 * written under one identity is refused under another rather than replayed under other rules.
 */
export interface StateIdentity {
  readonly seed: string
  readonly timing: Timing
  /** Livy configuration, values as text, keys sorted. */
  readonly livyConf: Readonly<Record<string, string>>
  readonly clockKind: 'system' | 'manual'
  /** The vendor profile's name (it decides the routes and filters requests went through). */
  readonly profile: string
}

/** The first line of a state file. */
export interface StateHeader extends StateIdentity {
  readonly format: typeof STATE_FORMAT
  /** Virtual time the model started at (its housekeeping beats count from here). */
  readonly startedAt: number
  /** `startedAt` for people reading the file. */
  readonly createdAt: string
  /** Ids the next outcome rule and HTTP fault get: ids keep counting across a reset. */
  readonly nextIds: { readonly outcomeRule: number; readonly httpFault: number }
}

/** Configuration keys that hold credentials: the header keeps a digest of them, never the text. */
const CREDENTIAL_KEYS = new Set([
  'livy-emulator.auth.users',
  'livy-emulator.auth.tokens',
  'livy-emulator.auth.secret',
  'livy-emulator.control.token',
])

/** Enough to tell two values apart, nothing to log in with. */
const digest = (text: string): string =>
  `sha256:${Array.from(sha256(new TextEncoder().encode(text)), (b) => b.toString(16).padStart(2, '0')).join('')}`

/**
 * Normalises the options that make up a state file's identity.
 *
 * @example
 * stateIdentity({ seed: 42, timing: resolveTiming('fast'), clockKind: 'system' }).seed // '42'
 */
export function stateIdentity(options: {
  readonly seed: string | number
  readonly timing: Timing
  readonly livyConf?: Readonly<Record<string, string | number | boolean>> | undefined
  readonly clockKind: 'system' | 'manual'
  readonly profile?: string
}): StateIdentity {
  const livyConf = userMap(
    Object.keys(options.livyConf ?? {})
      .sort()
      .map((key): [string, string] => {
        const value = String(options.livyConf?.[key])
        return [key, CREDENTIAL_KEYS.has(key) ? digest(value) : value]
      }),
  )
  const timing: Record<string, unknown> = {}
  for (const key of Object.keys(options.timing).sort()) {
    timing[key] = options.timing[key as keyof Timing]
  }
  return {
    seed: String(options.seed),
    timing: timing as unknown as Timing,
    livyConf,
    clockKind: options.clockKind,
    profile: options.profile ?? 'apache-0.9',
  }
}

/**
 * A new header for a log starting at `startedAt`.
 *
 * @example
 * newStateHeader(identity, clock.now(), { outcomeRule: 1, httpFault: 1 })
 */
export function newStateHeader(
  identity: StateIdentity,
  startedAt: number,
  nextIds: StateHeader['nextIds'],
): StateHeader {
  return {
    format: STATE_FORMAT,
    ...identity,
    startedAt,
    createdAt: new Date(startedAt).toISOString(),
    nextIds,
  }
}

/**
 * Whether a parsed first line looks like a header of this format.
 *
 * @example
 * isStateHeader(createStateLines().decode(bytes).values[0])
 */
export function isStateHeader(value: unknown): value is StateHeader {
  if (value === null || typeof value !== 'object') return false
  const v = value as Record<string, unknown>
  const ids = v.nextIds as Record<string, unknown> | undefined
  return (
    v.format === STATE_FORMAT &&
    typeof v.seed === 'string' &&
    typeof v.timing === 'object' &&
    v.timing !== null &&
    typeof v.livyConf === 'object' &&
    v.livyConf !== null &&
    (v.clockKind === 'system' || v.clockKind === 'manual') &&
    typeof v.profile === 'string' &&
    typeof v.startedAt === 'number' &&
    typeof ids?.outcomeRule === 'number' &&
    typeof ids?.httpFault === 'number'
  )
}

/**
 * How a header differs from the identity the emulator runs with, one line per difference.
 *
 * @example
 * identityDifferences(header, identity) // ['seed: the file has "a", this emulator "b"']
 */
export function identityDifferences(header: StateIdentity, identity: StateIdentity): string[] {
  const differences: string[] = []
  const show = (v: unknown) => JSON.stringify(v)
  if (header.seed !== identity.seed)
    differences.push(
      `seed: the file has ${show(header.seed)}, this emulator ${show(identity.seed)}`,
    )
  if (header.clockKind !== identity.clockKind)
    differences.push(
      `clock: the file has a ${header.clockKind} clock, this emulator a ${identity.clockKind} one`,
    )
  if (header.profile !== identity.profile)
    differences.push(
      `profile: the file has ${show(header.profile)}, this emulator ${show(identity.profile)}`,
    )
  const keys = (a: object, b: object) => [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
  for (const key of keys(header.timing, identity.timing)) {
    const a = (header.timing as unknown as Record<string, unknown>)[key]
    const b = (identity.timing as unknown as Record<string, unknown>)[key]
    if (a !== b)
      differences.push(`timing.${key}: the file has ${show(a)}, this emulator ${show(b)}`)
  }
  for (const key of keys(header.livyConf, identity.livyConf)) {
    const a = header.livyConf[key]
    const b = identity.livyConf[key]
    if (a !== b)
      differences.push(
        `livyConf ${key}: the file has ${a === undefined ? 'no value' : show(a)}, this emulator ${b === undefined ? 'no value' : show(b)}`,
      )
  }
  return differences
}
