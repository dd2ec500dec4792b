import type { IncomingMessage } from 'node:http'
import type { Transform } from 'node:stream'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'

/** How much of a request body the server reads. */
export interface BodyLimits {
  /** Bytes on the wire (what `Content-Length` counts). */
  readonly raw: number
  /** Bytes after `Content-Encoding` is undone: a small gzip body can inflate to gigabytes. */
  readonly decoded: number
}

/** A body read in full, or why it was refused (answered with Jetty's error page). */
export type BodyOutcome =
  | { readonly ok: true; readonly body: Uint8Array | null }
  | { readonly ok: false; readonly status: 400 | 413; readonly message: string }

/** Livy decompresses `gzip`/`deflate` request bodies and ignores any other Content-Encoding. */
function decompressor(encoding: string | undefined): Transform | undefined {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
      return createGunzip()
    case 'deflate':
      return createInflate()
    case 'br':
      return createBrotliDecompress()
    default:
      return undefined
  }
}

const EMPTY = new Uint8Array(0)

/**
 * The one place the server reads request bodies. Chunks arrive as the socket delivers them
 * and a compressed body is inflated by a zlib stream (on libuv's thread pool), so a 10 MB body
 * costs the event loop a copy per chunk, never seconds of work between two other requests. Both
 * sizes are capped while reading: past a limit, reading stops and the answer is a 413.
 *
 * `done` is called once, in the turn the body ended (a promise would add a turn per request).
 *
 * @example
 * readBody(req, { raw: 100 << 20, decoded: 100 << 20 }, (outcome) => {
 *   if (!outcome.ok) fail(outcome.status, outcome.message)
 * })
 */
export function readBody(
  req: IncomingMessage,
  limits: BodyLimits,
  done: (outcome: BodyOutcome) => void,
): void {
  if (
    req.headers['content-length'] === undefined &&
    req.headers['transfer-encoding'] === undefined
  ) {
    done({ ok: true, body: null })
    return
  }
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limits.raw) {
    done({
      ok: false,
      status: 413,
      message: `Request body of ${declared} bytes exceeds the limit of ${limits.raw} bytes`,
    })
    return
  }
  const inflate = decompressor(req.headers['content-encoding'])
  const chunks: Buffer[] = []
  let raw = 0
  let decoded = 0
  let settled = false
  const settle = (outcome: BodyOutcome): void => {
    if (settled) return
    settled = true
    if (!outcome.ok) {
      // Stop inflating; the rest of the upload is drained (not kept) so the answer can go out.
      inflate?.destroy()
      req.resume()
    }
    done(outcome)
  }
  const tooLarge = (message: string): void => settle({ ok: false, status: 413, message })
  const collect = (chunk: Buffer): void => {
    if (settled) return
    decoded += chunk.length
    if (decoded > limits.decoded) {
      tooLarge(`Request body exceeds the limit of ${limits.decoded} bytes once decompressed`)
      return
    }
    chunks.push(chunk)
  }
  const ended = (): void =>
    settle({
      ok: true,
      body:
        decoded === 0
          ? EMPTY
          : chunks.length === 1
            ? (chunks[0] as Buffer)
            : Buffer.concat(chunks, decoded),
    })
  req.on('data', (chunk: Buffer) => {
    if (settled) return
    raw += chunk.length
    if (raw > limits.raw) {
      tooLarge(`Request body exceeds the limit of ${limits.raw} bytes`)
      return
    }
    if (inflate) inflate.write(chunk)
    else collect(chunk)
  })
  req.on('end', () => {
    if (settled) return
    // An empty body has nothing to inflate (a gunzip of no bytes would be an error).
    if (inflate && raw > 0) inflate.end()
    else ended()
  })
  req.on('error', () => settle({ ok: false, status: 400, message: 'Bad request body' }))
  if (inflate) {
    inflate.on('data', collect)
    inflate.on('end', ended)
    // Jetty's GzipHandler answers a corrupt compressed body like any bad request.
    inflate.on('error', () =>
      settle({ ok: false, status: 400, message: 'Bad request body: invalid compressed data' }),
    )
  }
}
