import { describe, expect, test } from 'vitest'
import { boundedMemo } from '../../src/emulator/model/bounded-memo.ts'

describe('a bounded memo', () => {
  test('answers an input seen before without computing it again, undefined answers included', () => {
    let calls = 0
    const f = boundedMemo(10, (k: string) => {
      calls++
      return k === 'none' ? undefined : k.length
    })
    expect([f('abc'), f('abc'), f('none'), f('none')]).toEqual([3, 3, undefined, undefined])
    expect(calls).toBe(2)
  })

  test('forgets everything once full, and computes afresh what it forgot', () => {
    let calls = 0
    const f = boundedMemo(3, (k: number) => {
      calls++
      return k * 2
    })
    for (const k of [1, 2, 3]) f(k)
    expect(calls).toBe(3)
    expect(f(4)).toBe(8) // full: forgets 1, 2 and 3
    expect(f(1)).toBe(2)
    expect(calls).toBe(5)
  })
})
