import type { EdgeRequest, EdgeResponse } from '../http/types.ts'
import { decodeUtf8 } from '../http/utf8.ts'
import { createRecorder, type Recorder } from './recorder.ts'
import type { RecordingSink } from './recording-sink.ts'
import { createRedactor } from './redactor.ts'
import type { UpstreamResponse, UpstreamTransport } from './upstream.ts'

/** Options of {@link createRecordProxy} (what `--record-from` and its companions say). */
export interface RecordProxyOptions {
  /** The real Livy: `https://livy.staging:8998` (a path in it is kept in front of Livy's). */
  readonly url: string
  /** Credentials the proxy adds upstream: `basic:user:pass` or `bearer:TOKEN`. */
  readonly auth?: string
  /** Extra headers on every upstream request (`X-Requested-By: ci`). */
  readonly headers?: Readonly<Record<string, string>>
  /** A path between the upstream's root and Livy's routes (`/livy` behind a gateway). */
  readonly prefix?: string
  readonly transport: UpstreamTransport
  readonly sink: RecordingSink
  /** When recording started (ISO 8601), from the emulator's clock. */
  readonly recordedAt: string
  readonly onWarning?: (message: string) => void
}

export interface RecordProxy {
  handle(request: EdgeRequest): Promise<EdgeResponse>
  readonly recorder: Recorder
  /** The upstream as the recording names it (no credentials, no query). */
  readonly upstream: string
}

/** Headers that belong to one connection, not to the request (RFC 9110 §7.6.1), and the ones the transport sets. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  // The answer is recorded decoded; the client's server adapter compresses it again.
  'accept-encoding',
  'content-encoding',
])

/** Request headers forwarded when an adapter cannot list them all. */
const KNOWN_REQUEST_HEADERS = [
  'accept',
  'accept-language',
  'authorization',
  'content-type',
  'cookie',
  'origin',
  'referer',
  'user-agent',
  'x-requested-by',
  'x-csrf-token',
  'x-ms-workload-resource-moniker',
]

/** `basic:user:pass` / `bearer:TOKEN` as an `Authorization` value. */
export function authorizationOf(auth: string): string {
  const [scheme, ...rest] = auth.split(':')
  if (scheme === 'basic' && rest.length >= 2)
    return `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(rest.join(':'))))}`
  if (scheme === 'bearer' && rest.length >= 1 && rest.join(':') !== '')
    return `Bearer ${rest.join(':')}`
  throw new TypeError(`auth takes basic:user:pass or bearer:TOKEN, got "${auth.split(':')[0]}:…"`)
}

/**
 * A transparent proxy to a real Livy that records what it sees: every request goes upstream
 * as it came (with the proxy's credentials and headers added), every answer comes back
 * unchanged, and the recording is on the sink before the client gets its answer. Upstream
 * failures answer 502 with a message that says what happened, never a hang.
 *
 * @example
 * const proxy = createRecordProxy({ url: 'https://livy.staging', auth: 'basic:me:pw', transport, sink, recordedAt: new Date().toISOString() })
 * await proxy.handle(edgeRequest({ method: 'GET', url: '/sessions' }))
 */
export function createRecordProxy(options: RecordProxyOptions): RecordProxy {
  let base: URL
  try {
    base = new URL(options.url)
  } catch {
    throw new TypeError(`the upstream to record from is not a URL: "${options.url}"`)
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:')
    throw new TypeError(`the upstream to record from must be http(s), got "${base.protocol}"`)
  const prefix = (options.prefix ?? '').replace(/\/$/, '')
  if (prefix && !prefix.startsWith('/'))
    throw new TypeError(`the upstream prefix must start with /, got "${options.prefix}"`)
  const redactor = createRedactor()
  // Credentials in the URL itself become the upstream's Basic credentials, never the file's.
  const urlAuth =
    base.username !== ''
      ? `basic:${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`
      : undefined
  const authorization =
    options.auth !== undefined
      ? authorizationOf(options.auth)
      : urlAuth
        ? authorizationOf(urlAuth)
        : undefined
  redactor.learnAuthorization(authorization)
  redactor.learn(base.password ? decodeURIComponent(base.password) : undefined)
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    // Extra headers are often credentials (`X-API-Key`), so their values never reach the file.
    if (name.toLowerCase() === 'authorization') redactor.learnAuthorization(value)
    else if (name.toLowerCase() === 'cookie') redactor.learnCookies(value)
    else redactor.learn(value)
  }
  const root = `${base.origin}${base.pathname.replace(/\/$/, '')}${prefix}`
  const upstream = root
  const fixed: [string, string][] = [
    ...Object.entries(options.headers ?? {}),
    ...(authorization ? [['Authorization', authorization] as [string, string]] : []),
  ]

  const send = (
    method: string,
    pathAndQuery: string,
    headers: [string, string][],
    body: Uint8Array | null,
  ): Promise<UpstreamResponse> => {
    const names = new Set(fixed.map(([k]) => k.toLowerCase()))
    return options.transport({
      method,
      url: `${root}${pathAndQuery}`,
      headers: [...headers.filter(([k]) => !names.has(k.toLowerCase())), ...fixed],
      body,
    })
  }

  const recorder = createRecorder({
    recordedFrom: upstream,
    recordedAt: options.recordedAt,
    sink: options.sink,
    redactor,
    fetchUpstream: (path) => send('GET', path, [['Accept', 'application/json']], null),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  })

  const requestHeaders = (request: EdgeRequest): [string, string][] => {
    const all: [string, string][] = request.headerList
      ? request.headerList().map(([k, v]) => [k, v])
      : KNOWN_REQUEST_HEADERS.flatMap((name) => {
          const v = request.header(name)
          return v === undefined ? [] : [[name, v] as [string, string]]
        })
    return all.filter(([k]) => !HOP_BY_HOP.has(k.toLowerCase()))
  }

  return {
    recorder,
    upstream,
    async handle(request) {
      const pathAndQuery = `${request.path}${request.query ? `?${request.query}` : ''}`
      const headers = requestHeaders(request)
      for (const [k, v] of headers) {
        if (k.toLowerCase() === 'authorization') redactor.learnAuthorization(v)
        if (k.toLowerCase() === 'cookie') redactor.learnCookies(v)
      }
      let answer: UpstreamResponse
      try {
        answer = await send(request.method, pathAndQuery, headers, request.body)
      } catch (e) {
        return badGateway(upstream, (e as Error).message)
      }
      const responseHeaders = answer.headers.filter(([k]) => !HOP_BY_HOP.has(k.toLowerCase()))
      for (const [k, v] of responseHeaders)
        if (k.toLowerCase() === 'set-cookie') redactor.learnCookies(v)
      const text =
        request.text ??
        (request.body === null || request.body.length === 0
          ? undefined
          : (() => {
              const decoded = decodeUtf8(request.body)
              return typeof decoded === 'string' ? decoded : '<binary body>'
            })())
      await recorder.observe({
        method: request.method,
        path: pathAndQuery,
        requestBody: isMultipart(request) ? '<multipart body>' : text,
        status: answer.status,
        headers: responseHeaders,
        body: answer.body,
      })
      return { status: answer.status, headers: responseHeaders, body: answer.body }
    },
  }
}

const isMultipart = (request: EdgeRequest): boolean =>
  (request.header('content-type') ?? '').toLowerCase().startsWith('multipart/')

function badGateway(upstream: string, why: string): EdgeResponse {
  return {
    status: 502,
    headers: [['Content-Type', 'application/json;charset=utf-8']],
    body: JSON.stringify({
      msg: `livy-emulator (recording): the upstream ${upstream} did not answer: ${why}`,
    }),
  }
}
