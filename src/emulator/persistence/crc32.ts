/** The 256 remainders of the reflected IEEE polynomial, computed once per call site that asks. */
function crcTable(): Uint32Array {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
}

/**
 * A CRC-32 (IEEE 802.3, the one of zip, gzip and PNG) calculator. Each calculator builds its own
 * 1 KiB table: there is no module-level state to share between emulators.
 *
 * @example
 * const crc32 = createCrc32()
 * crc32(new TextEncoder().encode('123456789')).toString(16) // 'cbf43926'
 */
export function createCrc32(): (bytes: Uint8Array, start?: number, end?: number) => number {
  const table = crcTable()
  return (bytes, start = 0, end = bytes.length) => {
    let crc = 0xffffffff
    for (let i = start; i < end; i++) {
      crc = (table[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8)
    }
    return (crc ^ 0xffffffff) >>> 0
  }
}
