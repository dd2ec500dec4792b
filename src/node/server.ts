import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliDecompressSync, deflateSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib'
import {
  createEmulatorCore,
  type EmulatorCore,
  type LivyEmulatorOptions,
} from '../emulator/create-emulator-core.ts'
import { jettyErrorPage } from '../emulator/http/jetty-error-page.ts'
import { isPromise } from '../emulator/http/maybe-async.ts'
import type { EdgeRequest, EdgeResponse } from '../emulator/http/types.ts'
import { createFileStateStorage } from './state-file-storage.ts'

/** Options of {@link startLivyServer}. */
export interface LivyServerOptions extends LivyEmulatorOptions {
  /** Port to listen on (default 8998; 0 picks a free one). */
  readonly port?: number
  /** Address to bind (default 127.0.0.1). */
  readonly host?: string
  /**
   * Largest request body accepted, in bytes (default `livy.file.upload.max.size`, 100 MiB,
   * the limit Livy's Jetty puts on its servlets). Larger bodies get a 413.
   */
  readonly bodyLimit?: number
  /** Origins allowed to call the server from a browser (`['*']` for any). */
  readonly cors?: readonly string[]
  /** Use an existing emulator instead of creating one. */
  readonly emulator?: EmulatorCore
  /**
   * A file that keeps the state across restarts: every change is written (and fsynced) before
   * it is answered, and starting on an existing file replays it (see `createFileStateStorage`).
   */
  readonly stateFile?: string
}

/** A running emulator server. */
export interface LivyServer {
  readonly url: string
  readonly port: number
  readonly emulator: EmulatorCore
  readonly server: Server
  /** Stops accepting, lets in-flight requests finish, then closes idle connections. */
  close(): Promise<void>
}

const EMPTY = new Uint8Array(0)

function edgeRequestOf(req: IncomingMessage, body: Uint8Array | null): EdgeRequest {
  const url = req.url ?? '/'
  const q = url.indexOf('?')
  return {
    method: req.method ?? 'GET',
    path: q >= 0 ? url.slice(0, q) : url,
    query: q >= 0 ? url.slice(q + 1) : '',
    header: (name) => {
      const value = req.headers[name]
      return Array.isArray(value) ? value.join(', ') : value
    },
    body,
  }
}

/** Livy decompresses `gzip`/`deflate` request bodies and ignores any other Content-Encoding. */
function decodeBody(raw: Uint8Array, encoding: string | undefined): Uint8Array {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
      return gunzipSync(raw)
    case 'deflate':
      return inflateSync(raw)
    case 'br':
      return brotliDecompressSync(raw)
    default:
      return raw
  }
}

/** Picks the response coding from `Accept-Encoding` (Livy's servlets offer gzip and deflate). */
function chooseEncoding(accept: string | undefined): 'gzip' | 'deflate' | null {
  if (!accept) return null
  let best: 'gzip' | 'deflate' | null = null
  let bestQ = 0
  for (const part of accept.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1)
    if ((name === 'gzip' || name === 'deflate' || name === '*') && q > bestQ) {
      best = name === 'deflate' ? 'deflate' : 'gzip'
      bestQ = q
    }
  }
  return best
}

/**
 * Starts Livy's REST API on `node:http`, on the same route table and backend as the msw
 * handlers. Requests are read into plain values and answered from plain values: no Fetch
 * `Request`/`Response` objects on the way, which is most of what makes msw-over-HTTP slow.
 *
 * @example
 * const { url, close } = await startLivyServer({ port: 0, timing: 'fast', clock: 'system' })
 * await fetch(`${url}/sessions`) // {"from":0,"total":0,"sessions":[]}
 * await close()
 */
export async function startLivyServer(options: LivyServerOptions = {}): Promise<LivyServer> {
  const port = options.port ?? 8998
  const host = options.host ?? '127.0.0.1'
  if (options.emulator && options.stateFile !== undefined) {
    throw new TypeError(
      'stateFile is for the emulator startLivyServer creates; give yours a stateStorage',
    )
  }
  const emulator =
    options.emulator ??
    createEmulatorCore({
      clock: 'system',
      timing: 'fast',
      ...options,
      ...(options.stateFile === undefined
        ? {}
        : { stateStorage: createFileStateStorage(options.stateFile) }),
    })
  const owned = options.emulator === undefined
  try {
    // A replayed state must be complete before the first client sees it.
    await emulator.ready
  } catch (e) {
    if (owned) emulator.stateFile?.close()
    throw e
  }
  const limit = options.bodyLimit ?? emulator.model.config.uploadMaxSize
  const cors = options.cors ?? []

  const corsHeaders = (req: IncomingMessage): [string, string][] => {
    const origin = req.headers.origin
    if (!origin || cors.length === 0) return []
    if (!cors.includes('*') && !cors.includes(origin)) return []
    return [
      ['Access-Control-Allow-Origin', cors.includes('*') ? '*' : origin],
      ['Access-Control-Expose-Headers', 'Location, Allow, Retry-After'],
      ['Vary', 'Origin'],
    ]
  }

  const send = (req: IncomingMessage, res: ServerResponse, response: EdgeResponse): void => {
    const headers: [string, string][] = [
      ...(response.headers as [string, string][]),
      ...corsHeaders(req),
    ]
    let body: Uint8Array | string | null = response.body
    if (body !== null && body.length > 0 && req.method !== 'HEAD') {
      const encoding = chooseEncoding(req.headers['accept-encoding'])
      if (encoding) {
        body = encoding === 'gzip' ? gzipSync(body) : deflateSync(body)
        headers.push(['Content-Encoding', encoding])
      }
    }
    const noBody = req.method === 'HEAD' || response.status === 204 || response.status === 304
    const length =
      body === null ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength
    // Jetty streams compressed bodies (no Content-Length) and sends none on a 204.
    const compressed = headers.some(([name]) => name === 'Content-Encoding')
    if (response.status !== 204 && response.status !== 304 && !compressed) {
      headers.push(['Content-Length', String(length)])
    }
    res.writeHead(response.status, headers.flat())
    res.end(noBody ? undefined : (body ?? undefined))
  }

  const fail = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    message: string,
  ): void => {
    const model = emulator.model
    const url = req.url ?? '/'
    const page = jettyErrorPage(
      model.config,
      {
        method: req.method ?? 'GET',
        path: url.split('?')[0] as string,
        header: (name) => {
          const v = req.headers[name.toLowerCase()]
          return Array.isArray(v) ? v.join(', ') : v
        },
      },
      status,
      message,
      [],
      { date: model.context.now() },
    )
    send(req, res, { ...page, headers: [...page.headers, ['Connection', 'close']] })
  }

  const serve = (req: IncomingMessage, res: ServerResponse, body: Uint8Array | null): void => {
    let decoded = body
    try {
      if (body && body.length > 0) decoded = decodeBody(body, req.headers['content-encoding'])
    } catch {
      // Jetty's GzipHandler answers a corrupt compressed body like any bad request.
      fail(req, res, 400, 'Bad request body: invalid compressed data')
      return
    }
    let result: ReturnType<EmulatorCore['handle']>
    try {
      result = emulator.handle(edgeRequestOf(req, decoded))
    } catch (e) {
      console.error('livy-emulator: request failed', e)
      fail(req, res, 500, 'Server Error')
      return
    }
    if (isPromise(result)) {
      result.then(
        (response) => send(req, res, response),
        (e: unknown) => {
          console.error('livy-emulator: request failed', e)
          fail(req, res, 500, 'Server Error')
        },
      )
    } else send(req, res, result)
  }

  const server = createServer({ keepAlive: true, requestTimeout: 120_000 }, (req, res) => {
    res.sendDate = false
    if (
      req.method === 'OPTIONS' &&
      req.headers.origin &&
      req.headers['access-control-request-method']
    ) {
      const allowed = corsHeaders(req)
      const headers: [string, string][] = [...allowed, ['Content-Length', '0']]
      if (allowed.length > 0) {
        headers.push(
          ['Access-Control-Allow-Methods', 'GET, POST, DELETE, PUT, HEAD, OPTIONS'],
          [
            'Access-Control-Allow-Headers',
            req.headers['access-control-request-headers'] ?? 'Content-Type',
          ],
          ['Access-Control-Max-Age', '600'],
        )
      }
      res.writeHead(allowed.length > 0 ? 204 : 403, headers.flat())
      res.end()
      return
    }
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit) {
      fail(req, res, 413, `Request body of ${declared} bytes exceeds the limit of ${limit} bytes`)
      req.resume()
      return
    }
    if (
      req.headers['content-length'] === undefined &&
      req.headers['transfer-encoding'] === undefined
    ) {
      serve(req, res, null)
      req.resume()
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let rejected = false
    req.on('data', (chunk: Buffer) => {
      if (rejected) return
      size += chunk.length
      if (size > limit) {
        rejected = true
        fail(req, res, 413, `Request body exceeds the limit of ${limit} bytes`)
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (rejected) return
      serve(
        req,
        res,
        size === 0
          ? EMPTY
          : chunks.length === 1
            ? (chunks[0] as Buffer)
            : Buffer.concat(chunks, size),
      )
    })
  })

  await new Promise<void>((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off('listening', onListening)
      reject(
        e.code === 'EADDRINUSE'
          ? Object.assign(
              new Error(
                `port ${port} on ${host} is already in use (another Livy or emulator?); pick another with --port`,
              ),
              { code: 'EADDRINUSE' },
            )
          : e,
      )
    }
    const onListening = () => {
      server.off('error', onError)
      resolve()
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(port, host)
  }).catch((e: unknown) => {
    if (owned) emulator.stateFile?.close()
    throw e
  })

  const address = server.address() as AddressInfo
  const shownHost = host.includes(':') ? `[${host}]` : host
  const url = `http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${address.port}`
  let closing: Promise<void> | undefined
  return {
    url,
    port: address.port,
    emulator,
    server,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((e) => {
          // Every answered request is on disk already; closing only releases the descriptor.
          if (owned) emulator.stateFile?.close()
          if (e) reject(e)
          else resolve()
        })
        server.closeIdleConnections()
        // Connections that stay busy are cut after a grace period.
        const timer = setTimeout(() => server.closeAllConnections(), 5_000)
        timer.unref()
      })
      return closing
    },
  }
}
