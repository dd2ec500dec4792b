import { describe, expect, test } from 'vitest'
import { createEmulatorCore } from '../../src/emulator/create-emulator-core.ts'

/** Issue 14, items 6 and 7: request binding answers what Livy's Jackson mapping does. */
const emulator = () => createEmulatorCore({ timing: 'fast' })

async function post(
  livy: ReturnType<typeof emulator>,
  path: string,
  body: string | Uint8Array<ArrayBuffer>,
): Promise<{ status: number; text: string }> {
  const res = await livy.fetch(path, { method: 'POST', body })
  return { status: res.status, text: await res.text() }
}

const internal = 'livy-emulator internal error'

describe('no request body makes the emulator answer an internal error', () => {
  test('a null conf value is bound, then fails building the driver options like Livy (500 NPE, form B)', async () => {
    const r = await post(emulator(), '/sessions', '{"kind":"pyspark","conf":{"a":null}}')
    expect(r.status).toBe(500)
    expect(JSON.parse(r.text)).toBe('java.lang.NullPointerException: null')
  })

  test('a null batch argument fails spark-submit with an NPE and leaves the zombie batch Livy leaves', async () => {
    const livy = emulator()
    const r = await post(livy, '/batches', '{"file":"hdfs:///x.jar","args":[null]}')
    expect(r.status).toBe(500)
    expect(r.text).not.toContain(internal)
    const list = (await (await livy.fetch('/batches')).json()) as { total: number }
    expect(list.total).toBe(1)
  })

  test('a batch conf value that is null reaches spark-submit as the text null', async () => {
    const r = await post(emulator(), '/batches', '{"file":"hdfs:///x.jar","conf":{"a":null}}')
    expect(r.status).toBe(201)
  })

  test('an int beyond Java int range (1e400, 99999999999) is Jackson 400 out of range, not a 500', async () => {
    for (const n of ['1e400', '99999999999', '-1e10']) {
      const r = await post(
        emulator(),
        '/sessions',
        `{"kind":"spark","heartbeatTimeoutInSecond":${n}}`,
      )
      expect(r.status).toBe(400)
      expect(JSON.parse(r.text)).toMatch(
        new RegExp(`^Numeric value \\(${n.replace(/[.+-]/g, '\\$&')}\\) out of range of int`),
      )
    }
  })

  test('a float within range is truncated to an int (ACCEPT_FLOAT_AS_INT)', async () => {
    const livy = emulator()
    const r = await post(livy, '/sessions', '{"kind":"spark","heartbeatTimeoutInSecond":1.9}')
    expect(r.status).toBe(201)
    expect(JSON.parse(r.text).heartbeatTimeoutInSecond).toBe(1)
  })

  test('100,000 nested arrays are read without recursion: 400, in any field', async () => {
    const deep = '['.repeat(100_000)
    for (const body of [
      deep,
      `${deep}${']'.repeat(100_000)}`,
      `{"conf":${deep}`,
      `{"code":${deep}${']'.repeat(100_000)}}`,
      `{"unknown":${deep}${']'.repeat(100_000)}}`,
    ]) {
      const r = await post(emulator(), '/sessions', body)
      expect(r.status).toBe(400)
      expect(r.text).not.toContain(internal)
    }
    const livy = emulator()
    const closed = `{"msg_type_x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`
    const r = await post(livy, '/sessions/0/statements', closed)
    expect(r.status).toBe(400)
    expect(JSON.parse(r.text)).toMatch(/^Unrecognized field "msg_type_x"/)
  })

  test('a body that is not UTF-8 is refused by the JSON parser (400, form B)', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"kind":"sp'), 0xff, 0x22, 0x7d])
    const r = await post(emulator(), '/sessions', bytes)
    expect(r.status).toBe(400)
    expect(JSON.parse(r.text)).toMatch(
      /^Invalid UTF-8 start byte 0xff\n at \[Source: .*column: 12\]/,
    )
  })
})

describe('null where the driver dereferences it', () => {
  test('a completion with a null code is the REPL’s NPE (a Livy 500, form B), not an internal error', async () => {
    const livy = createEmulatorCore({ timing: 'fast' })
    await post(livy, '/sessions', '{"kind":"spark"}')
    await livy.advance(10_000)
    const r = await post(livy, '/sessions/0/completion', '{"code":null,"kind":"spark","cursor":1}')
    expect(r.status).toBe(500)
    expect(JSON.parse(r.text)).toMatch(
      /^java\.util\.concurrent\.ExecutionException: .*java\.lang\.NullPointerException/,
    )
  })

  test('a null jar in a session or a null file-list conf value is an NPE where URIs are resolved', async () => {
    for (const body of ['{"jars":[null]}', '{"conf":{"spark.jars":null}}']) {
      const r = await post(emulator(), '/sessions', body)
      expect(r.status).toBe(500)
      expect(JSON.parse(r.text)).toBe('java.lang.NullPointerException: null')
    }
  })
})

describe('prototype names are ordinary names', () => {
  test.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'a request field named %s is an unrecognized field (400)',
    async (name) => {
      const r = await post(emulator(), '/sessions', `{"${name}":"x"}`)
      expect(r.status).toBe(400)
      expect(JSON.parse(r.text)).toMatch(new RegExp(`^Unrecognized field "${name}"`))
    },
  )

  test('a __proto__ key in conf is kept as a key, like any other', async () => {
    const livy = emulator()
    const r = await post(
      livy,
      '/sessions',
      '{"kind":"spark","conf":{"__proto__":"x","constructor":"y"}}',
    )
    expect(r.status).toBe(201)
    const session = await (await livy.fetch('/sessions/0')).text()
    expect(session).toContain('"conf":{"__proto__":"x","constructor":"y"}')
  })
})
