import { describe, expect, test } from 'vitest'
import { lastLines, pageList, pageLog, scalaSlice } from '../../src/emulator/model/paging.ts'
import { parseTimeAsMs } from '../../src/emulator/model/time-string.ts'

const lines = Array.from({ length: 250 }, (_, i) => `line ${i}`)

describe('log paging (SessionServlet.serializeLogs)', () => {
  test('by default the last 100 lines, with their starting index', () => {
    const page = pageLog(lines)
    expect(page.from).toBe(150)
    expect(page.total).toBe(250)
    expect(page.log).toHaveLength(100)
    expect(page.log[0]).toBe('line 150')
  })
  test('a negative size means all lines', () => {
    expect(pageLog(lines, 0, -1).log).toHaveLength(250)
    expect(pageLog(lines, undefined, -1).from).toBe(0)
  })
  test('from past the end gives an empty page but the real total', () => {
    expect(pageLog(lines, 1000, 10)).toEqual({ from: 1000, total: 250, log: [] })
  })
  test('an explicit window', () => {
    expect(pageLog(lines, 5, 2).log).toEqual(['line 5', 'line 6'])
  })
})

describe('list paging (Scala view slicing)', () => {
  test('negative from slices from 0 but shortens the window', () => {
    expect(scalaSlice([1, 2, 3], -1, 2)).toEqual([1, 2])
    expect(pageList([1, 2, 3], -1, 2)).toEqual([1])
  })
  test('size zero or negative gives an empty page', () => {
    expect(pageList([1, 2, 3], 0, 0)).toEqual([])
    expect(pageList([1, 2, 3], 0, -5)).toEqual([])
  })
  test('from + size overflows like a Java int', () => {
    expect(pageList([1, 2, 3], 1, 2147483647)).toEqual([])
  })
  test('the log field is the last ten lines', () => {
    expect(lastLines(lines)).toHaveLength(10)
    expect(lastLines(['a'])).toEqual(['a'])
  })
})

describe('Livy time strings', () => {
  test.each([
    ['10m', 600_000],
    ['1h', 3_600_000],
    ['500', 500],
    [' 2D ', 172_800_000],
    ['3min', 180_000],
    ['1500us', 1],
  ])('%j is %i ms', (text, ms) => {
    expect(parseTimeAsMs(text)).toBe(ms)
  })
  test.each([
    ['abc', 'Invalid time string: abc'],
    ['5 parsecs', 'Invalid time string: 5 parsecs'],
    ['5parsecs', 'Invalid suffix: "parsecs"'],
    ['-5s', 'Invalid value: -5'],
    ['', 'Invalid time string: '],
  ])('%j is rejected with %j', (text, message) => {
    expect(() => parseTimeAsMs(text)).toThrow(message)
  })
})
