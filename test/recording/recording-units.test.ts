import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import fc from 'fast-check'
import { afterEach, describe, expect, test } from 'vitest'
import { createLivyEmulator } from '../../src/emulator/create-livy-emulator.ts'
import { edgeRequest } from '../../src/emulator/http/types.ts'
import { normaliseCode } from '../../src/emulator/recording/normalise-code.ts'
import { createRecordProxy } from '../../src/emulator/recording/record-proxy.ts'
import {
  emptyRecording,
  parseRecording,
  RecordingError,
} from '../../src/emulator/recording/recording-format.ts'
import { recordingJsonSchema } from '../../src/emulator/recording/recording-json-schema.ts'
import { recordingSchema } from '../../src/emulator/recording/recording-schema.ts'
import { createRedactor } from '../../src/emulator/recording/redactor.ts'
import { createReplaySource } from '../../src/emulator/recording/replay-source.ts'
import { nodeUpstreamTransport } from '../../src/node/upstream-transport.ts'

const SCHEMA_PATH = join(import.meta.dirname, '..', '..', 'spec', 'recording.schema.json')

const sample = () => ({
  ...emptyRecording('http://livy.test', '2026-01-01T00:00:00.000Z'),
  statements: {
    pyspark: [
      { code: 'x = 1\nx + 1', output: { status: 'ok' as const, data: { 'text/plain': '2' } } },
      {
        code: 'import random; random.random()',
        output: { status: 'ok' as const, data: { 'text/plain': '0.1' } },
      },
      {
        code: 'import random; random.random()',
        output: { status: 'ok' as const, data: { 'text/plain': '0.2' } },
      },
    ],
  },
})

describe('the recording format', () => {
  test('spec/recording.schema.json is generated from the format (node scripts/generate-recording-schema.ts)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(recordingJsonSchema())
  })

  test('the JSON schema accepts what the reader accepts and refuses what it refuses', () => {
    const validate = new Ajv2020({ strict: false }).compile(
      JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')),
    )
    expect(validate(sample())).toBe(true)
    expect(validate({ ...sample(), statements: { cobol: [] } })).toBe(false)
    expect(validate({ ...sample(), version: 2 })).toBe(false)
  })

  test('parseRecording accepts exactly what the zod schema accepts, and gives the same value', () => {
    // Each field is right, or any JSON at all; keys go missing and unknown ones come in.
    const maybe = <T>(right: fc.Arbitrary<T>) =>
      fc.oneof({ weight: 40, arbitrary: right }, { weight: 1, arbitrary: fc.jsonValue() })
    const object = (fields: Record<string, fc.Arbitrary<unknown>>) =>
      maybe(
        fc
          .tuple(
            fc.oneof(
              { weight: 30, arbitrary: fc.record(fields) },
              { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) },
            ),
            fc.oneof(
              { weight: 30, arbitrary: fc.constant({}) },
              {
                weight: 1,
                arbitrary: fc.dictionary(
                  fc.constantFrom('extra', '__proto__', 'code', 'cobol'),
                  fc.jsonValue(),
                  { minKeys: 1, maxKeys: 1 },
                ),
              },
            ),
          )
          .map(([fieldsGiven, extra]) => ({ ...fieldsGiven, ...extra })),
      )
    const string = maybe(fc.string({ maxLength: 4 }))
    const strings = maybe(fc.array(string, { maxLength: 2 }))
    const output = fc.oneof(
      object({
        status: maybe(fc.constant('ok')),
        data: maybe(fc.dictionary(fc.string(), fc.jsonValue())),
      }),
      object({
        status: maybe(fc.constant('error')),
        ename: string,
        evalue: string,
        traceback: strings,
      }),
    )
    const statements = maybe(fc.array(object({ code: string, output }), { maxLength: 2 }))
    const recording = object({
      $schema: string,
      version: fc.constantFrom(1, 1, 1, 1, 1, 1, 1, 2, '1'),
      recordedFrom: string,
      recordedAt: string,
      statements: object({
        spark: statements,
        pyspark: statements,
        sparkr: statements,
        sql: statements,
      }),
      batches: maybe(
        fc.array(
          object({
            file: maybe(fc.option(fc.string(), { nil: null })),
            className: maybe(fc.option(fc.string(), { nil: null })),
            args: strings,
            state: string,
            log: strings,
          }),
          { maxLength: 2 },
        ),
      ),
      exchanges: maybe(
        fc.array(
          object({
            request: string,
            requestBody: string,
            status: maybe(fc.oneof(fc.integer(), fc.double())),
            headers: maybe(fc.dictionary(fc.string(), string)),
            body: string,
          }),
          { maxLength: 2 },
        ),
      ),
    })
    let accepted = 0
    fc.assert(
      fc.property(recording, (value) => {
        const text = JSON.stringify(value)
        const byZod = recordingSchema.safeParse(JSON.parse(text))
        let ours: unknown
        try {
          ours = parseRecording(text)
        } catch (e) {
          expect(e).toBeInstanceOf(RecordingError)
          expect(byZod.success).toBe(false)
          return
        }
        expect(byZod.success).toBe(true)
        expect(ours).toEqual(byZod.data)
        accepted++
      }),
      { numRuns: 1_000 },
    )
    // Both kinds of answer were given.
    expect(accepted).toBeGreaterThan(20)
  })

  test.each([
    ['not json', '{"version":', /staging.json: not JSON/],
    ['an array', '[]', /a recording is a JSON object/],
    ['no version', '{"statements":{}}', /no "version" field: not a livy-emulator recording/],
    [
      'another version',
      '{"version":7}',
      /recording version 7 is not supported \(this livy-emulator reads version 1\)/,
    ],
    [
      'a bad field',
      JSON.stringify({
        ...sample(),
        statements: { pyspark: [{ code: 3, output: { status: 'ok', data: {} } }] },
      }),
      /statements\.pyspark\[0\]\.code: .*string/,
    ],
    [
      'an unknown kind',
      JSON.stringify({ ...sample(), statements: { cobol: [] } }),
      /statements.*cobol/,
    ],
  ])('a malformed recording is refused, naming the problem: %s', (_, text, message) => {
    expect(() => parseRecording(text, 'staging.json')).toThrow(RecordingError)
    expect(() => parseRecording(text, 'staging.json')).toThrow(message)
  })

  test('createLivyEmulator refuses a malformed or missing replay file', () => {
    expect(() => createLivyEmulator({ replay: '/nonexistent/rec.json' })).toThrow(
      /\/nonexistent\/rec.json: cannot read the recording: ENOENT/,
    )
    expect(() => createLivyEmulator({ replay: { version: 1 } as never })).toThrow(RecordingError)
  })
})

describe('replay matching', () => {
  test('exact code, then code without whitespace and comments, in the recorded kind only', () => {
    const source = createReplaySource(parseRecording(sample()))
    const ask = (code: string, kind: 'pyspark' | 'spark' = 'pyspark') =>
      source.resolve({ sessionId: 0, statementId: 0, kind, code })?.body
    expect(ask('x = 1\nx + 1')).toEqual({ status: 'ok', data: { 'text/plain': '2' } })
    expect(ask('x=1   # one\n\n  x+1 ')).toEqual({ status: 'ok', data: { 'text/plain': '2' } })
    expect(ask('x = 1\nx + 1', 'spark')).toBeUndefined()
    expect(ask('x = 2\nx + 1')).toBeUndefined()
  })

  test('code recorded several times answers each recorded output in turn, then the last', () => {
    const source = createReplaySource(parseRecording(sample()))
    const ask = () =>
      source.resolve({
        sessionId: 0,
        statementId: 0,
        kind: 'pyspark',
        code: 'import random; random.random()',
      })?.body
    expect(
      [ask(), ask(), ask()].map((b) => (b as { data: Record<string, string> }).data['text/plain']),
    ).toEqual(['0.1', '0.2', '0.2'])
  })

  test('normaliseCode keeps string literals and word boundaries', () => {
    expect(normaliseCode('print( "a  # b" )  # c', 'pyspark')).toBe('print("a  # b")')
    expect(normaliseCode('import os', 'pyspark')).not.toBe(normaliseCode('importos', 'pyspark'))
    expect(normaliseCode('SELECT  1 -- one\n/* two */ ,2', 'sql')).toBe('SELECT 1,2')
    expect(normaliseCode('val x = 1 // one', 'spark')).toBe('val x=1')
    expect(normaliseCode('s = """a\n  # not a comment"""', 'pyspark')).toBe(
      's="""a\n  # not a comment"""',
    )
  })
})

describe('redaction', () => {
  test('learnt secrets, Basic passwords, cookies and secret-looking keys never survive', () => {
    const r = createRedactor()
    r.learnAuthorization(`Basic ${btoa('alice:pa55word!')}`)
    r.learnCookies('hadoop.auth="u=alice&t=kerberos&s=SIGNATURE123"; Path=/; HttpOnly')
    expect(r.text('the password pa55word! and alice:pa55word!')).toBe(
      'the password <redacted> and <redacted>',
    )
    expect(r.text('cookie u=alice&t=kerberos&s=SIGNATURE123')).toBe('cookie <redacted>')
    expect(r.path('/sessions?access_token=abc&size=10')).toBe(
      '/sessions?access_token=<redacted>&size=10',
    )
    expect(
      JSON.parse(
        r.body(
          '{"kind":"pyspark","conf":{"spark.hadoop.fs.s3a.secret.key":"AKIAXX","spark.app":"x"}}',
        ),
      ),
    ).toEqual({
      kind: 'pyspark',
      conf: { 'spark.hadoop.fs.s3a.secret.key': '<redacted>', 'spark.app': 'x' },
    })
  })
})

describe('a bad upstream gets a clear 502, never a crash or a stall', () => {
  let server: Server | undefined
  afterEach(() => {
    server?.closeAllConnections()
    server?.close()
    server = undefined
  })
  const listen = async (handler: Parameters<typeof createServer>[1]): Promise<string> => {
    server = createServer(handler)
    await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r))
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }
  const written: string[] = []
  const proxyTo = (url: string, limits: { timeoutMs?: number; maxBytes?: number } = {}) =>
    createRecordProxy({
      url,
      transport: nodeUpstreamTransport(limits),
      sink: { name: 'memory', write: (t) => void written.push(t) },
      recordedAt: '2026-01-01T00:00:00.000Z',
    })
  const get = (url: string, limits?: { timeoutMs?: number; maxBytes?: number }) =>
    proxyTo(url, limits).handle(edgeRequest({ method: 'GET', url: '/sessions' }))

  test('refused connection', async () => {
    const url = await listen(() => undefined)
    server?.close()
    const res = await get(url)
    expect(res.status).toBe(502)
    expect(res.body).toMatch(/did not answer: ECONNREFUSED/)
  })

  test('an upstream that never answers', async () => {
    const url = await listen(() => undefined)
    const res = await get(url, { timeoutMs: 300 })
    expect(res.status).toBe(502)
    expect(res.body).toMatch(/no answer within 300 ms/)
  })

  test('an answer larger than the limit', async () => {
    const url = await listen((_, res) => res.end('x'.repeat(10_000)))
    const res = await get(url, { maxBytes: 1_000 })
    expect(res.status).toBe(502)
    expect(res.body).toMatch(/larger than 1000 bytes/)
  })

  test('hostile bodies are forwarded as they are and recorded without breaking the file', async () => {
    const url = await listen((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end('{"sessions": [{"id": "nope", "kind": 5}], "__proto__": {"x": 1}')
    })
    const res = await get(url)
    expect(res.status).toBe(200)
    expect(res.body).toContain('"nope"')
    expect(() => parseRecording(written.at(-1))).not.toThrow()
  })

  test('not a URL, or not http(s)', () => {
    expect(() => proxyTo('livy:8998')).toThrow(/not a URL|must be http/)
    expect(() => proxyTo('ftp://livy.test')).toThrow(/must be http\(s\)/)
  })
})
