/**
 * Request text is UTF-8 or nothing: Livy reads bodies with Jackson's UTF-8 parser, which
 * refuses malformed bytes instead of replacing them with U+FFFD. Every body the emulator reads
 * as text goes through {@link decodeUtf8}.
 */

/** A malformed byte sequence: where it starts and why Jackson's parser stops there. */
export interface InvalidUtf8 {
  /** Offset of the offending byte in the body. */
  readonly offset: number
  readonly byte: number
  /** `start` for a byte no UTF-8 sequence begins with, `middle` for a bad continuation. */
  readonly position: 'start' | 'middle'
}

/** Up to this many bytes, an all-ASCII body is read without the decoder. */
const SMALL_ASCII = 256

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/**
 * Decodes `bytes`, or says where they stop being UTF-8.
 *
 * @example
 * decodeUtf8(new Uint8Array([0x7b, 0xff])) // { offset: 1, byte: 255, position: 'start' }
 */
export function decodeUtf8(bytes: Uint8Array): string | InvalidUtf8 {
  // Most bodies are a few dozen ASCII bytes: reading them directly skips the decoder's call
  // into the runtime, which costs more than such a body's whole read.
  if (bytes.length <= SMALL_ASCII) {
    let ascii = 0
    for (let i = 0; i < bytes.length; i++) ascii |= bytes[i] as number
    if (ascii < 0x80) return String.fromCharCode.apply(null, bytes as unknown as number[])
  }
  try {
    return strict.decode(bytes)
  } catch {
    return findInvalid(bytes)
  }
}

/** Walks the sequences the way a UTF-8 decoder does (RFC 3629: no overlongs, no surrogates). */
function findInvalid(bytes: Uint8Array): InvalidUtf8 {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] as number
    let need = 0
    let min = 0x80
    let max = 0xbf
    if (b < 0x80) {
      i++
      continue
    }
    if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      if (b === 0xe0) min = 0xa0
      if (b === 0xed) max = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      if (b === 0xf0) min = 0x90
      if (b === 0xf4) max = 0x8f
    } else return { offset: i, byte: b, position: 'start' }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined) return { offset: i + k, byte: -1, position: 'middle' }
      const lo = k === 1 ? min : 0x80
      const hi = k === 1 ? max : 0xbf
      if (c < lo || c > hi) return { offset: i + k, byte: c, position: 'middle' }
    }
    i += need + 1
  }
  return { offset: bytes.length, byte: -1, position: 'middle' }
}

/**
 * How many bytes `text` takes in UTF-8 (a lone surrogate counts as U+FFFD, as `TextEncoder`
 * writes it), without encoding it.
 *
 * @example
 * utf8Length('€1') // 4
 */
export function utf8Length(text: string): number {
  let n = text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) continue
    if (c < 0x800) n += 1
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      // A pair is 4 bytes for 2 code units; a lone high surrogate is U+FFFD, 3 bytes.
      if (next >= 0xdc00 && next <= 0xdfff) {
        n += 2
        i++
      } else n += 2
    } else n += 2
  }
  return n
}
