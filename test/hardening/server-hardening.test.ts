import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { type LivyServer, startLivyServer } from '../../src/node/server.ts'
import { basicAuth, raw } from './http-helpers.ts'

/** Issue 14, items 1, 2 and 9: no request crashes, stalls or exhausts the server. */
let server: LivyServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
  vi.restoreAllMocks()
})

const start = async (options: Parameters<typeof startLivyServer>[0] = {}) => {
  server = await startLivyServer({ port: 0, ...options })
  return server
}

describe('no request can end the process', () => {
  test('a user name beyond Latin-1 goes into Set-Cookie as Jetty writes it, and the server lives on', async () => {
    const s = await start({ auth: { type: 'basic', users: { łukasz: 'pw' } } })
    const r = await raw(s.url, 'GET', '/sessions', { Authorization: basicAuth('łukasz', 'pw') })
    expect(r.status).toBe(200)
    expect(String(r.headers['set-cookie'])).toMatch(/^hadoop\.auth="u=\?ukasz&p=\?ukasz&t=ldap&/)
    // The cookie no longer matches its signature: the client simply authenticates again.
    const again = await raw(s.url, 'GET', '/version', {
      Cookie: String(r.headers['set-cookie']).split(';')[0] as string,
    })
    expect(again.status).toBe(401)
    expect(
      (await raw(s.url, 'GET', '/version', { Authorization: basicAuth('łukasz', 'pw') })).status,
    ).toBe(200)
  })

  test('pseudo auth with a euro sign or a newline in user.name answers 200 and lives on', async () => {
    const s = await start({
      livyConf: {
        'livy.server.auth.type': 'simple',
        'livy.server.auth.simple.class':
          'org.apache.hadoop.security.authentication.server.AuthenticationFilter',
        'livy.server.auth.simple.param.type': 'simple',
      },
    })
    for (const user of ['%E2%82%AC', 'a%0D%0ASet-Cookie:%20x=1', '%00']) {
      const r = await raw(s.url, 'GET', `/sessions?user.name=${user}`)
      expect(r.status).toBe(200)
      expect(String(r.headers['set-cookie'])).not.toMatch(/[\r\n]/)
    }
    expect((await raw(s.url, 'GET', '/version?user.name=alice')).status).toBe(200)
  })

  test('an error thrown by a filter or a handler is a 500 Jetty page, and the next request is served', async () => {
    let calls = 0
    const s = await start({
      filters: [
        (request, next) => {
          if (request.path === '/boom') throw new Error('sync boom')
          if (request.path === '/later') return Promise.reject(new Error('async boom'))
          calls++
          return next(request)
        },
      ],
    })
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    for (const path of ['/boom', '/later']) {
      const r = await raw(s.url, 'GET', `/sessions${path}`.replace('/sessions', ''))
      expect(r.status).toBe(500)
      expect(r.text).toContain('HTTP ERROR 500')
    }
    expect((await raw(s.url, 'GET', '/sessions')).status).toBe(200)
    expect(calls).toBe(1)
  })

  test('an injected fault header that is not a header is refused when added, and cannot break a response', async () => {
    const s = await start()
    const add = (fault: unknown) =>
      raw(
        s.url,
        'POST',
        '/__emulator/faults',
        { 'Content-Type': 'application/json' },
        JSON.stringify(fault),
      )
    expect(
      (await add({ type: 'http', path: '/version', status: 503, headers: { 'Bad Name': 'x' } }))
        .status,
    ).toBe(400)
    expect(
      (await add({ type: 'http', path: '/version', status: 503, headers: { X: 'a\nb€' } })).status,
    ).toBe(201)
    const r = await raw(s.url, 'GET', '/version')
    expect(r.status).toBe(503)
    expect(r.headers.x).toBe('a b?')
  })
})

describe('bodies are read with limits', () => {
  test('a decompression bomb is cut off at the decoded limit (413), not inflated into memory', async () => {
    const s = await start({ decodedBodyLimit: 1 << 20 })
    const bomb = gzipSync(Buffer.alloc(64 << 20))
    expect(bomb.length).toBeLessThan(1 << 20)
    const r = await raw(s.url, 'POST', '/sessions', { 'Content-Encoding': 'gzip' }, bomb)
    expect(r.status).toBe(413)
    expect((await raw(s.url, 'GET', '/version')).status).toBe(200)
  })

  test('a gzip body within the limits is inflated as Livy does', async () => {
    const s = await start()
    const body = gzipSync(Buffer.from('{"kind":"spark"}'))
    const r = await raw(s.url, 'POST', '/sessions', { 'Content-Encoding': 'gzip' }, body)
    expect(r.status).toBe(201)
  })

  test('a 10 MB statement body is read, parsed and kept whole (its timing is a bench row)', async () => {
    const s = await start({ clock: 'manual', timing: 'instant' })
    await raw(s.url, 'POST', '/sessions', {}, '{"kind":"spark"}')
    await s.emulator.advance(10)
    const code = 'x'.repeat(10 * 2 ** 20)
    const r = await raw(s.url, 'POST', '/sessions/0/statements', {}, JSON.stringify({ code }))
    expect(r.status).toBe(201)
    expect(JSON.parse(r.text).code).toHaveLength(code.length)
  })

  test('a 10 MB answer goes out whole: its length, its text across megabyte pieces, gzipped when asked', async () => {
    const s = await start({ clock: 'manual', timing: 'instant' })
    await raw(s.url, 'POST', '/sessions', {}, '{"kind":"spark"}')
    await s.emulator.advance(10)
    // Multi-byte characters and a surrogate pair on every megabyte boundary of the answer.
    const code = '€😀'.repeat(3 * 2 ** 18) + 'é'.repeat(2 ** 20)
    const body = JSON.stringify({ code })
    const plain = await fetch(`${s.url}/sessions/0/statements`, {
      method: 'POST',
      body,
      headers: { 'Accept-Encoding': 'identity' },
    })
    const text = await plain.text()
    expect(Number(plain.headers.get('content-length'))).toBe(Buffer.byteLength(text))
    expect(JSON.parse(text).code).toBe(code)
    const zipped = await fetch(`${s.url}/sessions/0/statements/0`, {
      headers: { 'Accept-Encoding': 'gzip' },
    })
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    const unzipped = await zipped.text()
    expect(JSON.parse(unzipped).code).toBe(code)
    const head = await fetch(`${s.url}/sessions/0/statements/0`, {
      method: 'HEAD',
      headers: { 'Accept-Encoding': 'identity' },
    })
    expect(Number(head.headers.get('content-length'))).toBe(Buffer.byteLength(unzipped))
  })

  test('a body that is not UTF-8 is a 400 from the JSON parser', async () => {
    const s = await start()
    const r = await raw(
      s.url,
      'POST',
      '/sessions',
      {},
      new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]),
    )
    expect(r.status).toBe(400)
    expect(JSON.parse(r.text)).toMatch(/^Invalid UTF-8 middle byte 0x28/)
  })
})

describe('smaller gaps', () => {
  test('idle keep-alive connections are kept 30 s, as Jetty keeps them', async () => {
    const s = await start()
    expect(s.server.keepAliveTimeout).toBe(30_000)
  })

  test('an HTTP fault with an interim status (100) is refused', async () => {
    const s = await start()
    for (const status of [100, 101, 199]) {
      const r = await raw(
        s.url,
        'POST',
        '/__emulator/faults',
        { 'Content-Type': 'application/json' },
        JSON.stringify({ type: 'http', path: '/sessions', status }),
      )
      expect(r.status).toBe(400)
      expect(JSON.parse(r.text).error).toMatch(/200-599/)
    }
  })
})

describe('in-process (msw) requests', () => {
  test('a filter that throws is a 500 Jetty page, never a rejected fetch', async () => {
    const { createEmulatorCore } = await import('../../src/emulator/create-emulator-core.ts')
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const livy = createEmulatorCore({
      filters: [
        (request, next) => {
          if (request.path === '/sessions') throw new Error('sync boom')
          if (request.path === '/batches') return Promise.reject(new Error('async boom'))
          return next(request)
        },
      ],
    })
    for (const path of ['/sessions', '/batches']) {
      const res = await livy.fetch(path)
      expect(res.status).toBe(500)
      expect(await res.text()).toContain('HTTP ERROR 500')
    }
    expect((await livy.fetch('/version')).status).toBe(200)
  })
})
