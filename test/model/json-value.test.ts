import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { JsonDouble, RawJson, renderJson } from '../../src/emulator/model/json-value.ts'

describe('renderJson writes what JSON.stringify writes, doubles and raw JSON apart', () => {
  test('any JSON value, keys and strings with quotes, controls and lone surrogates included', () => {
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom('"', '\\', '\n', '\u0000', '\u001f', '\ud800', '😀', '\u2028', 'text/plain'),
    )
    const value = fc.letrec((tie) => ({
      json: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.constantFrom(-0, Number.NaN, Number.POSITIVE_INFINITY, 1e21, 5e-7),
        fc.array(tie('json'), { maxLength: 4 }),
        fc.dictionary(text, tie('json'), { maxKeys: 4 }),
      ),
    })).json
    fc.assert(
      fc.property(value, (v) => {
        expect(renderJson(v)).toBe(JSON.stringify(v))
      }),
      { numRuns: 3000 },
    )
  })

  test('undefined and functions are skipped in objects and null in arrays, as JSON.stringify does', () => {
    const v = { a: undefined, b: () => 1, c: [undefined, () => 1, 2] }
    expect(renderJson(v)).toBe(JSON.stringify(v))
  })

  test('Java doubles and raw JSON keep their own text', () => {
    expect(renderJson({ p: new JsonDouble(1), d: new RawJson('{"x":2.0}') })).toBe(
      '{"p":1.0,"d":{"x":2.0}}',
    )
  })
})
