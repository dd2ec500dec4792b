import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  CREATE_BATCH_REQUEST,
  CREATE_INTERACTIVE_REQUEST,
  EXECUTE_REQUEST,
  indexControls,
  readAhead,
  readBean,
  serialiseLarge,
} from '../../src/emulator/http/jackson.ts'
import { CREATE_INTERACTIVE_REQUEST_07 } from '../../src/emulator/profiles/apache-07.ts'
import { bindOutcome } from '../support/bind-outcome.ts'

/** A large body is read before its route is known (decision 0015); the result must not move. */
const specs = [
  CREATE_INTERACTIVE_REQUEST,
  CREATE_BATCH_REQUEST,
  EXECUTE_REQUEST,
  CREATE_INTERACTIVE_REQUEST_07,
]

const outcome = bindOutcome

const field = fc.constantFrom(
  'code',
  'kind',
  'file',
  'args',
  'conf',
  'name',
  'numExecutors',
  'unknown',
  '__proto__',
  'proxyUser',
)
const value = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
)
const object = fc
  .array(fc.tuple(field, value), { maxLength: 5 })
  .map(
    (entries) =>
      `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`,
  )

describe('a body read ahead of its route binds exactly as one read inside it', () => {
  test('every bean, every body: the same value or the same Jackson error', () => {
    fc.assert(
      fc.property(
        fc.oneof(object, fc.json({ maxDepth: 2 }), fc.string({ maxLength: 30 })),
        fc.constantFrom(...specs),
        (text, spec) => {
          expect(outcome(() => readBean(text, spec, readAhead(text)))).toEqual(
            outcome(() => readBean(text, spec)),
          )
        },
      ),
      { numRuns: 2000 },
    )
  })

  test('with its control characters indexed, a body reads exactly as without', async () => {
    const spaced = fc
      .tuple(object, fc.constantFrom('\n', '\t', ' ', '\r\n'))
      .map(([text, ws]) => text.replaceAll(',', `${ws},${ws}`).replace('{', `{${ws}`))
    const raw = fc.string({
      maxLength: 30,
      unit: fc.constantFrom('a', '"', '\\', '\n', '\u0001', '{', '}', ':', ','),
    })
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(object, spaced, fc.json({ maxDepth: 2 }), raw),
        fc.constantFrom(...specs),
        async (text, spec) => {
          const controls = await indexControls(text, async () => {})
          expect(outcome(() => readBean(text, spec, readAhead(text, controls)))).toEqual(
            outcome(() => readBean(text, spec, readAhead(text))),
          )
          const expected: number[] = []
          for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20) expected.push(i)
          expect(controls).toEqual(expected)
        },
      ),
      { numRuns: 2000 },
    )
  })

  test('a control character inside a string is refused whether it was indexed or not', async () => {
    for (const text of ['{"code":"a\u0001b"}', '{"code":"a\nb"}']) {
      const controls = await indexControls(text, async () => {})
      expect(readAhead(text, controls)).toBeUndefined()
      expect(outcome(() => readBean(text, EXECUTE_REQUEST, readAhead(text, controls)))).toEqual(
        outcome(() => readBean(text, EXECUTE_REQUEST)),
      )
    }
  })

  test('a body with a syntax error is not read ahead: its errors come in Jackson order', () => {
    for (const text of ['{"unknown":1, "code": nope}', '{"code":"a" "kind":1}', '{"code":']) {
      expect(readAhead(text)).toBeUndefined()
      for (const spec of specs) {
        expect(outcome(() => readBean(text, spec, readAhead(text)))).toEqual(
          outcome(() => readBean(text, spec)),
        )
      }
    }
  })

  test('a read-ahead of another text is ignored', () => {
    const ahead = readAhead('{"code":"1"}')
    expect(readBean('{"code":"2"}', EXECUTE_REQUEST, ahead)).toEqual({ code: '2' })
  })

  test('a 10 MB string with escapes is read ahead whole, with and without its index', async () => {
    const code = `val big = "${'x'.repeat(10 * 2 ** 20)}"\n\tprintln(big)`
    const text = JSON.stringify({ code })
    let turns = 0
    const controls = await indexControls(text, async () => {
      turns++
    })
    expect(turns).toBeGreaterThanOrEqual(10)
    for (const ahead of [readAhead(text), readAhead(text, controls)]) {
      expect(ahead).toBeDefined()
      expect(readBean(text, EXECUTE_REQUEST, ahead).code).toBe(code)
    }
  })
})

describe('large strings serialised a megabyte at a time', () => {
  test('the pieces join into exactly JSON.stringify of the whole, surrogate pairs and escapes included', async () => {
    const unit = 'ab"\\\n\u0001é😀\u2028'
    // A pair straddles the first megabyte's end; a lone surrogate sits in the middle.
    const big = `${'x'.repeat(2 ** 20 - 1)}😀${unit.repeat(2 ** 18)}\ud800${'y'.repeat(5)}`
    const text = JSON.stringify({ code: big })
    const ahead = readAhead(text)
    expect(ahead).toBeDefined()
    let turns = 0
    await serialiseLarge(ahead as NonNullable<typeof ahead>, async () => {
      turns++
    })
    expect(turns).toBeGreaterThan(2)
    expect(ahead?.serialised.get(big)).toBe(JSON.stringify(big))
  })
})
