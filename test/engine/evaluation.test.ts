import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createLivyEmulator, type LivyEmulator } from '../../src/index.ts'
import { type LivyServer, startLivyServer } from '../../src/node/index.ts'

/** A Livy reply, read loosely: the tests compare its fields with exact values. */
// biome-ignore lint/suspicious/noExplicitAny: JSON replies of several shapes
type Json = Record<string, any>

/** In-process, on virtual time: `advance` lets running code finish before time moves. */
async function statement(livy: LivyEmulator, session: number, code: string, kind?: string) {
  const posted = await livy.fetch(`/sessions/${session}/statements`, {
    method: 'POST',
    body: JSON.stringify({ code, ...(kind ? { kind } : {}) }),
  })
  const { id } = (await posted.json()) as Json
  await livy.advance(1_000)
  return (await (await livy.fetch(`/sessions/${session}/statements/${id}`)).json()) as Json
}

async function session(livy: LivyEmulator, kind: string): Promise<number> {
  const res = await livy.fetch('/sessions', { method: 'POST', body: JSON.stringify({ kind }) })
  const { id } = (await res.json()) as Json
  await livy.advance(60_000)
  return id as number
}

describe('in process', () => {
  const livy = createLivyEmulator({ timing: 'fast' })

  test('a name a session defines is there in its later statements', async () => {
    const id = await session(livy, 'pyspark')
    await statement(livy, id, 'greeting = "hé" * 2')
    const later = await statement(livy, id, 'greeting.upper()')
    expect(later.output).toEqual({
      status: 'ok',
      execution_count: 1,
      data: { 'text/plain': "'HÉHÉ'" },
    })
  })

  test('names are invisible to every other session', async () => {
    const a = await session(livy, 'pyspark')
    const b = await session(livy, 'pyspark')
    await statement(livy, a, 'only_in_a = 1')
    const other = await statement(livy, b, 'only_in_a')
    expect(other.output.ename).toBe('NameError')
  })

  test('a deleted session takes its names with it', async () => {
    const a = await session(livy, 'pyspark')
    await statement(livy, a, 'kept = 1')
    await livy.fetch(`/sessions/${a}`, { method: 'DELETE' })
    const b = await session(livy, 'pyspark')
    expect((await statement(livy, b, 'kept')).output.ename).toBe('NameError')
  })

  test('another emulator in the same process shares nothing', async () => {
    const other = createLivyEmulator({ timing: 'fast' })
    const mine = await session(livy, 'pyspark')
    const theirs = await session(other, 'pyspark')
    await statement(livy, mine, 'secret = 42')
    expect((await statement(other, theirs, 'secret')).output.ename).toBe('NameError')
  })

  test('a statement that sleeps runs that long on the virtual clock', async () => {
    const id = await session(livy, 'pyspark')
    const posted = await livy.fetch(`/sessions/${id}/statements`, {
      method: 'POST',
      body: JSON.stringify({ code: 'import time\ntime.sleep(30)\n"woke"' }),
    })
    const { id: st } = (await posted.json()) as Json
    await livy.advance(10_000)
    const running = (await (await livy.fetch(`/sessions/${id}/statements/${st}`)).json()) as Json
    expect(running.state).toBe('running')
    await livy.advance(20_000)
    const done = (await (await livy.fetch(`/sessions/${id}/statements/${st}`)).json()) as Json
    expect(done.state).toBe('available')
    expect(done.output.data).toEqual({ 'text/plain': "'woke'" })
    expect(done.completed - done.started).toBe(30_000)
  })

  test('cancel stops a sleeping Python statement and the session stays usable', async () => {
    const id = await session(livy, 'pyspark')
    const posted = await livy.fetch(`/sessions/${id}/statements`, {
      method: 'POST',
      body: JSON.stringify({ code: 'import time; time.sleep(60)' }),
    })
    const { id: st } = (await posted.json()) as Json
    await livy.advance(500)
    await livy.fetch(`/sessions/${id}/statements/${st}/cancel`, { method: 'POST' })
    await livy.advance(1_000)
    const cancelled = (await (await livy.fetch(`/sessions/${id}/statements/${st}`)).json()) as Json
    expect(cancelled.state).toBe('cancelled')
    expect(cancelled.output.ename).toBe('KeyboardInterrupt')
    expect((await statement(livy, id, '6 * 7')).output.data).toEqual({ 'text/plain': '42' })
  })

  test('the scripted opt-out answers without the engine', async () => {
    const scripted = createLivyEmulator({ timing: 'fast', evaluate: 'scripted' })
    const id = await session(scripted, 'pyspark')
    const out = await statement(scripted, id, 'raise ValueError("boom")')
    expect(out.output.status).toBe('ok')
    expect(scripted.model.context.evaluation).toBeNull()
  })
})

describe('over HTTP, on the wall clock', () => {
  let server: LivyServer
  beforeAll(async () => {
    server = await startLivyServer({ port: 0, clock: 'system', timing: 'fast' })
  })
  afterAll(() => server?.close())

  const call = async (method: string, path: string, body?: unknown): Promise<Json> =>
    (await (
      await fetch(`${server.url}${path}`, {
        method,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
    ).json()) as Json

  const until = async (path: string, done: (v: Json) => boolean): Promise<Json> => {
    let last: Json | undefined
    // Generous: a second interpreter may have to start (seconds on a busy CI machine).
    for (let i = 0; i < 1600; i++) {
      const v = await call('GET', path)
      last = v
      if (done(v)) return v
      await new Promise((r) => setTimeout(r, 50))
    }
    throw new Error(`never reached: ${path}, last ${JSON.stringify(last)}`)
  }

  const newSession = async (): Promise<number> => {
    const { id } = await call('POST', '/sessions', { kind: 'pyspark' })
    await until(`/sessions/${id}`, (s) => s.state === 'idle')
    return id
  }

  const run = async (session: number, code: string): Promise<Json> => {
    const { id } = await call('POST', `/sessions/${session}/statements`, { code })
    return until(`/sessions/${session}/statements/${id}`, (s) =>
      ['available', 'cancelled', 'error'].includes(s.state),
    )
  }

  test("a statement starts the moment it is queued, with no request after it (as Livy's interpreter picks it up)", async () => {
    const id = await newSession()
    const started: unknown[] = []
    const off = server.emulator.on((event) => {
      if (event.type === 'statement-running' && event.sessionId === id) started.push(event)
    })
    try {
      await call('POST', `/sessions/${id}/statements`, { code: '1 + 1' })
      for (let i = 0; i < 200 && started.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 10))
      }
      expect(started).toHaveLength(1)
    } finally {
      off()
    }
  })

  test("one session's endless loop stalls neither the server nor another session", {
    timeout: 240_000,
  }, async () => {
    const other = await newSession()
    await run(other, 'before = "kept"')
    const looping = await newSession()
    const { id: loop } = await call('POST', `/sessions/${looping}/statements`, {
      code: 'while True: pass',
    })
    await until(`/sessions/${looping}/statements/${loop}`, (s) => s.state === 'running')
    // The other session's names survive even if it has to move to another interpreter.
    const answered = await run(other, 'before')
    expect(answered.output.data).toEqual({ 'text/plain': "'kept'" })
    await call('POST', `/sessions/${looping}/statements/${loop}/cancel`)
    const cancelled = await until(
      `/sessions/${looping}/statements/${loop}`,
      (s) => s.state === 'cancelled',
    )
    expect(cancelled.output.ename).toBe('KeyboardInterrupt')
    expect((await run(looping, '1 + 1')).output.data).toEqual({ 'text/plain': '2' })
  })
})

describe("Pyodide's standard library, compiled by the build", () => {
  test('the build left it beside the engine, with bytecode for every module', async () => {
    const { compiledStdlibPath } = await import('../../src/engine/python-sources-node.ts')
    const path = compiledStdlibPath()
    expect(path).toBeDefined()
    const { execFileSync } = await import('node:child_process')
    const counts = JSON.parse(
      execFileSync('python3', [
        '-c',
        'import json, sys, zipfile\nn = zipfile.ZipFile(sys.argv[1]).namelist()\nprint(json.dumps([sum(x.endswith(".py") for x in n), sum(x.endswith(".pyc") for x in n)]))',
        path as string,
      ]).toString(),
    ) as [number, number]
    expect(counts[0]).toBeGreaterThan(400)
    expect(counts[1]).toBe(counts[0])
  })

  test("a traceback through the standard library still shows each frame's source line", async () => {
    const livy = createLivyEmulator({ timing: 'fast' })
    const id = await session(livy, 'pyspark')
    const out = await statement(livy, id, 'import json\njson.loads("nope")')
    expect(out.output.ename).toBe('JSONDecodeError')
    expect(out.output.traceback.join('')).toContain('    return _default_decoder.decode(s)\n')
  })
})
