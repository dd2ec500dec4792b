/**
 * The class name at the head of a Kryo-serialised job, or undefined when the bytes do not
 * start with a class written by name.
 *
 * Livy's client serialises a `Job` with `writeClassAndObject`. Job classes are the user's own
 * and never registered, so Kryo writes marker 1 ("class by name"), the name's id in this graph
 * (0: it is the first class), then the name as a Kryo string. That is all the emulator reads:
 * it never runs the job.
 *
 * @example
 * kryoJobClass(Uint8Array.from([1, 0, 0x61, 0x2e, 0xc2])) // 'a.B'
 */
export function kryoJobClass(bytes: Uint8Array): string | undefined {
  if (bytes[0] !== 1 || bytes[1] !== 0) return undefined
  const first = bytes[2]
  if (first === undefined) return undefined
  // ASCII form: bytes up to one with bit 8 set.
  if ((first & 0x80) === 0) {
    let name = ''
    for (let i = 2; i < bytes.length; i++) {
      const b = bytes[i] as number
      name += String.fromCharCode(b & 0x7f)
      if (b & 0x80) return name
    }
    return undefined
  }
  // Length form: 6 bits, then 7 a byte while bit 7 (then bit 8) says more follow.
  let i = 2
  let length = first & 0x3f
  let more = (first & 0x40) !== 0
  for (let shift = 6; more; shift += 7) {
    const b = bytes[++i]
    if (b === undefined) return undefined
    length |= (b & 0x7f) << shift
    more = (b & 0x80) !== 0
  }
  const chars = length - 1
  if (chars <= 0) return undefined
  let name = ''
  i++
  while (name.length < chars) {
    const b = bytes[i++]
    if (b === undefined) return undefined
    if (b < 0x80) name += String.fromCharCode(b)
    else if ((b & 0xe0) === 0xc0)
      name += String.fromCharCode(((b & 0x1f) << 6) | ((bytes[i++] ?? 0) & 0x3f))
    else {
      const b2 = bytes[i++] ?? 0
      const b3 = bytes[i++] ?? 0
      name += String.fromCharCode(((b & 0x0f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f))
    }
  }
  return name
}
