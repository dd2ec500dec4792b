import type { EdgeResponse } from '../http/types.ts'
import { createRandom, type Random } from '../model/random.ts'

/** Headers without `name` (case-insensitive). */
export function withoutHeader(
  headers: ReadonlyArray<readonly [string, string]>,
  name: string,
): [string, string][] {
  const lower = name.toLowerCase()
  return headers.filter(([n]) => n.toLowerCase() !== lower).map(([n, v]) => [n, v])
}

/** The first value of header `name`. */
export function headerValue(
  headers: ReadonlyArray<readonly [string, string]>,
  name: string,
): string | undefined {
  const lower = name.toLowerCase()
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1]
}

/** Parses a JSON response body (undefined when it is empty or not JSON). */
export function jsonOf(response: EdgeResponse): unknown {
  if (!response.body) return undefined
  try {
    return JSON.parse(response.body)
  } catch {
    return undefined
  }
}

/**
 * The message inside one of Livy's error bodies: `{"msg": …}`, a bare JSON string, or nothing
 * (then the reason phrase).
 */
export function livyMessage(response: EdgeResponse): string {
  const body = jsonOf(response)
  if (typeof body === 'string') return body
  if (body && typeof body === 'object' && typeof (body as { msg?: unknown }).msg === 'string')
    return (body as { msg: string }).msg
  if (response.body && !response.body.trimStart().startsWith('<')) return response.body
  return REASONS[response.status] ?? `HTTP ${response.status}`
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
}

/** A JSON response from a gateway (vendor fronts do not send Livy's security headers). */
export function gatewayJson(
  status: number,
  body: unknown,
  headers: ReadonlyArray<readonly [string, string]> = [],
  contentType = 'application/json; charset=utf-8',
): EdgeResponse {
  return {
    status,
    headers: [...headers, ['Content-Type', contentType]],
    body: body === null ? null : JSON.stringify(body),
  }
}

/** Rewrites a JSON body (keeps headers and status; non-JSON bodies pass unchanged). */
export function mapJsonBody(response: EdgeResponse, fn: (body: unknown) => unknown): EdgeResponse {
  const body = jsonOf(response)
  if (body === undefined) return response
  return { ...response, body: JSON.stringify(fn(body)) }
}

/**
 * Repeatable GUIDs for numeric Livy ids: the same seed and id always give the same GUID, and
 * a GUID maps back to its id (looked up among the ids that exist, so nothing needs storing).
 */
export interface GuidCodec {
  encode(id: number): string
  /** The id of a GUID among `candidates` (the ids that exist now), if any. */
  decode(guid: string, candidates: () => Iterable<number>): number | undefined
}

/**
 * @example
 * const codec = createGuidCodec('seed', 'session')
 * codec.decode(codec.encode(3), () => [1, 2, 3]) // 3
 */
export function createGuidCodec(seed: string, kind: string): GuidCodec {
  const known = new Map<string, number>()
  const encode = (id: number): string => {
    const guid = createRandom(`${seed}:${kind}:${id}`).uuid()
    known.set(guid, id)
    return guid
  }
  return {
    encode,
    decode(guid, candidates) {
      const lower = guid.toLowerCase()
      const hit = known.get(lower)
      if (hit !== undefined) return hit
      for (const id of candidates()) if (encode(id) === lower) return id
      return undefined
    },
  }
}

/** Request ids (`RequestId`, `x-ms-request-id`): random-looking, repeatable for a seed. */
export function createRequestIds(seed: string, vendor: string): () => string {
  const random: Random = createRandom(`${seed}:${vendor}:requests`)
  return () => random.uuid()
}

/** ISO 8601 with milliseconds, as the Azure front ends write times. */
export const isoTime = (epochMs: number): string => new Date(epochMs).toISOString()

/**
 * Removes vendor-only fields from a JSON object body (Livy would refuse them as unknown
 * properties); other bodies pass unchanged, for Livy to judge.
 */
export function takeFields(
  body: Uint8Array,
  names: readonly string[],
): { body: Uint8Array; fields: Record<string, unknown> } {
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder().decode(body))
  } catch {
    return { body, fields: {} }
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { body, fields: {} }
  const rest: Record<string, unknown> = {}
  const fields: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(parsed)) {
    if (names.includes(k)) fields[k] = v
    else rest[k] = v
  }
  if (Object.keys(fields).length === 0) return { body, fields }
  return { body: new TextEncoder().encode(JSON.stringify(rest)), fields }
}
