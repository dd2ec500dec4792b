import type { LivyConfig } from '../model/config.ts'
import type { AuthOptions, TokenGrant } from './authenticate.ts'

/** Hadoop's filter class: with `type=simple` it is the pseudo (user.name) handler. */
export const HADOOP_AUTH_FILTER =
  'org.apache.hadoop.security.authentication.server.AuthenticationFilter'

/** Splits `a:b,c:d` into pairs (the form the `livy-emulator.auth.*` keys take). */
function pairs(config: LivyConfig, key: string): [string, string][] {
  return (config.raw[key] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const i = entry.indexOf(':')
      if (i <= 0) throw new RangeError(`${key}: expected name:value entries, got "${entry}"`)
      return [entry.slice(0, i), entry.slice(i + 1)]
    })
}

/**
 * One `token:user` or `token:user@<ISO time>` entry (the expiry is on the emulator's clock).
 *
 * @example
 * parseTokenGrant('t1:alice@2026-01-01T01:00:00Z') // ['t1', { user: 'alice', expiresAt: 1767229200000 }]
 */
export function parseTokenGrant(entry: string): [string, TokenGrant] {
  const i = entry.indexOf(':')
  const grant = i <= 0 ? '' : entry.slice(i + 1)
  const at = grant.indexOf('@')
  const user = at < 0 ? grant : grant.slice(0, at)
  if (i <= 0 || !user) throw new RangeError(`expected token:user[@expiry], got "${entry}"`)
  if (at < 0) return [entry.slice(0, i), { user }]
  const expiresAt = Date.parse(grant.slice(at + 1))
  if (Number.isNaN(expiresAt))
    throw new RangeError(
      `the expiry of "${entry}" must be an ISO time, got "${grant.slice(at + 1)}"`,
    )
  return [entry.slice(0, i), { user, expiresAt }]
}

function tokens(config: LivyConfig): Record<string, TokenGrant> | undefined {
  const entries = (config.raw['livy-emulator.auth.tokens'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (entries.length === 0) return undefined
  try {
    return Object.fromEntries(entries.map(parseTokenGrant))
  } catch (e) {
    throw new RangeError(`livy-emulator.auth.tokens: ${(e as Error).message}`)
  }
}

/**
 * Reads authentication settings from configuration keys, so the CLI's `--conf` can set them:
 *
 * - Livy's own: `livy.server.auth.type=ldap` (users from `livy-emulator.auth.users`,
 *   `user:password,…`, instead of a directory), or a custom type whose
 *   `livy.server.auth.<type>.class` is Hadoop's `AuthenticationFilter` with
 *   `livy.server.auth.<type>.param.type=simple` (the `user.name` handler);
 * - a gateway's: `livy-emulator.auth.type=bearer` with `livy-emulator.auth.tokens`
 *   (`token:user` or `token:user@2026-01-01T00:00:00Z`, the expiry); without tokens any bearer
 *   token is accepted.
 *
 * Throws like Livy refuses to start when a type cannot work (`kerberos` needs a KDC).
 *
 * @example
 * authFromConf(resolveLivyConf({ 'livy.server.auth.type': 'ldap', 'livy-emulator.auth.users': 'alice:pw' }))
 * // { type: 'basic', users: { alice: 'pw' } }
 */
export function authFromConf(config: LivyConfig): AuthOptions | undefined {
  const gateway = config.raw['livy-emulator.auth.type']?.trim().toLowerCase()
  if (gateway === 'bearer') {
    const known = tokens(config)
    return known ? { type: 'bearer', tokens: known } : { type: 'bearer' }
  }
  if (gateway === 'basic') {
    return { type: 'basic', users: Object.fromEntries(pairs(config, 'livy-emulator.auth.users')) }
  }
  if (gateway)
    throw new RangeError(`livy-emulator.auth.type must be bearer or basic, got "${gateway}"`)

  const type = config.raw['livy.server.auth.type']?.trim()
  if (!type) return undefined
  if (type === 'ldap') {
    return { type: 'basic', users: Object.fromEntries(pairs(config, 'livy-emulator.auth.users')) }
  }
  if (type === 'kerberos') {
    throw new RangeError('livy.server.auth.type=kerberos is not emulated (SPNEGO needs a KDC)')
  }
  const className = config.raw[`livy.server.auth.${type}.class`]
  if (className === undefined) {
    throw new RangeError(
      `requirement failed: ${type} auth requires livy.server.auth.${type}.class to be provided`,
    )
  }
  const param = (name: string) => config.raw[`livy.server.auth.${type}.param.${name}`]
  if (className.trim() === HADOOP_AUTH_FILTER && param('type')?.trim() === 'simple') {
    return {
      type: 'pseudo',
      anonymousAllowed: param('simple.anonymous.allowed')?.trim().toLowerCase() === 'true',
    }
  }
  throw new RangeError(
    `livy.server.auth.${type}.class=${className} is not emulated (use ldap, or ${HADOOP_AUTH_FILTER} with type=simple)`,
  )
}
