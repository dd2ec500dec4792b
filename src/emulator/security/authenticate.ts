import type { EdgeRequest } from '../http/types.ts'
import { type AuthCookies, HADOOP_COOKIE } from './hadoop-cookie.ts'

/** A bearer token: the user it stands for and, optionally, when it stops working (epoch ms). */
export interface TokenGrant {
  readonly user: string
  readonly expiresAt?: number
}

/** What a bearer verifier answers. */
export type BearerVerdict =
  | { readonly user: string }
  | { readonly error: 'invalid' | 'expired'; readonly message?: string }

/**
 * Authentication in front of Livy's servlets.
 *
 * - `basic`: Livy's LDAP handler (`livy.server.auth.type=ldap`), checking a user list instead of
 *   a directory. Answers like Hadoop's `AuthenticationFilter`: 401 + `WWW-Authenticate: Basic`
 *   without credentials, 403 `Error validating LDAP user` for wrong ones, and a signed
 *   `hadoop.auth` cookie that later requests may present instead.
 * - `pseudo`: Hadoop's "simple" handler (a custom `livy.server.auth.*.class` of
 *   `AuthenticationFilter` with `type=simple`): the user is the `user.name` query parameter.
 *   Real Livy can run this too, so conformance scenarios pin it.
 * - `bearer`: what vendor gateways (Fabric, Synapse, Entra-enabled HDInsight) put in front of
 *   Livy: static tokens with optional expiry on the emulator's clock, or your verifier.
 *
 * @example
 * { type: 'basic', users: { alice: 'secret' } }
 * { type: 'pseudo' }
 * { type: 'bearer', tokens: { 'tok-1': 'alice', 'tok-old': { user: 'bob', expiresAt: 0 } } }
 * { type: 'bearer', verify: (token) => (token === 'ok' ? { user: 'carol' } : { error: 'invalid' }) }
 */
export type AuthOptions =
  | { readonly type: 'basic'; readonly users: Readonly<Record<string, string>> }
  | { readonly type: 'pseudo'; readonly anonymousAllowed?: boolean }
  | {
      readonly type: 'bearer'
      /** Known tokens; absent (and no `verify`) means any token stands for `anyUser`. */
      readonly tokens?: Readonly<Record<string, string | TokenGrant>>
      readonly verify?: (token: string, now: number) => BearerVerdict
      /** The user an unchecked token stands for (default `user`). */
      readonly anyUser?: string
    }

/** Why credentials were refused (vendor profiles pick their error codes from it). */
export type AuthFailureReason = 'missing' | 'invalid' | 'expired'

/** A refusal, with the status and text Livy's filter (or the gateway) answers. */
export interface AuthFailure {
  readonly reason: AuthFailureReason
  readonly status: 401 | 403
  readonly message: string
  /** Response headers the handler sets (`WWW-Authenticate`, the cleared cookie). */
  readonly headers: ReadonlyArray<readonly [string, string]>
}

/** An accepted request: the user, and the cookie to set when a new token was issued. */
export interface AuthSuccess {
  readonly user: string | null
  readonly setCookie?: string
}

export type AuthOutcome = AuthSuccess | AuthFailure

/** True for a refusal. */
export const isAuthFailure = (outcome: AuthOutcome): outcome is AuthFailure => 'reason' in outcome

const CLEARED_COOKIE: readonly [string, string] = ['Set-Cookie', `${HADOOP_COOKIE}=; HttpOnly`]

/** Commons-codec's lenient decoder: characters outside the alphabet are skipped. */
function lenientBase64(text: string): string {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '')
  const padded = clean.length % 4 === 1 ? clean.slice(0, -1) : clean
  try {
    const bytes = Uint8Array.from(atob(padded + '='.repeat((4 - (padded.length % 4)) % 4)), (c) =>
      c.charCodeAt(0),
    )
    return new TextDecoder('utf-8').decode(bytes)
  } catch {
    return ''
  }
}

function hadoopFailure(
  reason: AuthFailureReason,
  status: 401 | 403,
  message: string,
  challenge?: string,
): AuthFailure {
  const headers: [string, string][] = []
  if (challenge) headers.push(['WWW-Authenticate', challenge])
  headers.push([...CLEARED_COOKIE])
  return { reason, status, message, headers }
}

function basic(users: Readonly<Record<string, string>>, request: EdgeRequest): AuthOutcome {
  const header = request.header('authorization')
  // `regionMatches(true, 0, "Basic", 0, 5)`: only the first five characters are compared.
  if (header === undefined || header.slice(0, 5).toLowerCase() !== 'basic') {
    return hadoopFailure('missing', 401, 'Authentication required', 'Basic')
  }
  const credentials = lenientBase64(header.slice(5).trim())
  const i = credentials.indexOf(':')
  if (i < 0) {
    // No token and no challenge: the filter turns its 401 into a 403.
    return hadoopFailure('invalid', 403, 'Authentication required')
  }
  const user = credentials.slice(0, i)
  const password = credentials.slice(i + 1)
  if (user === '') {
    return hadoopFailure(
      'invalid',
      403,
      'Error validating LDAP user: a null or blank username has been provided',
    )
  }
  if (password === '') {
    return hadoopFailure(
      'invalid',
      403,
      'Error validating LDAP user: a null or blank password has been provided',
    )
  }
  const expected = Object.hasOwn(users, user) ? users[user] : undefined
  if (expected !== password) return hadoopFailure('invalid', 403, 'Error validating LDAP user')
  return { user }
}

function pseudo(anonymousAllowed: boolean, request: EdgeRequest): AuthOutcome {
  let user: string | undefined
  for (const part of request.query.split('&')) {
    const eq = part.indexOf('=')
    const name = decodeQueryPart(eq < 0 ? part : part.slice(0, eq))
    if (name === 'user.name') {
      user = eq < 0 ? '' : decodeQueryPart(part.slice(eq + 1))
      break
    }
  }
  if (user === undefined || user === '') {
    if (anonymousAllowed) return { user: null }
    return hadoopFailure('missing', 401, 'Authentication required', 'PseudoAuth')
  }
  return { user }
}

function decodeQueryPart(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

function bearer(
  options: Extract<AuthOptions, { type: 'bearer' }>,
  request: EdgeRequest,
  now: number,
): AuthOutcome {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(request.header('authorization') ?? '')
  const fail = (reason: AuthFailureReason, message: string): AuthFailure => ({
    reason,
    status: 401,
    message,
    headers: [
      [
        'WWW-Authenticate',
        reason === 'missing'
          ? 'Bearer'
          : reason === 'expired'
            ? 'Bearer error="invalid_token", error_description="The access token expired"'
            : 'Bearer error="invalid_token"',
      ],
    ],
  })
  if (!m) return fail('missing', 'Authentication required')
  const token = m[1] as string
  if (options.verify) {
    const verdict = options.verify(token, now)
    if ('user' in verdict) return { user: verdict.user }
    return fail(
      verdict.error,
      verdict.message ??
        (verdict.error === 'expired' ? 'Access token has expired' : 'Access token is invalid'),
    )
  }
  if (!options.tokens) return { user: options.anyUser ?? 'user' }
  const grant = Object.hasOwn(options.tokens, token) ? options.tokens[token] : undefined
  if (grant === undefined) return fail('invalid', 'Access token is invalid')
  const g = typeof grant === 'string' ? { user: grant } : grant
  if (g.expiresAt !== undefined && g.expiresAt <= now)
    return fail('expired', 'Access token has expired')
  return { user: g.user }
}

/**
 * Checks a request's credentials. For the Hadoop-based types a valid `hadoop.auth` cookie is
 * accepted instead, and a new one is issued when credentials were checked.
 *
 * @example
 * authenticate({ type: 'basic', users: { a: 'b' } }, request, Date.now(), cookies)
 * // { user: 'a', setCookie: 'hadoop.auth="u=a&p=a&t=ldap&e=…&s=…"; HttpOnly' }
 */
export function authenticate(
  options: AuthOptions,
  request: EdgeRequest,
  now: number,
  cookies: AuthCookies,
): AuthOutcome {
  if (options.type === 'bearer') return bearer(options, request, now)
  const tokenType = options.type === 'basic' ? 'ldap' : 'simple'
  const fromCookie = cookies.read(request.header('cookie'), tokenType, now)
  if (fromCookie !== undefined) return { user: fromCookie }
  const outcome =
    options.type === 'basic'
      ? basic(options.users, request)
      : pseudo(options.anonymousAllowed ?? false, request)
  if (isAuthFailure(outcome) || outcome.user === null) return outcome
  return { user: outcome.user, setCookie: cookies.issue(outcome.user, tokenType, now) }
}
