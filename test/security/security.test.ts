import { afterEach, describe, expect, test } from 'vitest'
import type { LivyEmulatorOptions } from '../../src/index.ts'
import { type Harness, httpHarness } from '../support/harness.ts'

/** Livy's security, over real HTTP, in the default (Apache 0.9) profile. */

const basic = (user: string, password: string) => ({
  Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
})

const USERS = 'alice:pw-a,bob:pw-b,viewer:pw-v,modifier:pw-m,admin:pw-s,mallory:pw-x'
const as = (user: string) =>
  basic(user, `pw-${user === 'admin' ? 's' : user === 'mallory' ? 'x' : user[0]}`)

let h: Harness
afterEach(async () => {
  await h?.close()
})
const start = async (
  livyConf: LivyEmulatorOptions['livyConf'],
  extra: LivyEmulatorOptions = {},
) => {
  h = await httpHarness({ livyConf, ...extra })
  return h
}

describe('authentication (livy.server.auth.type=ldap, users from a list)', () => {
  const conf = { 'livy.server.auth.type': 'ldap', 'livy-emulator.auth.users': USERS }

  test('a request without credentials gets 401, a Basic challenge, a cleared cookie and Jetty’s page', async () => {
    await start(conf)
    const r = await h.request('GET', '/sessions')
    expect(r.status).toBe(401)
    expect(r.headers.get('www-authenticate')).toBe('Basic')
    expect(r.headers.get('set-cookie')).toBe('hadoop.auth=; HttpOnly')
    expect(r.headers.get('content-type')).toBe('text/html;charset=iso-8859-1')
    expect(r.text).toContain('<h2>HTTP ERROR 401 Authentication required</h2>')
  })

  test('a wrong password gets 403 "Error validating LDAP user" and no challenge', async () => {
    await start(conf)
    const r = await h.request('GET', '/sessions', undefined, basic('alice', 'nope'))
    expect(r.status).toBe(403)
    expect(r.headers.get('www-authenticate')).toBeNull()
    expect(r.text).toContain('<title>Error 403 Error validating LDAP user</title>')
  })

  test('a blank password is refused with the handler’s own message', async () => {
    await start(conf)
    const r = await h.request('GET', '/sessions', undefined, {
      ...basic('alice', ''),
      Accept: 'application/json',
    })
    expect(r.status).toBe(403)
    expect(r.json()).toEqual({
      servlet: 'org.apache.livy.server.interactive.InteractiveSessionServlet',
      message: 'Error validating LDAP user: a null or blank password has been provided',
      url: '/sessions',
      status: '403',
    })
  })

  test('a Basic header that is not user:password gets 403 "Authentication required"', async () => {
    await start(conf)
    const r = await h.request('GET', '/sessions', undefined, {
      Authorization: `Basic ${Buffer.from('no-colon').toString('base64')}`,
    })
    expect(r.status).toBe(403)
    expect(r.text).toContain('HTTP ERROR 403 Authentication required')
  })

  test('the right password is accepted, the user becomes the owner, and a signed cookie is issued', async () => {
    await start(conf)
    const r = await h.request('POST', '/sessions', {}, as('alice'))
    expect(r.status).toBe(201)
    expect(r.json<{ owner: string }>().owner).toBe('alice')
    const cookie = r.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(
      /^hadoop\.auth="u=alice&p=alice&t=ldap&e=\d+&s=[A-Za-z0-9+/]{43}="; HttpOnly$/,
    )
  })

  test('the issued cookie authenticates later requests; a tampered one does not', async () => {
    await start(conf)
    const first = await h.request('GET', '/sessions', undefined, as('alice'))
    const token = (first.headers.get('set-cookie') ?? '').split(';')[0] as string
    const again = await h.request('POST', '/sessions', {}, { Cookie: token })
    expect(again.status).toBe(201)
    expect(again.json<{ owner: string }>().owner).toBe('alice')
    expect(again.headers.get('set-cookie')).toBeNull()
    const forged = token.replace('u=alice&p=alice', 'u=admin&p=admin')
    expect((await h.request('GET', '/sessions', undefined, { Cookie: forged })).status).toBe(401)
  })

  test('the cookie expires after the token validity (10 h) on the emulator’s clock', async () => {
    await start(conf)
    const first = await h.request('GET', '/sessions', undefined, as('alice'))
    const token = (first.headers.get('set-cookie') ?? '').split(';')[0] as string
    await h.control.advance(10 * 3_600_000)
    expect((await h.request('GET', '/sessions', undefined, { Cookie: token })).status).toBe(401)
  })
})

describe('authentication (Hadoop pseudo handler: user.name)', () => {
  const conf = {
    'livy.server.auth.type': 'simple',
    'livy.server.auth.simple.class':
      'org.apache.hadoop.security.authentication.server.AuthenticationFilter',
    'livy.server.auth.simple.param.type': 'simple',
  }

  test('without user.name the request gets 401 with a PseudoAuth challenge', async () => {
    await start(conf)
    const r = await h.request('GET', '/sessions')
    expect(r.status).toBe(401)
    expect(r.headers.get('www-authenticate')).toBe('PseudoAuth')
  })

  test('user.name names the owner', async () => {
    await start(conf)
    const r = await h.request('POST', '/sessions?user.name=carol', {})
    expect(r.status).toBe(201)
    expect(r.json<{ owner: string }>().owner).toBe('carol')
  })

  test('a custom auth type without its class makes the emulator refuse to start, as Livy does', async () => {
    await expect(httpHarness({ livyConf: { 'livy.server.auth.type': 'custom' } })).rejects.toThrow(
      'requirement failed: custom auth requires livy.server.auth.custom.class to be provided',
    )
  })
})

describe('authentication (Bearer tokens, as a gateway puts in front of Livy)', () => {
  const auth = {
    type: 'bearer' as const,
    tokens: {
      good: 'alice',
      shortLived: { user: 'bob', expiresAt: Date.UTC(2026, 0, 1, 1) },
    },
  }

  test('missing, wrong and expired tokens each get 401 with their own challenge', async () => {
    await start({}, { auth })
    const missing = await h.request('GET', '/sessions')
    expect(missing.status).toBe(401)
    expect(missing.headers.get('www-authenticate')).toBe('Bearer')
    const wrong = await h.request('GET', '/sessions', undefined, { Authorization: 'Bearer nope' })
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"')
    expect(
      (await h.request('GET', '/sessions', undefined, { Authorization: 'Bearer shortLived' }))
        .status,
    ).toBe(200)
    await h.control.advance(3_600_000)
    const expired = await h.request('GET', '/sessions', undefined, {
      Authorization: 'Bearer shortLived',
    })
    expect(expired.status).toBe(401)
    expect(expired.headers.get('www-authenticate')).toContain('The access token expired')
  })

  test('a verifier callback decides in-process', async () => {
    await start(
      {},
      {
        auth: {
          type: 'bearer',
          verify: (token) =>
            token.startsWith('jwt.') ? { user: token.slice(4) } : { error: 'invalid' },
        },
      },
    )
    const r = await h.request('POST', '/sessions', {}, { Authorization: 'Bearer jwt.dana' })
    expect(r.json<{ owner: string }>().owner).toBe('dana')
    expect(
      (await h.request('GET', '/sessions', undefined, { Authorization: 'Bearer x' })).status,
    ).toBe(401)
  })
})

describe('CSRF protection (livy.server.csrf-protection.enabled)', () => {
  const conf = { 'livy.server.csrf-protection.enabled': true }

  test('a POST without X-Requested-By gets 400 and Jetty’s page; nothing is created', async () => {
    await start(conf)
    const r = await h.request('POST', '/sessions', {})
    expect(r.status).toBe(400)
    expect(r.text).toContain('HTTP ERROR 400 Missing Required Header for CSRF protection.')
    expect(r.headers.get('cache-control')).toBe('must-revalidate,no-cache,no-store')
    expect((await h.request('GET', '/sessions')).json()).toEqual({
      from: 0,
      total: 0,
      sessions: [],
    })
  })

  test('any X-Requested-By value passes, even an empty one', async () => {
    await start(conf)
    expect((await h.request('POST', '/sessions', {}, { 'X-Requested-By': '' })).status).toBe(201)
  })

  test('GET needs no header; DELETE does, and its refusal has no body', async () => {
    await start(conf)
    await h.request('POST', '/sessions', {}, { 'X-Requested-By': 'me' })
    expect((await h.request('GET', '/sessions/0')).status).toBe(200)
    const del = await h.request('DELETE', '/sessions/0')
    expect(del.status).toBe(400)
    expect(del.text).toBe('')
  })

  test('the refusal page follows Accept: JSON and plain text variants', async () => {
    await start(conf)
    const json = await h.request('POST', '/batches', {}, { Accept: 'application/json' })
    expect(json.text).toBe(
      '{\n"servlet":"org.apache.livy.server.batch.BatchSessionServlet",\n"message":"Missing Required Header for CSRF protection.",\n"url":"/batches",\n"status":"400"\n}',
    )
    const plain = await h.request('POST', '/batches', {}, { Accept: 'text/plain' })
    expect(plain.text).toBe(
      'HTTP ERROR 400 Missing Required Header for CSRF protection.\nURI: /batches\nSTATUS: 400\nMESSAGE: Missing Required Header for CSRF protection.\nSERVLET: org.apache.livy.server.batch.BatchSessionServlet\n',
    )
  })

  test('CSRF is checked after authentication', async () => {
    await start({ ...conf, 'livy.server.auth.type': 'ldap', 'livy-emulator.auth.users': USERS })
    expect((await h.request('POST', '/sessions', {})).status).toBe(401)
    expect((await h.request('POST', '/sessions', {}, as('alice'))).status).toBe(400)
  })
})

describe('access control (view/modify users, superusers, allowed users)', () => {
  const conf = {
    'livy.server.auth.type': 'ldap',
    'livy-emulator.auth.users': USERS,
    'livy.server.access-control.enabled': true,
    'livy.server.access-control.allowed-users': 'alice,bob',
    'livy.server.access-control.view-users': 'viewer',
    'livy.server.access-control.modify-users': 'modifier',
    'livy.superusers': 'admin',
  }
  const setup = async () => {
    await start(conf)
    expect((await h.request('POST', '/sessions', { kind: 'spark' }, as('alice'))).status).toBe(201)
  }

  test('a user in no list is refused at the door with 403 "User not authorised to use Livy."', async () => {
    await setup()
    const r = await h.request('GET', '/sessions', undefined, as('mallory'))
    expect(r.status).toBe(403)
    expect(r.text).toContain('HTTP ERROR 403 User not authorised to use Livy.')
  })

  // [route, access it needs, expected status per user]
  const matrix: [string, string, string, Record<string, number>][] = [
    [
      'GET',
      '/sessions/0',
      'none',
      { alice: 200, bob: 200, viewer: 200, modifier: 200, admin: 200 },
    ],
    [
      'GET',
      '/sessions/0/state',
      'none',
      { alice: 200, bob: 200, viewer: 200, modifier: 200, admin: 200 },
    ],
    [
      'GET',
      '/sessions/0/log',
      'view',
      { alice: 200, bob: 403, viewer: 200, modifier: 200, admin: 200 },
    ],
    [
      'GET',
      '/sessions/0/statements',
      'view',
      { alice: 200, bob: 403, viewer: 200, modifier: 200, admin: 200 },
    ],
    [
      'POST',
      '/sessions/0/statements',
      'modify',
      { alice: 201, bob: 403, viewer: 403, modifier: 201, admin: 201 },
    ],
    [
      'POST',
      '/sessions/0/statements/0/cancel',
      'modify',
      { alice: 200, bob: 403, viewer: 403, modifier: 200, admin: 200 },
    ],
  ]
  for (const [method, path, access, expected] of matrix) {
    test(`${method} ${path} (${access}) allows and denies each user as Livy does`, async () => {
      await setup()
      if (path.includes('/cancel'))
        await h.request('POST', '/sessions/0/statements', { code: '1' }, as('alice'))
      for (const [user, status] of Object.entries(expected)) {
        const r = await h.request(
          method,
          path,
          method === 'POST' ? { code: '1' } : undefined,
          as(user),
        )
        expect({ user, status: r.status }).toEqual({ user, status })
        if (status === 403) expect(r.text).toBe('{}')
      }
    })
  }

  test('DELETE needs modify access: bob and viewer are refused, modifier may', async () => {
    await setup()
    expect((await h.request('DELETE', '/sessions/0', undefined, as('bob'))).status).toBe(403)
    expect((await h.request('DELETE', '/sessions/0', undefined, as('viewer'))).status).toBe(403)
    expect((await h.request('DELETE', '/sessions/0', undefined, as('modifier'))).status).toBe(200)
  })

  test('a caller without view access sees the session with an empty log', async () => {
    await setup()
    const r = await h.request('GET', '/sessions/0', undefined, as('bob'))
    expect(r.json<{ log: string[] }>().log).toEqual([])
    const own = await h.request('GET', '/sessions/0', undefined, as('alice'))
    expect(own.json<{ log: string[] }>().log.length).toBeGreaterThan(0)
  })

  test('the proxy user counts as an owner (LIVY-592)', async () => {
    await start({ ...conf, 'livy.impersonation.enabled': true })
    await h.request('POST', '/sessions', { kind: 'spark', proxyUser: 'bob' }, as('admin'))
    expect(
      (await h.request('POST', '/sessions/0/statements', { code: '1' }, as('bob'))).status,
    ).toBe(201)
  })
})

describe('impersonation (livy.impersonation.enabled)', () => {
  const conf = {
    'livy.server.auth.type': 'ldap',
    'livy-emulator.auth.users': USERS,
    'livy.impersonation.enabled': true,
    'livy.superusers': 'admin',
  }

  test('a plain user may not impersonate someone else: 403 with the Some(...) message', async () => {
    await start(conf)
    const r = await h.request('POST', '/sessions', { proxyUser: 'bob' }, as('alice'))
    expect(r.status).toBe(403)
    expect(r.text).toBe('{"msg":"User \'alice\' not allowed to impersonate \'Some(bob)\'."}')
    const viaDoAs = await h.request('POST', '/sessions?doAs=bob', {}, as('alice'))
    expect(viaDoAs.text).toBe('{"msg":"User \'alice\' not allowed to impersonate \'Some(bob)\'."}')
  })

  test('a superuser may impersonate anyone, by body or by doAs (doAs wins)', async () => {
    await start(conf)
    const body = await h.request('POST', '/sessions', { proxyUser: 'bob' }, as('admin'))
    expect(body.json<{ owner: string; proxyUser: string }>()).toMatchObject({
      owner: 'admin',
      proxyUser: 'bob',
    })
    const doAs = await h.request('POST', '/sessions?doAs=carol', { proxyUser: 'bob' }, as('admin'))
    expect(doAs.json<{ proxyUser: string }>().proxyUser).toBe('carol')
  })

  test('without a target, the proxy user is the caller; naming yourself is allowed', async () => {
    await start(conf)
    expect(
      (await h.request('POST', '/sessions', {}, as('alice'))).json<{ proxyUser: string }>()
        .proxyUser,
    ).toBe('alice')
    expect((await h.request('POST', '/sessions', { proxyUser: 'alice' }, as('alice'))).status).toBe(
      201,
    )
  })

  test('with impersonation off, proxyUser is ignored and reported null', async () => {
    await start({ ...conf, 'livy.impersonation.enabled': false })
    const r = await h.request('POST', '/sessions', { proxyUser: 'bob' }, as('alice'))
    expect(r.status).toBe(201)
    expect(r.json<{ proxyUser: null }>().proxyUser).toBeNull()
  })
})
