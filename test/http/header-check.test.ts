import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  createHeaderCheck,
  headerValue,
  isHeaderName,
} from '../../src/emulator/http/header-value.ts'

const expected = (name: string, value: string): string | undefined =>
  isHeaderName(name) ? headerValue(value) : undefined

describe('a header line checked before is answered as if checked again', () => {
  test('any name and value, each asked several times: the same line as checking it afresh', () => {
    const check = createHeaderCheck()
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('X-Frame-Options', 'Bad Header', 'u=łukasz', 'a\r\nSet-Cookie: x', '\t'),
    )
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 20 }), (lines) => {
        for (let round = 0; round < 3; round++)
          for (const [name, value] of lines) expect(check(name, value)).toBe(expected(name, value))
      }),
      { numRuns: 300 },
    )
  })

  test('more distinct lines than it remembers are still each checked right', () => {
    const check = createHeaderCheck()
    for (let i = 0; i < 3000; i++) {
      const value = i % 3 === 0 ? `v${i}\r\n` : `v${i}€`
      expect(check(`X-H${i}`, value)).toBe(headerValue(value))
      expect(check(`Bad ${i}`, value)).toBeUndefined()
    }
  })
})
