import type { JavaValue } from './job-value.ts'

/**
 * Kryo's class ids as Livy's `Serializer` sets them up: Kryo registers the primitives (and so
 * their boxed classes) and `String` first, in this order, in both Kryo 2.22 (Livy 0.7) and
 * 4.0.2 (Livy 0.8, 0.9). Livy registers its own classes from id 16 on; results never use them.
 */
const CLASS_ID = { Integer: 0, String: 1, Boolean: 3, Long: 7, Double: 8 } as const

/** `writeClass` puts the class id plus 2 (0 is null, 1 is "a class written by name"). */
const NULL_CLASS = 0
const NAMED_CLASS = 1
/** With references on (Kryo's default, which Livy keeps) a first occurrence is marked 1. */
const NOT_NULL_REFERENCE = 1

/** Bytes Kryo's `Output` writes. */
class Output {
  private readonly bytes: number[] = []
  byte(b: number): void {
    this.bytes.push(b & 0xff)
  }
  /** `writeVarInt(value, true)`: 7 bits a byte, low first. */
  varUint(value: number): void {
    let v = value >>> 0
    while (v >= 0x80) {
      this.byte((v & 0x7f) | 0x80)
      v >>>= 7
    }
    this.byte(v)
  }
  /** `writeInt(value, false)`: zig-zag, then as `varUint`. */
  varInt(value: number): void {
    this.varUint(((value << 1) ^ (value >> 31)) >>> 0)
  }
  /** `writeLong(value, false)`: zig-zag over 64 bits, then 7 bits a byte. */
  varLong(value: bigint): void {
    let v = BigInt.asUintN(64, (value << 1n) ^ (value >> 63n))
    while (v >= 0x80n) {
      this.byte(Number(v & 0x7fn) | 0x80)
      v >>= 7n
    }
    this.byte(Number(v))
  }
  /** `writeDouble`: the IEEE bits, big-endian. */
  double(value: number): void {
    const view = new DataView(new ArrayBuffer(8))
    view.setFloat64(0, value)
    for (let i = 0; i < 8; i++) this.byte(view.getUint8(i))
  }
  /**
   * `writeString`: 2–63 ASCII chars go as bytes with bit 8 set on the last one; anything else
   * as a length (chars + 1) with bit 8 set, then each UTF-16 unit as 1–3 bytes (Kryo does not
   * pair surrogates).
   */
  string(value: string): void {
    const n = value.length
    if (n > 1 && n < 64 && /^[\x00-\x7f]*$/.test(value)) {
      for (let i = 0; i < n; i++)
        this.byte(i === n - 1 ? value.charCodeAt(i) | 0x80 : value.charCodeAt(i))
      return
    }
    this.utf8Length(n + 1)
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i)
      if (c <= 0x7f) this.byte(c)
      else if (c > 0x7ff) {
        this.byte(0xe0 | ((c >> 12) & 0x0f))
        this.byte(0x80 | ((c >> 6) & 0x3f))
        this.byte(0x80 | (c & 0x3f))
      } else {
        this.byte(0xc0 | ((c >> 6) & 0x1f))
        this.byte(0x80 | (c & 0x3f))
      }
    }
  }
  /** Bit 8 says "length follows", bit 7 "more bytes": 6 bits first, then 7 a byte. */
  private utf8Length(value: number): void {
    if (value >>> 6 === 0) {
      this.byte(value | 0x80)
      return
    }
    this.byte((value & 0x3f) | 0xc0)
    let v = value >>> 6
    while (v >= 0x80) {
      this.byte((v & 0x7f) | 0x80)
      v >>>= 7
    }
    this.byte(v)
  }
  result(): Uint8Array {
    return Uint8Array.from(this.bytes)
  }
}

/** One `writeClassAndObject` graph: class names get ids in the order they first appear. */
function write(out: Output, value: JavaValue, names: Map<string, number>): void {
  if (value.type === 'null') {
    out.varUint(NULL_CLASS)
    return
  }
  if (value.type === 'ArrayList') {
    const name = 'java.util.ArrayList'
    out.varUint(NAMED_CLASS)
    const known = names.get(name)
    if (known !== undefined) out.varUint(known)
    else {
      names.set(name, names.size)
      out.varUint(names.size - 1)
      out.string(name)
    }
    // Each list is a new object: a first occurrence, never a back-reference.
    out.varUint(NOT_NULL_REFERENCE)
    out.varUint(value.items.length)
    for (const item of value.items) write(out, item, names)
    return
  }
  out.varUint(CLASS_ID[value.type] + 2)
  switch (value.type) {
    case 'String':
      // Strings take part in references (only the boxed primitives are exempt).
      out.varUint(NOT_NULL_REFERENCE)
      out.string(value.value)
      return
    case 'Integer':
      out.varInt(value.value)
      return
    case 'Long':
      out.varLong(value.value)
      return
    case 'Double':
      out.double(value.value)
      return
    case 'Boolean':
      out.byte(value.value ? 1 : 0)
      return
  }
}

/**
 * What `new Serializer().serialize(value)` in Livy's client-common gives: Kryo's
 * `writeClassAndObject` with Kryo's default registrations and references on.
 *
 * @example
 * kryoSerialize({ type: 'Integer', value: 42 }) // Uint8Array [0x02, 0x54]
 */
export function kryoSerialize(value: JavaValue): Uint8Array {
  const out = new Output()
  write(out, value, new Map())
  return out.result()
}
