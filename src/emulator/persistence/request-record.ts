import type { EdgeRequest } from '../http/types.ts'
import type { LivyModel } from '../model/livy-model.ts'
import type { RequestRecord } from './state-records.ts'

/**
 * The headers Livy's servlets read, so the ones a replay must see again. A request keeps no
 * other header (credentials stay out of the file: the user an authentication filter found is
 * kept instead). A servlet that starts reading another header must be added here.
 */
export const REPLAYED_HEADERS: readonly string[] = [
  'accept',
  'content-type',
  'host',
  'x-http-method-override',
  'x-http-method',
  'x-method-override',
]

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Whether serving `request` may have changed state a later request depends on. Every method
 * but GET, HEAD and OPTIONS may. Of the reads, only those under `/sessions/{id}`: they refresh
 * the heartbeat of a session created with `heartbeatTimeoutInSecond` (without them a replay
 * would let the heartbeat watchdog kill it), and reading a finished job makes the driver forget
 * it. Other reads only catch up with time, which the replay does anyway.
 *
 * @example
 * changesState(edgeRequest({ method: 'GET', url: '/sessions' }), model) // false
 */
export function changesState(request: EdgeRequest, model: LivyModel): boolean {
  if (!SAFE_METHODS.has(request.method)) return true
  if (request.method === 'OPTIONS') return false
  const match = /^\/sessions\/([^/]+)(\/.*)?$/.exec(request.path)
  if (!match) return false
  if (match[2]?.startsWith('/jobs/')) return true
  const segment = match[1] as string
  const sessions = model.context.store.sessions
  let record = /^[0-9]{1,9}$/.test(segment) ? sessions.get(Number(segment)) : undefined
  if (record === undefined) {
    try {
      record = sessions.getByName(decodeURIComponent(segment))
    } catch {
      return true
    }
  }
  // A segment this lookup cannot resolve may still name a session for Livy's: keep it.
  return record === undefined || record.heartbeatTimeoutInSecond > 0
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * What a state file keeps of a served request.
 *
 * @example
 * requestRecord(request, 201, clock.now()).method // 'POST'
 */
export function requestRecord(
  request: EdgeRequest,
  status: number | null,
  at: number,
): Omit<RequestRecord, 'seq'> {
  const headers: Record<string, string> = {}
  for (const name of REPLAYED_HEADERS) {
    const value = request.header(name)
    if (value !== undefined) headers[name] = value
  }
  let body: string | null = null
  let base64 = false
  if (request.body !== null) {
    try {
      body = utf8.decode(request.body)
    } catch {
      body = toBase64(request.body)
      base64 = true
    }
  }
  return {
    at,
    type: 'request',
    method: request.method,
    path: request.path,
    query: request.query,
    headers,
    body,
    ...(base64 ? { encoding: 'base64' as const } : {}),
    ...(request.user !== undefined ? { user: request.user } : {}),
    ...(request.annotations !== undefined ? { annotations: request.annotations } : {}),
    status,
  }
}

/**
 * The request a record stands for, as the servlets saw it.
 *
 * @example
 * edge.serve(requestOfRecord(record))
 */
export function requestOfRecord(record: RequestRecord): EdgeRequest {
  const headers = new Map(Object.entries(record.headers))
  return {
    method: record.method,
    path: record.path,
    query: record.query,
    header: (name) => headers.get(name.toLowerCase()),
    body:
      record.body === null
        ? null
        : record.encoding === 'base64'
          ? fromBase64(record.body)
          : new TextEncoder().encode(record.body),
    ...(record.user !== undefined ? { user: record.user } : {}),
    ...(record.annotations !== undefined ? { annotations: record.annotations } : {}),
  }
}
