import type { EdgeFilter } from '../http/edge.ts'
import type { EdgeRequest, EdgeResponse } from '../http/types.ts'
import { type AuthOptions, authenticate, isAuthFailure } from '../security/authenticate.ts'
import type { AuthCookies } from '../security/hadoop-cookie.ts'

/** Who may use the control API (`/__emulator/…`), and from where. */
export interface ControlAccess {
  /** Livy's authentication, when it is on: the control API asks for the same credentials. */
  readonly auth?: AuthOptions | undefined
  readonly cookies: AuthCookies
  readonly now: () => number
  /**
   * A token that also opens the control API (`--control-token`), sent as
   * `Authorization: Bearer <token>` or `X-Emulator-Token: <token>`.
   */
  readonly token?: string | undefined
  /**
   * Host names an open control API answers to, besides `localhost`, `*.localhost` and IP
   * literals (the emulator's own `baseUrl` host is added by the emulator).
   */
  readonly hosts: readonly string[]
  /** Origins allowed to change state from a browser (the server's CORS list; `*` for any). */
  readonly origins: readonly string[]
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/

/** `Host: name:port` → `name` (brackets of an IPv6 literal kept off). */
function hostName(host: string): string {
  const h = host.trim().toLowerCase()
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') < 0 ? undefined : h.indexOf(']'))
  const colon = h.lastIndexOf(':')
  return colon < 0 ? h : h.slice(0, colon)
}

/**
 * A name a DNS-rebinding page cannot make the browser send: an IP literal (the page's own
 * name would be in `Host`) or a loopback name browsers resolve themselves.
 */
function unforgeableHost(name: string, listed: readonly string[]): boolean {
  return (
    IPV4.test(name) ||
    name.includes(':') ||
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    listed.includes(name)
  )
}

const reply = (status: number, error: string, extra: [string, string][] = []): EdgeResponse => ({
  status,
  headers: [['Content-Type', 'application/json'], ['Cache-Control', 'no-store'], ...extra],
  body: JSON.stringify({ error }),
})

const bearer = (header: string | undefined): string | undefined =>
  /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1]

/** Compares in time independent of where the strings differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}

/**
 * Why a control request is refused, or undefined when it may go on. A web page the developer
 * visits must not be able to drive a local emulator: it cannot present credentials, its
 * cross-site writes carry an `Origin` (and a JSON `Content-Type` forces a preflight it does not
 * pass), and a DNS-rebinding page arrives with its own name in `Host`.
 *
 * @example
 * controlRefusal(request, { cookies, now, hosts: [], origins: [] }) // undefined on 127.0.0.1
 */
export function controlRefusal(
  request: EdgeRequest,
  access: ControlAccess,
): EdgeResponse | undefined {
  const locked = access.auth !== undefined || access.token !== undefined
  if (locked) {
    const token = bearer(request.header('authorization')) ?? request.header('x-emulator-token')
    const tokenOk =
      access.token !== undefined && token !== undefined && sameText(token, access.token)
    if (!tokenOk) {
      const outcome = access.auth
        ? authenticate(access.auth, request, access.now(), access.cookies)
        : undefined
      if (outcome === undefined || isAuthFailure(outcome)) {
        const challenge: [string, string][] =
          access.auth?.type === 'basic' ? [['WWW-Authenticate', 'Basic realm="livy-emulator"']] : []
        return reply(
          401,
          'the control API needs the credentials Livy’s API takes, or the control token',
          challenge,
        )
      }
    }
  } else {
    // Open (no credentials anywhere): only for names a rebinding attack cannot produce.
    const host = request.header('host')
    if (host !== undefined && !unforgeableHost(hostName(host), access.hosts)) {
      return reply(
        403,
        `the control API does not answer to Host "${host}" (DNS-rebinding defence): use 127.0.0.1 or localhost, list the name with --control-host, or protect the API with --control-token`,
      )
    }
  }
  if (SAFE_METHODS.has(request.method)) return undefined
  const origin = request.header('origin')
  if (origin !== undefined) {
    const host = request.header('host')
    let sameOrigin = false
    try {
      sameOrigin = host !== undefined && new URL(origin).host.toLowerCase() === host.toLowerCase()
    } catch {
      sameOrigin = false
    }
    if (!sameOrigin && !access.origins.includes('*') && !access.origins.includes(origin)) {
      return reply(
        403,
        `cross-origin control request from ${origin} refused (allow it with --cors)`,
      )
    }
  }
  const type = request.header('content-type')?.split(';')[0]?.trim().toLowerCase()
  const hasBody = request.body !== null && request.body.length > 0
  if ((hasBody || type !== undefined) && type !== 'application/json') {
    return reply(
      415,
      'control requests that change state take Content-Type: application/json (a form or text body is what a cross-site page can send)',
    )
  }
  return undefined
}

/**
 * The control API behind {@link controlRefusal}.
 *
 * @example
 * guardControl(createControlApi(target), access)
 */
export function guardControl(control: EdgeFilter, access: () => ControlAccess): EdgeFilter {
  return (request, next) => {
    if (request.path !== '/__emulator' && !request.path.startsWith('/__emulator/'))
      return next(request)
    return controlRefusal(request, access()) ?? control(request, next)
  }
}
