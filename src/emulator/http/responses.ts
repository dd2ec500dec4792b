import type { LivyConfig } from '../model/config.ts'

/** `application/json;charset=utf-8`, as Livy's servlets send it on every response. */
export const JSON_CONTENT_TYPE = 'application/json;charset=utf-8'

// The date only changes once a second: format it once per second, not once per response.
let lastSecond = Number.NaN
let lastDate = ''

/** HTTP-date from model time (Jetty adds `Date` to every response). */
export function httpDate(epochMs: number): string {
  const second = Math.floor(epochMs / 1000)
  if (second !== lastSecond) {
    lastSecond = second
    lastDate = new Date(epochMs).toUTCString()
  }
  return lastDate
}

const securityHeaderCache = new WeakMap<LivyConfig, [string, string][]>()

/** The headers Livy's filters and servlets put on every response. */
export function commonHeaders(
  config: LivyConfig,
  now: number,
  contentType: string | null,
): [string, string][] {
  const headers: [string, string][] = [['Date', httpDate(now)]]
  if (config.securityHeaders) {
    let security = securityHeaderCache.get(config)
    if (!security) {
      security = Object.entries(config.httpHeaders)
      securityHeaderCache.set(config, security)
    }
    for (const header of security) headers.push(header)
  }
  if (contentType !== null) headers.push(['Content-Type', contentType])
  return headers
}
