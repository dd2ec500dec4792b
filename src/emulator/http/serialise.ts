import type { components } from '../../../generated/livy.ts'
import type { StatementEntry } from '../model/context.ts'
import type {
  BatchView,
  JobView,
  ListView,
  SessionView,
  StatementListView,
} from '../model/livy-model.ts'
import type { LogPage } from '../model/paging.ts'

type Schemas = components['schemas']

/**
 * Writes responses in Livy's field order (Jackson writes fields in declaration order and
 * every key, nulls included). The object literals are typed by the spec's generated types,
 * so a field missing here is a compile error.
 */
export function sessionJson(view: SessionView): Schemas['Session'] {
  const r = view.record
  return {
    id: r.id,
    name: r.name,
    appId: r.appId,
    owner: r.owner,
    proxyUser: r.proxyUser,
    state: view.state as Schemas['Session']['state'],
    kind: r.kind,
    appInfo: {
      driverLogUrl: r.appInfo.driverLogUrl,
      sparkUiUrl: r.appInfo.sparkUiUrl,
      executorLogUrls: r.appInfo.executorLogUrls,
    },
    log: view.log as string[],
    ttl: r.ttl,
    idleTimeout: r.idleTimeout,
    driverMemory: r.driverMemory,
    driverCores: r.driverCores ?? 0,
    executorMemory: r.executorMemory,
    executorCores: r.executorCores ?? 0,
    conf: r.conf,
    archives: r.archives,
    files: r.files,
    heartbeatTimeoutInSecond: r.heartbeatTimeoutInSecond,
    jars: r.jars,
    numExecutors: r.numExecutors ?? 0,
    pyFiles: r.pyFiles,
    queue: r.queue,
  }
}

export function batchJson(view: BatchView): Schemas['Batch'] {
  const r = view.record
  return {
    id: r.id,
    name: r.name,
    owner: r.owner,
    proxyUser: r.proxyUser,
    state: r.state,
    appId: r.appId,
    appInfo: {
      driverLogUrl: r.appInfo.driverLogUrl,
      sparkUiUrl: r.appInfo.sparkUiUrl,
      executorLogUrls: r.appInfo.executorLogUrls,
    },
    log: view.log as string[],
  }
}

/** Jackson writes a Java double with a fraction (`1.0`), never `1`. */
const double = (n: number): string => (Number.isInteger(n) ? `${n}.0` : String(n))

/**
 * A statement, written by hand: `output` is the driver's raw JSON (`@JsonRawValue`) and
 * `progress` a Java double.
 */
export function statementBody(s: StatementEntry, serialised?: ReadonlyMap<string, string>): string {
  return `{"id":${s.id},"code":${codeJson(s, serialised)},"state":"${s.state}","output":${s.output ?? 'null'},"progress":${double(s.progress)},"started":${s.started},"completed":${s.completed}}`
}

// A statement's code never changes, and a client polls its statement many times.
const codeCache = new WeakMap<StatementEntry, string>()
const CACHED_CODE = 4096

function codeJson(s: StatementEntry, serialised?: ReadonlyMap<string, string>): string {
  if (s.code.length < CACHED_CODE) return JSON.stringify(s.code)
  let json = codeCache.get(s)
  if (json === undefined) {
    json = serialised?.get(s.code) ?? JSON.stringify(s.code)
    codeCache.set(s, json)
  }
  return json
}

interface Cached {
  readonly key: string
  readonly json: string
}

/**
 * Serialised sessions and batches, reused while nothing visible changed: records are
 * immutable (a change makes a new one), so record identity plus state and log version is
 * exact. Listing 100 sessions then costs string joins instead of 100 `JSON.stringify`s.
 */
const sessionCache = new WeakMap<object, Cached>()
const batchCache = new WeakMap<object, Cached>()

export function sessionBody(view: SessionView): string {
  const key = sessionKey(view)
  const hit = sessionCache.get(view.record)
  if (hit?.key === key) return hit.json
  const json = JSON.stringify(sessionJson(view))
  sessionCache.set(view.record, { key, json })
  return json
}

export function batchBody(view: BatchView): string {
  const hit = batchCache.get(view.record)
  if (hit?.key === view.logKey) return hit.json
  const json = JSON.stringify(batchJson(view))
  batchCache.set(view.record, { key: view.logKey, json })
  return json
}

/**
 * The page a list route answered last, kept by the route's owner (one per emulator) and
 * reused while the same records in the same states are on the page: a client polling
 * `GET /sessions` then costs a comparison per item instead of joining 100 bodies again.
 *
 * @example
 * const memo = createListMemo()
 * sessionListBody(model.listSessions(0, 100), memo)
 */
export interface ListMemo {
  last?: {
    readonly from: number
    readonly total: number
    readonly records: readonly object[]
    readonly keys: readonly string[]
    readonly body: string
  }
}

export const createListMemo = (): ListMemo => ({})

function listBody<V extends { readonly record: object }>(
  list: ListView<V>,
  memo: ListMemo | undefined,
  keyOf: (view: V) => string,
  bodyOf: (view: V) => string,
): string {
  const { items } = list
  const last = memo?.last
  const keys = items.map(keyOf)
  if (
    last !== undefined &&
    last.from === list.from &&
    last.total === list.total &&
    last.records.length === items.length &&
    items.every((v, i) => v.record === last.records[i] && keys[i] === last.keys[i])
  ) {
    return last.body
  }
  const body = `{"from":${list.from},"total":${list.total},"sessions":[${items.map(bodyOf).join(',')}]}`
  // Kept flat: the three pieces would otherwise be copied into one again on every send.
  void Number(body)
  if (memo)
    memo.last = {
      from: list.from,
      total: list.total,
      records: items.map((v) => v.record),
      keys,
      body,
    }
  return body
}

const sessionKey = (view: SessionView): string => `${view.state}|${view.logKey}`
const batchKey = (view: BatchView): string => view.logKey

export function sessionListBody(list: ListView<SessionView>, memo?: ListMemo): string {
  return listBody(list, memo, sessionKey, sessionBody)
}

export function batchListBody(list: ListView<BatchView>, memo?: ListMemo): string {
  return listBody(list, memo, batchKey, batchBody)
}

export function statementListBody(list: StatementListView): string {
  return `{"total_statements":${list.total},"statements":[${list.statements.map((s) => statementBody(s)).join(',')}]}`
}

export function stateBody(id: number, state: string): string {
  const body: Schemas['SessionStateResponse'] = {
    id,
    state: state as Schemas['SessionStateResponse']['state'],
  }
  return JSON.stringify(body)
}

export function logBody(id: number, page: LogPage): string {
  const body: Schemas['LogResponse'] = { id, from: page.from, total: page.total, log: page.log }
  return JSON.stringify(body)
}

export function jobBody(job: JobView): string {
  const body: Schemas['JobStatus'] = {
    id: job.id,
    state: job.state,
    result: job.result,
    error: job.error,
  }
  return JSON.stringify(body)
}

export function messageBody(msg: string): string {
  const body: Schemas['MessageResponse'] = { msg }
  return JSON.stringify(body)
}
