import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Harness } from '../support/harness.ts'
import { HARNESSES } from '../support/harnesses.ts'

const SESSION_0_STARTING =
  '{"id":0,"name":null,"appId":null,"owner":null,"proxyUser":null,"state":"starting","kind":"shared",' +
  '"appInfo":{"driverLogUrl":null,"sparkUiUrl":null,"executorLogUrls":null},"log":["stdout: ","\\nstderr: "],' +
  '"ttl":null,"idleTimeout":null,"driverMemory":null,"driverCores":0,"executorMemory":null,"executorCores":0,' +
  '"conf":{},"archives":[],"files":[],"heartbeatTimeoutInSecond":0,"jars":[],"numExecutors":0,"pyFiles":[],"queue":null}'

describe.each(HARNESSES)('sessions ($name)', ({ create }) => {
  let h: Harness
  beforeEach(async () => {
    h = await create()
  })
  afterEach(async () => {
    await h.close()
  })

  test('listing sessions on a fresh server answers an empty page', async () => {
    const res = await h.request('GET', '/sessions')
    expect(res.status).toBe(200)
    expect(res.text).toBe('{"from":0,"total":0,"sessions":[]}')
    expect(res.headers.get('content-type')).toBe('application/json;charset=utf-8')
  })

  test('creating a session answers 201, a Location header and the session in starting state', async () => {
    const res = await h.request('POST', '/sessions', {})
    expect(res.status).toBe(201)
    expect(res.headers.get('location')).toBe('/sessions/0')
    expect(res.text).toBe(SESSION_0_STARTING)
  })

  test('a session created without a kind reports kind "shared"', async () => {
    expect((await h.request('POST', '/sessions', {})).json<{ kind: string }>().kind).toBe('shared')
  })

  test.each([
    ['scala', 'spark'],
    ['python', 'pyspark'],
    ['r', 'sparkr'],
    ['sql', 'sql'],
  ])('kind alias %s is reported as %s', async (alias, canonical) => {
    expect(
      (await h.request('POST', '/sessions', { kind: alias })).json<{ kind: string }>().kind,
    ).toBe(canonical)
  })

  test('request values are echoed as given, unset ints as 0', async () => {
    const res = await h.request('POST', '/sessions', {
      kind: 'spark',
      name: 'etl',
      driverMemory: '2g',
      executorCores: 4,
      conf: { 'spark.x': 1, 'spark.y': true },
      heartbeatTimeoutInSecond: '30',
      ttl: '2h',
      idleTimeout: '10m',
      queue: 'default',
    })
    const body = res.json<Record<string, unknown>>()
    expect(body).toMatchObject({
      name: 'etl',
      driverMemory: '2g',
      driverCores: 0,
      executorCores: 4,
      numExecutors: 0,
      conf: { 'spark.x': '1', 'spark.y': 'true' },
      heartbeatTimeoutInSecond: 30,
      ttl: '2h',
      idleTimeout: '10m',
      queue: 'default',
    })
  })

  test('the next request sees the session idle (instant timing)', async () => {
    await h.request('POST', '/sessions', { kind: 'spark' })
    const state = await h.request('GET', '/sessions/0/state')
    expect(state.text).toBe('{"id":0,"state":"idle"}')
  })

  test('an unknown session is a 404 with the id echoed as sent', async () => {
    const res = await h.request('GET', '/sessions/7')
    expect(res.status).toBe(404)
    expect(res.text).toBe('{"msg":"Session \'7\' not found."}')
  })

  test('a non-numeric id is looked up as a session name', async () => {
    await h.request('POST', '/sessions', { name: 'etl' })
    expect((await h.request('GET', '/sessions/etl')).json<{ id: number }>().id).toBe(0)
    expect((await h.request('GET', '/sessions/-1')).text).toBe(
      '{"msg":"Session \'-1\' not found."}',
    )
  })

  test('an id that overflows an int is a 400 NumberFormatException message', async () => {
    const res = await h.request('GET', '/sessions/99999999999')
    expect(res.status).toBe(400)
    expect(res.text).toBe('{"msg":"For input string: \\"99999999999\\""}')
  })

  test('a duplicate name is a 400 naming Some(name), and still consumes an id', async () => {
    await h.request('POST', '/sessions', { name: 'etl' })
    const dup = await h.request('POST', '/sessions', { name: 'etl' })
    expect(dup.status).toBe(400)
    expect(dup.text).toBe(
      '{"msg":"Rejected, Reason: Duplicate session name: Some(etl) for session 1"}',
    )
    expect((await h.request('POST', '/sessions', {})).json<{ id: number }>().id).toBe(2)
  })

  test('a name made only of digits is rejected', async () => {
    const res = await h.request('POST', '/sessions', { name: '123' })
    expect(res.status).toBe(400)
    expect(res.text).toBe('{"msg":"Rejected, Reason: Invalid session name: 123"}')
  })

  test('a bad ttl is rejected after an id was consumed', async () => {
    const bad = await h.request('POST', '/sessions', { ttl: 'abc' })
    expect(bad.text).toBe('{"msg":"Rejected, Reason: Invalid time string: abc"}')
    expect((await h.request('POST', '/sessions', {})).json<{ id: number }>().id).toBe(1)
  })

  test('a body Livy cannot parse is a 400 bare string and consumes no id', async () => {
    const unknown = await h.request('POST', '/sessions', { foo: 1 })
    expect(unknown.status).toBe(400)
    expect(unknown.json<string>()).toMatch(
      /^Unrecognized field "foo" \(class org\.apache\.livy\.server\.interactive\.CreateInteractiveRequest\), not marked as ignorable \(17 known properties: /,
    )
    const malformed = await h.request('POST', '/sessions', '{"kind":')
    expect(malformed.status).toBe(400)
    expect(typeof malformed.json()).toBe('string')
    const empty = await h.request('POST', '/sessions', '')
    expect(empty.json<string>()).toMatch(/^No content to map due to end-of-input/)
    expect((await h.request('POST', '/sessions', {})).json<{ id: number }>().id).toBe(0)
  })

  test('an invalid kind is a 400 naming the kind and the reference chain', async () => {
    const res = await h.request('POST', '/sessions', { kind: 'pyspark3' })
    expect(res.text).toBe(
      '"Invalid kind: pyspark3 (through reference chain: org.apache.livy.server.interactive.CreateInteractiveRequest[\\"kind\\"])"',
    )
    const number = await h.request('POST', '/sessions', { kind: 5 })
    expect(number.json<string>()).toMatch(/^requirement failed: Kind should be a string\./)
  })

  test('a list field given a string is a 400', async () => {
    const res = await h.request('POST', '/sessions', { jars: 'a.jar' })
    expect(res.status).toBe(400)
    expect(res.json<string>()).toMatch(/^Cannot deserialize value of type/)
  })

  test('local paths are rejected unless whitelisted, relative paths always', async () => {
    const local = await h.request('POST', '/sessions', { jars: ['/tmp/x.jar'] })
    expect(local.text).toBe(
      '{"msg":"Rejected, Reason: requirement failed: Local path /tmp/x.jar cannot be added to user sessions."}',
    )
    const relative = await h.request('POST', '/sessions', { files: ['data.csv'] })
    expect(relative.text).toBe(
      '{"msg":"Rejected, Reason: requirement failed: Path \'data.csv\' is not absolute."}',
    )
    const remote = await h.request('POST', '/sessions', { jars: ['hdfs:///libs/x.jar'] })
    expect(remote.status).toBe(201)
  })

  test('custom-classpath keys are blacklisted in conf', async () => {
    const res = await h.request('POST', '/sessions', {
      conf: { 'spark.submit.deployMode': 'cluster' },
    })
    expect(res.text).toBe(
      '{"msg":"Rejected, Reason: Blacklisted configuration values in session config: spark.submit.deployMode"}',
    )
  })

  test('listing pages with from/size and reports the total', async () => {
    for (let i = 0; i < 3; i++) await h.request('POST', '/sessions', {})
    const page = (await h.request('GET', '/sessions?from=1&size=1')).json<{
      from: number
      total: number
      sessions: { id: number }[]
    }>()
    expect(page.from).toBe(1)
    expect(page.total).toBe(3)
    expect(page.sessions.map((s) => s.id)).toEqual([1])
    expect(
      (await h.request('GET', '/sessions?size=-1')).json<{ sessions: unknown[] }>().sessions,
    ).toEqual([])
    expect((await h.request('GET', '/sessions?from=-1')).json<{ from: number }>().from).toBe(-1)
  })

  test('a list asked again shows what changed in between: a new state, a new log line, a new session', async () => {
    await h.close()
    h = await create({ timing: 'fast', seed: 'list-again' })
    await h.request('POST', '/sessions', { kind: 'spark' })
    type Page = { total: number; sessions: { id: number; state: string; log: string[] }[] }
    const first = (await h.request('GET', '/sessions')).json<Page>()
    expect((await h.request('GET', '/sessions')).json<Page>()).toEqual(first)
    await h.control.advance(60_000)
    const second = (await h.request('GET', '/sessions')).json<Page>()
    expect(second.sessions[0]?.state).toBe('idle')
    expect(second.sessions[0]?.log).not.toEqual(first.sessions[0]?.log)
    await h.request('POST', '/sessions', { kind: 'spark' })
    const third = (await h.request('GET', '/sessions')).json<Page>()
    expect(third.total).toBe(2)
    expect(third.sessions.map((s) => s.state)).toEqual(['idle', 'starting'])
  })

  test('a non-integer page parameter is a 400', async () => {
    const res = await h.request('GET', '/sessions?from=x')
    expect(res.status).toBe(400)
    expect(res.text).toBe('{"msg":"For input string: \\"x\\""}')
  })

  test('stop answers 204 with no body and leaves the session listed as dead', async () => {
    await h.request('POST', '/sessions', {})
    const stop = await h.request('POST', '/sessions/0/stop')
    expect(stop.status).toBe(204)
    expect(stop.text).toBe('')
    expect((await h.request('GET', '/sessions/0/state')).text).toBe('{"id":0,"state":"dead"}')
    expect((await h.request('GET', '/sessions')).json<{ total: number }>().total).toBe(1)
  })

  test('interrupt stops the whole session and answers {"msg":"interrupted"}', async () => {
    await h.request('POST', '/sessions', {})
    const res = await h.request('POST', '/sessions/0/interrupt')
    expect(res.text).toBe('{"msg":"interrupted"}')
    expect((await h.request('GET', '/sessions/0/state')).json<{ state: string }>().state).toBe(
      'dead',
    )
  })

  test('connect answers the session', async () => {
    await h.request('POST', '/sessions', {})
    const res = await h.request('POST', '/sessions/0/connect')
    expect(res.status).toBe(200)
    expect(res.json<{ id: number }>().id).toBe(0)
  })

  test('delete answers {"msg":"deleted"} and the session is gone', async () => {
    await h.request('POST', '/sessions', { name: 'x' })
    const res = await h.request('DELETE', '/sessions/x')
    expect(res.text).toBe('{"msg":"deleted"}')
    expect((await h.request('GET', '/sessions/0')).status).toBe(404)
    expect((await h.request('POST', '/sessions', { name: 'x' })).status).toBe(201)
  })

  test('the session log has stdout and stderr sections and pages like Livy', async () => {
    await h.request('POST', '/sessions', {})
    await h.request('GET', '/sessions/0')
    const log = (await h.request('GET', '/sessions/0/log')).json<{
      id: number
      from: number
      total: number
      log: string[]
    }>()
    expect(Object.keys(log)).toEqual(['id', 'from', 'total', 'log'])
    expect(log.log[0]).toBe('stdout: ')
    expect(log.log).toContain('\nstderr: ')
    expect(log.total).toBe(log.log.length)
    const window = (await h.request('GET', '/sessions/0/log?from=0&size=1')).json<{
      log: string[]
    }>()
    expect(window.log).toEqual(['stdout: '])
    expect(
      (await h.request('GET', '/sessions/0/log?from=1000')).json<{ log: string[] }>().log,
    ).toEqual([])
  })

  test('too many sessions being created is refused before the body is read', async () => {
    const small = await create({
      baseUrl: 'http://livy-small.test',
      livyConf: { 'livy.server.session.max-creation': 1 },
    })
    try {
      await small.request('POST', '/sessions', {})
      const res = await small.request('POST', '/sessions', 'not json')
      expect(res.status).toBe(400)
      expect(res.text).toBe('{"msg":"Rejected, too many sessions are being created!"}')
    } finally {
      await small.close()
    }
  })
})
