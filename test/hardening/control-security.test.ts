import { afterEach, describe, expect, test, vi } from 'vitest'
import { createEmulatorCore } from '../../src/emulator/create-emulator-core.ts'
import { type LivyServer, startLivyServer } from '../../src/node/server.ts'
import { basicAuth, raw } from './http-helpers.ts'

/** Issue 14, items 3 and 4: no forgeable login, no open door to the control API. */
let server: LivyServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
  vi.restoreAllMocks()
})

const json = { 'Content-Type': 'application/json' }

describe('the hadoop.auth cookie cannot be forged', () => {
  const users = { alice: 'pw' }
  const login = async (livy: ReturnType<typeof createEmulatorCore>) => {
    const res = await livy.fetch('/sessions', {
      headers: { Authorization: basicAuth('alice', 'pw') },
    })
    return (res.headers.get('set-cookie') ?? '').split(';')[0] as string
  }

  test('two emulators with the same (public) seed do not accept each other’s cookies', async () => {
    const a = createEmulatorCore({ seed: 'livy-emulator', auth: { type: 'basic', users } })
    const b = createEmulatorCore({ seed: 'livy-emulator', auth: { type: 'basic', users } })
    const cookie = await login(a)
    expect((await a.fetch('/sessions', { headers: { Cookie: cookie } })).status).toBe(200)
    expect((await b.fetch('/sessions', { headers: { Cookie: cookie } })).status).toBe(401)
  })

  test('a cookie with another user put in is refused', async () => {
    const a = createEmulatorCore({ auth: { type: 'basic', users } })
    const forged = (await login(a)).replace('u=alice&p=alice', 'u=admin&p=admin')
    expect((await a.fetch('/sessions', { headers: { Cookie: forged } })).status).toBe(401)
  })

  test('a pinned secret (--auth-secret) keeps cookies valid across emulators (a restart)', async () => {
    const a = createEmulatorCore({ authSecret: 's3cret', auth: { type: 'basic', users } })
    const b = createEmulatorCore({
      livyConf: { 'livy-emulator.auth.secret': 's3cret' },
      auth: { type: 'basic', users },
    })
    const cookie = await login(a)
    expect((await b.fetch('/sessions', { headers: { Cookie: cookie } })).status).toBe(200)
  })
})

describe('the control API is not open to whoever can reach it', () => {
  test('with Livy’s authentication on, the control API asks for the same credentials', async () => {
    server = await startLivyServer({ port: 0, auth: { type: 'basic', users: { alice: 'pw' } } })
    const url = server.url
    expect((await raw(url, 'GET', '/__emulator/state')).status).toBe(401)
    expect((await raw(url, 'POST', '/__emulator/reset', json)).status).toBe(401)
    const ok = await raw(url, 'POST', '/__emulator/reset', {
      ...json,
      Authorization: basicAuth('alice', 'pw'),
    })
    expect(ok.status).toBe(200)
    expect(
      (await raw(url, 'GET', '/__emulator/state', { Authorization: basicAuth('alice', 'x') }))
        .status,
    ).toBe(401)
  })

  test('a control token opens it (Bearer or X-Emulator-Token), nothing else does', async () => {
    server = await startLivyServer({ port: 0, control: { token: 'tok' } })
    const url = server.url
    expect((await raw(url, 'GET', '/__emulator/clock')).status).toBe(401)
    expect(
      (await raw(url, 'GET', '/__emulator/clock', { 'X-Emulator-Token': 'nope' })).status,
    ).toBe(401)
    expect((await raw(url, 'GET', '/__emulator/clock', { 'X-Emulator-Token': 'tok' })).status).toBe(
      200,
    )
    expect(
      (await raw(url, 'GET', '/__emulator/clock', { Authorization: 'Bearer tok' })).status,
    ).toBe(200)
    // Livy's own API stays as configured (open here).
    expect((await raw(url, 'GET', '/sessions')).status).toBe(200)
  })

  test('a cross-site page cannot change state: foreign Origin 403, non-JSON body 415', async () => {
    server = await startLivyServer({ port: 0 })
    const url = server.url
    const evil = await raw(url, 'POST', '/__emulator/reset', {
      ...json,
      Origin: 'http://evil.example',
    })
    expect(evil.status).toBe(403)
    const nullOrigin = await raw(url, 'POST', '/__emulator/reset', { ...json, Origin: 'null' })
    expect(nullOrigin.status).toBe(403)
    const form = await raw(
      url,
      'POST',
      '/__emulator/faults',
      { 'Content-Type': 'text/plain' },
      '{"type":"http","path":"/sessions","status":503}',
    )
    expect(form.status).toBe(415)
    const bare = await raw(
      url,
      'POST',
      '/__emulator/faults',
      {},
      '{"type":"http","path":"/x","status":503}',
    )
    expect(bare.status).toBe(415)
    const same = await raw(url, 'POST', '/__emulator/reset', { ...json, Origin: url })
    expect(same.status).toBe(200)
    expect((await raw(url, 'POST', '/__emulator/reset')).status).toBe(200)
  })

  test('an origin in --cors may drive it', async () => {
    server = await startLivyServer({ port: 0, cors: ['http://localhost:5173'] })
    const r = await raw(server.url, 'POST', '/__emulator/reset', {
      ...json,
      Origin: 'http://localhost:5173',
    })
    expect(r.status).toBe(200)
  })

  test('DNS rebinding: an open control API refuses a Host that is not loopback or an IP', async () => {
    server = await startLivyServer({ port: 0 })
    const port = server.port
    expect(
      (await raw(server.url, 'GET', '/__emulator/state', { Host: `attacker.example:${port}` }))
        .status,
    ).toBe(403)
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `[::1]:${port}`,
      `10.0.0.5:${port}`,
    ]) {
      expect((await raw(server.url, 'GET', '/__emulator/clock', { Host: host })).status).toBe(200)
    }
    // Livy's API itself answers any Host, as Livy does.
    expect((await raw(server.url, 'GET', '/sessions', { Host: 'attacker.example' })).status).toBe(
      200,
    )
    await server.close()
    server = await startLivyServer({ port: 0, control: { hosts: ['devbox.internal'] } })
    expect(
      (await raw(server.url, 'GET', '/__emulator/clock', { Host: 'devbox.internal' })).status,
    ).toBe(200)
  })

  test('--no-control: /__emulator is Livy’s 404', async () => {
    server = await startLivyServer({ port: 0, control: false })
    const r = await raw(server.url, 'POST', '/__emulator/reset', json)
    expect(r.status).toBe(404)
    expect(r.text).toBe('')
  })

  test('credentials are redacted in the journal, and headers never recorded', async () => {
    server = await startLivyServer({
      port: 0,
      livyConf: {
        'livy.server.auth.type': 'simple',
        'livy.server.auth.simple.class':
          'org.apache.hadoop.security.authentication.server.AuthenticationFilter',
        'livy.server.auth.simple.param.type': 'simple',
      },
      control: { token: 't' },
    })
    await raw(server.url, 'GET', '/sessions?user.name=alice&size=5', {
      Authorization: 'Bearer secret-token',
      Cookie: 'hadoop.auth="u=alice"',
    })
    const journal = await raw(server.url, 'GET', '/__emulator/requests', {
      'X-Emulator-Token': 't',
    })
    expect(journal.status).toBe(200)
    expect(JSON.parse(journal.text).requests[0].query).toBe('user.name=***&size=5')
    expect(journal.text).not.toMatch(/alice|secret-token|hadoop\.auth/)
  })

  test('listening beyond loopback without authentication prints a warning on stderr', async () => {
    const writes: string[] = []
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      writes.push(String(chunk))
      return true
    })
    server = await startLivyServer({ port: 0, host: '0.0.0.0' })
    expect(writes.join('')).toMatch(/warning: listening on 0\.0\.0\.0 .*without authentication/)
    await server.close()
    writes.length = 0
    server = await startLivyServer({ port: 0, host: '127.0.0.1' })
    expect(writes.join('')).toBe('')
    await server.close()
    server = await startLivyServer({
      port: 0,
      host: '0.0.0.0',
      auth: { type: 'basic', users: { a: 'b' } },
    })
    expect(writes.join('')).toBe('')
  })
})
