import type { Exchange } from './types.ts'

/** An exchange with everything that legitimately differs between servers replaced by markers. */
export interface NormalisedExchange {
  readonly request: string
  readonly requestBody?: string
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/** Response headers compared between targets (Date and Content-Length vary by nature). */
const COMPARED_HEADERS = ['content-type', 'location', 'allow', 'content-encoding']

const LOG_MARKERS = new Set([
  'stdout: ',
  '\nstderr: ',
  '\nYARN Diagnostics: ',
  '\nKubernetes Diagnostics: ',
])

/**
 * Normalises the exchanges of one scenario run: session, batch and statement ids become
 * `S0`, `B0`, `T0` in order of first appearance, timestamps `<ts>`, log lines `<line>`,
 * application ids, build info, remote stack traces and generated names markers. What is left
 * (statuses, field order, messages, outputs) must match between Livy and the emulator.
 *
 * @example
 * const n = createNormaliser()
 * n.exchange(createResponse) // { request: 'POST /sessions', status: 201, headers: { location: '/sessions/S0' }, … }
 */
export function createNormaliser() {
  const sessions = new Map<string, string>()
  const batches = new Map<string, string>()
  const statements = new Map<string, string>()
  const ref = (map: Map<string, string>, prefix: string, id: string | number): string => {
    const key = String(id)
    let value = map.get(key)
    if (!value) {
      value = `${prefix}${map.size}`
      map.set(key, value)
    }
    return value
  }
  const session = (id: string | number) => ref(sessions, 'S', id)
  const batch = (id: string | number) => ref(batches, 'B', id)
  const statement = (sessionRef: string, id: string | number) =>
    ref(statements, 'T', `${sessionRef}/${id}`)

  const path = (p: string): string =>
    p
      .replace(
        /^\/sessions\/(\d+)(?=\/statements\/(\d+))/,
        (_, s: string) => `/sessions/${session(s)}`,
      )
      .replace(
        /^\/sessions\/(S\d+)\/statements\/(\d+)/,
        (_, s: string, t: string) => `/sessions/${s}/statements/${statement(s, t)}`,
      )
      .replace(/^\/sessions\/(\d+)/, (_, s: string) => `/sessions/${session(s)}`)
      .replace(/^\/batches\/(\d+)/, (_, b: string) => `/batches/${batch(b)}`)

  const text = (s: string): string =>
    s
      .replace(/\n\tat [\s\S]*$/, '\n\tat <stack>')
      .replace(
        /Session '(\d+)' not found\./g,
        (_, id: string) => `Session '${sessions.get(id) ?? batches.get(id) ?? id}' not found.`,
      )
      .replace(/for session (\d+)/g, (_, _id: string) => `for session <id>`)
      .replace(/\bres\d+\b/g, 'res<n>')
      .replace(/\/tmp\/rsc-tmp\d+\//g, '/tmp/rsc-tmp<n>/')
      .replace(/\/\.livy-sessions\/[0-9a-f-]{36}\//g, '/.livy-sessions/<uuid>/')
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
      .replace(
        /Job \d+ cancelled part of cancelled job group \d+/g,
        'Job <n> cancelled part of cancelled job group <n>',
      )
      .replace(/<console>:\d+:/g, '<console>:<n>:')
      .replace(/\.\.\. \d+ elided/g, '... <n> elided')

  const walk = (
    value: unknown,
    key: string | undefined,
    context: { sessionRef?: string },
  ): unknown => {
    if (Array.isArray(value)) {
      if (key === 'log') {
        const out: string[] = []
        for (const line of value as string[]) {
          const masked = LOG_MARKERS.has(line) ? line : '<line>'
          if (masked === '<line>' && out.at(-1) === '<lines>') continue
          out.push(masked === '<line>' ? '<lines>' : masked)
        }
        return out
      }
      return value.map((v) => walk(v, undefined, context))
    }
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(value)) out[k] = walk(v, k, context)
      return out
    }
    if (typeof value === 'string') {
      if (key === 'appId') return '<appId>'
      if (key === 'driverLogUrl' || key === 'sparkUiUrl' || key === 'executorLogUrls')
        return '<url>'
      if (
        key === 'date' ||
        key === 'user' ||
        key === 'url' ||
        key === 'branch' ||
        key === 'revision'
      )
        return '<build>'
      return text(value)
    }
    if (typeof value === 'number') {
      if ((key === 'started' || key === 'completed' || key === 'time') && value > 0) return '<ts>'
      if (key === 'progress' && value !== 0 && value !== 1) return '<progress>'
    }
    return value
  }

  return {
    /** Normalises one exchange; call in the order the scenario made them. */
    exchange(e: Exchange): NormalisedExchange {
      const requestPath = path(e.path)
      // A created session or batch gets its reference from the 201 body.
      let body: unknown
      try {
        body = JSON.parse(e.text)
      } catch {
        body = undefined
      }
      const created =
        e.method === 'POST' && e.status === 201 && body && typeof body === 'object'
          ? (body as { id?: number }).id
          : undefined
      if (created !== undefined) {
        if (e.path.split('?')[0] === '/sessions' || e.path.split('?')[0] === '/sessions/')
          session(created)
        else if (e.path.startsWith('/batches')) batch(created)
      }
      const sessionRef = /^\/sessions\/(S\d+)/.exec(requestPath)?.[1]
      const mapIds = (v: unknown, inStatements: boolean): unknown => {
        if (!v || typeof v !== 'object') return v
        if (Array.isArray(v)) return v.map((x) => mapIds(x, inStatements))
        const o = { ...(v as Record<string, unknown>) }
        if (typeof o.id === 'number') {
          const id = o.id
          o.id =
            inStatements && sessionRef
              ? statement(sessionRef, id)
              : e.path.startsWith('/batches')
                ? batch(id)
                : /\/jobs\/|submit-job|run-job/.test(e.path)
                  ? id
                  : session(id)
        }
        if (typeof o.execution_count === 'number' && sessionRef)
          o.execution_count = statement(sessionRef, o.execution_count)
        for (const [k, x] of Object.entries(o)) {
          if (k === 'output' || k === 'statements' || k === 'sessions')
            o[k] = mapIds(x, inStatements || k === 'statements' || k === 'output')
        }
        return o
      }
      const isStatement = /\/statements(\/|$|\?)/.test(e.path)
      if (e.race) {
        return {
          request: `${e.method} ${requestPath}`,
          ...(e.requestBody === undefined ? {} : { requestBody: e.requestBody }),
          status: 0,
          headers: {},
          body: `<race: ${e.race}>`,
        }
      }
      const normalisedBody =
        body === undefined
          ? text(e.text)
          : JSON.stringify(walk(maskRaces(e, mapIds(body, isStatement)), undefined, {}))
      const headers: Record<string, string> = {}
      for (const name of COMPARED_HEADERS) {
        const v = e.headers.get(name)
        // An absolute Location (GET / → http://host:port/ui) depends on where the server runs.
        if (v !== null)
          headers[name] = name === 'location' ? path(v.replace(/^https?:\/\/[^/]+/, '<origin>')) : v
      }
      return {
        request: `${e.method} ${requestPath}`,
        ...(e.requestBody === undefined ? {} : { requestBody: e.requestBody }),
        status: e.status,
        headers,
        body: normalisedBody,
      }
    },
  }
}

/**
 * Fields whose value depends on a race inside Livy, in answers every scenario makes:
 * - a statement's submit answer: Livy reads the statement back after queueing it, and the
 *   REPL may have started or even finished it by then (observed: `waiting`, `running` and
 *   `available` with its output);
 * - a local-mode batch's state until spark-submit is up (`starting`/`running`);
 * - a statement cancelled while waiting: its `completed` is stamped a moment later;
 * - a log's line count, and so the default `from` of a page: it depends on Spark's own
 *   logging, like the (masked) lines themselves.
 */
function maskRaces(e: Exchange, body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body
  const o = { ...(body as Record<string, unknown>) }
  const path = e.path.split('?')[0] as string
  if (e.method === 'POST' && /^\/sessions\/[^/]+\/statements\/?$/.test(path) && e.status === 201) {
    for (const k of ['state', 'output', 'progress', 'started', 'completed'])
      if (k in o) o[k] = '<as far as the REPL got>'
  }
  if (e.method === 'POST' && /^\/batches\/?$/.test(path) && e.status === 201) {
    if (o.state === 'starting' || o.state === 'running') o.state = '<starting|running>'
  }
  // A statement cancelled while waiting: Livy's cancel executor stamps `completed` a moment
  // later, so a read right after the cancel shows 0 or the time.
  const cancelledWhileWaiting = (s: Record<string, unknown>) =>
    s.state === 'cancelled' && s.started === 0 && typeof s.completed === 'number'
      ? { ...s, completed: '<0|ts>' }
      : s
  // A local batch is "starting" until spark-submit is up, which races every early read.
  const launching = (b: Record<string, unknown>) =>
    (b.state === 'starting' || b.state === 'running') &&
    Array.isArray(b.log) &&
    b.log.every((l) => l === 'stdout: ' || l === '\nstderr: ')
      ? { ...b, state: '<starting|running>' }
      : b
  if (/\/statements(\/[^/]+)?\/?$/.test(path) && e.method === 'GET') {
    if (Array.isArray(o.statements))
      o.statements = (o.statements as Record<string, unknown>[]).map(cancelledWhileWaiting)
    else return cancelledWhileWaiting(o)
  }
  if (/^\/batches(\/[^/]+)?\/?$/.test(path) && e.method === 'GET') {
    if (Array.isArray(o.sessions))
      o.sessions = (o.sessions as Record<string, unknown>[]).map(launching)
    else return launching(o)
  }
  if (/\/log\/?$/.test(path) && typeof o.total === 'number') {
    o.total = '<n>'
    if (!/[?&]from=/.test(e.path) && typeof o.from === 'number') o.from = '<total - size>'
  }
  return o
}
