import { createCrc32 } from './crc32.ts'

/**
 * The framing of a state file: one JSON value per line, behind its CRC-32 and byte length,
 * `<crc32 as 8 hex digits> <length> <json>\n`. A line torn by a crash (no newline, a short
 * length) or damaged on disk (checksum) is detected; JSON text never contains a raw newline.
 */
export interface StateLines {
  /** The framed line for `value`. */
  encode(value: unknown): Uint8Array
  /** Reads framed lines from the start until the first bad one. */
  decode(bytes: Uint8Array): DecodedLines
}

/** What {@link StateLines.decode} found. */
export interface DecodedLines {
  /** The values of the good lines, in order. */
  readonly values: readonly unknown[]
  /** Where each good line ends (the offset after its newline). */
  readonly ends: readonly number[]
  /** Byte length of the good lines (where a new line may be appended). */
  readonly goodLength: number
  /** The first bad line, when there is one (everything from it on is unusable). */
  readonly bad?: { readonly line: number; readonly reason: string }
}

const NEWLINE = 0x0a
const SPACE = 0x20

/**
 * @example
 * const lines = createStateLines()
 * const bytes = lines.encode({ hello: 'world' })
 * lines.decode(bytes).values // [{ hello: 'world' }]
 */
export function createStateLines(): StateLines {
  const crc32 = createCrc32()
  const encoder = new TextEncoder()
  const decoder = new TextDecoder('utf-8', { fatal: true })

  const check = (bytes: Uint8Array, start: number, end: number): unknown => {
    const first = bytes.indexOf(SPACE, start)
    const second = first < 0 || first >= end ? -1 : bytes.indexOf(SPACE, first + 1)
    if (first !== start + 8 || second < 0 || second >= end || second - first > 13)
      throw new Error('no line header')
    const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to))
    const crcText = ascii(start, first)
    const lengthText = ascii(first + 1, second)
    if (!/^[0-9a-f]{8}$/.test(crcText) || !/^[0-9]{1,12}$/.test(lengthText))
      throw new Error('no line header')
    const bodyStart = second + 1
    if (end - bodyStart !== Number(lengthText))
      throw new Error(`length ${lengthText} but ${end - bodyStart} bytes`)
    if (crc32(bytes, bodyStart, end) !== Number.parseInt(crcText, 16))
      throw new Error('checksum mismatch')
    return JSON.parse(decoder.decode(bytes.subarray(bodyStart, end)))
  }

  return {
    encode(value) {
      const body = encoder.encode(JSON.stringify(value))
      const head = encoder.encode(`${crc32(body).toString(16).padStart(8, '0')} ${body.length} `)
      const line = new Uint8Array(head.length + body.length + 1)
      line.set(head)
      line.set(body, head.length)
      line[line.length - 1] = NEWLINE
      return line
    },
    decode(bytes) {
      const values: unknown[] = []
      const ends: number[] = []
      let offset = 0
      let line = 1
      while (offset < bytes.length) {
        const end = bytes.indexOf(NEWLINE, offset)
        if (end < 0) {
          const bad = { line, reason: 'torn line (no newline)' }
          return { values, ends, goodLength: offset, bad }
        }
        try {
          values.push(check(bytes, offset, end))
        } catch (e) {
          return { values, ends, goodLength: offset, bad: { line, reason: (e as Error).message } }
        }
        offset = end + 1
        ends.push(offset)
        line++
      }
      return { values, ends, goodLength: offset }
    },
  }
}
