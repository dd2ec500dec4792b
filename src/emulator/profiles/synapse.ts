import type { EdgeFilter } from '../http/edge.ts'
import { andThen } from '../http/maybe-async.ts'
import { keepAliveRoute } from '../http/routes.ts'
import type { EdgeRequest, EdgeResponse } from '../http/types.ts'
import type { BatchRecord, SessionRecord } from '../model/store/records.ts'
import { authenticate, isAuthFailure } from '../security/authenticate.ts'
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
  isoTime,
  jsonOf,
  takeFields,
  withoutHeader,
} from './gateway-kit.ts'
import type { LivyProfile, ProfileEnvironment } from './profile.ts'

/** Livy API versions the Synapse data-plane specs define. */
export const SYNAPSE_API_VERSIONS = ['2019-11-01-preview', '2020-12-01'] as const

/** The spec's page size: the default and the cap. */
export const SYNAPSE_PAGE_SIZE = 20

const PREFIX = /^\/livyApi\/versions\/([^/]+)\/sparkPools\/([^/]+)(\/.*)?$/

interface SynapseAnnotations {
  readonly tags?: unknown
  readonly sparkPoolName?: string
  readonly artifactId?: unknown
}

/** Plain (not `detailed`) bodies: the few Livy fields the Synapse front passes through. */
function plain(kind: 'session' | 'batch', body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: body.id,
    appId: body.appId,
    appInfo: body.appInfo,
    state: body.state,
    log: body.log,
  }
  if (kind === 'batch') out.registeredSources = null
  return out
}

function synapseGateway(env: ProfileEnvironment): EdgeFilter {
  const requestIds = createRequestIds(env.seed, 'synapse')
  const users = createGuidCodec(env.seed, 'synapse-user')
  const auth = env.auth ?? { type: 'bearer' as const }
  const workspaceName = env.config.raw['livy-emulator.synapse.workspace'] ?? 'workspace'

  const error = (status: number, code: string, message: string, headers: [string, string][] = []) =>
    gatewayJson(status, { code, message }, [['x-ms-request-id', requestIds()], ...headers])

  const detailed = (
    kind: 'session' | 'batch',
    record: SessionRecord | BatchRecord,
    body: Record<string, unknown>,
  ): Record<string, unknown> => {
    const notes = (record.annotations ?? {}) as SynapseAnnotations
    const marks = env.model().context.history.of(kind, record.id)
    const state = String(body.state)
    const user = record.proxyUser ?? record.owner
    return {
      livyInfo: livyInfo(marks, state, jobCreationRequest(record, notes.tags)),
      name: record.name,
      workspaceName,
      sparkPoolName: notes.sparkPoolName ?? null,
      submitterName: user,
      submitterId: user === null ? null : users.encode(userNumber(user)),
      artifactId: notes.artifactId ?? null,
      jobType: kind === 'session' ? 'SparkSession' : 'SparkBatch',
      result: jobResult(state),
      schedulerInfo: schedulerInfo(record, marks),
      pluginInfo: pluginInfo(record, marks),
      errorInfo: [],
      tags: notes.tags ?? {},
      id: body.id,
      appId: body.appId,
      appInfo: body.appInfo,
      state,
      log: body.log,
    }
  }

  const shape = (kind: 'session' | 'batch', body: Record<string, unknown>, wantDetail: boolean) => {
    if (!wantDetail) return plain(kind, body)
    const store = env.model().context.store
    const record =
      kind === 'session'
        ? store.sessions.get(body.id as number)
        : store.batches.get(body.id as number)
    return record ? detailed(kind, record, body) : plain(kind, body)
  }

  const jobHeaders = (record: BatchRecord | undefined): [string, string][] => {
    if (!record) return []
    const user = record.proxyUser ?? record.owner ?? ''
    return [
      ['x-ms-job-submitted-by-name', user],
      ['x-ms-job-submitted-on', isoTime(record.createdAt)],
      ['x-ms-job-scheduler-state', 'Queued'],
      ['x-ms-job-result', 'Uncertain'],
      ['x-ms-job-type', 'SparkServiceBatch'],
    ]
  }

  const reshape = (
    request: EdgeRequest,
    livyPath: string,
    response: EdgeResponse,
    wantDetail: boolean,
  ): EdgeResponse => {
    const headers: [string, string][] = [
      ['x-ms-request-id', requestIds()],
      ...withoutHeader(response.headers, 'Location'),
    ]
    if (response.status >= 400) return { ...response, headers }
    const creates = request.method === 'POST' && /^\/(sessions|batches)\/?$/.test(livyPath)
    const submits = request.method === 'POST' && /^\/sessions\/\d+\/statements\/?$/.test(livyPath)
    const status = (creates || submits) && response.status === 201 ? 200 : response.status
    const kind = livyPath.startsWith('/sessions') ? 'session' : 'batch'
    const objectPath = /^\/(sessions|batches)(\/\d+)?\/?$/.test(livyPath)
    const body = jsonOf(response) as Record<string, unknown> | undefined
    if (!objectPath || body === undefined || typeof body !== 'object')
      return { ...response, status, headers }
    if (creates && kind === 'batch') {
      headers.push(...jobHeaders(env.model().context.store.batches.get(body.id as number)))
    }
    const out = Array.isArray(body.sessions)
      ? {
          ...body,
          sessions: (body.sessions as Record<string, unknown>[]).map((s) =>
            shape(kind, s, wantDetail),
          ),
        }
      : typeof body.id === 'number'
        ? shape(kind, body, wantDetail)
        : body
    return { status, headers, body: JSON.stringify(out) }
  }

  return (request, next) => {
    const m = PREFIX.exec(request.path)
    if (!m) return error(404, 'NotFound', `The requested resource ${request.path} was not found`)
    const [, version, pool, rest = '/'] = m as unknown as [string, string, string, string?]
    if (!(SYNAPSE_API_VERSIONS as readonly string[]).includes(version)) {
      return error(
        404,
        'UnsupportedApiVersion',
        `The Livy API version '${version}' is not supported`,
      )
    }
    const outcome = authenticate(auth, request, env.now(), env.cookies)
    if (isAuthFailure(outcome)) {
      return error(401, 'Unauthorized', outcome.message, [
        ['WWW-Authenticate', outcome.headers[0]?.[1] ?? 'Bearer'],
      ])
    }
    const query = new URLSearchParams(request.query)
    const wantDetail = query.get('detailed')?.toLowerCase() === 'true'
    query.delete('detailed')
    const listing = request.method === 'GET' && /^\/(sessions|batches)\/?$/.test(rest)
    if (listing) {
      const size = Number(query.get('size') ?? SYNAPSE_PAGE_SIZE)
      if (!Number.isInteger(size) || size > SYNAPSE_PAGE_SIZE || size < 0)
        query.set('size', String(SYNAPSE_PAGE_SIZE))
      else query.set('size', String(size))
    }
    let body = request.body
    let annotations: Record<string, unknown> | undefined
    const creates = request.method === 'POST' && /^\/(sessions|batches)\/?$/.test(rest)
    if (creates && body) {
      const taken = takeFields(body, ['tags', 'artifactId'])
      body = taken.body
      annotations = { ...taken.fields, sparkPoolName: pool }
    } else if (creates) {
      annotations = { sparkPoolName: pool }
    }
    const forwarded: EdgeRequest = {
      ...request,
      path: rest,
      query: query.toString(),
      body,
      user: outcome.user,
      ...(annotations ? { annotations } : {}),
    }
    return andThen(next(forwarded), (response) => reshape(request, rest, response, wantDetail))
  }
}

/**
 * Azure Synapse Spark's Livy front: `/livyApi/versions/{2019-11-01-preview|2020-12-01}/
 * sparkPools/{pool}/…`, Bearer tokens, 200 (not 201) on every create, plain bodies unless
 * `?detailed=true`, lists capped at 20, `PUT …/reset-timeout` → 200, `x-ms-job-*` headers.
 *
 * @example
 * createLivyEmulator({ profile: 'synapse' })
 */
export const SYNAPSE: LivyProfile = {
  name: 'synapse',
  summary: 'Azure Synapse Spark (livyApi/versions/{v}/sparkPools/{pool}, 200 on create)',
  authAt: 'gateway',
  livyPaths: false,
  basePath: '/livyApi/versions/2020-12-01/sparkPools/pool',
  routes: [keepAliveRoute('PUT', 200)],
  claims: (path) => PREFIX.test(path),
  gateway: (env) => [synapseGateway(env)],
}
