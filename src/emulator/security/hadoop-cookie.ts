import { headerValue } from '../http/header-value.ts'
import { hmacSha256 } from './hmac-sha256.ts'

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

const encoder = new TextEncoder()

/**
 * Hadoop's signer: an HMAC-SHA256 under a secret only the server knows. Hadoop's default is a
 * random secret per process; so is the emulator's (a secret derived from the public seed would
 * let anyone mint a cookie for any user, superusers included).
 */
function signature(secret: Uint8Array, payload: string): string {
  return btoa(String.fromCharCode(...hmacSha256(secret, encoder.encode(payload))))
}

/**
 * A fresh random secret (32 bytes from the platform's CSPRNG), as Hadoop's
 * `RandomSignerSecretProvider` makes one per process.
 *
 * @example
 * createAuthCookies(randomAuthSecret())
 */
export function randomAuthSecret(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(32))
}

/** Compares in time independent of where the strings differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}

/**
 * Issues and checks `hadoop.auth` tokens signed with `secret` (a string pins it, e.g.
 * `--auth-secret`, so cookies survive a restart; bytes are used as they are; a function makes
 * them when a cookie is first issued or checked).
 *
 * @example
 * const cookies = createAuthCookies(randomAuthSecret) // the secret is made on first use
 * cookies.issue('alice', 'ldap', 0) // 'hadoop.auth="u=alice&p=alice&t=ldap&e=36000000&s=…"; HttpOnly'
 */
export function createAuthCookies(secret: Uint8Array | string | (() => Uint8Array)): AuthCookies {
  // A secret to make (the random one) is made on first use: the platform's CSPRNG (Web Crypto,
  // ~9 ms to set up in a fresh Node) is not on the path of an emulator that never signs.
  let made: Uint8Array | undefined =
    typeof secret === 'string'
      ? encoder.encode(secret)
      : typeof secret === 'function'
        ? undefined
        : secret.slice()
  const key = (): Uint8Array => {
    made ??= (secret as () => Uint8Array)()
    return made
  }
  return {
    issue(user, type, now) {
      const payload = `u=${user}&p=${user}&t=${type}&e=${now + TOKEN_VALIDITY_MS}`
      // Hadoop writes the user as it is and Jetty sends header text as ISO-8859-1: a name
      // beyond Latin-1 goes out with `?`s, no longer matches its signature, and the client
      // simply authenticates again next time.
      return headerValue(`${HADOOP_COOKIE}="${payload}&s=${signature(key(), payload)}"; HttpOnly`)
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
        if (!sameText(signature(key(), payload), value.slice(s + 3))) continue
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
