import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'
import { headersToSend } from '../headers.ts'
import type { Capability } from '../types.ts'
import type { RawResponse, Target } from './target.ts'

/** How to reach a Livy endpoint. */
export interface UrlTargetOptions {
  readonly url: string
  readonly name?: string
  /** `basic:user:pass` or `bearer:TOKEN`. */
  readonly auth?: string
  /** Extra headers on every request (e.g. `X-Requested-By`). */
  readonly headers?: Readonly<Record<string, string>>
  /** A path prefix in front of Livy's routes (e.g. `/livy` behind a gateway). */
  readonly prefix?: string
  /** Accept self-signed TLS certificates. */
  readonly insecure?: boolean
  /** A directory whitelisted on that server for local files, if any. */
  readonly localDir?: string
  /** Capabilities declared by the caller (probed ones are added). */
  readonly capabilities?: readonly Capability[]
  /** Per-request timeout (default 120 s: Livy can block while a driver starts). */
  readonly requestTimeoutMs?: number
}

export function authHeader(auth: string | undefined): Record<string, string> {
  if (!auth) return {}
  const [scheme, ...rest] = auth.split(':')
  if (scheme === 'basic' && rest.length >= 2) {
    return { Authorization: `Basic ${Buffer.from(rest.join(':')).toString('base64')}` }
  }
  if (scheme === 'bearer' && rest.length >= 1) return { Authorization: `Bearer ${rest.join(':')}` }
  throw new Error(`--auth takes basic:user:pass or bearer:TOKEN, got "${auth}"`)
}

function decode(body: Buffer, encoding: string | null): Buffer {
  if (body.length === 0) return body
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(body)
    case 'deflate':
      return inflateSync(body)
    case 'br':
      return brotliDecompressSync(body)
    default:
      return body
  }
}

/**
 * Sends exactly the bytes asked for over node:http(s): bodies decoded as a client reads them (headers untouched), no
 * redirect following, header values as the server wrote them.
 */
export function rawRequest(
  url: URL,
  method: string,
  body: string | undefined,
  headers: Readonly<Record<string, string>>,
  options: { insecure?: boolean; timeoutMs?: number } = {},
): Promise<RawResponse> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    const req = send(
      url,
      {
        method,
        headers: {
          ...headers,
          ...(body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(body)) }),
        },
        rejectUnauthorized: !options.insecure,
        timeout: options.timeoutMs ?? 120_000,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const h = new Headers()
          for (let i = 0; i < res.rawHeaders.length; i += 2)
            h.append(res.rawHeaders[i] as string, res.rawHeaders[i + 1] as string)
          resolve({
            status: res.statusCode ?? 0,
            headers: h,
            // Headers stay as sent (Content-Encoding included); the body is what a client reads.
            text: decode(Buffer.concat(chunks), h.get('content-encoding')).toString('utf8'),
            durationMs: performance.now() - started,
          })
        })
        res.on('error', reject)
      },
    )
    req.on('timeout', () =>
      req.destroy(
        new Error(`${method} ${url.pathname} timed out after ${options.timeoutMs ?? 120_000} ms`),
      ),
    )
    req.on('error', reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}

/**
 * Any Livy endpoint. On setup it asks `GET /__emulator/clock`: a livy-emulator answers, and
 * its control API becomes available to the emulator-only scenarios.
 *
 * @example
 * const target = createUrlTarget({ url: 'https://gw.example/', prefix: '/livy', auth: 'basic:admin:pw' })
 */
export function createUrlTarget(options: UrlTargetOptions): Target {
  const base = new URL(options.url)
  const prefix = (options.prefix ?? '').replace(/\/$/, '')
  const basePath = base.pathname.replace(/\/$/, '') + prefix
  const fixed = { ...authHeader(options.auth), ...(options.headers ?? {}) }
  const capabilities = new Set<Capability>([...(options.capabilities ?? []), 'wire'])
  if (options.localDir) capabilities.add('local-files')
  let kind: 'livy' | 'emulator' = 'livy'
  // The emulator's control API sits at the server's root, whatever a vendor prefix says.
  const rootPath = base.pathname.replace(/\/$/, '')
  const send: Target['send'] = (method, path, body, headers = {}) =>
    rawRequest(
      new URL(`${base.origin}${path.startsWith('/__emulator') ? rootPath : basePath}${path}`),
      method,
      body,
      headersToSend(fixed, headers),
      {
        insecure: options.insecure,
        timeoutMs: options.requestTimeoutMs,
      },
    )
  return {
    name: options.name ?? base.host,
    get kind() {
      return kind
    },
    capabilities,
    description: `${base.origin}${basePath}`,
    localDir: options.localDir ?? '/tmp/livy-files',
    async setup() {
      const probe = await send('GET', '/__emulator/clock').catch(() => undefined)
      if (
        probe?.status === 200 &&
        probe.headers.get('content-type')?.startsWith('application/json')
      ) {
        kind = 'emulator'
        for (const c of ['control', 'virtual-time', 'reset', 'pyspark'] as const)
          capabilities.add(c)
        // A manual clock stands still between requests; the wall clock does not.
        const clock = (() => {
          try {
            return JSON.parse(probe.text) as { kind?: unknown }
          } catch {
            return {}
          }
        })()
        if (clock.kind === 'manual') capabilities.add('frozen-time')
      }
    },
    async teardown() {},
    send,
  }
}
