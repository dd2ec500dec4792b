/**
 * Every response header value goes out through {@link headerValue}: a value built from what
 * a user sent (a user name in `Set-Cookie`, an injected fault's header) can hold characters an
 * HTTP/1.1 header cannot, and Node's `writeHead` (like the Fetch `Headers` msw uses) throws on
 * them. Jetty writes header values as ISO-8859-1 instead and sanitises what does not fit
 * **(inferred from Jetty 9.4's `HttpGenerator.putSanitisedValue`)**: a character beyond
 * U+00FF becomes `?`, a control character (CR, LF, …) a space.
 */

import { boundedMemo } from '../model/bounded-memo.ts'

// What Node's `checkInvalidHeaderChar` refuses: anything outside tab, printable ASCII and Latin-1.
const UNSAFE = /[^\t\x20-\x7e\x80-\xff]/

/**
 * The value as Jetty would put it on the wire.
 *
 * @example
 * headerValue('u=łukasz') // 'u=?ukasz'
 * headerValue('a\r\nSet-Cookie: x') // 'a  Set-Cookie: x'
 */
export function headerValue(value: string): string {
  if (!UNSAFE.test(value)) return value
  let out = ''
  for (const ch of value) {
    const code = ch.codePointAt(0) as number
    out += code > 0xff ? '?' : (code < 0x20 && code !== 9) || code === 0x7f ? ' ' : ch
  }
  return out
}

/** A header name is a token (RFC 9110); anything else cannot be sent at all. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/**
 * Whether `name` can be a header name.
 *
 * @example
 * isHeaderName('Retry-After') // true
 * isHeaderName('Bad Header') // false
 */
export const isHeaderName = (name: string): boolean => TOKEN.test(name)

/** Header names and values a checker remembers (each); when full, it starts afresh. */
const REMEMBERED = 512

/**
 * {@link isHeaderName} and {@link headerValue} for a server that sends the same lines again
 * and again (the security headers, the content type, the date for a second): a line seen
 * before is looked up instead of matched with two regexes. Strings cannot change, so what was
 * checked stays checked.
 *
 * @example
 * const check = createHeaderCheck()
 * check('X-Frame-Options', 'SAMEORIGIN') // 'SAMEORIGIN'
 * check('Bad Header', 'x') // undefined: cannot be sent
 */
export function createHeaderCheck(): (name: string, value: string) => string | undefined {
  const validName = boundedMemo(REMEMBERED, isHeaderName)
  const safeValue = boundedMemo(REMEMBERED, headerValue)
  return (name, value) => (validName(name) ? safeValue(value) : undefined)
}
