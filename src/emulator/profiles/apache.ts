import { servletOf } from '../http/edge.ts'
import { type BeanSpec, CREATE_INTERACTIVE_REQUEST } from '../http/jackson.ts'
import { andThen } from '../http/maybe-async.ts'
import { createSessionRoute } from '../http/routes.ts'
import type { EdgeRequest } from '../http/types.ts'
import { mapJsonBody } from './gateway-kit.ts'
import type { LivyProfile } from './profile.ts'

/** Livy's own paths (Apache profiles claim exactly these). */
export const livyClaims = (path: string): boolean =>
  servletOf(path) !== undefined || path === '/' || path === '/metrics/ping'

/**
 * Apache Livy 0.9.0 as released: the emulator's default, what the conformance suite checks
 * against a real server.
 *
 * @example
 * createLivyEmulator({ profile: 'apache-0.9' })
 */
export const APACHE_09: LivyProfile = {
  name: 'apache-0.9',
  summary: 'Apache Livy 0.9.0-incubating (the default)',
  authAt: 'livy',
  livyPaths: true,
  basePath: '',
  claims: livyClaims,
  gateway: () => [],
}

/** 0.8's `CreateInteractiveRequest`: no `idleTimeout` yet (LIVY-989 added it in 0.9). */
export const CREATE_INTERACTIVE_REQUEST_08: BeanSpec = {
  ...CREATE_INTERACTIVE_REQUEST,
  properties: Object.fromEntries(
    Object.entries(CREATE_INTERACTIVE_REQUEST.properties).filter(([k]) => k !== 'idleTimeout'),
  ),
  knownOrder: CREATE_INTERACTIVE_REQUEST.knownOrder.filter((k) => k !== 'idleTimeout'),
}

/** Which responses carry session objects (`SessionInfo`). */
export function sessionShape(request: EdgeRequest): 'one' | 'list' | undefined {
  if (request.path === '/sessions' || request.path === '/sessions/') {
    return request.method === 'GET' ? 'list' : request.method === 'POST' ? 'one' : undefined
  }
  if (/^\/sessions\/[^/]+\/?$/.test(request.path) && request.method === 'GET') return 'one'
  if (/^\/sessions\/[^/]+\/connect\/?$/.test(request.path) && request.method === 'POST')
    return 'one'
  return undefined
}

/** 0.8's `SessionInfo`: the `ttl` slot carries the proxy user and there is no `idleTimeout`. */
function as08(session: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(session)) {
    if (key === 'idleTimeout') continue
    out[key] = key === 'ttl' ? session.proxyUser : value
  }
  return out
}

// In 0.8, `ttl` was the per-session idle timeout (0.9 renamed that to `idleTimeout`).
const CREATE_08 = createSessionRoute({
  spec: CREATE_INTERACTIVE_REQUEST_08,
  adapt: ({ ttl, ...rest }) => (ttl === undefined ? rest : { ...rest, idleTimeout: ttl }),
})

/**
 * Apache Livy 0.8.0-incubating (what EMR ships): `ttl` means idle timeout and comes back
 * holding the proxy user, no `idleTimeout` field, no security headers (LIVY-785 is 0.9).
 *
 * @example
 * createLivyEmulator({ profile: 'apache-0.8' })
 */
export const APACHE_08: LivyProfile = {
  name: 'apache-0.8',
  summary: 'Apache Livy 0.8.0-incubating (EMR): ttl is the idle timeout, no idleTimeout field',
  authAt: 'livy',
  livyPaths: true,
  basePath: '',
  livyConf: { 'livy.server.security-headers.enabled': 'false' },
  routes: [CREATE_08],
  claims: livyClaims,
  gateway: () => [
    (request, next) => {
      const shape = sessionShape(request)
      if (shape === undefined) return next(request)
      return andThen(next(request), (response) => {
        if (response.status >= 300) return response
        return mapJsonBody(response, (body) => {
          if (shape === 'one') return as08(body as Record<string, unknown>)
          const list = body as { sessions: Record<string, unknown>[] }
          return { ...list, sessions: list.sessions.map(as08) }
        })
      })
    },
  ],
}
