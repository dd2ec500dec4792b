import type { EdgeRequest, EdgeResponse } from './types.ts'

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
    header: (name) => request.headers.get(name) ?? undefined,
    body: await decodedBody(request),
  }
}

/** Turns an {@link EdgeResponse} into a Fetch `Response`. */
export function toFetchResponse(response: EdgeResponse): Response {
  const headers = new Headers()
  for (const [name, value] of response.headers) headers.append(name, value)
  const noBody = response.status === 204 || response.status === 304
  return new Response(noBody ? null : (response.body ?? ''), { status: response.status, headers })
}
