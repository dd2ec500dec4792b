import type { EdgeRequest } from './types.ts'

/**
 * Paths `new URL` keeps exactly as written: unreserved and sub-delimiter characters and
 * percent escapes, no dot segments. Anything else (spaces, non-ASCII, `..`) takes the Fetch
 * path, which normalises it as a real client would.
 */
// A special scheme's query percent-encodes `'`: it takes the Fetch path there.
const PLAIN_TARGET = /^\/[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*(?:\?[A-Za-z0-9\-._~%!$&()*+,;=:@/?]*)?$/
const DOT_SEGMENT = /\/\.\.?(?:\/|\?|$)/
const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/

/** Fetch upper-cases these methods whatever their case, and leaves every other one alone. */
const STANDARD_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'])

/** Names the Fetch standard lets no script set: where runtimes differ, Fetch decides. */
const FORBIDDEN_HEADER =
  /^(?:accept-charset|accept-encoding|access-control-request-headers|access-control-request-method|connection|content-length|cookie2?|date|dnt|expect|host|keep-alive|origin|referer|set-cookie|te|trailer|transfer-encoding|upgrade|via|proxy-.*|sec-.*)$/

const utf8 = new TextEncoder()

/**
 * The {@link EdgeRequest} that `new Request(baseUrl + target, init)` would make, built without
 * the Fetch objects (most of what an in-process request cost), or `undefined` when `init`
 * holds anything whose Fetch handling is not mirrored here exactly (streams, forms, blobs,
 * compressed bodies, unusual paths, a body on GET): the caller then takes the Fetch path.
 *
 * @example
 * directRequest('/sessions?from=0', { method: 'post', body: '{}' }, 'localhost:8998')
 * // { method: 'POST', path: '/sessions', query: 'from=0', body: Uint8Array[2], … }
 */
export function directRequest(
  target: string,
  init: RequestInit | undefined,
  host: string,
): EdgeRequest | undefined {
  if (!PLAIN_TARGET.test(target) || DOT_SEGMENT.test(target) || BAD_ESCAPE.test(target))
    return undefined
  const raw = init?.method ?? 'GET'
  const method = STANDARD_METHODS.has(raw.toUpperCase()) ? raw.toUpperCase() : raw
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(method) || method === 'CONNECT') return undefined
  const body = init?.body
  let bytes: Uint8Array | null
  if (body === undefined || body === null) bytes = null
  else if (typeof body === 'string') bytes = utf8.encode(body)
  else if (body instanceof Uint8Array) bytes = new Uint8Array(body)
  else return undefined
  // Fetch refuses a body on GET and HEAD (a TypeError): let it say so.
  if (bytes !== null && (method === 'GET' || method === 'HEAD')) return undefined
  let headers: Headers
  try {
    headers = new Headers(init?.headers)
  } catch {
    return undefined
  }
  if (headers.has('content-encoding')) return undefined
  for (const [name] of headers) if (FORBIDDEN_HEADER.test(name)) return undefined
  // What Fetch adds for a string body without a type of its own.
  if (typeof body === 'string' && !headers.has('content-type'))
    headers.set('content-type', 'text/plain;charset=UTF-8')
  const q = target.indexOf('?')
  return {
    method,
    path: q >= 0 ? target.slice(0, q) : target,
    query: q >= 0 ? target.slice(q + 1) : '',
    header: (name) => headers.get(name) ?? (name.toLowerCase() === 'host' ? host : undefined),
    headerList: () => [...headers],
    body: bytes,
  }
}
