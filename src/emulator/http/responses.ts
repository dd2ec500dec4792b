import type { LivyConfig } from '../model/config.ts'
import type { EdgeResponse } from './types.ts'

/** `application/json;charset=utf-8`, as Livy's servlets send it on every response. */
export const JSON_CONTENT_TYPE = 'application/json;charset=utf-8'

/** HTTP-date from model time (Jetty adds `Date` to every response). */
export const httpDate = (epochMs: number): string => new Date(epochMs).toUTCString()

/** The headers Livy's filters and servlets put on every response. */
export function commonHeaders(
  config: LivyConfig,
  now: number,
  contentType: string | null,
): [string, string][] {
  const headers: [string, string][] = [['Date', httpDate(now)]]
  if (config.securityHeaders) {
    for (const [name, value] of Object.entries(config.httpHeaders)) headers.push([name, value])
  }
  if (contentType !== null) headers.push(['Content-Type', contentType])
  return headers
}

/** Jetty's reason phrases for the statuses its error pages use. */
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  500: 'Server Error',
}

const escapeHtml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

/**
 * Jetty's error page (form D): what filters (CSRF, authentication, access) answer before a
 * servlet runs. Jetty picks HTML, JSON or plain text from `Accept`.
 */
export function jettyErrorPage(
  config: LivyConfig,
  now: number,
  status: number,
  message: string,
  uri: string,
  accept: string | undefined,
  extraHeaders: [string, string][] = [],
): EdgeResponse {
  const wants = (accept ?? '').toLowerCase()
  let contentType: string
  let body: string
  if (/application\/json|text\/json/.test(wants)) {
    contentType = 'application/json'
    body = JSON.stringify({
      url: uri,
      status: String(status),
      message,
      servlet: 'org.eclipse.jetty.servlet.ServletHandler$Default404Servlet-7e3060d8',
    })
  } else if (/text\/plain/.test(wants) && !/text\/html/.test(wants)) {
    contentType = 'text/plain;charset=iso-8859-1'
    body = `HTTP ERROR ${status} ${message}\nURI: ${uri}\nSTATUS: ${status}\nMESSAGE: ${message}\nSERVLET: -\n`
  } else {
    contentType = 'text/html;charset=iso-8859-1'
    const m = escapeHtml(message)
    body = `<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html;charset=ISO-8859-1"/>\n<title>Error ${status} ${m}</title>\n</head>\n<body><h2>HTTP ERROR ${status} ${m}</h2>\n<table>\n<tr><th>URI:</th><td>${escapeHtml(uri)}</td></tr>\n<tr><th>STATUS:</th><td>${status}</td></tr>\n<tr><th>MESSAGE:</th><td>${m}</td></tr>\n<tr><th>SERVLET:</th><td>-</td></tr>\n</table>\n\n</body>\n</html>\n`
  }
  return {
    status,
    headers: [
      ...commonHeaders(config, now, null),
      ['Cache-Control', 'must-revalidate,no-cache,no-store'],
      ['Content-Type', contentType],
      ...extraHeaders,
    ],
    body,
  }
}

export const reasonPhrase = (status: number): string => REASONS[status] ?? ''
