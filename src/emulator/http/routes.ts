import type { Caller } from '../model/access.ts'
import { type CreateBatchInput, DEFAULT_BATCH_INPUT } from '../model/batches.ts'
import { remoteFailure } from '../model/driver.ts'
import { ModelError, parseJavaInt } from '../model/errors.ts'
import { type CreateSessionInput, DEFAULT_SESSION_INPUT } from '../model/interactive.ts'
import type { LivyModel } from '../model/livy-model.ts'
import { uriSyntaxError } from '../model/resources.ts'
import {
  DEFAULT_SPARK_SUBMIT_FIELDS,
  type SparkSubmitFields,
} from '../model/spark-submit-fields.ts'
import type { SessionKind } from '../model/store/records.ts'
import {
  ADD_RESOURCE,
  type BeanSpec,
  COMPLETION_REQUEST,
  CREATE_BATCH_REQUEST,
  CREATE_INTERACTIVE_REQUEST,
  EXECUTE_REQUEST,
  SERIALIZED_JOB,
} from './jackson.ts'
import { readMultipart } from './multipart.ts'
import {
  batchBody,
  batchListBody,
  jobBody,
  type ListMemo,
  logBody,
  messageBody,
  sessionBody,
  sessionListBody,
  stateBody,
  statementBody,
  statementListBody,
} from './serialise.ts'
import type { EdgeRequest } from './types.ts'

/** What a route handler answers (the edge adds Livy's common headers). */
export interface RouteResult {
  readonly status: number
  readonly body: string | null
  readonly headers?: ReadonlyArray<readonly [string, string]>
}

/** Everything a handler may use. */
/** The query's parameters, to read (requests without a query share one empty list). */
export type RouteQuery = Pick<URLSearchParams, 'get' | 'getAll' | 'has'>

export interface RouteContext {
  readonly request: EdgeRequest
  readonly params: Readonly<Record<string, string>>
  readonly query: RouteQuery
  readonly model: LivyModel
  readonly caller: Caller
  /** Binds the body like Livy's Jackson mapper (throws `JacksonError`). */
  body(spec: BeanSpec): Record<string, unknown>
  /** The pages the list routes answered last, for this emulator (see {@link ListMemo}). */
  readonly lists: { readonly sessions: ListMemo; readonly batches: ListMemo }
}

export type Servlet = 'sessions' | 'batches' | 'version'

/** One row of the route table: method, path, the spec's operationId and the handler. */
export interface Route {
  readonly method: 'GET' | 'POST' | 'DELETE' | 'PUT'
  readonly path: string
  readonly operationId: string
  readonly servlet: Servlet
  /** In `POST /sessions` and `POST /batches`, Livy prefixes rejections with `Rejected, Reason: `. */
  readonly creates?: boolean
  readonly handler: (c: RouteContext) => RouteResult | Promise<RouteResult>
}

const ok = (body: string | null, status = 200): RouteResult => ({ status, body })

/** `params.get(name).map(_.toInt)`. */
const intParam = (c: RouteContext, name: string): number | undefined => {
  const value = c.query.get(name)
  return value === null ? undefined : parseJavaInt(value)
}

const json = (value: unknown): string => JSON.stringify(value)

const orDefault = <T>(value: unknown, fallback: T): T =>
  value === undefined ? fallback : (value as T)

/** A `List[String]`/`Map` that came in as JSON null makes Livy fail later with an NPE. */
const nonNull = <T>(value: T | null): T => {
  if (value === null)
    throw new ModelError('illegal-state', 'null', 'java.lang.NullPointerException')
  return value
}

/** The fields both create requests share, defaulted as Jackson leaves absent ones. */
function sparkSubmitFields(raw: Record<string, unknown>): SparkSubmitFields {
  const d = DEFAULT_SPARK_SUBMIT_FIELDS
  return {
    jars: nonNull(orDefault(raw.jars, d.jars)),
    pyFiles: nonNull(orDefault(raw.pyFiles, d.pyFiles)),
    files: nonNull(orDefault(raw.files, d.files)),
    archives: nonNull(orDefault(raw.archives, d.archives)),
    driverMemory: orDefault(raw.driverMemory, d.driverMemory),
    driverCores: orDefault(raw.driverCores, d.driverCores),
    executorMemory: orDefault(raw.executorMemory, d.executorMemory),
    executorCores: orDefault(raw.executorCores, d.executorCores),
    numExecutors: orDefault(raw.numExecutors, d.numExecutors),
    queue: orDefault(raw.queue, d.queue),
    name: orDefault(raw.name, d.name),
    conf: nonNull(orDefault(raw.conf, d.conf)),
  }
}

function sessionInput(raw: Record<string, unknown>): CreateSessionInput {
  const d = DEFAULT_SESSION_INPUT
  return {
    kind: orDefault<SessionKind | null>(raw.kind, d.kind),
    proxyUser: orDefault(raw.proxyUser, d.proxyUser),
    ...sparkSubmitFields(raw),
    heartbeatTimeoutInSecond: orDefault(raw.heartbeatTimeoutInSecond, d.heartbeatTimeoutInSecond),
    ttl: orDefault(raw.ttl, d.ttl),
    idleTimeout: orDefault(raw.idleTimeout, d.idleTimeout),
  }
}

/** How a deployment's `POST /sessions` differs from Livy 0.9's. */
export interface CreateSessionVariant {
  /** The request class (another Livy version's). */
  readonly spec?: BeanSpec
  /** That version's meaning of the fields, mapped onto 0.9's. */
  readonly adapt?: (raw: Record<string, unknown>) => Record<string, unknown>
  /** A deployment's extra admission check: true when the create must be rejected. */
  readonly full?: (model: LivyModel) => boolean
}

/**
 * The `POST /sessions` route of a deployment (Livy 0.9's by default).
 *
 * @example
 * createSessionRoute({ full: (model) => liveSessions(model) >= 3 }) // SPYT's cap
 */
export function createSessionRoute(variant: CreateSessionVariant = {}): Route {
  return {
    method: 'POST',
    path: '/sessions',
    operationId: 'createSession',
    servlet: 'sessions',
    creates: true,
    handler: createSessionHandler(variant),
  }
}

/**
 * `POST /sessions`. Admission checks run before the body is read, as Livy's does, and inside
 * the serialised section, so concurrent creates cannot all slip under a limit.
 */
function createSessionHandler(variant: CreateSessionVariant): Route['handler'] {
  const spec = variant.spec ?? CREATE_INTERACTIVE_REQUEST
  const adapt = variant.adapt ?? ((raw) => raw)
  return async (c) => {
    if (c.model.tooManySessions() || variant.full?.(c.model))
      return ok(messageBody('Rejected, too many sessions are being created!'), 400)
    const input = {
      ...sessionInput(adapt(c.body(spec))),
      annotations: c.request.annotations ?? null,
    }
    const view = await c.model.createSession(input, c.caller)
    return {
      status: 201,
      body: sessionBody(view),
      headers: [['Location', `/sessions/${view.record.id}`]],
    }
  }
}

function batchInput(raw: Record<string, unknown>): CreateBatchInput {
  const d = DEFAULT_BATCH_INPUT
  return {
    file: orDefault(raw.file, d.file),
    proxyUser: orDefault(raw.proxyUser, d.proxyUser),
    className: orDefault(raw.className, d.className),
    args: nonNull(orDefault(raw.args, d.args)),
    ...sparkSubmitFields(raw),
  }
}

/** `new URI(...)` in add-jar/add-file fails outside Livy's error mapping: a 500. */
const checkUriSyntax = (uri: string | null): string => {
  if (uri === null) throw new ModelError('internal', 'null', 'java.lang.NullPointerException')
  const syntax = uriSyntaxError(uri)
  if (syntax) throw new ModelError('internal', syntax, 'java.net.URISyntaxException')
  return uri
}

const session = (c: RouteContext, access: 'none' | 'view' | 'modify') =>
  c.model.session(c.params.sessionId as string, access, c.caller)

/**
 * A vendor's keep-alive route on Livy's sessions servlet (`reset-timeout`): restarts the idle
 * timeout of `{sessionId}` and answers `status` with no body.
 *
 * @example
 * keepAliveRoute('POST', 204) // Fabric
 */
export function keepAliveRoute(method: 'POST' | 'PUT', status: number): Route {
  return {
    method,
    path: '/sessions/:sessionId/reset-timeout',
    operationId: 'resetSessionTimeout',
    servlet: 'sessions',
    handler: (c) => {
      c.model.keepAlive(session(c, 'modify'))
      return { status, body: null }
    },
  }
}
const batch = (c: RouteContext, access: 'none' | 'view' | 'modify') =>
  c.model.batch(c.params.batchId as string, access, c.caller)

const upload =
  (part: 'jar' | 'file', kind: 'jar' | 'pyfile' | 'file', missing: string) => (c: RouteContext) => {
    const record = session(c, 'modify')
    const file = readMultipart(c.request).get(part)
    if (!file) return ok(json(missing), 400)
    c.model.uploadResource(record, kind, file.fileName || part)
    return ok(null)
  }

const addResource = (kind: 'jar' | 'pyfile' | 'file') => (c: RouteContext) => {
  const raw = c.body(ADD_RESOURCE)
  const record = session(c, 'modify')
  c.model.addResource(record, kind, checkUriSyntax(orDefault(raw.uri, null)))
  return ok(null)
}

const submitJob = (c: RouteContext): RouteResult => {
  const raw = c.body(SERIALIZED_JOB)
  const record = session(c, 'modify')
  const job = c.model.submitJob(record, orDefault(raw.job, null), orDefault(raw.jobType, null))
  return ok(jobBody(job), 201)
}

/**
 * Livy 0.9's routes, in one table. The msw handlers and the Node server are both built from
 * it, so the two adapters cannot disagree about what exists.
 */
export const ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: '/sessions',
    operationId: 'listSessions',
    servlet: 'sessions',
    handler: (c) =>
      ok(
        sessionListBody(
          c.model.listSessions(intParam(c, 'from') ?? 0, intParam(c, 'size') ?? 100, c.caller),
          c.lists.sessions,
        ),
      ),
  },
  createSessionRoute(),
  {
    method: 'GET',
    path: '/sessions/:sessionId',
    operationId: 'getSession',
    servlet: 'sessions',
    handler: (c) => ok(sessionBody(c.model.sessionView(session(c, 'none'), c.caller))),
  },
  {
    method: 'GET',
    path: '/sessions/:sessionId/state',
    operationId: 'getSessionState',
    servlet: 'sessions',
    handler: (c) => {
      const record = session(c, 'none')
      return ok(stateBody(record.id, c.model.sessionState(record)))
    },
  },
  {
    method: 'GET',
    path: '/sessions/:sessionId/log',
    operationId: 'getSessionLog',
    servlet: 'sessions',
    handler: (c) => {
      const record = session(c, 'view')
      return ok(
        logBody(record.id, c.model.sessionLog(record, intParam(c, 'from'), intParam(c, 'size'))),
      )
    },
  },
  {
    method: 'DELETE',
    path: '/sessions/:sessionId',
    operationId: 'deleteSession',
    servlet: 'sessions',
    handler: async (c) => {
      await c.model.deleteSession(session(c, 'modify'))
      return ok(messageBody('deleted'))
    },
  },
  {
    method: 'POST',
    path: '/sessions/:sessionId/stop',
    operationId: 'stopSession',
    servlet: 'sessions',
    handler: async (c) => {
      await c.model.stopSession(session(c, 'modify'))
      return ok(null, 204)
    },
  },
  {
    method: 'POST',
    path: '/sessions/:sessionId/interrupt',
    operationId: 'interruptSession',
    servlet: 'sessions',
    handler: async (c) => {
      await c.model.stopSession(session(c, 'modify'))
      return ok(messageBody('interrupted'))
    },
  },
  {
    method: 'POST',
    path: '/sessions/:sessionId/connect',
    operationId: 'connectSession',
    servlet: 'sessions',
    handler: (c) => ok(sessionBody(c.model.connectSession(session(c, 'modify')))),
  },
  {
    method: 'GET',
    path: '/sessions/:sessionId/statements',
    operationId: 'listStatements',
    servlet: 'sessions',
    handler: (c) => {
      const record = session(c, 'view')
      const list = c.model.listStatements(
        record,
        c.query.get('from') ?? undefined,
        c.query.get('size') ?? undefined,
        c.query.get('order') ?? undefined,
      )
      return ok(statementListBody(list))
    },
  },
  {
    method: 'POST',
    path: '/sessions/:sessionId/statements',
    operationId: 'createStatement',
    servlet: 'sessions',
    handler: (c) => {
      const raw = c.body(EXECUTE_REQUEST)
      const record = session(c, 'modify')
      const code = orDefault<string | null>(raw.code, null)
      if (code === null) {
        throw remoteFailure(
          'java.lang.NullPointerException',
          'Cannot invoke "String.toCharArray()" because "s" is null',
        )
      }
      const statement = c.model.createStatement(record, code, orDefault(raw.kind, null))
      return {
        status: 201,
        // The code's JSON may have been made with the body's reading, outside the section.
        body: statementBody(statement, c.request.ahead?.serialised),
        headers: [['Location', `/sessions/${record.id}/statements/${statement.id}`]],
      }
    },
  },
  {
    method: 'GET',
    path: '/sessions/:sessionId/statements/:statementId',
    operationId: 'getStatement',
    servlet: 'sessions',
    handler: (c) =>
      ok(statementBody(c.model.getStatement(session(c, 'view'), c.params.statementId as string))),
  },
  {
    method: 'POST',
    path: '/sessions/:sessionId/statements/:statementId/cancel',
    operationId: 'cancelStatement',
    servlet: 'sessions',
    handler: (c) => {
      c.model.cancelStatement(session(c, 'modify'), c.params.statementId as string)
      return ok(messageBody('canceled'))
    },
  },
  {
    method: 'POST',
    path: '/sessions/:sessionId/completion',
    operationId: 'completeStatement',
    servlet: 'sessions',
    handler: (c) => {
      const raw = c.body(COMPLETION_REQUEST)
      const record = session(c, 'modify')
      const candidates = c.model.completion(
        record,
        orDefault(raw.code, ''),
        orDefault(raw.kind, null),
        orDefault(raw.cursor, 0),
      )
      return candidates instanceof Promise
        ? candidates.then((list) => ok(json({ candidates: list })))
        : ok(json({ candidates }))
    },
  },
  {
    method: 'POST',
    path: '/sessions/:sessionId/submit-job',
    operationId: 'submitJob',
    servlet: 'sessions',
    handler: submitJob,
  },
  {
    method: 'POST',
    path: '/sessions/:sessionId/run-job',
    operationId: 'runJob',
    servlet: 'sessions',
    handler: submitJob,
  },
  {
    method: 'GET',
    path: '/sessions/:sessionId/jobs/:jobId',
    operationId: 'getJob',
    servlet: 'sessions',
    handler: (c) => ok(jobBody(c.model.getJob(session(c, 'view'), c.params.jobId as string))),
  },
  {
    method: 'POST',
    path: '/sessions/:sessionId/jobs/:jobId/cancel',
    operationId: 'cancelJob',
    servlet: 'sessions',
    handler: (c) => {
      c.model.cancelJob(session(c, 'modify'), c.params.jobId as string)
      return ok(null)
    },
  },
  {
    method: 'POST',
    path: '/sessions/:sessionId/upload-jar',
    operationId: 'uploadJar',
    servlet: 'sessions',
    handler: upload('jar', 'jar', 'No jar sent!'),
  },
  {
    method: 'POST',
    path: '/sessions/:sessionId/upload-pyfile',
    operationId: 'uploadPyFile',
    servlet: 'sessions',
    handler: upload('file', 'pyfile', 'No file sent!'),
  },
  {
    method: 'POST',
    path: '/sessions/:sessionId/upload-file',
    operationId: 'uploadFile',
    servlet: 'sessions',
    handler: upload('file', 'file', 'No file sent!'),
  },
  {
    method: 'POST',
    path: '/sessions/:sessionId/add-jar',
    operationId: 'addJar',
    servlet: 'sessions',
    handler: addResource('jar'),
  },
  {
    method: 'POST',
    path: '/sessions/:sessionId/add-pyfile',
    operationId: 'addPyFile',
    servlet: 'sessions',
    handler: addResource('pyfile'),
  },
  {
    method: 'POST',
    path: '/sessions/:sessionId/add-file',
    operationId: 'addFile',
    servlet: 'sessions',
    handler: addResource('file'),
  },
  {
    method: 'GET',
    path: '/batches',
    operationId: 'listBatches',
    servlet: 'batches',
    handler: (c) =>
      ok(
        batchListBody(
          c.model.listBatches(intParam(c, 'from') ?? 0, intParam(c, 'size') ?? 100, c.caller),
          c.lists.batches,
        ),
      ),
  },
  {
    method: 'POST',
    path: '/batches',
    operationId: 'createBatch',
    servlet: 'batches',
    creates: true,
    handler: async (c) => {
      if (c.model.tooManySessions())
        return ok(messageBody('Rejected, too many sessions are being created!'), 400)
      const input = {
        ...batchInput(c.body(CREATE_BATCH_REQUEST)),
        annotations: c.request.annotations ?? null,
      }
      const view = await c.model.createBatch(input, c.caller)
      return {
        status: 201,
        body: batchBody(view),
        headers: [['Location', `/batches/${view.record.id}`]],
      }
    },
  },
  {
    method: 'GET',
    path: '/batches/:batchId',
    operationId: 'getBatch',
    servlet: 'batches',
    handler: (c) => ok(batchBody(c.model.batchView(batch(c, 'none'), c.caller))),
  },
  {
    method: 'GET',
    path: '/batches/:batchId/state',
    operationId: 'getBatchState',
    servlet: 'batches',
    handler: (c) => {
      const record = batch(c, 'none')
      return ok(stateBody(record.id, record.state))
    },
  },
  {
    method: 'GET',
    path: '/batches/:batchId/log',
    operationId: 'getBatchLog',
    servlet: 'batches',
    handler: (c) => {
      const record = batch(c, 'view')
      return ok(
        logBody(record.id, c.model.batchLog(record, intParam(c, 'from'), intParam(c, 'size'))),
      )
    },
  },
  {
    method: 'DELETE',
    path: '/batches/:batchId',
    operationId: 'deleteBatch',
    servlet: 'batches',
    handler: async (c) => {
      await c.model.deleteBatch(batch(c, 'modify'))
      return ok(messageBody('deleted'))
    },
  },
  {
    method: 'GET',
    path: '/version',
    operationId: 'getVersion',
    servlet: 'version',
    handler: () => ok(json(LIVY_VERSION)),
  },
]

/** What `GET /version` answers on the published 0.9.0 artifacts. */
export const LIVY_VERSION = {
  url: '',
  branch: '',
  revision: '',
  version: '0.9.0-incubating',
  date: '2026-01-02T00:00:00Z',
  user: '',
}
