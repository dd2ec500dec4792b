import { describe, expect, test } from 'vitest'
import { type JobValue, javaValueOf } from '../../../src/emulator/model/jobs/job-value.ts'
import { kryoJobClass } from '../../../src/emulator/model/jobs/kryo-job-class.ts'
import { kryoSerialize } from '../../../src/emulator/model/jobs/kryo-writer.ts'

const hex = (value: JobValue): string =>
  [...kryoSerialize(javaValueOf(value))].map((b) => b.toString(16).padStart(2, '0')).join(' ')

const ARRAY_LIST = '01 00 6a 61 76 61 2e 75 74 69 6c 2e 41 72 72 61 79 4c 69 73 f4'

// Each expectation is what Livy's own `new Serializer().serialize(value)` wrote for the same
// Java value, run on livy-client-http 0.7.1 (Kryo 2.22) and on Kryo 4.0.2 set up as Livy
// 0.9's Serializer sets it up: both gave these bytes.
describe('Kryo encoding of job results, byte for byte as Livy serialises them', () => {
  test('null is the null class marker', () => {
    expect(hex(null)).toBe('00')
  })
  test('a String of 2 to 63 ASCII chars ends with bit 8 set', () => {
    expect(hex('pi')).toBe('03 01 70 e9')
  })
  test('a one-char, empty, non-ASCII or long String is length-prefixed', () => {
    expect(hex('a')).toBe('03 01 82 61')
    expect(hex('')).toBe('03 01 81')
    expect(hex('héllo')).toBe('03 01 86 68 c3 a9 6c 6c 6f')
    expect(hex('€')).toBe('03 01 82 e2 82 ac')
    expect(hex('x'.repeat(70))).toBe(`03 01 c7 01 ${Array(70).fill('78').join(' ')}`)
  })
  test('an Integer is a zig-zag varint', () => {
    expect(hex(42)).toBe('02 54')
    expect(hex(-1)).toBe('02 01')
    expect(hex(300)).toBe('02 d8 04')
    expect(hex({ int: 42 })).toBe('02 54')
  })
  test('a Long is a zig-zag varlong', () => {
    expect(hex({ long: 10 })).toBe('09 14')
    expect(hex(-3000000000)).toBe('09 ff f7 82 ad 16')
    expect(hex({ long: '-3000000000' })).toBe('09 ff f7 82 ad 16')
    expect(hex(10n)).toBe('09 14')
  })
  test('a Double is 8 big-endian bytes', () => {
    expect(hex(3.14)).toBe('0a 40 09 1e b8 51 eb 85 1f')
    expect(hex({ double: 3.14 })).toBe('0a 40 09 1e b8 51 eb 85 1f')
  })
  test('a Boolean is one byte', () => {
    expect(hex(true)).toBe('05 01')
    expect(hex(false)).toBe('05 00')
  })
  test('a List is a java.util.ArrayList by name, then its elements; a nested one by name id', () => {
    expect(hex(['a1', 1, null, { long: 2 }, [true]])).toBe(
      `${ARRAY_LIST} 01 05 03 01 61 b1 02 02 00 09 04 01 00 01 01 05 01`,
    )
    expect(hex([])).toBe(`${ARRAY_LIST} 01 00`)
  })
  test('values Java cannot hold are refused', () => {
    expect(() => javaValueOf({ long: 2n ** 63n })).toThrow(RangeError)
    expect(() => javaValueOf({ int: 2 ** 31 })).toThrow(RangeError)
    expect(() => javaValueOf({ nope: 1 } as unknown as JobValue)).toThrow(TypeError)
  })
})

describe('the job class name read from a serialised job', () => {
  test('an ASCII class name written by name', () => {
    const name = [...'com.example.PiJob'].map((c) => c.charCodeAt(0))
    name[name.length - 1] = (name.at(-1) as number) | 0x80
    expect(kryoJobClass(Uint8Array.from([1, 0, ...name, 1, 0]))).toBe('com.example.PiJob')
  })
  test('a length-prefixed class name', () => {
    expect(kryoJobClass(Uint8Array.from([1, 0, 0x84, 0x61, 0x2e, 0xc3, 0xa9]))).toBe('a.é')
  })
  test('bytes that are not a class written by name have none', () => {
    expect(kryoJobClass(new TextEncoder().encode('not a kryo job'))).toBeUndefined()
    expect(kryoJobClass(Uint8Array.from([1, 0]))).toBeUndefined()
  })
})
