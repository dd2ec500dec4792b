import { afterEach, describe, expect, test } from 'vitest'
import type { Harness } from '../support/harness.ts'
import { HARNESSES } from '../support/harnesses.ts'

const MINUTE = 60_000

describe.each(HARNESSES)('retention, idle timeout and heartbeats ($name)', ({ create }) => {
  let h: Harness
  afterEach(async () => {
    await h?.close()
  })
  const status = async (path = '/sessions/0') => (await h.request('GET', path)).status

  test('a finished session stays visible for 600 s and is gone after the next 60 s GC tick', async () => {
    h = await create()
    await h.request('POST', '/sessions', {})
    await h.request('POST', '/sessions/0/stop')
    await h.control.advance(10 * MINUTE)
    expect(await status()).toBe(200)
    await h.control.advance(MINUTE)
    expect(await status()).toBe(404)
  })

  test('an idle session is deleted after the 1 h default idle timeout', async () => {
    h = await create()
    await h.request('POST', '/sessions', {})
    await h.control.advance(60 * MINUTE)
    expect(await status()).toBe(200)
    await h.control.advance(MINUTE)
    expect(await status()).toBe(404)
  })

  test('GETs do not count as activity, statements do', async () => {
    h = await create()
    await h.request('POST', '/sessions', { kind: 'spark' })
    await h.control.advance(50 * MINUTE)
    await h.request('GET', '/sessions/0')
    await h.control.advance(11 * MINUTE)
    expect(await status()).toBe(404)

    await h.request('POST', '/sessions', { kind: 'spark' })
    await h.control.advance(50 * MINUTE)
    await h.request('POST', '/sessions/1/statements', { code: '1' })
    await h.control.advance(11 * MINUTE)
    expect(await status('/sessions/1')).toBe(200)
  })

  test('a per-session idleTimeout overrides the server timeout', async () => {
    h = await create()
    await h.request('POST', '/sessions', { idleTimeout: '5m' })
    await h.control.advance(6 * MINUTE)
    expect(await status()).toBe(404)
  })

  test('livy.server.session.timeout changes the default idle timeout', async () => {
    h = await create({ livyConf: { 'livy.server.session.timeout': '10m' } })
    await h.request('POST', '/sessions', {})
    await h.control.advance(11 * MINUTE)
    expect(await status()).toBe(404)
  })

  test('ttl is only enforced with ttl-check on, regardless of activity', async () => {
    h = await create({ livyConf: { 'livy.server.session.ttl-check': true } })
    await h.request('POST', '/sessions', { kind: 'spark', ttl: '20m' })
    for (let i = 0; i < 3; i++) {
      await h.control.advance(9 * MINUTE)
      await h.request('POST', '/sessions/0/statements', { code: '1' })
    }
    expect(await status()).toBe(404)
  })

  test('a session with a heartbeat timeout is deleted at the first watchdog tick after it lapses', async () => {
    h = await create()
    const total = async () => (await h.request('GET', '/sessions')).json<{ total: number }>().total
    await h.request('POST', '/sessions', { heartbeatTimeoutInSecond: 30 })
    await h.control.advance(20_000)
    await h.request('GET', '/sessions/0/state')
    await h.control.advance(39_000)
    expect(await total()).toBe(1)
    await h.control.advance(1_000)
    expect(await total()).toBe(0)
  })

  test('GET /sessions does not refresh heartbeats', async () => {
    h = await create()
    await h.request('POST', '/sessions', { heartbeatTimeoutInSecond: 30 })
    for (let i = 0; i < 3; i++) {
      await h.control.advance(30_000)
      await h.request('GET', '/sessions')
    }
    expect((await h.request('GET', '/sessions')).json<{ total: number }>().total).toBe(0)
  })

  test('a session whose REPL is in error is never garbage-collected', async () => {
    h = await create()
    await h.request('POST', '/sessions', { kind: 'pyspark' })
    await h.request('GET', '/sessions/0')
    await h.control.interpreterDies(0)
    await h.control.advance(24 * 60 * MINUTE)
    expect((await h.request('GET', '/sessions/0/state')).text).toBe('{"id":0,"state":"error"}')
  })
})
