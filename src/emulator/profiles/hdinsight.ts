import type { EdgeFilter } from '../http/edge.ts'
import { authenticate, isAuthFailure } from '../security/authenticate.ts'
import { createRequestIds, gatewayJson, isoTime } from './gateway-kit.ts'
import type { LivyProfile, ProfileEnvironment } from './profile.ts'

/** The cluster login the gateway accepts when no user list is configured. */
export const HDINSIGHT_DEFAULT_USERS: Readonly<Record<string, string>> = Object.freeze({
  admin: 'admin',
})

const PREFIX = '/livy'

/**
 * The HTTPS gateway in front of an HDInsight cluster: `/livy/…` goes to Livy (prefix
 * stripped), Basic authentication against the cluster logins, and the gateway's own error
 * body. The user is not passed on to Livy (non-ESP clusters run Livy without authentication).
 */
function hdinsightGateway(env: ProfileEnvironment): EdgeFilter {
  const correlationIds = createRequestIds(env.seed, 'hdinsight')
  const auth = env.auth ?? { type: 'basic' as const, users: HDINSIGHT_DEFAULT_USERS }
  const gatewayError = (
    status: number,
    code: string,
    message: string,
    headers: ReadonlyArray<readonly [string, string]> = [],
  ) =>
    gatewayJson(
      status,
      {
        Code: code,
        Message: message,
        CorrelationId: correlationIds(),
        ResponseTimestamp: isoTime(env.now()),
      },
      headers,
    )
  return (request, next) => {
    if (request.path !== PREFIX && !request.path.startsWith(`${PREFIX}/`)) {
      return gatewayError(404, 'NotFound', `The requested resource ${request.path} was not found`)
    }
    const outcome = authenticate(auth, request, env.now(), env.cookies)
    if (isAuthFailure(outcome)) {
      const user = basicUser(request.header('authorization'))
      return gatewayError(
        401,
        'Unauthorized',
        user === undefined
          ? 'Authorization header is missing or is not Basic'
          : `Ambari user name or password is incorrect: ${user}`,
        [['WWW-Authenticate', 'Basic realm="HDInsight"']],
      )
    }
    const path = request.path.slice(PREFIX.length) || '/'
    return next({ ...request, path, user: null })
  }
}

function basicUser(header: string | undefined): string | undefined {
  const m = /^Basic\s+(\S+)/i.exec(header ?? '')
  if (!m) return undefined
  try {
    const decoded = atob(m[1] as string)
    const i = decoded.indexOf(':')
    return i < 0 ? decoded : decoded.slice(0, i)
  } catch {
    return ''
  }
}

/**
 * Azure HDInsight: upstream Livy behind the cluster gateway at `/livy`, Basic auth with the
 * cluster login (default `admin`/`admin`), `X-Requested-By` required (CSRF protection on), and
 * the gateway's `{Code, Message, CorrelationId, ResponseTimestamp}` body for its own refusals.
 * Livy's `Location` headers keep lacking the `/livy` prefix, as on a real cluster.
 *
 * @example
 * createLivyEmulator({ profile: 'hdinsight', auth: { type: 'basic', users: { admin: 'pw' } } })
 */
export const HDINSIGHT: LivyProfile = {
  name: 'hdinsight',
  summary: 'Azure HDInsight: /livy behind the gateway, Basic auth, CSRF on',
  authAt: 'gateway',
  livyPaths: false,
  basePath: PREFIX,
  livyConf: { 'livy.server.csrf-protection.enabled': 'true' },
  claims: (path) => path === PREFIX || path.startsWith(`${PREFIX}/`),
  gateway: (env) => [hdinsightGateway(env)],
}
