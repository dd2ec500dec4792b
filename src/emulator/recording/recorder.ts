import { createNormaliser } from '../../conformance/normalise.ts'
import type { Exchange } from '../../conformance/types.ts'
import { STATEMENT_KINDS, type StatementKind } from '../model/outcomes/interpreters.ts'
import {
  emptyRecording,
  type RecordedBatch,
  type RecordedExchange,
  type RecordedStatement,
  type Recording,
} from './recording-format.ts'
import type { RecordingSink } from './recording-sink.ts'
import type { Redactor } from './redactor.ts'
import { stableJson } from './stable-json.ts'
import type { UpstreamResponse } from './upstream.ts'

/** One request the proxy forwarded and the answer it returned. */
export interface ObservedExchange {
  readonly method: string
  /** Livy's path (no prefix), with its query string. */
  readonly path: string
  readonly requestBody: string | undefined
  readonly status: number
  readonly headers: ReadonlyArray<readonly [string, string]>
  readonly body: string
}

export interface RecorderOptions {
  /** The upstream, as the file names it (no credentials). */
  readonly recordedFrom: string
  readonly recordedAt: string
  readonly sink: RecordingSink
  readonly redactor: Redactor
  /** A GET to the upstream with the proxy's credentials (batch logs, a session's kind). */
  readonly fetchUpstream: (path: string) => Promise<UpstreamResponse>
  /** Something could not be recorded (the answer still went to the client). */
  readonly onWarning?: (message: string) => void
}

/**
 * Turns the exchanges a recording proxy sees into a {@link Recording}: statements per kind with
 * their outputs, batches with their final state and log, and every exchange normalised. Each
 * `observe` ends with the recording on the sink, so what a client was answered is recorded.
 */
export interface Recorder {
  observe(exchange: ObservedExchange): Promise<void>
  /** The recording so far (as it will be written: redacted). */
  readonly recording: Recording
}

const TERMINAL_BATCH = new Set(['success', 'dead', 'killed'])

interface StatementJson {
  readonly id?: unknown
  readonly state?: unknown
  readonly code?: unknown
  readonly output?: unknown
}

/**
 * @example
 * const recorder = createRecorder({ recordedFrom: 'https://livy.staging', recordedAt: new Date().toISOString(), sink, redactor, fetchUpstream })
 * await recorder.observe({ method: 'GET', path: '/sessions', requestBody: undefined, status: 200, headers: [], body: '{"from":0,"total":0,"sessions":[]}' })
 */
export function createRecorder(options: RecorderOptions): Recorder {
  const { redactor } = options
  const recording = emptyRecording(options.recordedFrom, options.recordedAt)
  const statements: Partial<Record<StatementKind, RecordedStatement[]>> = {}
  const batches: RecordedBatch[] = []
  const exchanges: RecordedExchange[] = []
  const normaliser = createNormaliser()
  const sessionKinds = new Map<number, string>()
  /** `session/statement` → the kind its POST asked for. */
  const statementKinds = new Map<string, string>()
  const recordedStatements = new Set<string>()
  const batchRequests = new Map<
    number,
    { file: string | null; className: string | null; args: string[] }
  >()
  const recordedBatches = new Set<number>()
  const warned = new Set<string>()
  const warn = (message: string) => {
    if (warned.has(message)) return
    warned.add(message)
    options.onWarning?.(message)
  }

  const snapshot = (): Recording => ({
    ...recording,
    statements: Object.fromEntries(
      Object.entries(statements).map(([k, list]) => [
        k,
        list.map((s) => ({
          code: redactor.text(s.code),
          output: redactor.strings(s.output) as RecordedStatement['output'],
        })),
      ]),
    ) as Recording['statements'],
    batches: batches.map((b) => ({
      ...b,
      file: b.file === null ? null : redactor.text(b.file),
      args: b.args.map(redactor.text),
      log: b.log.map(redactor.text),
    })),
    exchanges,
  })

  let pending: Promise<void> | undefined
  let chain: Promise<void> = Promise.resolve()
  /** Writes the recording; calls made while a write waits share it (it will hold their data). */
  const flush = (): Promise<void> => {
    if (pending) return pending
    const write = chain.then(() => {
      pending = undefined
      return options.sink.write(stableJson(snapshot()))
    })
    pending = write
    chain = write.catch(() => undefined)
    return write
  }

  const json = (text: string): unknown => {
    try {
      return JSON.parse(text)
    } catch {
      return undefined
    }
  }
  const isObject = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v)

  const noteSession = (s: unknown) => {
    if (isObject(s) && typeof s.id === 'number' && typeof s.kind === 'string')
      sessionKinds.set(s.id, s.kind)
  }

  const kindOf = async (
    sessionId: number,
    statementId: number,
  ): Promise<StatementKind | undefined> => {
    let kind = statementKinds.get(`${sessionId}/${statementId}`)
    if (kind === undefined) {
      let sessionKind = sessionKinds.get(sessionId)
      if (sessionKind === undefined) {
        const answer = await options.fetchUpstream(`/sessions/${sessionId}`).catch(() => undefined)
        noteSession(answer && answer.status === 200 ? json(answer.body) : undefined)
        sessionKind = sessionKinds.get(sessionId)
      }
      // A shared session runs statements without a kind on Scala, as Livy does.
      kind = sessionKind === 'shared' ? 'spark' : sessionKind
    }
    return (STATEMENT_KINDS as readonly string[]).includes(kind ?? '')
      ? (kind as StatementKind)
      : undefined
  }

  const noteStatement = async (sessionId: number, s: unknown) => {
    if (!isObject(s) || typeof s.id !== 'number') return
    const st = s as unknown as StatementJson & { id: number }
    const key = `${sessionId}/${st.id}`
    if (recordedStatements.has(key) || st.state !== 'available') return
    if (typeof st.code !== 'string' || !isObject(st.output)) return
    const output = outputBody(st.output)
    if (!output) return
    const kind = await kindOf(sessionId, st.id)
    if (!kind) {
      warn(
        `statement ${key}: its kind is unknown (session ${sessionId} was not seen); not recorded`,
      )
      return
    }
    if (recordedStatements.has(key)) return
    recordedStatements.add(key)
    let list = statements[kind]
    if (!list) {
      list = []
      statements[kind] = list
    }
    list.push({ code: st.code, output })
  }

  const noteBatch = async (b: unknown) => {
    if (!isObject(b) || typeof b.id !== 'number' || typeof b.state !== 'string') return
    const id = b.id
    const request = batchRequests.get(id)
    if (!request || recordedBatches.has(id) || !TERMINAL_BATCH.has(b.state)) return
    recordedBatches.add(id)
    const answer = await options
      .fetchUpstream(`/batches/${id}/log?from=0&size=1000000`)
      .catch((e: unknown) => {
        warn(`batch ${id}: its log could not be read: ${(e as Error).message}`)
        return undefined
      })
    const body = answer?.status === 200 ? json(answer.body) : undefined
    const log =
      isObject(body) && Array.isArray(body.log) ? body.log.filter((l) => typeof l === 'string') : []
    batches.push({ ...request, state: b.state, log })
  }

  const learn = async (e: ObservedExchange, body: unknown) => {
    const [path = ''] = e.path.split('?')
    const segments = path.split('/').filter(Boolean)
    const sessionId = segments[0] === 'sessions' ? Number(segments[1]) : Number.NaN
    if (segments[0] === 'sessions') {
      if (segments.length === 1 && e.method === 'POST') noteSession(body)
      if (
        segments.length === 1 &&
        e.method === 'GET' &&
        isObject(body) &&
        Array.isArray(body.sessions)
      )
        body.sessions.forEach(noteSession)
      if (segments.length === 2 && e.method === 'GET') noteSession(body)
      if (segments[2] === 'statements' && Number.isInteger(sessionId)) {
        if (
          segments.length === 3 &&
          e.method === 'POST' &&
          isObject(body) &&
          typeof body.id === 'number'
        ) {
          const asked = isObject(json(e.requestBody ?? ''))
            ? (json(e.requestBody ?? '') as { kind?: unknown }).kind
            : undefined
          if (typeof asked === 'string') statementKinds.set(`${sessionId}/${body.id}`, asked)
          await noteStatement(sessionId, body)
        } else if (segments.length === 3 && isObject(body) && Array.isArray(body.statements)) {
          for (const s of body.statements) await noteStatement(sessionId, s)
        } else if (segments.length === 4 && e.method === 'GET') {
          await noteStatement(sessionId, body)
        }
      }
    }
    if (segments[0] === 'batches') {
      if (
        segments.length === 1 &&
        e.method === 'POST' &&
        isObject(body) &&
        typeof body.id === 'number'
      ) {
        const asked = json(e.requestBody ?? '')
        const req = isObject(asked) ? asked : {}
        batchRequests.set(body.id, {
          file: typeof req.file === 'string' ? req.file : null,
          className: typeof req.className === 'string' ? req.className : null,
          args: Array.isArray(req.args) ? req.args.map(String) : [],
        })
      }
      if (
        segments.length === 1 &&
        e.method === 'GET' &&
        isObject(body) &&
        Array.isArray(body.sessions)
      )
        for (const b of body.sessions) await noteBatch(b)
      if (e.method === 'GET' && (segments.length === 2 || segments[2] === 'state'))
        await noteBatch(body)
    }
  }

  const normalised = (e: ObservedExchange): RecordedExchange => {
    const headers = new Headers()
    for (const [k, v] of e.headers) {
      try {
        headers.append(k, v)
      } catch {
        // A header value Fetch refuses is not one the transcript compares.
      }
    }
    const exchange: Exchange = {
      method: e.method,
      path: e.path,
      requestBody: e.requestBody,
      status: e.status,
      headers,
      text: e.body,
      json: <T>() => JSON.parse(e.body) as T,
      operationId: undefined,
      durationMs: 0,
    }
    const n = normaliser.exchange(exchange)
    return {
      request: redactor.path(n.request),
      ...(n.requestBody === undefined ? {} : { requestBody: redactor.body(n.requestBody) }),
      status: n.status,
      headers: Object.fromEntries(Object.entries(n.headers).map(([k, v]) => [k, redactor.text(v)])),
      body: redactor.text(n.body),
    }
  }

  // The file exists, complete and valid, from the start (an empty recording).
  flush().catch((e: unknown) => warn(`cannot write ${options.sink.name}: ${(e as Error).message}`))

  return {
    get recording() {
      return snapshot()
    },
    async observe(e) {
      try {
        const entry = normalised(e)
        const last = exchanges.at(-1)
        // Polls repeat the same answer many times; one is enough to review.
        if (!last || JSON.stringify(last) !== JSON.stringify(entry)) exchanges.push(entry)
        if (e.status >= 200 && e.status < 300) await learn(e, json(e.body))
      } catch (err) {
        warn(`${e.method} ${e.path}: not recorded: ${(err as Error).message}`)
      }
      await flush().catch((err: unknown) =>
        warn(`cannot write ${options.sink.name}: ${(err as Error).message}`),
      )
    },
  }
}

/** A statement's output as Livy answered it, without `execution_count`; undefined if it is not one. */
function outputBody(output: Record<string, unknown>): RecordedStatement['output'] | undefined {
  if (output.status === 'ok' && output.data !== null && typeof output.data === 'object')
    return { status: 'ok', data: output.data as Record<string, unknown> }
  if (
    output.status === 'error' &&
    typeof output.ename === 'string' &&
    typeof output.evalue === 'string'
  ) {
    const traceback = Array.isArray(output.traceback)
      ? output.traceback.filter((t): t is string => typeof t === 'string')
      : []
    return { status: 'error', ename: output.ename, evalue: output.evalue, traceback }
  }
  return undefined
}
