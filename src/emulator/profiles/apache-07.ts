import type { EdgeFilter } from '../http/edge.ts'
import type { BeanSpec } from '../http/jackson.ts'
import { andThen } from '../http/maybe-async.ts'
import { createSessionRoute } from '../http/routes.ts'
import { CREATE_INTERACTIVE_REQUEST_08, livyClaims, sessionShape } from './apache.ts'
import { mapJsonBody } from './gateway-kit.ts'
import type { LivyProfile } from './profile.ts'

/** 0.7.1's `CreateInteractiveRequest`: no `ttl` either (0.8 added it). */
export const CREATE_INTERACTIVE_REQUEST_07: BeanSpec = {
  ...CREATE_INTERACTIVE_REQUEST_08,
  properties: Object.fromEntries(
    Object.entries(CREATE_INTERACTIVE_REQUEST_08.properties).filter(([k]) => k !== 'ttl'),
  ),
  knownOrder: CREATE_INTERACTIVE_REQUEST_08.knownOrder.filter((k) => k !== 'ttl'),
}

/**
 * 0.7.1's `SessionInfo`, in its field order. Its Java client maps session JSON onto this class
 * with Jackson's defaults, so any other field (`ttl`, `driverMemory`, …) makes it throw.
 */
const SESSION_FIELDS_07 = [
  'id',
  'name',
  'appId',
  'owner',
  'proxyUser',
  'state',
  'kind',
  'appInfo',
  'log',
] as const

function as07(session: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(SESSION_FIELDS_07.map((k) => [k, session[k] ?? null]))
}

const REJECTED = 'Rejected, Reason: '

/** Session views in 0.7.1's shape. */
const sessionViews: EdgeFilter = (request, next) => {
  const shape = sessionShape(request)
  if (shape === undefined) return next(request)
  return andThen(next(request), (response) => {
    if (response.status >= 300) return response
    return mapJsonBody(response, (body) => {
      if (shape === 'one') return as07(body as Record<string, unknown>)
      const list = body as { sessions: Record<string, unknown>[] }
      return { ...list, sessions: list.sessions.map(as07) }
    })
  })
}

/**
 * Before 0.8 a create's `IllegalArgumentException` reached `SessionServlet.error` unwrapped:
 * `{"msg": "<message>"}` without 0.8's `Rejected, Reason: ` prefix.
 */
const plainRejections: EdgeFilter = (request, next) => {
  const creates = request.method === 'POST' && /^\/(sessions|batches)\/?$/.test(request.path)
  if (!creates) return next(request)
  return andThen(next(request), (response) => {
    if (response.status !== 400) return response
    return mapJsonBody(response, (body) => {
      const msg = (body as { msg?: unknown } | null)?.msg
      return typeof msg === 'string' && msg.startsWith(REJECTED)
        ? { ...(body as object), msg: msg.slice(REJECTED.length) }
        : body
    })
  })
}

/** 0.7.1 has no `order` parameter on the statement list (0.8 added it): it is ignored. */
const noStatementOrder: EdgeFilter = (request, next) => {
  if (request.method !== 'GET' || !/^\/sessions\/[^/]+\/statements\/?$/.test(request.path))
    return next(request)
  const query = request.query
    .split('&')
    .filter((p) => p !== '' && decodeURIComponent(p.split('=')[0] ?? '') !== 'order')
    .join('&')
  return next({ ...request, query, header: request.header })
}

/**
 * Apache Livy 0.7.1-incubating (Amazon EMR 6): sessions carry only 0.7's nine fields, a create
 * with `ttl` or `idleTimeout` is a 400 (unknown field), create rejections have no
 * `Rejected, Reason: ` prefix, statement lists ignore `order`, no security headers.
 *
 * @example
 * createLivyEmulator({ profile: 'apache-0.7' })
 */
export const APACHE_07: LivyProfile = {
  name: 'apache-0.7',
  summary: 'Apache Livy 0.7.1-incubating (EMR 6): 0.7 session fields, no ttl or idleTimeout',
  authAt: 'livy',
  livyPaths: true,
  basePath: '',
  livyConf: { 'livy.server.security-headers.enabled': 'false' },
  routes: [createSessionRoute({ spec: CREATE_INTERACTIVE_REQUEST_07 })],
  claims: livyClaims,
  gateway: () => [plainRejections, sessionViews, noStatementOrder],
}
