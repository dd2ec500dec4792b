import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  ADD_RESOURCE,
  COMPLETION_REQUEST,
  CREATE_BATCH_REQUEST,
  CREATE_INTERACTIVE_REQUEST,
  EXECUTE_REQUEST,
  readBean,
  readFlat,
  readStreaming,
  SERIALIZED_JOB,
} from '../../src/emulator/http/jackson.ts'
import { CREATE_INTERACTIVE_REQUEST_07 } from '../../src/emulator/profiles/apache-07.ts'
import { bindOutcome } from '../support/bind-outcome.ts'

/** The one-pass read of flat bodies (issue 18) must bind exactly as the streaming reader. */
const specs = [
  CREATE_INTERACTIVE_REQUEST,
  CREATE_BATCH_REQUEST,
  EXECUTE_REQUEST,
  COMPLETION_REQUEST,
  SERIALIZED_JOB,
  ADD_RESOURCE,
  CREATE_INTERACTIVE_REQUEST_07,
]

const outcome = bindOutcome

const name = fc.constantFrom(
  'code',
  'kind',
  'cursor',
  'msg_type',
  'file',
  'name',
  'numExecutors',
  'heartbeatTimeoutInSecond',
  'driverCores',
  'proxyUser',
  'job',
  'uri',
  'unknown',
  '__proto__',
  'toString',
)
const space = fc.constantFrom('', ' ', '\n', '\t', '\r\n  ', '\u00a0', '\f')
const scalar = fc.oneof(
  fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s)),
  fc.constantFrom('"spark"', '"pyspark"', '"sql"', '"1 + 1"', '"QUJD"', '"AB="', '"\\u0041"'),
  fc.integer().map(String),
  fc.constantFrom('1e400', '-0', '0.5', '1E3', '99999999999', '01', '-', '1.', '2147483648'),
  fc.constantFrom('null', 'true', 'false', 'nul', 'truex', 'NULL', '[]', '{}', '["a"]'),
  fc.constantFrom('"a\\"b"', '"\u0001"', '"é😀"', '"unterminated', "'single'"),
)
const body = fc
  .tuple(
    space,
    fc.array(fc.tuple(name, space, space, scalar, space), { maxLength: 4 }),
    space,
    fc.constantFrom('', ' ', 'trailing', '}', ',', '\n{"x":1}'),
    fc.constantFrom('{', '[', '', '"'),
    fc.constantFrom('}', '', ',}', ']'),
  )
  .map(
    ([lead, fields, inner, trailing, open, close]) =>
      `${lead}${open}${fields.map(([k, a, b, v, c]) => `${a}${JSON.stringify(k)}${b}:${v}${c}`).join(',')}${inner}${close}${trailing}`,
  )

/** Mostly well-formed flat bodies of the bean's own properties: the one-pass read's ground. */
const flat = fc.constantFrom(...specs).chain((spec) =>
  fc.tuple(
    fc.constant(spec),
    fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...Object.keys(spec.properties)), name),
          fc.constantFrom('', ' ', '\n'),
          scalar,
        ),
        { maxLength: 4 },
      )
      .map(
        (fields) =>
          `{${fields.map(([k, s, v]) => `${JSON.stringify(k)}${s}:${s}${v}`).join(`,${fields.length % 2 ? ' ' : ''}`)}}`,
      ),
  ),
)

describe('a flat body is read in one pass, exactly as the streaming reader reads it', () => {
  test('every bean, every body: the same value or the same Jackson error', () => {
    const same = (text: string, spec: (typeof specs)[number]) => {
      expect(outcome(() => readBean(text, spec))).toEqual(outcome(() => readStreaming(text, spec)))
    }
    let onePass = 0
    fc.assert(
      fc.property(flat, ([spec, text]) => {
        if (readFlat(text, spec) !== undefined) onePass++
        same(text, spec)
      }),
      { numRuns: 5000 },
    )
    // The property is about the one-pass read only if it ran: a good share of these bodies take it.
    expect(onePass).toBeGreaterThan(200)
    fc.assert(
      fc.property(
        fc.oneof(body, fc.json({ maxDepth: 1 }), fc.string({ maxLength: 30 })),
        fc.constantFrom(...specs),
        (text, spec) => same(text, spec),
      ),
      { numRuns: 3000 },
    )
  })

  test('the bodies clients send take the one-pass read', () => {
    expect(readFlat('{"code":"1 + 1"}', EXECUTE_REQUEST)).toEqual({ code: '1 + 1' })
    expect(
      readFlat('{ "code": "spark.range(3).count()", "kind": "pyspark" }', EXECUTE_REQUEST),
    ).toEqual({
      code: 'spark.range(3).count()',
      kind: 'pyspark',
    })
    expect(
      readFlat(
        '{"kind":"scala","name":"s1","heartbeatTimeoutInSecond":60,"driverCores":2}',
        CREATE_INTERACTIVE_REQUEST,
      ),
    ).toEqual({
      kind: 'spark',
      name: 's1',
      heartbeatTimeoutInSecond: 60,
      driverCores: 2,
    })
  })

  test('anything it cannot answer exactly is left to the streaming reader', () => {
    for (const text of [
      '{"code":"a\\nb"}', // an escape
      '{"code":"1","code":"2"}', // a repeated name
      '{"unknown":1}', // Jackson names it, with its position
      '{"conf":{"a":"b"}}', // nesting
      '{"heartbeatTimeoutInSecond":1e400}', // out of range: the message carries a position
      '{"code":01}',
      '{}',
    ]) {
      expect(readFlat(text, CREATE_INTERACTIVE_REQUEST)).toBeUndefined()
      expect(readFlat(text, EXECUTE_REQUEST)).toBeUndefined()
    }
    expect(outcome(() => readBean('{"code":"1","code":"2"}', EXECUTE_REQUEST))).toEqual(
      outcome(() => readStreaming('{"code":"1","code":"2"}', EXECUTE_REQUEST)),
    )
  })
})
