import { headerValue, isHeaderName } from './header-value.ts'
import type { EdgeRequest, EdgeResponse, EdgeStream } from './types.ts'
import { utf8Length } from './utf8.ts'

async function decodedBody(request: Request): Promise<Uint8Array | null> {
  if (request.body === null) return null
  const encoding = request.headers.get('content-encoding')?.toLowerCase()
  if (encoding === 'gzip' || encoding === 'deflate') {
    const stream = request.body.pipeThrough(new DecompressionStream(encoding))
    return new Uint8Array(await new Response(stream).arrayBuffer())
  }
  return new Uint8Array(await request.arrayBuffer())
}

/** Builds an {@link EdgeRequest} from a Fetch `Request` under `basePath`. */
export async function fromFetchRequest(request: Request, basePath: string): Promise<EdgeRequest> {
  const url = new URL(request.url)
  const path = url.pathname.slice(basePath.length) || '/'
  return {
    method: request.method,
    path,
    query: url.search.startsWith('?') ? url.search.slice(1) : url.search,
    // fetch never sends Host; the URL's authority is what the server would have seen.
    header: (name) =>
      request.headers.get(name) ?? (name.toLowerCase() === 'host' ? url.host : undefined),
    headerList: () => [...request.headers],
    body: await decodedBody(request),
  }
}

/** A streamed body as a `ReadableStream`: cancelling it (the client went away) stops it. */
function streamBody(stream: EdgeStream): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let stop: (() => void) | undefined
  let closed = false
  return new ReadableStream<Uint8Array>({
    start(controller) {
      stop = stream.open(
        (chunk) => {
          if (!closed) controller.enqueue(encoder.encode(chunk))
        },
        () => {
          if (closed) return
          closed = true
          stop?.()
          controller.close()
        },
      )
    },
    cancel() {
      closed = true
      stop?.()
    },
  })
}

/** Turns an {@link EdgeResponse} into a Fetch `Response`. */
export function toFetchResponse(response: EdgeResponse, method = 'GET'): Response {
  // Pairs, not a Headers object: the Response builds its own from them (one copy, not two).
  const headers: [string, string][] = []
  let hasLength = false
  for (const [name, value] of response.headers) {
    if (!isHeaderName(name)) continue
    headers.push([name, headerValue(value)])
    if (name.length === 14 && name.toLowerCase() === 'content-length') hasLength = true
  }
  if (response.stream && method !== 'HEAD')
    return new Response(streamBody(response.stream), { status: response.status, headers })
  const noBody = response.status === 204 || response.status === 304 || method === 'HEAD'
  // Jetty sends Content-Length on every uncompressed answer but 204 (HEAD: the GET length).
  if (response.status !== 204 && response.status !== 304 && !hasLength) {
    headers.push(['Content-Length', String(utf8Length(response.body ?? ''))])
  }
  // A null body stays null: a string body would make Fetch add `text/plain;charset=UTF-8`.
  return new Response(noBody ? null : response.body, { status: response.status, headers })
}
