import { describe, expect, test } from 'vitest'
import { createLivyEmulator } from '../../src/index.ts'
import { startLivyServer } from '../../src/node/index.ts'

const post = (livy: ReturnType<typeof createLivyEmulator>, path: string, body: unknown) =>
  livy.fetch(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) })

describe('the request journal keeps bodies and answers verify', () => {
  test('a request body is kept, secret JSON members redacted, long ones cut at 4 KiB', async () => {
    const livy = createLivyEmulator({ evaluate: 'scripted' })
    await post(livy, '/sessions', {
      kind: 'pyspark',
      conf: { 'spark.ssl.keyPassword': 'hunter2', 'spark.hadoop.fs.s3a.secret.key': 'k', a: 'b' },
    })
    await post(livy, '/batches', { file: 'hdfs:///x.jar', args: ['y'.repeat(10_000)] })
    const [session, batch] = livy.journal.entries()
    expect(session?.body).toBe(
      '{"kind":"pyspark","conf":{"spark.ssl.keyPassword":"***","spark.hadoop.fs.s3a.secret.key":"***","a":"b"}}',
    )
    expect(session?.body).not.toContain('hunter2')
    expect(batch?.bodyTruncated).toBe(true)
    expect(batch?.body).toHaveLength(4096)
    expect(batch?.bodySize).toBeGreaterThan(10_000)
  })

  test('a body is journalled as it was sent, even when the sender reuses its buffer afterwards', async () => {
    const livy = createLivyEmulator({ evaluate: 'scripted' })
    const bytes = new TextEncoder().encode('{"kind":"spark"}')
    await livy.fetch(new Request('http://localhost:8998/sessions', { method: 'POST', body: bytes }))
    const served = livy.handle({
      method: 'POST',
      path: '/sessions',
      query: '',
      header: () => undefined,
      body: bytes,
    })
    await served
    bytes.fill(0x20)
    expect(livy.journal.entries().map((e) => e.body)).toEqual([
      '{"kind":"spark"}',
      '{"kind":"spark"}',
    ])
  })

  test('verify counts matching requests and explains a mismatch with the nearest misses', async () => {
    const livy = createLivyEmulator({ evaluate: 'scripted', timing: 'instant' })
    await post(livy, '/sessions', { kind: 'pyspark' })
    await livy.advance(0)
    await post(livy, '/sessions/0/statements', { code: 'spark.range(10).count()' })
    await post(livy, '/sessions/0/statements', { code: '1 + 1' })
    const hit = livy.journal.verify({
      method: 'post',
      path: '/sessions/*/statements',
      body: { code: '1 + 1' },
      count: 1,
    })
    expect(hit).toMatchObject({ ok: true, count: 1 })
    const miss = livy.journal.verify({ path: '/sessions/*/statements', body: { code: '2 + 2' } })
    expect(miss.ok).toBe(false)
    expect(miss.message).toContain(
      'expected at least 1 request(s) any method /sessions/*/statements with a body containing {"code":"2 + 2"}, found 0',
    )
    expect(miss.message).toContain('#2 POST /sessions/0/statements → 201 {"code":"1 + 1"}')
    expect(livy.journal.find({ status: 201, method: 'POST' })).toHaveLength(3)
  })

  test('over HTTP: GET /__emulator/requests filters, POST /__emulator/requests/verify verifies', async () => {
    const server = await startLivyServer({ port: 0, evaluate: 'scripted' })
    try {
      const call = (method: string, path: string, body?: unknown) =>
        fetch(`${server.url}${path}`, {
          method,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          headers: { 'Content-Type': 'application/json' },
        })
      await call('POST', '/sessions', { kind: 'spark', name: 'one' })
      await call('GET', '/sessions')
      const list = await (
        await call('GET', '/__emulator/requests?method=POST&path=/sessions')
      ).json()
      expect(list.requests).toHaveLength(1)
      expect(list.requests[0].body).toBe('{"kind":"spark","name":"one"}')
      const verified = await (
        await call('POST', '/__emulator/requests/verify', {
          method: 'POST',
          path: '/sessions',
          body: { name: 'one' },
          count: 1,
        })
      ).json()
      expect(verified).toMatchObject({ ok: true, count: 1, nearest: [] })
      const bad = await call('POST', '/__emulator/requests/verify', { count: 1, atLeast: 1 })
      expect(bad.status).toBe(400)
      expect((await call('GET', '/__emulator/requests?status=abc')).status).toBe(400)
    } finally {
      await server.close()
    }
  })
})
