/** A request the recording proxy sends to the real Livy. */
export interface UpstreamRequest {
  readonly method: string
  /** Absolute URL (origin, the upstream's path and prefix, Livy's path, query). */
  readonly url: string
  readonly headers: ReadonlyArray<readonly [string, string]>
  readonly body: Uint8Array | null
}

/** The real Livy's answer, its body decoded (no `Content-Encoding` left). */
export interface UpstreamResponse {
  readonly status: number
  readonly headers: ReadonlyArray<readonly [string, string]>
  readonly body: string
}

/**
 * Sends one request upstream. Rejects with an `Error` whose message says what went wrong
 * (refused, timed out, answer too large); never follows redirects.
 */
export type UpstreamTransport = (request: UpstreamRequest) => Promise<UpstreamResponse>

/** Limits every transport enforces on the upstream (a hostile one must not stall or flood us). */
export interface UpstreamLimits {
  /** Per request, from sending to the last byte of the answer (default 120 000: Livy can block while a driver starts). */
  readonly timeoutMs?: number
  /** Largest answer accepted, in bytes (default 100 MiB). */
  readonly maxBytes?: number
}

export const DEFAULT_UPSTREAM_TIMEOUT_MS = 120_000
export const DEFAULT_UPSTREAM_MAX_BYTES = 100 * 1024 * 1024

/**
 * The Fetch API as a transport (browsers, or Node when TLS needs no exceptions). `insecure`
 * TLS needs `livy-emulator/node`'s transport.
 *
 * @example
 * const transport = fetchTransport({ timeoutMs: 30_000 })
 * await transport({ method: 'GET', url: 'https://livy.example/sessions', headers: [], body: null })
 */
export function fetchTransport(limits: UpstreamLimits = {}): UpstreamTransport {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS
  const maxBytes = limits.maxBytes ?? DEFAULT_UPSTREAM_MAX_BYTES
  return async (request) => {
    const signal = AbortSignal.timeout(timeoutMs)
    let res: Response
    try {
      res = await fetch(request.url, {
        method: request.method,
        headers: request.headers.map(([k, v]) => [k, v] as [string, string]),
        ...(request.body === null ? {} : { body: request.body as BodyInit }),
        redirect: 'manual',
        signal,
      })
    } catch (e) {
      throw new Error(signal.aborted ? `no answer within ${timeoutMs} ms` : describeFetchError(e))
    }
    const chunks: Uint8Array[] = []
    let size = 0
    const reader = res.body?.getReader()
    try {
      for (;;) {
        if (!reader) break
        const { done, value } = await reader.read()
        if (done) break
        size += value.byteLength
        if (size > maxBytes) {
          await reader.cancel()
          throw new Error(`its answer is larger than ${maxBytes} bytes`)
        }
        chunks.push(value)
      }
    } catch (e) {
      throw new Error(signal.aborted ? `no answer within ${timeoutMs} ms` : (e as Error).message)
    }
    const bytes = new Uint8Array(size)
    let at = 0
    for (const c of chunks) {
      bytes.set(c, at)
      at += c.byteLength
    }
    // Fetch has already undone any Content-Encoding.
    const headers = [...res.headers].filter(
      ([k]) => k !== 'content-encoding' && k !== 'content-length',
    )
    return { status: res.status, headers, body: new TextDecoder().decode(bytes) }
  }
}

function describeFetchError(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause
  return cause?.code ?? cause?.message ?? (e as Error).message
}
