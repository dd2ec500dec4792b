import { describe, expect, test } from 'vitest'
import { createEmulatorCore } from '../../src/emulator/create-emulator-core.ts'
import {
  catastrophicReason,
  compileSafeRegex,
} from '../../src/emulator/model/outcomes/safe-regex.ts'

/** Issue 14, item 8: no regular expression can stall the server. */
const post = (livy: ReturnType<typeof createEmulatorCore>, path: string, body: unknown) =>
  livy.fetch(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json' },
  })

describe('catastrophic patterns are refused when a rule is added', () => {
  test.each([
    '(a+)+$',
    '(a*)*b',
    '(?:\\w+\\s?)*$',
    '((ab)*c)+',
    '(x+){2,}',
    '(a|b+)*',
    '(\\d{1,9})+',
  ])('%s has star height above 1', (pattern) => {
    expect(catastrophicReason(pattern)).toMatch(/^nested quantifier/)
  })

  test.each([
    '^spark\\.range\\(\\d+\\)',
    '(foo|bar)+',
    'a+b+c*',
    '[(+*)]+',
    '\\(a+\\)+',
    '(ab)?c+',
    '(?:SELECT|select)\\s+\\d+',
    'x{2,3}y*',
  ])('%s is fine', (pattern) => {
    expect(catastrophicReason(pattern)).toBeUndefined()
  })

  test('backreferences are refused (no linear-time matcher has them)', () => {
    expect(catastrophicReason('(a)\\1')).toMatch(/backreference/)
  })

  test('the control API answers 400 to an outcome rule or a fault path with such a pattern', async () => {
    const livy = createEmulatorCore()
    const rule = await post(livy, '/__emulator/outcomes', {
      match: { regex: '(a+)+$' },
      output: { 'text/plain': 'x' },
    })
    expect(rule.status).toBe(400)
    expect((await rule.json()).error).toMatch(/nested quantifier/)
    const fault = await post(livy, '/__emulator/faults', {
      type: 'http',
      path: { regex: '^/(s+)+x$' },
      status: 503,
    })
    expect(fault.status).toBe(400)
    const lookbehind = await post(livy, '/__emulator/outcomes', {
      match: { regex: '(?<=a)b' },
      output: { 'text/plain': 'x' },
    })
    expect(lookbehind.status).toBe(400)
    expect((await lookbehind.json()).error).toMatch(/linear-time matcher/)
  })

  test('a RegExp given in-process is checked the same way', () => {
    const livy = createEmulatorCore()
    expect(() => livy.outcomes.add({ match: /(a+)+$/, output: { 'text/plain': 'x' } })).toThrow(
      /nested quantifier/,
    )
    expect(() => livy.httpFaults.add({ path: /(a+)+$/, status: 503 })).toThrow(/nested quantifier/)
  })
})

describe('patterns sent as data match in linear time', () => {
  test('an overlapping alternation that makes V8 backtrack 2^40 times answers at once', () => {
    // On V8's engine this test would not finish: ^(a|a)*$ against 40 a's and a '!'.
    const re = compileSafeRegex('^(a|a)*$')
    expect(re.test(`${'a'.repeat(40)}!`)).toBe(false)
    expect(re.test('a'.repeat(40))).toBe(true)
    expect(re).toBeInstanceOf(RegExp)
    expect([re.source, re.flags]).toEqual(['^(a|a)*$', ''])
  })

  test('flags i, m and s behave as in JavaScript', () => {
    expect(compileSafeRegex('^spark', 'i').test('SPARK.range(1)')).toBe(true)
    expect(compileSafeRegex('^b', 'm').test('a\nb')).toBe(true)
    expect(compileSafeRegex('a.b', 's').test('a\nb')).toBe(true)
    expect(compileSafeRegex('a.b').test('a\nb')).toBe(false)
  })

  test('a statement matched by such a rule gets the rule’s output', async () => {
    const livy = createEmulatorCore({ timing: 'instant' })
    expect(
      (
        await post(livy, '/__emulator/outcomes', {
          match: { regex: '^(a|a)*!$' },
          output: { 'text/plain': 'matched' },
        })
      ).status,
    ).toBe(201)
    await post(livy, '/sessions', { kind: 'pyspark' })
    await livy.advance(10_000)
    await post(livy, '/sessions/0/statements', { code: `${'a'.repeat(30)}!` })
    await livy.advance(10_000)
    const st = await (await livy.fetch('/sessions/0/statements/0')).json()
    expect(st.output.data['text/plain']).toBe('matched')
  })
})
