import { afterEach, describe, expect, test } from 'vitest'
import type { Harness } from '../support/harness.ts'
import { HARNESSES } from '../support/harnesses.ts'

/** Limits and timeouts, each pinned on the manual clock (no wall-clock waiting anywhere). */
const MINUTE = 60_000
const HOUR = 60 * MINUTE

describe.each(HARNESSES)('limits and timeouts on the manual clock ($name)', ({ create }) => {
  let h: Harness
  afterEach(async () => {
    await h?.close()
  })
  const status = async (path: string) => (await h.request('GET', path)).status

  test('max-creation counts drivers being launched: the next create is rejected until one is up', async () => {
    h = await create({
      timing: 'fast',
      livyConf: { 'livy.server.session.max-creation': 2, 'livy.spark.master': 'yarn' },
    })
    expect((await h.request('POST', '/sessions', {})).status).toBe(201)
    expect((await h.request('POST', '/sessions', {})).status).toBe(201)
    const third = await h.request('POST', '/sessions', {})
    expect(third.status).toBe(400)
    expect(third.text).toBe('{"msg":"Rejected, too many sessions are being created!"}')
    await h.control.advance(1_000)
    expect((await h.request('POST', '/sessions', {})).status).toBe(201)
  })

  test('timeout-check=false keeps an idle session forever', async () => {
    h = await create({ livyConf: { 'livy.server.session.timeout-check': false } })
    await h.request('POST', '/sessions', {})
    await h.control.advance(48 * HOUR)
    expect(await status('/sessions/0')).toBe(200)
  })

  test('skip-busy spares a session that is busy past its idle timeout', async () => {
    h = await create({
      livyConf: {
        'livy.server.session.timeout': '10m',
        'livy.server.session.timeout-check.skip-busy': true,
      },
    })
    await h.control.outcome({ match: 'long()', output: { 'text/plain': 'ok' }, durationMs: HOUR })
    await h.request('POST', '/sessions', { kind: 'spark' })
    await h.request('GET', '/sessions/0')
    await h.request('POST', '/sessions/0/statements', { code: 'long()' })
    await h.control.advance(30 * MINUTE)
    expect((await h.request('GET', '/sessions/0/state')).text).toBe('{"id":0,"state":"busy"}')
  })

  test('without skip-busy a busy session is timed out like an idle one', async () => {
    h = await create({ livyConf: { 'livy.server.session.timeout': '10m' } })
    await h.control.outcome({ match: 'long()', output: { 'text/plain': 'ok' }, durationMs: HOUR })
    await h.request('POST', '/sessions', { kind: 'spark' })
    await h.request('GET', '/sessions/0')
    await h.request('POST', '/sessions/0/statements', { code: 'long()' })
    await h.control.advance(12 * MINUTE)
    expect(await status('/sessions/0')).toBe(404)
  })

  test('the default TTL (8 h) applies with ttl-check on, activity or not', async () => {
    h = await create({
      livyConf: {
        'livy.server.session.ttl-check': true,
        'livy.server.session.timeout-check': true,
      },
    })
    await h.request('POST', '/sessions', { kind: 'spark' })
    for (let i = 0; i < 16; i++) {
      await h.control.advance(30 * MINUTE)
      await h.request('POST', '/sessions/0/statements', { code: '1' })
    }
    await h.control.advance(MINUTE)
    expect(await status('/sessions/0')).toBe(404)
  })

  test('state-retain.sec changes how long a finished session stays visible', async () => {
    h = await create({ livyConf: { 'livy.server.session.state-retain.sec': '120s' } })
    await h.request('POST', '/sessions', {})
    await h.request('POST', '/sessions/0/stop')
    await h.control.advance(2 * MINUTE)
    expect(await status('/sessions/0')).toBe(200)
    await h.control.advance(MINUTE)
    expect(await status('/sessions/0')).toBe(404)
  })

  test('a finished batch is retained, then collected; a running one is never idle-timed-out', async () => {
    h = await create({
      timing: { base: 'instant', batchRun: 3 * HOUR },
      livyConf: { 'livy.server.session.timeout': '10m' },
    })
    await h.request('POST', '/batches', { file: 'hdfs:///long.py' })
    await h.control.advance(2 * HOUR)
    expect((await h.request('GET', '/batches/0/state')).text).toBe('{"id":0,"state":"running"}')
    await h.control.advance(HOUR)
    expect((await h.request('GET', '/batches/0/state')).text).toBe('{"id":0,"state":"success"}')
    await h.control.advance(11 * MINUTE)
    expect(await status('/batches/0')).toBe(404)
  })

  test('the heartbeat watchdog runs at livy.server.heartbeat-watchdog.interval', async () => {
    h = await create({ livyConf: { 'livy.server.heartbeat-watchdog.interval': '10s' } })
    await h.request('POST', '/sessions', { heartbeatTimeoutInSecond: 5 })
    await h.control.advance(5_001)
    expect(await status('/sessions/0/state')).toBe(200)
    // That GET was a heartbeat; the next one must come within 5 s.
    await h.control.advance(20_000)
    expect(await status('/sessions/0/state')).toBe(404)
  })

  test('max-creation rejects batches too, before the body is read', async () => {
    h = await create({ livyConf: { 'livy.server.session.max-creation': 0 } })
    const res = await h.request('POST', '/batches', 'not even json')
    expect(res.status).toBe(400)
    expect(res.text).toBe('{"msg":"Rejected, too many sessions are being created!"}')
  })
})
