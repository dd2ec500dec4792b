import { createRandom } from '../model/random.ts'

/** Name of the cookie Hadoop's `AuthenticationFilter` issues. */
export const HADOOP_COOKIE = 'hadoop.auth'

/** `token.validity` default: 36000 s. */
const TOKEN_VALIDITY_MS = 36_000_000

/** Issues and checks `hadoop.auth` tokens (`u=…&p=…&t=…&e=…&s=…`). */
export interface AuthCookies {
  /** The `Set-Cookie` value for a freshly authenticated user. */
  issue(user: string, type: string, now: number): string
  /** The user of a valid, unexpired token of `type` in a `Cookie` header, if any. */
  read(cookieHeader: string | undefined, type: string, now: number): string | undefined
}

/**
 * Hadoop signs tokens with an HMAC of a random secret; nobody but the server can check the
 * signature, so a keyed hash from the emulator's seed is enough (and keeps runs repeatable).
 */
function signature(secret: string, payload: string): string {
  const random = createRandom(`${secret}\u0000${payload}`)
  const bytes = new Uint8Array(32)
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random.next() * 256)
  return btoa(String.fromCharCode(...bytes))
}

/**
 * @example
 * const cookies = createAuthCookies('seed')
 * cookies.issue('alice', 'ldap', 0) // 'hadoop.auth="u=alice&p=alice&t=ldap&e=36000000&s=…"; HttpOnly'
 */
export function createAuthCookies(secret: string): AuthCookies {
  return {
    issue(user, type, now) {
      const payload = `u=${user}&p=${user}&t=${type}&e=${now + TOKEN_VALIDITY_MS}`
      return `${HADOOP_COOKIE}="${payload}&s=${signature(secret, payload)}"; HttpOnly`
    },
    read(cookieHeader, type, now) {
      if (!cookieHeader) return undefined
      for (const part of cookieHeader.split(';')) {
        const eq = part.indexOf('=')
        if (eq < 0 || part.slice(0, eq).trim() !== HADOOP_COOKIE) continue
        let value = part.slice(eq + 1).trim()
        if (value.startsWith('"') && value.endsWith('"') && value.length >= 2)
          value = value.slice(1, -1)
        const s = value.lastIndexOf('&s=')
        if (s < 0) continue
        const payload = value.slice(0, s)
        if (signature(secret, payload) !== value.slice(s + 3)) continue
        const fields = new Map(
          payload.split('&').map((kv) => {
            const i = kv.indexOf('=')
            return [kv.slice(0, i), kv.slice(i + 1)] as const
          }),
        )
        const user = fields.get('u')
        const expires = Number(fields.get('e'))
        if (!user || fields.get('t') !== type || !(expires > now)) continue
        return user
      }
      return undefined
    },
  }
}
