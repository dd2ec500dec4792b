import type { EdgeFilter } from '../http/edge.ts'
import { jettyErrorPage } from '../http/jetty-error-page.ts'
import { andThen } from '../http/maybe-async.ts'
import type { EdgeRequest, EdgeResponse } from '../http/types.ts'
import type { AccessManager } from '../model/access.ts'
import type { LivyConfig } from '../model/config.ts'
import { type AuthFailure, type AuthOptions, authenticate, isAuthFailure } from './authenticate.ts'
import type { AuthCookies } from './hadoop-cookie.ts'

/** Why a security filter refused a request. */
export type Refusal =
  | { readonly filter: 'auth'; readonly failure: AuthFailure }
  | { readonly filter: 'csrf' }
  | { readonly filter: 'access'; readonly user: string }

/**
 * Writes the answer to a refused request. Livy's filters answer with a Jetty error page; a
 * vendor gateway in front of Livy answers in its own format.
 */
export type RefusalRenderer = (
  request: EdgeRequest,
  status: number,
  message: string,
  refusal: Refusal,
  headers: ReadonlyArray<readonly [string, string]>,
) => EdgeResponse

/** Livy's own rendering: Jetty's error page, negotiated by `Accept`. */
export const jettyRefusal =
  (config: LivyConfig): RefusalRenderer =>
  (request, status, message, _refusal, headers) =>
    jettyErrorPage(config, request, status, message, headers)

/**
 * The authentication filter: a refused request gets the handler's status (401 with a
 * `WWW-Authenticate` challenge, or 403); an accepted one carries its user on to the servlets
 * (it becomes the session `owner`), and a newly issued `hadoop.auth` cookie goes out with the
 * answer, after the security headers as Jetty writes them.
 *
 * @example
 * authFilter({ type: 'basic', users: { alice: 'pw' } }, cookies, () => clock.now(), jettyRefusal(conf))
 */
export function authFilter(
  options: AuthOptions,
  cookies: AuthCookies,
  now: () => number,
  render: RefusalRenderer,
): EdgeFilter {
  return (request, next) => {
    const outcome = authenticate(options, request, now(), cookies)
    if (isAuthFailure(outcome)) {
      return render(
        request,
        outcome.status,
        outcome.message,
        { filter: 'auth', failure: outcome },
        outcome.headers,
      )
    }
    const forwarded = next({ ...request, user: outcome.user })
    const cookie = outcome.setCookie
    if (cookie === undefined) return forwarded
    return andThen(forwarded, (response) =>
      withHeaderAfterSecurity(response, ['Set-Cookie', cookie]),
    )
  }
}

const SECURITY_HEADER_NAMES = new Set([
  'date',
  'x-frame-options',
  'x-xss-protection',
  'content-security-policy',
  'x-content-type-options',
  'strict-transport-security',
])

/** Filters run inside the security-headers filter, so their headers follow those. */
function withHeaderAfterSecurity(
  response: EdgeResponse,
  header: readonly [string, string],
): EdgeResponse {
  const headers = [...response.headers]
  let at = 0
  while (
    at < headers.length &&
    SECURITY_HEADER_NAMES.has((headers[at] as readonly [string, string])[0].toLowerCase())
  )
    at++
  headers.splice(at, 0, header)
  return { ...response, headers }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * `livy.server.csrf-protection.enabled`: every method but GET, HEAD and OPTIONS must carry an
 * `X-Requested-By` header (any value, even empty), else 400.
 *
 * @example
 * csrfFilter(jettyRefusal(conf))
 */
export function csrfFilter(render: RefusalRenderer): EdgeFilter {
  return (request, next) => {
    if (SAFE_METHODS.has(request.method) || request.header('x-requested-by') !== undefined) {
      return next(request)
    }
    return render(
      request,
      400,
      'Missing Required Header for CSRF protection.',
      { filter: 'csrf' },
      [],
    )
  }
}

/**
 * `livy.server.access-control.enabled`: only listed users may use Livy at all (403).
 *
 * @example
 * accessFilter(model.context.access, jettyRefusal(conf))
 */
export function accessFilter(access: AccessManager, render: RefusalRenderer): EdgeFilter {
  return (request, next) => {
    const user = request.user ?? null
    if (user === null || access.isUserAllowed(user)) return next(request)
    return render(request, 403, 'User not authorised to use Livy.', { filter: 'access', user }, [])
  }
}

/**
 * Livy's security filters in the order `LivyServer` installs them: authentication, CSRF,
 * access control. Each is present only when configured.
 *
 * @example
 * securityFilters({ config, access, auth: { type: 'basic', users }, now, render: jettyRefusal(config) })
 */
export function securityFilters(options: {
  readonly config: LivyConfig
  readonly access: AccessManager
  readonly auth?: AuthOptions
  readonly cookies: AuthCookies
  readonly now: () => number
  readonly render: RefusalRenderer
}): EdgeFilter[] {
  const { config, access, auth, cookies, now, render } = options
  const filters: EdgeFilter[] = []
  if (auth) filters.push(authFilter(auth, cookies, now, render))
  if (config.csrfProtection) filters.push(csrfFilter(render))
  if (config.accessControl) filters.push(accessFilter(access, render))
  return filters
}
