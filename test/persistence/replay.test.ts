import { describe, expect, test } from 'vitest'
import type { LivyEmulator } from '../../src/emulator/create-livy-emulator.ts'
import { createSystemClock } from '../../src/emulator/model/clock.ts'
import { StateFileError } from '../../src/emulator/persistence/state-file-error.ts'
import { createStateLines } from '../../src/emulator/persistence/state-lines.ts'
import { createMemoryStateStorage } from '../../src/emulator/persistence/state-storage.ts'
import { call, durable } from './restart-support.ts'

const multipart = (bytes: number[]) => {
  const boundary = 'XyZ'
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="jar"; filename="a.jar"\r\n\r\n`
  const tail = `\r\n--${boundary}--\r\n`
  const enc = new TextEncoder()
  return {
    body: new Uint8Array([...enc.encode(head), ...bytes, ...enc.encode(tail)]),
    headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
  }
}

/** A bit of everything, ending with work in flight: a starting session, a running statement and batch. */
async function workload(e: LivyEmulator): Promise<void> {
  const rule = { match: { contains: 'answer' }, output: { 'text/plain': '42' } }
  expect((await call(e, 'POST', '/__emulator/outcomes', rule)).status).toBe(201)
  e.outcomes.add({ match: /^slow/, durationMs: 5_000 })
  expect((await call(e, 'POST', '/sessions', { kind: 'spark' })).status).toBe(201)
  const pyspark = { kind: 'pyspark', name: 'py', heartbeatTimeoutInSecond: 60 }
  expect((await call(e, 'POST', '/sessions', pyspark)).status).toBe(201)
  expect((await call(e, 'POST', '/batches', { file: 'hdfs:///app.jar' })).status).toBe(201)
  expect((await call(e, 'POST', '/batches', {})).status).toBe(400)
  // Waits for the driver: what it did before waiting (a random staging dir) counts too.
  const jar = multipart([0xff, 0x00, 0xfe, 0x41])
  const upload = call(e, 'POST', '/sessions/0/upload-jar', jar.body, jar.headers)
  await new Promise((resolve) => setTimeout(resolve, 20)) // it reached the servlet and waits
  await e.advance(1_000)
  expect((await upload).status).toBe(200)
  for (const code of ['the answer', 'slow()', '1 + 1'])
    expect((await call(e, 'POST', '/sessions/0/statements', { code })).status).toBe(201)
  expect((await call(e, 'POST', '/sessions/1/statements', { code: 'print(1)' })).status).toBe(201)
  await e.advance(50)
  expect((await call(e, 'POST', '/sessions/0/statements/2/cancel')).status).toBe(200)
  const job = { job: btoa('\u0005\u0001x'), jobType: 'spark' }
  expect((await call(e, 'POST', '/sessions/1/submit-job', job)).status).toBe(201)
  await e.advance(200)
  // Reading a finished job makes the driver forget it.
  expect((await call(e, 'GET', '/sessions/1/jobs/1')).status).toBe(200)
  e.faults.sessionStartFails('no room on the cluster', 1)
  expect((await call(e, 'POST', '/sessions', { kind: 'sql' })).status).toBe(201)
  // Session 1 asked for heartbeats: only these reads keep it alive for three minutes.
  for (let i = 0; i < 6; i++) {
    await e.advance(30_000)
    expect((await call(e, 'GET', '/sessions/1')).status).toBe(200)
  }
  expect((await call(e, 'DELETE', '/sessions/2')).status).toBe(200)
  expect((await call(e, 'POST', '/sessions', { kind: 'spark', name: 'late' })).status).toBe(201)
  expect((await call(e, 'POST', '/batches', { file: 'hdfs:///b.jar' })).status).toBe(201)
  expect((await call(e, 'POST', '/sessions/0/statements', { code: 'slow again' })).status).toBe(201)
  await e.advance(700)
}

const BATCH_TIMING = {
  base: 'fast',
  batchStart: 500,
  batchRun: 1_500,
  sessionRecover: 500,
} as const
const YARN = { 'livy.spark.master': 'yarn' }

const get = async (e: LivyEmulator, path: string) => {
  const res = await call(e, 'GET', path)
  expect(res.status).toBe(200)
  return res.text
}

/** `after` with the states of `before` wherever `after` says recovering (what a restart changes). */
function unrecover(after: string, before: string): string {
  // Livy lists batches under "sessions" too.
  const a = JSON.parse(after) as { sessions: { state: string }[] }
  const b = JSON.parse(before) as { sessions: { state: string }[] }
  a.sessions.forEach((item, i) => {
    if (item.state === 'recovering') item.state = b.sessions[i]?.state ?? 'missing'
  })
  return JSON.stringify(a)
}

const withoutLogs = (text: string) =>
  JSON.stringify(
    (JSON.parse(text).sessions as Record<string, unknown>[]).map(({ log: _, ...rest }) => rest),
  )

describe('replaying a state file', () => {
  test('gives the same sessions, batches and statements, byte for byte, apart from recovering', async () => {
    const first = await durable({
      livyConf: { 'livy.spark.master': 'yarn', 'livy.session.staging-dir': 'hdfs:///staging' },
    })
    const a = first.emulator
    await workload(a)
    const sessions = await get(a, '/sessions')
    const batches = await get(a, '/batches')
    expect(JSON.parse(sessions).sessions.map((s: { state: string }) => s.state)).toEqual([
      'busy',
      'idle',
      'starting',
    ])

    const log = new TextDecoder().decode(first.storage.bytes())
    expect(log).toContain('"path":"/sessions/0/upload-jar","query":"","headers"')
    expect(log).toContain('"encoding":"base64","status":null}') // waited for the driver
    expect(log).toContain('"method":"GET","path":"/sessions/1"') // a heartbeat
    expect(log).not.toContain('"path":"/sessions/0/state"')

    const second = await first.restart()
    const b = second.emulator
    expect(b.clock.now()).toBe(a.clock.now())
    const recovered = await get(b, '/sessions')
    expect(JSON.parse(recovered).sessions.map((s: { state: string }) => s.state)).toEqual([
      'recovering',
      'recovering',
      'recovering',
    ])
    expect(unrecover(recovered, sessions)).toBe(sessions)
    const recoveredBatches = await get(b, '/batches')
    expect(JSON.parse(recoveredBatches).sessions.map((s: { state: string }) => s.state)).toEqual([
      'success',
      'starting', // never ran: rejected by Livy after registering it
      'recovering',
    ])
    expect(unrecover(recoveredBatches, batches)).toBe(batches)
    const logs = ['/sessions/0/log?size=-1', '/sessions/1/log?size=-1', '/batches/2/log?size=-1']
    for (const path of logs) expect(await get(b, path), path).toBe(await get(a, path))

    // Once the drivers reconnected, both agree again (the recovered log has the reconnection).
    await a.advance(500)
    await b.advance(500)
    expect(withoutLogs(await get(b, '/sessions'))).toBe(withoutLogs(await get(a, '/sessions')))
    expect(await get(b, '/batches')).toBe(await get(a, '/batches'))
    for (const path of ['/sessions/0/statements', '/sessions/1/statements', '/batches/2/log']) {
      expect(await get(b, path), path).toBe(await get(a, path))
    }
    const forgotten = await call(a, 'GET', '/sessions/1/jobs/1')
    expect((await call(b, 'GET', '/sessions/1/jobs/1')).text).toBe(forgotten.text)
    const aState = await a.snapshot()
    const bState = await b.snapshot()
    expect(bState.counters).toEqual(aState.counters)
    expect(bState.clock).toEqual(aState.clock)
  })

  test('a live session comes back recovering, then idle after sessionRecover on the manual clock', async () => {
    const first = await durable()
    await call(first.emulator, 'POST', '/sessions', { kind: 'spark' })
    await first.emulator.advance(1_000)
    await call(first.emulator, 'POST', '/sessions/0/statements', { code: '1 + 1' })
    const b = (await first.restart()).emulator
    const state = async () => (await call(b, 'GET', '/sessions/0/state')).json().state
    expect(await state()).toBe('recovering')
    // Requests that need the driver wait for it, as while a session starts.
    const statements = call(b, 'GET', '/sessions/0/statements')
    await b.advance(499)
    expect(await state()).toBe('recovering')
    await b.advance(1)
    expect(await state()).toBe('idle')
    const listed = (await statements).json() as { statements: { state: string; output: unknown }[] }
    expect(listed.statements).toMatchObject([{ state: 'available', output: { status: 'ok' } }])
    expect(b.stateFile?.recovered).toEqual({ fresh: false, records: 3, restarts: 0 })
  })

  test('a statement running across the restart completes on schedule', async () => {
    const first = await durable()
    const a = first.emulator
    a.outcomes.add({ match: 'long', durationMs: 10_000, output: { 'text/plain': 'done' } })
    await call(a, 'POST', '/sessions', { kind: 'spark' })
    await a.advance(1_000)
    await call(a, 'POST', '/sessions/0/statements', { code: 'long' })
    await a.advance(1_000)
    const b = (await first.restart()).emulator
    await b.advance(500)
    expect((await call(b, 'GET', '/sessions/0/state')).json().state).toBe('busy')
    await b.advance(8_499)
    expect((await call(b, 'GET', '/sessions/0/statements/0')).json().state).toBe('running')
    await b.advance(1)
    const done = (await call(b, 'GET', '/sessions/0/statements/0')).json()
    expect(done).toMatchObject({ state: 'available', output: { data: { 'text/plain': 'done' } } })
    expect((done.completed as number) - (done.started as number)).toBe(10_000)
  })

  test('batches come back recovering, then run and finish when they would have', async () => {
    // On YARN a batch runs once its application starts (500 ms), and exits 1.5 s later.
    const first = await durable({ timing: BATCH_TIMING, livyConf: YARN })
    const a = first.emulator
    await call(a, 'POST', '/batches', { file: 'hdfs:///one.jar' })
    await call(a, 'POST', '/batches', { file: 'hdfs:///two.jar' })
    await a.advance(1_000)
    const started = a.clock.now() - 1_000
    const b = (await first.restart()).emulator
    const states = async () =>
      ((await call(b, 'GET', '/batches')).json().sessions as { state: string }[]).map(
        (s) => s.state,
      )
    expect(await states()).toEqual(['recovering', 'recovering'])
    await b.advance(500)
    expect(await states()).toEqual(['running', 'running'])
    await b.advance(500)
    expect(await states()).toEqual(['success', 'success'])
    const snapshot = await b.snapshot()
    expect(snapshot.batches.map((x) => x.finishedAt)).toEqual([started + 2_000, started + 2_000])
    expect(snapshot.batches[0]?.log.join('\n')).toContain('Successfully stopped SparkContext')
  })

  test('a batch due to finish while it is recovering still finishes on time', async () => {
    const first = await durable({ timing: BATCH_TIMING, livyConf: YARN })
    await call(first.emulator, 'POST', '/batches', { file: 'hdfs:///one.jar' })
    await first.emulator.advance(1_900)
    expect((await call(first.emulator, 'GET', '/batches/0/state')).json().state).toBe('running')
    const b = (await first.restart()).emulator
    await b.advance(100)
    expect((await call(b, 'GET', '/batches/0/state')).json().state).toBe('success')
    await b.advance(1_000)
    expect((await call(b, 'GET', '/batches/0/state')).json().state).toBe('success')
  })

  test('ids are never reused across restarts, even when the newest session was deleted', async () => {
    let d = await durable({ timing: 'instant' })
    const seen = { session: -1, batch: -1, statement: -1 }
    for (let round = 0; round < 4; round++) {
      const e = d.emulator
      const session = (await call(e, 'POST', '/sessions', { kind: 'spark' })).json().id as number
      const batch = (await call(e, 'POST', '/batches', { file: 'hdfs:///x.jar' })).json()
        .id as number
      await call(e, 'GET', '/sessions') // instant timing: the session is idle on the next request
      const statement = (await call(e, 'POST', '/sessions/0/statements', { code: '1' })).json()
        .id as number
      expect(session).toBeGreaterThan(seen.session)
      expect(batch).toBeGreaterThan(seen.batch)
      expect(statement).toBeGreaterThan(seen.statement)
      Object.assign(seen, { session, batch, statement })
      if (session > 0) await call(e, 'DELETE', `/sessions/${session}`)
      await call(e, 'DELETE', `/batches/${batch}`)
      d = await d.restart()
    }
    // Restarts the log went through before this one.
    expect(d.emulator.stateFile?.recovered.restarts).toBe(3)
    const snapshot = await d.emulator.snapshot()
    expect(snapshot.counters).toEqual({ nextSessionId: 4, nextBatchId: 4 })
  })

  test('control operations are kept: clock, outcome rules (with their uses), faults', async () => {
    const first = await durable()
    const a = first.emulator
    await call(a, 'POST', '/__emulator/clock/advance', { ms: 60_000 })
    await a.advance(5)
    const jsonRule = { match: { contains: 'tick' }, output: { 'text/plain': 'tock' }, times: 2 }
    expect((await call(a, 'POST', '/__emulator/outcomes', jsonRule)).json()).toEqual({ id: 1 })
    const gone = a.outcomes.add({ match: 'gone', output: { 'text/plain': 'x' } })
    expect(a.outcomes.add({ match: /^re/i, error: { ename: 'E', evalue: 'v' } }).id).toBe(3)
    gone.remove()
    await call(a, 'POST', '/__emulator/faults', { type: 'session-start-fails', count: 2 })
    await call(a, 'POST', '/__emulator/faults', { type: 'http', path: '/version', status: 503 })
    await call(a, 'POST', '/sessions', { kind: 'spark' }) // uses one start failure
    await call(a, 'POST', '/sessions', { kind: 'spark' }) // uses the other
    await call(a, 'POST', '/sessions', { kind: 'spark' })
    await a.advance(1_000)
    await call(a, 'POST', '/sessions/2/statements', { code: 'tick' }) // rule 1: one use left

    const b = (await first.restart()).emulator
    expect(b.clock.now()).toBe(a.clock.now())
    expect((await call(b, 'GET', '/__emulator/outcomes')).json().rules).toMatchObject([
      { id: 1, used: 1 },
      { id: 3, match: { regex: '^re', flags: 'i' } },
    ])
    expect((await call(b, 'GET', '/version')).status).toBe(503)
    expect((await call(b, 'GET', '/__emulator/faults')).json().faults).toMatchObject([{ id: 1 }])
    expect(
      ((await call(b, 'GET', '/sessions')).json().sessions as { state: string }[]).map(
        (s) => s.state,
      ),
    ).toEqual(['error', 'error', 'recovering'])
    await b.advance(500)
    for (const code of ['tick', 'tick', 'Return']) {
      expect((await call(b, 'POST', '/sessions/2/statements', { code })).status).toBe(201)
    }
    await b.advance(1_000)
    const outputs = (
      (await call(b, 'GET', '/sessions/2/statements')).json().statements as {
        output: { status: string; data?: Record<string, string> }
      }[]
    ).map((s) => s.output.data?.['text/plain'] ?? s.output.status)
    // One use before the restart, one after; the third "tick" finds the rule retired.
    expect(outputs.slice(0, 2)).toEqual(['tock', 'tock'])
    expect(outputs[2]).not.toBe('tock')
    expect(outputs[3]).toBe('error')
    const rule = b.outcomes.add({ match: 'new', output: { 'text/plain': 'n' } })
    expect(rule.id).toBe(4)
  })

  test('a reset starts the state file afresh', async () => {
    const first = await durable()
    const a = first.emulator
    await call(a, 'POST', '/sessions', { kind: 'spark' })
    a.outcomes.add({ match: 'x', output: { 'text/plain': 'y' } })
    await call(a, 'POST', '/__emulator/reset')
    await call(a, 'POST', '/batches', { file: 'hdfs:///x.jar' })
    const b = (await first.restart()).emulator
    expect(b.stateFile?.recovered.records).toBe(2) // the batch, and the control API's fault clear
    expect((await call(b, 'GET', '/sessions')).json().total).toBe(0)
    expect((await call(b, 'GET', '/batches/0')).status).toBe(200)
    expect(b.outcomes.add({ match: 'z', output: {} }).id).toBe(2)
  })

  test('rules that are functions cannot be kept, so they are refused', async () => {
    const { emulator } = await durable()
    expect(() => emulator.outcomes.add({ match: () => true, output: {} })).toThrow(
      /outcome rules must be data/,
    )
    expect(() =>
      emulator.outcomes.add({ match: 'x', respond: () => ({ status: 'ok', data: {} }) }),
    ).toThrow(TypeError)
  })
})

describe('time across a restart', () => {
  test('on the system clock, time goes on from the wall clock and never goes back', async () => {
    let wall = Date.UTC(2026, 2, 1)
    const clock = () => createSystemClock(() => wall)
    const first = await durable({
      clock: clock(),
      livyConf: { 'livy.server.session.timeout': '2m' },
    })
    const a = first.emulator
    await call(a, 'POST', '/sessions', { kind: 'spark' })
    await call(a, 'POST', '/batches', { file: 'hdfs:///x.jar' })
    wall += 1_000
    await a.advance(60_000) // the offset survives
    const last = a.clock.now()
    // Down for five minutes: longer than the idle timeout (2 min) and the batch.
    wall += 5 * 60_000
    const second = await first.restart({
      clock: clock(),
      livyConf: { 'livy.server.session.timeout': '2m' },
    })
    const b = second.emulator
    expect(b.clock.now()).toBe(last + 5 * 60_000)
    // The batch finished while the server was down; the session was not counted idle meanwhile.
    expect((await call(b, 'GET', '/batches/0/state')).json().state).toBe('success')
    expect((await call(b, 'GET', '/sessions/0/state')).json().state).toBe('recovering')
    wall += 500
    expect((await call(b, 'GET', '/sessions/0/state')).json().state).toBe('idle')
    // A wall clock set back does not take the emulator back.
    wall -= 3_600_000
    const third = await second.restart({
      clock: clock(),
      livyConf: { 'livy.server.session.timeout': '2m' },
    })
    expect(third.emulator.clock.now()).toBe(last + 5 * 60_000)
  })

  test('a session kept alive by heartbeats is not killed for the time the server was down', async () => {
    let wall = Date.UTC(2026, 2, 1)
    const first = await durable({ clock: createSystemClock(() => wall) })
    await call(first.emulator, 'POST', '/sessions', { kind: 'spark', heartbeatTimeoutInSecond: 60 })
    wall += 30_000
    await call(first.emulator, 'GET', '/sessions/0')
    wall += 10 * 60_000
    const b = (await first.restart({ clock: createSystemClock(() => wall) })).emulator
    expect((await call(b, 'GET', '/sessions/0/state')).json().state).toBe('recovering')
    wall += 90_000 // no heartbeat for 90 s after the restart: now it is gone
    expect((await call(b, 'GET', '/sessions/0/state')).status).toBe(404)
  })
})

describe('when the state file cannot be trusted', () => {
  test('a replay that answers differently than recorded is refused with the record named', async () => {
    const first = await durable()
    await call(first.emulator, 'POST', '/sessions', { kind: 'spark' })
    await call(first.emulator, 'POST', '/sessions/0/stop')
    const lines = createStateLines()
    const decoded = lines.decode(first.storage.bytes())
    const [header, created, stop] = decoded.values as Record<string, unknown>[]
    const forged = [header, created, { ...stop, status: 404 }].flatMap((v) => [...lines.encode(v)])
    const b = (await import('../../src/emulator/create-livy-emulator.ts')).createLivyEmulator({
      timing: 'fast',
      stateStorage: createMemoryStateStorage(new Uint8Array(forged)),
    })
    const error = await b.ready.then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(StateFileError)
    expect((error as StateFileError).kind).toBe('diverged')
    expect((error as Error).message).toMatch(
      /at record 2 \(POST \/sessions\/0\/stop, at 2026-01-01T00:00:00\.000Z\): the original answered 404, the replay answered 20\d/,
    )
    expect((await call(b, 'GET', '/sessions')).status).toBe(503)
  })

  test('a write that fails is never acknowledged, and the emulator stops answering', async () => {
    const storage = createMemoryStateStorage()
    let broken = false
    const failing = {
      ...storage,
      append(bytes: Uint8Array, durable: boolean) {
        if (broken) throw new Error('ENOSPC: no space left on device')
        storage.append(bytes, durable)
      },
    }
    const { createLivyEmulator } = await import('../../src/emulator/create-livy-emulator.ts')
    const e = createLivyEmulator({ stateStorage: failing })
    await e.ready
    expect((await call(e, 'POST', '/sessions', { kind: 'spark' })).status).toBe(201)
    broken = true
    const errors: unknown[] = []
    const original = console.error
    console.error = (...args: unknown[]) => errors.push(args)
    try {
      // The write failed, so the create is not acknowledged: a 500 (in-process as over HTTP),
      // and the failure is on stderr.
      const failed = await call(e, 'POST', '/sessions', { kind: 'spark' })
      expect(failed.status).toBe(500)
      expect(String(errors.flat().join(' '))).toContain('writing memory failed: ENOSPC')
    } finally {
      console.error = original
    }
    const refused = await call(e, 'GET', '/sessions')
    expect(refused.status).toBe(503)
    expect(refused.json().msg).toContain('ENOSPC')
    expect(e.stateFile?.failure?.kind).toBe('failed')
  })
})
