import type { ReadAhead } from './jackson.ts'
/**
 * A transport-neutral request: the msw adapter builds it from a Fetch `Request`, the Node
 * adapter straight from `IncomingMessage` (no Fetch objects on that hot path).
 */
export interface EdgeRequest {
  readonly method: string
  /** Path as sent (still percent-encoded), without query string. */
  readonly path: string
  /** Raw query string without `?` ('' when absent). */
  readonly query: string
  /** Header lookup by lower-case name. */
  header(name: string): string | undefined
  /**
   * Every header as sent (lower-case names), for what forwards a request as a whole (the
   * recording proxy). Optional: hand-built requests may only answer {@link EdgeRequest.header}.
   */
  headerList?(): Array<readonly [string, string]>
  /** Request body bytes (null when there is none). */
  readonly body: Uint8Array | null
  /**
   * The body as UTF-8 text, when an adapter decoded it already (the Node server does so for
   * large bodies between two turns of its event loop, outside the serial section).
   */
  readonly text?: string
  /** `text` read as JSON before the serial section (large bodies), for the bean readers. */
  readonly ahead?: ReadAhead
  /** Who sent it, once an authentication filter accepted it (absent: anonymous). */
  readonly user?: string | null
  /**
   * Opaque facts a vendor profile attaches to a create request (e.g. Fabric `tags`, the
   * lakehouse in the path); the new session or batch keeps them for the profile to show.
   */
  readonly annotations?: Readonly<Record<string, unknown>>
}

/**
 * A body that goes on after the headers (server-sent events): the adapter calls `open` once
 * the headers are out, sends every chunk `write` gets, and calls what `open` returned when
 * the client goes away. Never gzipped (each chunk must reach the client as it is written).
 *
 * @example
 * const stream: EdgeStream = { open: (write) => { write(': hi\n\n'); return () => {} } }
 */
export interface EdgeStream {
  open(write: (chunk: string) => void, end: () => void): () => void
}

/** What the edge answers; the adapters write it out (and may gzip it). */
export interface EdgeResponse {
  readonly status: number
  readonly headers: ReadonlyArray<readonly [string, string]>
  readonly body: string | null
  /** Instead of `body` (which is then null): a body written as things happen. */
  readonly stream?: EdgeStream
}

/** Creates an {@link EdgeRequest} from plain values (tests, control API, adapters). */
export function edgeRequest(init: {
  method: string
  url: string
  headers?: Readonly<Record<string, string>>
  body?: string | Uint8Array | null
}): EdgeRequest {
  const q = init.url.indexOf('?')
  const headers = new Map<string, string>()
  for (const [k, v] of Object.entries(init.headers ?? {})) headers.set(k.toLowerCase(), v)
  const body =
    typeof init.body === 'string' ? new TextEncoder().encode(init.body) : (init.body ?? null)
  return {
    method: init.method.toUpperCase(),
    path: q >= 0 ? init.url.slice(0, q) : init.url,
    query: q >= 0 ? init.url.slice(q + 1) : '',
    header: (name) => headers.get(name.toLowerCase()),
    headerList: () => [...headers],
    body,
  }
}
