import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'
import {
  DEFAULT_UPSTREAM_MAX_BYTES,
  DEFAULT_UPSTREAM_TIMEOUT_MS,
  type UpstreamLimits,
  type UpstreamTransport,
} from '../emulator/recording/upstream.ts'

/** Options of {@link nodeUpstreamTransport}. */
export interface NodeUpstreamOptions extends UpstreamLimits {
  /** Accept any TLS certificate (a staging Livy with a self-signed one). */
  readonly insecure?: boolean
}

function decode(body: Buffer, encoding: string | undefined, maxBytes: number): Buffer {
  if (body.length === 0) return body
  const limits = { maxOutputLength: maxBytes }
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(body, limits)
    case 'deflate':
      return inflateSync(body, limits)
    case 'br':
      return brotliDecompressSync(body, limits)
    default:
      return body
  }
}

/**
 * node:http(s) as the recording proxy's transport: no redirects followed, the answer's body
 * decoded (its `Content-Encoding` undone, and dropped from the headers), a time limit on the
 * whole exchange and a size limit on the answer (also once decompressed).
 *
 * @example
 * const transport = nodeUpstreamTransport({ insecure: true, timeoutMs: 60_000 })
 * await transport({ method: 'GET', url: 'https://livy.staging/sessions', headers: [], body: null })
 */
export function nodeUpstreamTransport(options: NodeUpstreamOptions = {}): UpstreamTransport {
  const timeoutMs = options.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS
  const maxBytes = options.maxBytes ?? DEFAULT_UPSTREAM_MAX_BYTES
  return (request) =>
    new Promise((resolve, reject) => {
      const url = new URL(request.url)
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest
      const headers: Record<string, string | string[]> = {}
      for (const [k, v] of request.headers) {
        const prior = headers[k]
        headers[k] = prior === undefined ? v : [...(Array.isArray(prior) ? prior : [prior]), v]
      }
      if (request.body !== null) headers['Content-Length'] = String(request.body.byteLength)
      let settled = false
      const fail = (message: string) => {
        if (settled) return
        settled = true
        req.destroy()
        reject(new Error(message))
      }
      const timer = setTimeout(() => fail(`no answer within ${timeoutMs} ms`), timeoutMs)
      timer.unref?.()
      const req = send(
        url,
        {
          method: request.method,
          headers,
          rejectUnauthorized: !options.insecure,
        },
        (res) => {
          const chunks: Buffer[] = []
          let size = 0
          res.on('data', (c: Buffer) => {
            size += c.length
            if (size > maxBytes) fail(`its answer is larger than ${maxBytes} bytes`)
            else chunks.push(c)
          })
          res.on('error', (e) => fail(e.message))
          res.on('end', () => {
            if (settled) return
            clearTimeout(timer)
            const list: [string, string][] = []
            let encoding: string | undefined
            for (let i = 0; i < res.rawHeaders.length; i += 2) {
              const name = res.rawHeaders[i] as string
              const value = res.rawHeaders[i + 1] as string
              if (name.toLowerCase() === 'content-encoding') encoding = value
              else if (name.toLowerCase() !== 'content-length') list.push([name, value])
            }
            let body: Buffer
            try {
              body = decode(Buffer.concat(chunks), encoding, maxBytes)
            } catch (e) {
              fail(`its ${encoding} answer cannot be decoded: ${(e as Error).message}`)
              return
            }
            settled = true
            resolve({ status: res.statusCode ?? 502, headers: list, body: body.toString('utf8') })
          })
        },
      )
      req.on('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer)
        fail(e.code ? `${e.code} (${e.message})` : e.message)
      })
      if (request.body !== null) req.write(request.body)
      req.end()
    })
}
