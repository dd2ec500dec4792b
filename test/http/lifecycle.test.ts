import { afterEach, describe, expect, test } from 'vitest'
import type { Harness } from '../support/harness.ts'
import { HARNESSES } from '../support/harnesses.ts'

const state = async (h: Harness, path: string): Promise<string> => {
  const res = await h.request('GET', path)
  return res.status === 404 ? '404' : res.json<{ state: string }>().state
}

describe.each(HARNESSES)('lifecycles on the manual clock ($name)', ({ create }) => {
  let h: Harness
  afterEach(async () => {
    await h?.close()
  })

  test('the interactive lifecycle: starting → idle → waiting → running → available → delete → 404', async () => {
    h = await create({ timing: 'fast', seed: 'lifecycle' })
    const seen: string[] = []
    seen.push(
      (await h.request('POST', '/sessions', { kind: 'pyspark' })).json<{ state: string }>().state,
    )
    seen.push(await state(h, '/sessions/0/state'))
    await h.control.advance(999)
    seen.push(await state(h, '/sessions/0/state'))
    await h.control.advance(1)
    seen.push(await state(h, '/sessions/0/state'))
    seen.push(
      (await h.request('POST', '/sessions/0/statements', { code: '1 + 1' })).json<{
        state: string
      }>().state,
    )
    seen.push(await state(h, '/sessions/0/statements/0'))
    seen.push(await state(h, '/sessions/0/state'))
    await h.control.advance(100)
    seen.push(await state(h, '/sessions/0/statements/0'))
    seen.push(await state(h, '/sessions/0/state'))
    expect((await h.request('DELETE', '/sessions/0')).status).toBe(200)
    seen.push(await state(h, '/sessions/0'))
    expect(seen).toEqual([
      'starting',
      'starting',
      'starting',
      'idle',
      'waiting',
      'running',
      'busy',
      'available',
      'idle',
      '404',
    ])
  })

  test('the same seed and clock give byte-identical responses', async () => {
    const transcript = async (): Promise<string[]> => {
      const x = await create({ timing: 'fast', seed: 'same' })
      const out: string[] = []
      try {
        out.push((await x.request('POST', '/sessions', { kind: 'spark' })).text)
        await x.livy.advance(1000)
        out.push((await x.request('POST', '/sessions/0/statements', { code: '1 + 1' })).text)
        await x.livy.advance(100)
        out.push((await x.request('GET', '/sessions/0/statements/0')).text)
        out.push((await x.request('GET', '/sessions/0/log?size=-1')).text)
      } finally {
        await x.close()
      }
      return out
    }
    expect(await transcript()).toEqual(await transcript())
  })

  test('the batch lifecycle on YARN: starting → running → success, then retained, then gone', async () => {
    h = await create({ timing: 'fast', livyConf: { 'livy.spark.master': 'yarn' } })
    const seen: string[] = []
    seen.push(
      (await h.request('POST', '/batches', { file: 'hdfs:///pi.py' })).json<{ state: string }>()
        .state,
    )
    await h.control.advance(500)
    seen.push(await state(h, '/batches/0/state'))
    await h.control.advance(1500)
    seen.push(await state(h, '/batches/0/state'))
    await h.control.advance(600_000)
    seen.push(await state(h, '/batches/0/state'))
    await h.control.advance(60_000)
    seen.push(await state(h, '/batches/0/state'))
    expect(seen).toEqual(['starting', 'running', 'success', 'success', '404'])
  })

  test('a session that fails to start reports error, then dead, with the reason in its log', async () => {
    h = await create({ timing: 'fast' })
    await h.control.sessionStartFails('java.lang.OutOfMemoryError: Java heap space')
    await h.request('POST', '/sessions', {})
    await h.control.advance(1000)
    expect(await state(h, '/sessions/0/state')).toBe('error')
    await h.control.advance(500)
    expect(await state(h, '/sessions/0/state')).toBe('dead')
    expect((await h.request('GET', '/sessions/0/log?size=-1')).text).toContain(
      'java.lang.OutOfMemoryError: Java heap space',
    )
  })

  test('an interpreter that dies while busy answers "Interpreter died" and leaves the REPL in error', async () => {
    h = await create({ timing: 'fast' })
    await h.request('POST', '/sessions', { kind: 'pyspark' })
    await h.control.advance(1000)
    await h.control.outcome({ match: 'long()', durationMs: 10_000, output: { 'text/plain': '' } })
    await h.request('POST', '/sessions/0/statements', { code: 'long()' })
    await h.request('GET', '/sessions/0')
    await h.control.interpreterDies(0, 'Python process exited with code 137')
    const s = (await h.request('GET', '/sessions/0/statements/0')).json<{
      state: string
      output: unknown
    }>()
    expect(s.state).toBe('available')
    expect(s.output).toEqual({
      status: 'error',
      execution_count: 0,
      ename: 'Error',
      evalue: 'Interpreter died:\nPython process exited with code 137',
      traceback: [],
    })
    expect(await state(h, '/sessions/0/state')).toBe('error')
    // The session still accepts statements (its server side is still running).
    expect((await h.request('POST', '/sessions/0/statements', { code: '1' })).status).toBe(201)
  })

  test('a driver that exits takes the session to dead', async () => {
    h = await create()
    await h.request('POST', '/sessions', {})
    await h.request('GET', '/sessions/0')
    await h.control.driverExits(0)
    expect(await state(h, '/sessions/0/state')).toBe('dead')
  })

  test('a session with a manual start stays starting until stepped', async () => {
    h = await create({ timing: { base: 'instant', sessionStart: 'manual' } })
    await h.request('POST', '/sessions', {})
    expect(await state(h, '/sessions/0/state')).toBe('starting')
    expect((await h.control.pending()).map((t) => t.label)).toContain('session 0 driver ready')
    await h.control.step('session:0')
    expect(await state(h, '/sessions/0/state')).toBe('idle')
  })

  test('listing statements while the driver starts waits until it is up (LIVY-1013)', async () => {
    h = await create({ timing: 'fast' })
    await h.request('POST', '/sessions', { kind: 'spark' })
    let answered = false
    const pending = h.request('GET', '/sessions/0/statements').then((r) => {
      answered = true
      return r
    })
    await new Promise((r) => setTimeout(r, 20))
    expect(answered).toBe(false)
    await h.control.advance(1000)
    const res = await pending
    expect(res.text).toBe('{"total_statements":0,"statements":[]}')
  })
})
