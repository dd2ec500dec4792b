import { setupServer } from 'msw/node'
import { afterEach, describe, expect, test } from 'vitest'
import { FABRIC_API_VERSION } from '../../src/emulator/profiles/fabric.ts'
import { createLivyEmulator, type LivyEmulatorOptions } from '../../src/index.ts'
import { type Harness, httpHarness, mswHarness } from '../support/harness.ts'

/** Each vendor profile over real HTTP: paths, codes, ids, bodies, auth. */

let h: Harness
afterEach(async () => {
  await h?.close()
})
const start = async (options: LivyEmulatorOptions) => {
  h = await httpHarness(options)
  return h
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const basic = (user: string, password: string) => ({
  Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
})

describe('fabric', () => {
  const ws = '11111111-1111-1111-1111-111111111111'
  const lh = '22222222-2222-2222-2222-222222222222'
  const base = `/v1/workspaces/${ws}/lakehouses/${lh}/livyapi/versions/${FABRIC_API_VERSION}`
  const auth = {
    type: 'bearer' as const,
    tokens: { good: 'alice', soon: { user: 'bob', expiresAt: Date.UTC(2026, 0, 1, 1) } },
  }
  const bearer = { Authorization: 'Bearer good' }
  const create = async () => {
    await start({ profile: 'fabric', auth, timing: 'fast' })
    const r = await h.request(
      'POST',
      `${base}/sessions`,
      { kind: 'pyspark', tags: { team: 'a' } },
      bearer,
    )
    return { r, id: r.json<{ id: string }>().id }
  }

  test('creating a session answers 202 with a GUID id and no Location', async () => {
    const { r, id } = await create()
    expect(r.status).toBe(202)
    expect(id).toMatch(GUID)
    expect(r.headers.get('location')).toBeNull()
    expect(r.headers.get('requestid')).toMatch(GUID)
  })

  test('the session body carries Livy’s fields then livyInfo, fabricSessionStateInfo and the envelope', async () => {
    const { r } = await create()
    const body = r.json<Record<string, unknown>>()
    expect(Object.keys(body).slice(-12)).toEqual([
      'livyInfo',
      'fabricSessionStateInfo',
      'schedulerInfo',
      'pluginInfo',
      'errorInfo',
      'jobType',
      'submitterId',
      'submitterName',
      'artifactId',
      'result',
      'cancellationReason',
      'tags',
    ])
    expect(body).toMatchObject({
      state: 'starting',
      owner: 'alice',
      livyInfo: { startingAt: '2026-01-01T00:00:00.000Z', currentState: 'starting' },
      fabricSessionStateInfo: { state: 'acquiringSession', errorMessage: null },
      jobType: 'SparkSession',
      submitterName: 'alice',
      artifactId: lh,
      result: 'Uncertain',
      tags: { team: 'a' },
    })
  })

  test('the GUID addresses the session; once idle, livyInfo records when', async () => {
    const { id } = await create()
    await h.control.advance(1_000)
    const r = await h.request('GET', `${base}/sessions/${id}`, undefined, bearer)
    expect(r.status).toBe(200)
    expect(r.json()).toMatchObject({
      id,
      state: 'idle',
      livyInfo: {
        startingAt: '2026-01-01T00:00:00.000Z',
        idleAt: '2026-01-01T00:00:01.000Z',
        currentState: 'idle',
      },
    })
    expect(r.json<Record<string, unknown>>()).not.toHaveProperty('fabricSessionStateInfo')
  })

  test('state and log answers name the session by its GUID too', async () => {
    const { id } = await create()
    expect(
      (await h.request('GET', `${base}/sessions/${id}/state`, undefined, bearer)).json(),
    ).toEqual({
      id,
      state: 'starting',
    })
    expect(
      (await h.request('GET', `${base}/sessions/${id}/log`, undefined, bearer)).json(),
    ).toMatchObject({
      id,
    })
  })

  test('the livyApi casing of the swagger works too', async () => {
    const { id } = await create()
    const swaggerBase = base.replace('livyapi', 'livyApi')
    expect(
      (await h.request('GET', `${swaggerBase}/sessions/${id}`, undefined, bearer)).status,
    ).toBe(200)
  })

  test('submitting a statement answers 200 (not 201); sourceId is accepted', async () => {
    const { id } = await create()
    await h.control.advance(1_000)
    const r = await h.request(
      'POST',
      `${base}/sessions/${id}/statements`,
      { code: '1 + 1', kind: 'pyspark', sourceId: 's1' },
      bearer,
    )
    expect(r.status).toBe(200)
    expect(r.json()).toMatchObject({ id: 0, code: '1 + 1' })
  })

  test('an unknown GUID, a wrong version and a path outside the API get Fabric’s 404 body', async () => {
    await create()
    const unknown = await h.request(
      'GET',
      `${base}/sessions/00000000-0000-4000-8000-000000000000`,
      undefined,
      bearer,
    )
    expect(unknown.status).toBe(404)
    expect(Object.keys(unknown.json<object>())).toEqual(['requestId', 'errorCode', 'message'])
    expect(unknown.json()).toMatchObject({ errorCode: 'EntityNotFound' })
    const version = await h.request(
      'GET',
      `${base.replace(FABRIC_API_VERSION, '2024-01-01')}/sessions`,
      undefined,
      bearer,
    )
    expect(version.status).toBe(404)
    expect((await h.request('GET', '/sessions', undefined, bearer)).status).toBe(404)
  })

  test('Livy’s errors come back in Fabric’s shape', async () => {
    await start({ profile: 'fabric', auth })
    const r = await h.request('POST', `${base}/sessions`, { kind: 'cobol' }, bearer)
    expect(r.status).toBe(400)
    expect(r.json()).toMatchObject({
      errorCode: 'BadRequest',
      message: expect.stringContaining('cobol'),
    })
  })

  test('missing, invalid and expired tokens get 401 with InvalidToken-style codes', async () => {
    await start({ profile: 'fabric', auth })
    const codes = async (headers?: Record<string, string>) =>
      (await h.request('GET', `${base}/sessions`, undefined, headers)).json<{ errorCode: string }>()
        .errorCode
    expect(await codes()).toBe('TokenNotProvided')
    expect(await codes({ Authorization: 'Bearer nope' })).toBe('InvalidToken')
    expect(
      (await h.request('GET', `${base}/sessions`, undefined, { Authorization: 'Bearer soon' }))
        .status,
    ).toBe(200)
    await h.control.advance(3_600_000)
    expect(await codes({ Authorization: 'Bearer soon' })).toBe('TokenExpired')
  })

  test('POST …/reset-timeout answers 204 and keeps an idle session alive past 20 minutes', async () => {
    const { id } = await create()
    await h.control.advance(15 * 60_000)
    expect(
      (await h.request('POST', `${base}/sessions/${id}/reset-timeout`, undefined, bearer)).status,
    ).toBe(204)
    await h.control.advance(15 * 60_000)
    expect((await h.request('GET', `${base}/sessions/${id}`, undefined, bearer)).status).toBe(200)
    await h.control.advance(6 * 60_000)
    expect((await h.request('GET', `${base}/sessions/${id}`, undefined, bearer)).status).toBe(404)
  })

  test('an injected 429 keeps its Retry-After and gets Fabric’s body', async () => {
    await start({ profile: 'fabric', auth })
    h.livy.httpFaults.add({
      method: 'POST',
      path: '/sessions',
      status: 429,
      headers: { 'Retry-After': '7' },
      count: 1,
    })
    const r = await h.request('POST', `${base}/sessions`, {}, bearer)
    expect(r.status).toBe(429)
    expect(r.headers.get('retry-after')).toBe('7')
    expect(r.json()).toMatchObject({ errorCode: 'RequestBlocked' })
    expect((await h.request('POST', `${base}/sessions`, {}, bearer)).status).toBe(202)
  })

  test('batches: 202 with a GUID; deleting answers 200', async () => {
    await start({ profile: 'fabric', auth })
    const r = await h.request(
      'POST',
      `${base}/batches`,
      { file: 'abfss://x@onelake/y.py', tags: { a: 'b' } },
      bearer,
    )
    expect(r.status).toBe(202)
    const body = r.json<{ id: string; jobType: string }>()
    expect(body.id).toMatch(GUID)
    expect(body.jobType).toBe('SparkBatch')
    expect(
      (await h.request('DELETE', `${base}/batches/${body.id}`, undefined, bearer)).status,
    ).toBe(200)
  })

  test('msw handlers answer the Fabric paths in-process', async () => {
    const livy = createLivyEmulator({ profile: 'fabric', baseUrl: 'https://api.fabric.test' })
    const server = setupServer(...livy.handlers)
    server.listen({ onUnhandledFrame: 'error' })
    try {
      const r = await fetch(`https://api.fabric.test${base}/sessions`, {
        method: 'POST',
        body: '{}',
        headers: { Authorization: 'Bearer anything' },
      })
      expect(r.status).toBe(202)
    } finally {
      server.close()
    }
  })
})

describe('hdinsight', () => {
  const admin = { ...basic('admin', 'admin'), 'X-Requested-By': 'admin' }

  test('/livy/batches is Livy behind the gateway: 201, Location without the /livy prefix', async () => {
    await start({ profile: 'hdinsight' })
    const r = await h.request(
      'POST',
      '/livy/batches',
      { file: 'wasbs:///example/jars/spark-examples.jar' },
      admin,
    )
    expect(r.status).toBe(201)
    expect(r.headers.get('location')).toBe('/batches/0')
    expect(r.json()).toMatchObject({ id: 0, owner: null, state: 'starting' })
    expect((await h.request('GET', '/livy/batches', undefined, admin)).json()).toMatchObject({
      total: 1,
    })
  })

  test('without /livy the gateway answers 404 in its own format', async () => {
    await start({ profile: 'hdinsight' })
    const r = await h.request('GET', '/batches', undefined, admin)
    expect(r.status).toBe(404)
    expect(Object.keys(r.json<object>())).toEqual([
      'Code',
      'Message',
      'CorrelationId',
      'ResponseTimestamp',
    ])
  })

  test('a wrong password gets the gateway’s 401 body naming the user', async () => {
    await start({ profile: 'hdinsight', auth: { type: 'basic', users: { admin: 'S3cret!' } } })
    const r = await h.request('GET', '/livy/batches', undefined, basic('admin', 'wrong'))
    expect(r.status).toBe(401)
    expect(r.json()).toMatchObject({
      Code: 'Unauthorized',
      Message: 'Ambari user name or password is incorrect: admin',
      ResponseTimestamp: '2026-01-01T00:00:00.000Z',
    })
    expect((await h.request('GET', '/livy/batches')).status).toBe(401)
    expect(
      (await h.request('GET', '/livy/batches', undefined, basic('admin', 'S3cret!'))).status,
    ).toBe(200)
  })

  test('CSRF protection is on: a POST without X-Requested-By gets Livy’s 400 page', async () => {
    await start({ profile: 'hdinsight' })
    const r = await h.request('POST', '/livy/sessions', {}, basic('admin', 'admin'))
    expect(r.status).toBe(400)
    expect(r.text).toContain('Missing Required Header for CSRF protection.')
  })
})

describe('synapse', () => {
  const base = '/livyApi/versions/2020-12-01/sparkPools/pool1'
  const bearer = { Authorization: 'Bearer token' }

  test('creates answer 200 (not 201), plain bodies by default', async () => {
    await start({ profile: 'synapse' })
    const r = await h.request(
      'POST',
      `${base}/batches`,
      { file: 'abfss://a/b.py', name: 'job' },
      bearer,
    )
    expect(r.status).toBe(200)
    expect(r.headers.get('location')).toBeNull()
    expect(r.headers.get('x-ms-job-type')).toBe('SparkServiceBatch')
    expect(Object.keys(r.json<object>())).toEqual([
      'id',
      'appId',
      'appInfo',
      'state',
      'log',
      'registeredSources',
    ])
    const s = await h.request('POST', `${base}/sessions`, { kind: 'spark', name: 's' }, bearer)
    expect(s.status).toBe(200)
    const st = await h.request('POST', `${base}/sessions/0/statements`, { code: '1' }, bearer)
    expect(st.status).toBe(200)
  })

  test('?detailed=true adds livyInfo, the pool and the scheduler envelope', async () => {
    await start({ profile: 'synapse' })
    await h.request(
      'POST',
      `${base}/sessions`,
      { kind: 'spark', name: 's', tags: { k: 'v' } },
      bearer,
    )
    const r = await h.request('GET', `${base}/sessions/0?detailed=true`, undefined, bearer)
    expect(r.json()).toMatchObject({
      name: 's',
      sparkPoolName: 'pool1',
      jobType: 'SparkSession',
      tags: { k: 'v' },
      livyInfo: {
        startingAt: '2026-01-01T00:00:00.000Z',
        idleAt: '2026-01-01T00:00:00.000Z',
        currentState: 'idle',
      },
      schedulerInfo: { submittedAt: '2026-01-01T00:00:00.000Z', currentState: 'Scheduled' },
      id: 0,
    })
  })

  test('lists are capped at 20 per page', async () => {
    await start({ profile: 'synapse' })
    for (let i = 0; i < 23; i++)
      await h.request('POST', `${base}/batches`, { file: 'abfss://a/b.py' }, bearer)
    const page = await h.request('GET', `${base}/batches?size=50`, undefined, bearer)
    const body = page.json<{ total: number; sessions: unknown[] }>()
    expect(body.total).toBe(23)
    expect(body.sessions).toHaveLength(20)
    expect(
      (await h.request('GET', `${base}/batches?from=20`, undefined, bearer)).json<{
        sessions: unknown[]
      }>().sessions,
    ).toHaveLength(3)
  })

  test('PUT …/reset-timeout answers 200; an unknown API version 404s', async () => {
    await start({ profile: 'synapse' })
    await h.request('POST', `${base}/sessions`, { kind: 'spark' }, bearer)
    expect(
      (await h.request('PUT', `${base}/sessions/0/reset-timeout`, undefined, bearer)).status,
    ).toBe(200)
    expect(
      (
        await h.request(
          'GET',
          '/livyApi/versions/1999-01-01/sparkPools/p/sessions',
          undefined,
          bearer,
        )
      ).status,
    ).toBe(404)
  })

  test('a request without a token gets 401', async () => {
    await start({ profile: 'synapse' })
    const r = await h.request('GET', `${base}/sessions`)
    expect(r.status).toBe(401)
    expect(r.json()).toMatchObject({ code: 'Unauthorized' })
  })
})

describe('spyt', () => {
  test('a fourth live session is refused like Livy refuses a create over its limit', async () => {
    await start({ profile: 'spyt' })
    for (let i = 0; i < 3; i++)
      expect((await h.request('POST', '/sessions', { kind: 'spark' })).status).toBe(201)
    await h.control.advance(1)
    const r = await h.request('POST', '/sessions', { kind: 'spark' })
    expect(r.status).toBe(400)
    expect(r.text).toBe('{"msg":"Rejected, too many sessions are being created!"}')
  })

  test('deleting a session makes room; the cap is configurable', async () => {
    await start({ profile: 'spyt', livyConf: { 'livy-emulator.spyt.max-sessions': 1 } })
    expect((await h.request('POST', '/sessions', {})).status).toBe(201)
    expect((await h.request('POST', '/sessions', {})).status).toBe(400)
    await h.request('DELETE', '/sessions/0')
    expect((await h.request('POST', '/sessions', {})).status).toBe(201)
  })

  test('concurrent creates cannot slip past the cap', async () => {
    await start({ profile: 'spyt' })
    const statuses = await Promise.all(
      Array.from({ length: 6 }, () => h.request('POST', '/sessions', {})),
    )
    expect(statuses.map((r) => r.status).sort()).toEqual([201, 201, 201, 400, 400, 400])
  })
})

describe('apache-0.8', () => {
  test('ttl is the idle timeout and the response’s ttl slot holds the proxy user', async () => {
    await start({ profile: 'apache-0.8', livyConf: { 'livy.impersonation.enabled': true } })
    const r = await h.request('POST', '/sessions', { kind: 'spark', ttl: '10m', proxyUser: 'etl' })
    expect(r.status).toBe(201)
    const body = r.json<Record<string, unknown>>()
    expect(body.ttl).toBe('etl')
    expect(body).not.toHaveProperty('idleTimeout')
    await h.control.advance(11 * 60_000)
    expect((await h.request('GET', '/sessions/0')).status).toBe(404)
  })

  test('idleTimeout is an unknown field and there are no security headers', async () => {
    await start({ profile: 'apache-0.8' })
    const r = await h.request('POST', '/sessions', { idleTimeout: '1m' })
    expect(r.status).toBe(400)
    expect(r.text).toContain('Unrecognized field \\"idleTimeout\\"')
    expect(r.text).toContain('16 known properties')
    expect(r.headers.get('x-frame-options')).toBeNull()
  })
})

describe('apache-0.7', () => {
  test('sessions carry only 0.7.1’s nine SessionInfo fields, in its order', async () => {
    await start({ profile: 'apache-0.7' })
    const r = await h.request('POST', '/sessions', { kind: 'spark', name: 'etl' })
    expect(r.status).toBe(201)
    const fields = ['id', 'name', 'appId', 'owner', 'proxyUser', 'state', 'kind', 'appInfo', 'log']
    expect(Object.keys(r.json<object>())).toEqual(fields)
    expect(Object.keys((await h.request('GET', '/sessions/0')).json<object>())).toEqual(fields)
    const list = (await h.request('GET', '/sessions')).json<{ sessions: object[] }>()
    expect(Object.keys(list.sessions[0] as object)).toEqual(fields)
  })

  test('ttl and idleTimeout are unknown fields; no security headers', async () => {
    await start({ profile: 'apache-0.7' })
    for (const field of ['ttl', 'idleTimeout']) {
      const r = await h.request('POST', '/sessions', { [field]: '10m' })
      expect(r.status).toBe(400)
      expect(r.text).toContain(`Unrecognized field \\"${field}\\"`)
      expect(r.text).toContain('15 known properties')
      expect(r.headers.get('x-frame-options')).toBeNull()
    }
  })

  test('a rejected create has no "Rejected, Reason:" prefix', async () => {
    await start({ profile: 'apache-0.7' })
    const r = await h.request('POST', '/sessions', { name: '123' })
    expect(r.status).toBe(400)
    expect(r.text).toBe('{"msg":"Invalid session name: 123"}')
    const on09 = await mswHarness({})
    const same = await on09.request('POST', '/sessions', { name: '123' })
    expect(same.text).toBe('{"msg":"Rejected, Reason: Invalid session name: 123"}')
    await on09.close()
  })

  test('the statement list ignores order', async () => {
    await start({ profile: 'apache-0.7' })
    await h.request('POST', '/sessions', { kind: 'spark' })
    await h.control.advance(60_000)
    // Scripted outputs: the order is the point here, not the Scala evaluator.
    await h.control.outcome({ match: { regex: '^[12]$' }, output: { 'text/plain': 'x' } })
    for (const code of ['1', '2']) await h.request('POST', '/sessions/0/statements', { code })
    const desc = await h.request('GET', '/sessions/0/statements?order=desc')
    const ids = desc.json<{ statements: { id: number }[] }>().statements.map((s) => s.id)
    expect(ids).toEqual([0, 1])
  })
})
