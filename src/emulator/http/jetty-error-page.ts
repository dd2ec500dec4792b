import type { LivyConfig } from '../model/config.ts'
import { httpDate } from './responses.ts'
import type { EdgeRequest, EdgeResponse } from './types.ts'

/** The servlet Jetty names in its error pages for a request path (Livy's mounts). */
export function servletClassFor(path: string): string {
  if (path === '/sessions' || path.startsWith('/sessions/'))
    return 'org.apache.livy.server.interactive.InteractiveSessionServlet'
  if (path === '/batches' || path.startsWith('/batches/'))
    return 'org.apache.livy.server.batch.BatchSessionServlet'
  if (path === '/version' || path.startsWith('/version/'))
    return 'org.apache.livy.server.LivyServer$$anon$1'
  return 'org.apache.livy.server.LivyServer$$anon$2'
}

const escapeHtml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

const jsonString = (s: string): string => JSON.stringify(s)

type Variant = 'html' | 'json' | 'text/json' | 'plain'

/** Jetty's `ErrorHandler` picks the first acceptable type of `Accept` (none means HTML). */
function variantFor(accept: string | undefined): Variant {
  if (!accept || accept.trim() === '') return 'html'
  const types = accept
    .split(',')
    .map((part) => {
      const [type = '', ...params] = part.trim().toLowerCase().split(';')
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1)
      return { type: type.trim(), q }
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q)
  for (const { type } of types) {
    if (type === 'text/html' || type === 'text/*' || type === '*/*') return 'html'
    if (type === 'application/json') return 'json'
    if (type === 'text/json') return 'text/json'
    if (type === 'text/plain') return 'plain'
  }
  return 'html'
}

/**
 * The error page Jetty writes when a servlet *filter* (CSRF, authentication, access) refuses a
 * request: negotiated by `Accept` (HTML, JSON or plain text), `Cache-Control:
 * must-revalidate,no-cache,no-store`, Livy's security headers, and no `Date`. For methods
 * other than GET, POST and HEAD Jetty writes no page at all. Bytes as observed on Livy 0.9.0.
 *
 * @example
 * jettyErrorPage(conf, request, 400, 'Missing Required Header for CSRF protection.')
 */
export function jettyErrorPage(
  config: LivyConfig,
  request: Pick<EdgeRequest, 'method' | 'path' | 'header'>,
  status: number,
  message: string,
  extraHeaders: ReadonlyArray<readonly [string, string]> = [],
  /** `date`: pages Jetty writes outside the filter chain (e.g. a 413) carry a `Date`. */
  options: { readonly date?: number } = {},
): EdgeResponse {
  const security: [string, string][] = [
    ...(options.date === undefined ? [] : [['Date', httpDate(options.date)] as [string, string]]),
    ...(config.securityHeaders ? Object.entries(config.httpHeaders) : []),
  ]
  if (!['GET', 'POST', 'HEAD'].includes(request.method)) {
    return { status, headers: [...security, ...extraHeaders], body: null }
  }
  const servlet = servletClassFor(request.path)
  const uri = request.path
  const variant = variantFor(request.header('accept'))
  let contentType: string
  let body: string
  switch (variant) {
    case 'json':
    case 'text/json':
      contentType = variant === 'json' ? 'application/json' : 'text/json'
      body = `{\n"servlet":${jsonString(servlet)},\n"message":${jsonString(message)},\n"url":${jsonString(uri)},\n"status":"${status}"\n}`
      break
    case 'plain':
      contentType = 'text/plain;charset=iso-8859-1'
      body = `HTTP ERROR ${status} ${message}\nURI: ${uri}\nSTATUS: ${status}\nMESSAGE: ${message}\nSERVLET: ${servlet}\n`
      break
    default: {
      contentType = 'text/html;charset=iso-8859-1'
      const m = escapeHtml(message)
      body = `<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html;charset=ISO-8859-1"/>\n<title>Error ${status} ${m}</title>\n</head>\n<body><h2>HTTP ERROR ${status} ${m}</h2>\n<table>\n<tr><th>URI:</th><td>${escapeHtml(uri)}</td></tr>\n<tr><th>STATUS:</th><td>${status}</td></tr>\n<tr><th>MESSAGE:</th><td>${m}</td></tr>\n<tr><th>SERVLET:</th><td>${escapeHtml(servlet)}</td></tr>\n</table>\n\n</body>\n</html>\n`
    }
  }
  return {
    status,
    // Headers the filters set before `sendError` come first; Jetty adds its own at the end.
    headers: [
      ...security,
      ...extraHeaders,
      ['Cache-Control', 'must-revalidate,no-cache,no-store'],
      ['Content-Type', contentType],
    ],
    body,
  }
}
