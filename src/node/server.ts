import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { promisify } from 'node:util'
import { deflate, deflateSync, gzip, gzipSync } from 'node:zlib'
import { parse as parseYaml } from 'yaml'
import {
  createEmulatorCore,
  type EmulatorCore,
  type LivyEmulatorOptions,
} from '../emulator/create-emulator-core.ts'
import { createHeaderCheck, headerValue } from '../emulator/http/header-value.ts'
import {
  flatten,
  indexControls,
  type ReadAhead,
  readAhead,
  serialiseLarge,
} from '../emulator/http/jackson.ts'
import { jettyErrorPage } from '../emulator/http/jetty-error-page.ts'
import { isPromise } from '../emulator/http/maybe-async.ts'
import type { EdgeRequest, EdgeResponse, EdgeStream } from '../emulator/http/types.ts'
import { decodeUtf8 } from '../emulator/http/utf8.ts'
import { readPreloadFile } from '../emulator/preload/preload-file.ts'
import { createOutbox } from './outbox.ts'
import { readBody } from './read-body.ts'
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
  /**
   * Largest request body accepted once its `Content-Encoding` is undone (default: `bodyLimit`).
   * Larger gets a 413: a decompression bomb is cut off while it inflates.
   */
  readonly decodedBodyLimit?: number
  /** Origins allowed to call the server from a browser (`['*']` for any). */
  readonly cors?: readonly string[]
  /** Use an existing emulator instead of creating one. */
  readonly emulator?: EmulatorCore
  /**
   * A file that keeps the state across restarts: every change is written (and fsynced) before
   * it is answered, and starting on an existing file replays it (see `createFileStateStorage`).
   */
  readonly stateFile?: string
  /**
   * With `stateFile`: damage before its last line keeps the good lines before it (the whole
   * file is copied aside first) instead of refusing to start.
   */
  readonly stateFileRepair?: boolean
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

/** Jetty's `ServerConnector` idle timeout (30 s by default; Livy does not change it). */
const KEEP_ALIVE_MS = 30_000

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
    headerList: () => {
      const list: [string, string][] = []
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        list.push([(req.rawHeaders[i] as string).toLowerCase(), req.rawHeaders[i + 1] as string])
      return list
    },
    body,
  }
}

/** How far a streamed body may run ahead of its client before the connection is cut (1 MiB). */
const STREAM_BACKLOG = 1 << 20

/** Answers at least this long (16 KiB) keep their UTF-8 bytes while the next one is equal. */
const ENCODE_ONCE = 1 << 14

/** Bodies above this are decoded in a turn of the event loop of their own (1 MiB). */
const LARGE_BODY = 1 << 20

/** Lets the event loop serve what is waiting (I/O first) before going on. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * A large answer as bytes: encoded a megabyte per turn of the event loop (10 MB at once holds
 * the thread for tens of milliseconds, and every other client waits), then compressed on
 * zlib's thread pool when the client asked for it. Pieces never split a surrogate pair.
 */
async function encodeLarge(text: string, encoding: 'gzip' | 'deflate' | null): Promise<Buffer> {
  const pieces: Buffer[] = []
  // An answer built by concatenation is a rope: its first slice would copy all of it flat
  // (10 MB: ~10 ms) in the same turn as the first megabyte's encoding. One turn of its own.
  await nextTurn()
  flatten(text)
  for (let start = 0; start < text.length; ) {
    await nextTurn()
    let end = Math.min(start + LARGE_BODY, text.length)
    const last = text.charCodeAt(end - 1)
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--
    pieces.push(Buffer.from(text.slice(start, end)))
    start = end
  }
  const bytes = Buffer.concat(pieces)
  if (encoding === null) return bytes
  return promisify(encoding === 'gzip' ? gzip : deflate)(bytes)
}

const isMultipart = (req: IncomingMessage): boolean =>
  (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/')

/** Whether `host` only accepts connections from this machine. */
function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase()
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h)
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
  const storage =
    options.stateFile === undefined || options.emulator
      ? undefined
      : createFileStateStorage(options.stateFile, { repair: options.stateFileRepair ?? false })
  let emulator: EmulatorCore
  try {
    emulator =
      options.emulator ??
      createEmulatorCore({
        clock: 'system',
        timing: 'fast',
        ...options,
        // Pages of the CORS origins may drive the control API too.
        control:
          options.control === false
            ? false
            : {
                ...options.control,
                origins: [...(options.control?.origins ?? []), ...(options.cors ?? [])],
              },
        ...(storage ? { stateStorage: storage } : {}),
        // Read here, with YAML imported: the one-file server bundle has no node_modules to
        // find the YAML parser in at run time.
        ...(typeof options.preload === 'string'
          ? {
              preload: readPreloadFile(options.preload, (text) =>
                parseYaml(text, { prettyErrors: true }),
              ),
            }
          : {}),
      })
  } catch (e) {
    // A state file refused while opening: let go of its lock.
    storage?.close()
    throw e
  }
  const owned = options.emulator === undefined
  try {
    // A replayed state must be complete before the first client sees it.
    await emulator.ready
  } catch (e) {
    if (owned) emulator.stateFile?.close()
    throw e
  }
  const limit = options.bodyLimit ?? emulator.model.config.uploadMaxSize
  const decodedLimit = options.decodedBodyLimit ?? limit
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

  /** Streams still open (server-sent events), ended by `close()`: they never end by themselves. */
  const streams = new Set<ServerResponse>()
  const sendStream = (
    req: IncomingMessage,
    res: ServerResponse,
    headers: string[],
    response: EdgeResponse & { stream: EdgeStream },
  ): void => {
    res.writeHead(response.status, headers)
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    res.flushHeaders()
    streams.add(res)
    let stop: (() => void) | undefined
    const finish = () => {
      streams.delete(res)
      stop?.()
      stop = undefined
    }
    res.on('close', finish)
    stop = response.stream.open(
      (chunk) => {
        // A client that stopped reading is let go rather than buffered for without end.
        if (res.writableLength > STREAM_BACKLOG) res.destroy()
        else if (!res.writableEnded) res.write(chunk)
      },
      () => res.end(),
    )
    if (res.destroyed) finish()
  }

  // The edge answers a page nobody changed with the very string it answered before (a list
  // polled by many clients): its UTF-8 bytes are kept for the next time, as long as it lasts.
  let lastText: string | null = null
  let lastBytes: Buffer | null = null
  const encodedOnce = (body: string | null): string | Uint8Array | null => {
    if (body === null || body.length < ENCODE_ONCE || body.length > LARGE_BODY) return body
    // Usually the same string (one pointer comparison); an equal copy still matches.
    if (body !== lastText) {
      lastText = body
      lastBytes = Buffer.from(body)
    }
    return lastBytes
  }

  const checkHeader = createHeaderCheck()
  const outbox = createOutbox()

  /** Writes `response`; `prepared`: its body already encoded (and compressed) by {@link encodeLarge}. */
  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    response: EdgeResponse,
    prepared?: { readonly bytes: Uint8Array; readonly encoding: 'gzip' | 'deflate' | null },
  ): void => {
    // Name, value, name, value…: what `writeHead` takes without another copy.
    const flat: string[] = []
    let compressed = false
    // Values a user chose (a name in Set-Cookie, a fault's header) go out as Jetty writes them.
    for (const [name, value] of response.headers) {
      const safe = checkHeader(name, value)
      if (safe === undefined) continue
      if (name === 'Content-Encoding') compressed = true
      flat.push(name, safe)
    }
    if (cors.length > 0) {
      for (const [name, value] of corsHeaders(req)) flat.push(name, headerValue(value))
    }
    if (response.stream) {
      sendStream(req, res, flat, { ...response, stream: response.stream })
      return
    }
    let body: Uint8Array | string | null = prepared ? prepared.bytes : encodedOnce(response.body)
    if (prepared?.encoding) {
      flat.push('Content-Encoding', prepared.encoding)
      compressed = true
    } else if (!prepared && body !== null && body.length > 0 && req.method !== 'HEAD') {
      const encoding = chooseEncoding(req.headers['accept-encoding'])
      if (encoding) {
        body = encoding === 'gzip' ? gzipSync(body) : deflateSync(body)
        flat.push('Content-Encoding', encoding)
        compressed = true
      }
    }
    const noBody = req.method === 'HEAD' || response.status === 204 || response.status === 304
    const length =
      body === null ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength
    // Jetty streams compressed bodies (no Content-Length) and sends none on a 204.
    if (response.status !== 204 && response.status !== 304 && !compressed) {
      flat.push('Content-Length', String(length))
    }
    res.writeHead(response.status, flat)
    outbox.end(res, noBody ? undefined : (body ?? undefined))
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

  const serve = (
    req: IncomingMessage,
    res: ServerResponse,
    body: Uint8Array | null,
    text?: string,
    ahead?: ReadAhead,
  ): void => {
    const request = edgeRequestOf(req, body)
    const result = emulator.handle(
      text === undefined ? request : { ...request, text, ...(ahead ? { ahead } : {}) },
    )
    if (isPromise(result))
      result.then(
        (response) => deliver(req, res, response),
        (e: unknown) => failed(req, res, e),
      )
    else deliver(req, res, result)
  }

  /** Writes the answer; a large one (encoding 10 MB takes a while) in a turn of its own. */
  const deliver = (req: IncomingMessage, res: ServerResponse, response: EdgeResponse): void => {
    if (response.body !== null && response.body.length > LARGE_BODY) {
      const encoding = req.method === 'HEAD' ? null : chooseEncoding(req.headers['accept-encoding'])
      encodeLarge(response.body, encoding).then(
        (bytes) => guarded(req, res, () => send(req, res, response, { bytes, encoding })),
        (e: unknown) => failed(req, res, e),
      )
    } else guarded(req, res, () => send(req, res, response))
  }

  /**
   * The one place where an error becomes a response: whatever a handler, a filter or writing
   * the answer throws, the client gets Jetty's 500 page and the error goes to stderr. No
   * request can end the process.
   */
  const failed = (req: IncomingMessage, res: ServerResponse, e: unknown): void => {
    console.error('livy-emulator: request failed', req.method, req.url, e)
    if (res.headersSent) {
      res.destroy()
      return
    }
    try {
      fail(req, res, 500, 'Server Error')
    } catch (again) {
      console.error('livy-emulator: cannot answer the failed request', again)
      res.destroy()
    }
  }
  const guarded = (req: IncomingMessage, res: ServerResponse, run: () => unknown): void => {
    try {
      const value = run()
      if (isPromise(value)) value.catch((e: unknown) => failed(req, res, e))
    } catch (e) {
      failed(req, res, e)
    }
  }

  /**
   * Per connection, the requests read while the one ahead of them was still reading its
   * body: they start, in order, once it has been handed to the emulator. Node emits a
   * pipelined request as soon as it has parsed it, before the body ahead of it has finished
   * arriving; Jetty serves a connection's requests one after the other.
   */
  const behindBody = new WeakMap<Socket, (() => void)[]>()
  const bodyHandedOn = (socket: Socket): void => {
    const waiting = behindBody.get(socket)
    if (waiting === undefined) return
    behindBody.delete(socket)
    for (let i = 0; i < waiting.length; i++) {
      // A request that starts reading a body of its own holds back the rest again.
      const again = behindBody.get(socket)
      if (again !== undefined) {
        again.push(...waiting.slice(i))
        return
      }
      ;(waiting[i] as () => void)()
    }
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const waiting = behindBody.get(req.socket)
    if (waiting !== undefined) {
      waiting.push(() => guarded(req, res, () => onRequest(req, res)))
      return
    }
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
    // readBody answers a request without a body (most GETs) at once: served in this turn.
    readAndServe(req, res)
  }

  const readAndServe = (req: IncomingMessage, res: ServerResponse): void => {
    const socket = req.socket
    let read = false
    readBody(req, { raw: limit, decoded: decodedLimit }, (outcome) => {
      read = true
      let large = false
      guarded(req, res, () => {
        if (!outcome.ok) {
          fail(req, res, outcome.status, outcome.message)
          return
        }
        const body = outcome.body
        // Most bodies are small: served in the turn they ended, without a promise in between.
        if (body && body.length > LARGE_BODY && !isMultipart(req)) {
          large = true
          return serveLarge(req, res, body).finally(() => bodyHandedOn(socket))
        }
        serve(req, res, body)
      })
      if (!large) bodyHandedOn(socket)
    })
    // No body (most GETs): answered already. A body still coming in holds back what follows.
    if (!read) behindBody.set(socket, [])
  }

  /**
   * A large body is decoded in turns of its own, before the serial section: clients waiting on
   * the event loop are served in between.
   */
  const serveLarge = async (
    req: IncomingMessage,
    res: ServerResponse,
    body: Uint8Array,
  ): Promise<void> => {
    let text: string | undefined
    let ahead: ReadAhead | undefined
    await nextTurn()
    const decoded = decodeUtf8(body)
    if (typeof decoded === 'string') text = decoded
    await nextTurn()
    // Read as JSON here too (the bean it binds to is known later, inside the section).
    if (text !== undefined) ahead = readAhead(text, await indexControls(text, nextTurn))
    await nextTurn()
    if (ahead !== undefined) await serialiseLarge(ahead, nextTurn)
    serve(req, res, body, text, ahead)
  }

  const server = createServer({ keepAlive: true, requestTimeout: 120_000 }, (req, res) =>
    guarded(req, res, () => onRequest(req, res)),
  )
  // Jetty keeps an idle connection 30 s; Node's 5 s default resets pooled clients' sockets.
  server.keepAliveTimeout = KEEP_ALIVE_MS

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

  if (!isLoopback(host)) {
    const { auth, control } = emulator.protection
    if (!auth || control === 'open') {
      process.stderr.write(
        `livy-emulator: warning: listening on ${host} (reachable from other machines) ${auth ? 'with an open control API' : 'without authentication'}: anyone who can reach the port can ${auth ? '' : 'create and delete sessions, run statements, '}reset the emulator, rewrite its outcome rules and faults, and read its journal and state. Protect it with --user or --token${control === 'open' ? ' and --control-token (or --no-control)' : ''}, or bind 127.0.0.1. See SECURITY.md.\n`,
      )
    }
  }

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
        for (const res of streams) res.end()
        // Connections that stay busy are cut after a grace period.
        const timer = setTimeout(() => server.closeAllConnections(), 5_000)
        timer.unref()
      })
      return closing
    },
  }
}
