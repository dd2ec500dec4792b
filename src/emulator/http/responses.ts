import type { LivyConfig } from '../model/config.ts'

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
