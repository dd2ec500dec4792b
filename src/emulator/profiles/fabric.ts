import type { EdgeFilter } from '../http/edge.ts'
import { andThen } from '../http/maybe-async.ts'
import { keepAliveRoute } from '../http/routes.ts'
import type { EdgeRequest, EdgeResponse } from '../http/types.ts'
import type { BatchRecord, SessionRecord } from '../model/store/records.ts'
import { type AuthFailureReason, authenticate, isAuthFailure } from '../security/authenticate.ts'
import type { RefusalRenderer } from '../security/filters.ts'
import {
  jobCreationRequest,
  jobResult,
  livyInfo,
  pluginInfo,
  schedulerInfo,
  userNumber,
} from './azure-envelope.ts'
import {
  createGuidCodec,
  createRequestIds,
  gatewayJson,
  headerValue,
  jsonOf,
  livyMessage,
  takeFields,
  withoutHeader,
} from './gateway-kit.ts'
import type { LivyProfile, ProfileEnvironment } from './profile.ts'

/** The only Livy API version Fabric documents. */
export const FABRIC_API_VERSION = '2023-12-01'

// `livyapi` (docs, dbt-fabricspark) and `livyApi` (swagger) both work: that segment is matched
// without regard to case.
const PREFIX =
  /^\/v1\/workspaces\/([^/]+)\/lakehouses\/([^/]+)\/[lL][iI][vV][yY][aA][pP][iI]\/versions\/([^/]+)(\/.*)?$/

/** Fabric's error codes by status (401 codes depend on why the token was refused). */
const ERROR_CODES: Record<number, string> = {
  400: 'BadRequest',
  403: 'InsufficientPrivileges',
  404: 'EntityNotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  413: 'RequestBodyTooLarge',
  429: 'RequestBlocked',
  430: 'TooManyRequestsForCapacity',
  500: 'InternalServerError',
  503: 'ServiceUnavailable',
}

const AUTH_ERRORS: Record<AuthFailureReason, { code: string; message: string }> = {
  missing: { code: 'TokenNotProvided', message: 'Access token is missing' },
  invalid: { code: 'InvalidToken', message: 'Access token is invalid' },
  expired: { code: 'TokenExpired', message: 'Access token has expired' },
}

/** Livy's reported states → `fabricSessionStateInfo.state` (only the pre-run and end states). */
const SESSION_STATE_INFO: Record<string, string> = {
  not_started: 'queued',
  starting: 'acquiringSession',
  shutting_down: 'cancelling',
  killed: 'cancelled',
  error: 'error',
  dead: 'error',
}
const BATCH_STATE_INFO: Record<string, string> = {
  not_started: 'queued',
  starting: 'submitting',
  killed: 'cancelled',
  dead: 'error',
}

interface FabricAnnotations {
  readonly tags?: unknown
  readonly workspaceId?: string
  readonly lakehouseId?: string
}

/** What a Fabric client sees of a numeric Livy resource id, and back. */
interface Ids {
  readonly sessions: ReturnType<typeof createGuidCodec>
  readonly batches: ReturnType<typeof createGuidCodec>
}

function fabricGateway(env: ProfileEnvironment): EdgeFilter {
  const requestIds = createRequestIds(env.seed, 'fabric')
  const ids: Ids = {
    sessions: createGuidCodec(env.seed, 'fabric-session'),
    batches: createGuidCodec(env.seed, 'fabric-batch'),
  }
  const users = createGuidCodec(env.seed, 'fabric-user')
  const auth = env.auth ?? { type: 'bearer' as const }

  const error = (
    status: number,
    errorCode: string,
    message: string,
    headers: ReadonlyArray<readonly [string, string]> = [],
  ): EdgeResponse => {
    const requestId = requestIds()
    return gatewayJson(status, { requestId, errorCode, message }, [
      ['RequestId', requestId],
      ...headers,
    ])
  }

  const notFound = (what: string): EdgeResponse =>
    error(404, 'EntityNotFound', `The requested resource ${what} was not found`)

  /** `/sessions/{guid}/…` → `/sessions/{n}/…`; undefined when the GUID names nothing. */
  const toLivyPath = (rest: string): string | undefined => {
    const m = /^\/(sessions|batches)\/([^/]+)(\/.*)?$/.exec(rest)
    if (!m) return rest
    const [, collection, guid, tail = ''] = m as unknown as [string, string, string, string?]
    const store = env.model().context.store
    const id =
      collection === 'sessions'
        ? ids.sessions.decode(guid, () => [...store.sessions.values()].map((r) => r.id))
        : ids.batches.decode(guid, () => [...store.batches.values()].map((r) => r.id))
    return id === undefined ? undefined : `/${collection}/${id}${tail}`
  }

  /** Moves Fabric-only request fields (`tags`, statement `sourceId`) out of Livy's way. */
  const stripVendorFields = (
    request: EdgeRequest,
    livyPath: string,
  ): { body: Uint8Array | null; tags?: unknown } => {
    if (request.method !== 'POST' || !request.body) return { body: request.body }
    if (/^\/(sessions|batches)\/?$/.test(livyPath)) {
      const taken = takeFields(request.body, ['tags'])
      return { body: taken.body, tags: taken.fields.tags }
    }
    if (/^\/sessions\/\d+\/statements\/?$/.test(livyPath))
      return { body: takeFields(request.body, ['sourceId']).body }
    return { body: request.body }
  }

  const envelope = (
    kind: 'session' | 'batch',
    record: SessionRecord | BatchRecord,
    state: string,
  ): Record<string, unknown> => {
    const notes = (record.annotations ?? {}) as FabricAnnotations
    const marks = env.model().context.history.of(kind, record.id)
    const user = record.proxyUser ?? record.owner
    const extras: Record<string, unknown> = {
      livyInfo: livyInfo(marks, state, jobCreationRequest(record, notes.tags)),
    }
    const stateInfo = (kind === 'session' ? SESSION_STATE_INFO : BATCH_STATE_INFO)[state]
    if (stateInfo !== undefined) {
      extras[kind === 'session' ? 'fabricSessionStateInfo' : 'fabricBatchStateInfo'] = {
        state: stateInfo,
        errorMessage:
          stateInfo === 'error'
            ? `${kind === 'session' ? 'Session' : 'Batch'} ended in state ${state}`
            : null,
      }
    }
    return Object.assign(extras, {
      schedulerInfo: schedulerInfo(record, marks),
      pluginInfo: pluginInfo(record, marks),
      errorInfo: [],
      jobType: kind === 'session' ? 'SparkSession' : 'SparkBatch',
      submitterId: user === null ? null : users.encode(userNumber(user)),
      submitterName: user,
      artifactId: notes.lakehouseId ?? null,
      result: jobResult(state),
      cancellationReason: null,
      tags: notes.tags ?? {},
    })
  }

  const reshapeObject = (kind: 'session' | 'batch', body: Record<string, unknown>) => {
    const id = body.id as number
    const store = env.model().context.store
    const record = kind === 'session' ? store.sessions.get(id) : store.batches.get(id)
    const guid = (kind === 'session' ? ids.sessions : ids.batches).encode(id)
    const out: Record<string, unknown> = { ...body, id: guid }
    if (!record) return out
    return { ...out, ...envelope(kind, record, String(body.state)) }
  }

  /** Turns Livy's answer into Fabric's. */
  const reshape = (
    request: EdgeRequest,
    livyPath: string,
    response: EdgeResponse,
  ): EdgeResponse => {
    const requestId = requestIds()
    let headers = withoutHeader(withoutHeader(response.headers, 'Location'), 'RequestId')
    headers = [['RequestId', requestId], ...headers]
    if (response.status >= 400) {
      if (
        response.body &&
        headerValue(response.headers, 'content-type')?.includes('json') &&
        isFabricError(response.body)
      )
        return { ...response, headers }
      const code = ERROR_CODES[response.status] ?? 'UnknownError'
      const body = JSON.stringify({ requestId, errorCode: code, message: livyMessage(response) })
      return {
        status: response.status,
        headers: [
          ...withoutHeader(headers, 'Content-Type'),
          ['Content-Type', 'application/json; charset=utf-8'],
        ],
        body,
      }
    }
    let status = response.status
    const creates = request.method === 'POST' && /^\/(sessions|batches)\/?$/.test(livyPath)
    if (creates && status === 201) status = 202
    if (
      /^\/sessions\/\d+\/statements\/?$/.test(livyPath) &&
      request.method === 'POST' &&
      status === 201
    )
      status = 200
    const kind = /^\/sessions/.test(livyPath) ? 'session' : 'batch'
    const body = jsonOf(response)
    const objectPath =
      /^\/(sessions|batches)(\/\d+)?\/?$/.test(livyPath) ||
      /^\/sessions\/\d+\/connect\/?$/.test(livyPath)
    const b = body as Record<string, unknown>
    // `/state` and `/log` answers name their session or batch too.
    if (body !== undefined && /^\/(sessions|batches)\/\d+\/(state|log)\/?$/.test(livyPath)) {
      const codec = kind === 'session' ? ids.sessions : ids.batches
      if (typeof b.id === 'number')
        return { status, headers, body: JSON.stringify({ ...b, id: codec.encode(b.id) }) }
    }
    if (body === undefined || !objectPath) return { ...response, status, headers }
    let out: unknown = b
    if (Array.isArray(b.sessions)) {
      out = {
        ...b,
        sessions: (b.sessions as Record<string, unknown>[]).map((s) => reshapeObject(kind, s)),
      }
    } else if (typeof b.id === 'number') {
      out = reshapeObject(kind, b)
    }
    return { status, headers, body: JSON.stringify(out) }
  }

  return (request, next) => {
    const m = PREFIX.exec(request.path)
    if (!m) return notFound(request.path)
    const [, workspaceId, lakehouseId, version, rest = '/'] = m as unknown as [
      string,
      string,
      string,
      string,
      string?,
    ]
    if (version !== FABRIC_API_VERSION) {
      return error(404, 'UnsupportedApiVersion', `The API version '${version}' is not supported`)
    }
    const outcome = authenticate(auth, request, env.now(), env.cookies)
    if (isAuthFailure(outcome)) {
      const e = AUTH_ERRORS[outcome.reason]
      return error(401, e.code, e.message, [
        ['WWW-Authenticate', outcome.headers[0]?.[1] ?? 'Bearer'],
      ])
    }
    const livyPath = toLivyPath(rest)
    if (livyPath === undefined) return notFound(rest)
    const { body, tags } = stripVendorFields(request, livyPath)
    const creates = request.method === 'POST' && /^\/(sessions|batches)\/?$/.test(livyPath)
    const forwarded: EdgeRequest = {
      ...request,
      path: livyPath,
      body,
      user: outcome.user,
      ...(creates ? { annotations: { tags, workspaceId, lakehouseId } } : {}),
    }
    return andThen(next(forwarded), (response) => reshape(request, livyPath, response))
  }
}

/** An injected fault with its own Fabric body keeps it. */
function isFabricError(body: string): boolean {
  try {
    const parsed = JSON.parse(body)
    return typeof parsed === 'object' && parsed !== null && 'errorCode' in parsed
  } catch {
    return false
  }
}

/** Refusals by Livy's own filters (CSRF, ACLs) in Fabric's error format. */
function fabricRefusal(env: ProfileEnvironment): RefusalRenderer {
  const requestIds = createRequestIds(env.seed, 'fabric-refusals')
  return (_request, status, message, _refusal, headers) => {
    const requestId = requestIds()
    return gatewayJson(
      status,
      { requestId, errorCode: ERROR_CODES[status] ?? 'Unauthorized', message },
      [['RequestId', requestId], ...headers],
    )
  }
}

/**
 * Microsoft Fabric's Livy API: `/v1/workspaces/{ws}/lakehouses/{lh}/livyapi/versions/2023-12-01`,
 * Bearer tokens, GUID session and batch ids, 202 on create, 200 on statement submit, Fabric's
 * error body, `livyInfo` and the other envelope fields, `POST …/reset-timeout` → 204, and a
 * 20-minute idle timeout. Throttling (429 + `Retry-After`) is an HTTP fault you inject.
 *
 * @example
 * createLivyEmulator({ profile: 'fabric', auth: { type: 'bearer', tokens: { t1: 'alice' } } })
 */
export const FABRIC: LivyProfile = {
  name: 'fabric',
  summary: 'Microsoft Fabric Livy API (livyapi/versions/2023-12-01, Bearer, GUID ids)',
  authAt: 'gateway',
  livyPaths: false,
  basePath: `/v1/workspaces/00000000-0000-0000-0000-000000000001/lakehouses/00000000-0000-0000-0000-000000000002/livyapi/versions/${FABRIC_API_VERSION}`,
  livyConf: { 'livy.server.session.timeout': '20m' },
  routes: [keepAliveRoute('POST', 204)],
  claims: (path) => PREFIX.test(path),
  gateway: (env) => [fabricGateway(env)],
  refusal: fabricRefusal,
}
