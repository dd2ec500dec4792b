import { afterEach, describe, expect, test } from 'vitest'
import type { LivyEmulatorOptions } from '../../src/index.ts'
import type { Harness } from '../support/harness.ts'
import { HARNESSES } from '../support/harnesses.ts'

interface Statement {
  id: number
  code: string
  state: string
  output: null | Record<string, unknown>
  progress: number
  started: number
  completed: number
}

describe.each(HARNESSES)('statements ($name)', ({ create }) => {
  let h: Harness
  const open = async (
    options: LivyEmulatorOptions = {},
    session: Record<string, unknown> = { kind: 'spark' },
  ) => {
    h = await create(options)
    await h.request('POST', '/sessions', session)
    return h
  }
  afterEach(async () => {
    await h?.close()
  })

  test('a statement is created waiting, with Location, null output and Java-double progress', async () => {
    await open({ timing: 'fast' })
    await h.control.advance(1000)
    const res = await h.request('POST', '/sessions/0/statements', { code: '1 + 1' })
    expect(res.status).toBe(201)
    expect(res.headers.get('location')).toBe('/sessions/0/statements/0')
    expect(res.text).toBe(
      '{"id":0,"code":"1 + 1","state":"waiting","output":null,"progress":0.0,"started":0,"completed":0}',
    )
  })

  test('a statement runs, then becomes available with the output and timestamps', async () => {
    await open({ timing: 'fast' })
    await h.control.advance(1000)
    await h.request('POST', '/sessions/0/statements', { code: '1 + 1' })
    const running = (await h.request('GET', '/sessions/0/statements/0')).json<Statement>()
    expect(running.state).toBe('running')
    expect((await h.request('GET', '/sessions/0/state')).json<{ state: string }>().state).toBe(
      'busy',
    )
    await h.control.advance(100)
    const done = await h.request('GET', '/sessions/0/statements/0')
    expect(done.json<Statement>()).toMatchObject({
      state: 'available',
      output: { status: 'ok', execution_count: 0, data: { 'text/plain': 'res0: Int = 2\n' } },
      progress: 1,
    })
    expect(done.text).toContain('"progress":1.0')
    const s = done.json<Statement>()
    expect(s.completed - s.started).toBe(100)
    expect((await h.request('GET', '/sessions/0/state')).json<{ state: string }>().state).toBe(
      'idle',
    )
  })

  test('statements run one at a time in submission order', async () => {
    await open({ timing: 'fast' })
    await h.control.advance(1000)
    await h.request('POST', '/sessions/0/statements', { code: '1' })
    await h.request('POST', '/sessions/0/statements', { code: '2' })
    const states = async () =>
      (await h.request('GET', '/sessions/0/statements'))
        .json<{ statements: Statement[] }>()
        .statements.map((s) => s.state)
    expect(await states()).toEqual(['running', 'waiting'])
    await h.control.advance(100)
    expect(await states()).toEqual(['available', 'running'])
    await h.control.advance(100)
    expect(await states()).toEqual(['available', 'available'])
  })

  test('cancelling a waiting statement cancels it at once', async () => {
    await open({ timing: 'fast' })
    await h.control.advance(1000)
    await h.request('POST', '/sessions/0/statements', { code: '1' })
    await h.request('POST', '/sessions/0/statements', { code: '2' })
    const res = await h.request('POST', '/sessions/0/statements/1/cancel')
    expect(res.text).toBe('{"msg":"canceled"}')
    const s = (await h.request('GET', '/sessions/0/statements/1')).json<Statement>()
    expect(s).toMatchObject({ state: 'cancelled', output: null, started: 0, progress: 1 })
  })

  test('cancelling a running Spark job ends it quickly as cancelled with the SparkException', async () => {
    await open({ timing: 'fast' })
    await h.control.advance(1000)
    await h.control.outcome({
      match: { contains: 'count()' },
      durationMs: 60_000,
      output: { 'text/plain': '' },
    })
    await h.request('POST', '/sessions/0/statements', { code: 'spark.range(1000000000L).count()' })
    await h.request('GET', '/sessions/0/statements/0')
    await h.request('POST', '/sessions/0/statements/0/cancel')
    expect((await h.request('GET', '/sessions/0/statements/0')).json<Statement>().state).toBe(
      'cancelling',
    )
    await h.control.advance(100)
    const s = (await h.request('GET', '/sessions/0/statements/0')).json<Statement>()
    expect(s.state).toBe('cancelled')
    expect(s.output).toMatchObject({
      status: 'error',
      evalue: expect.stringMatching(
        /^org\.apache\.spark\.SparkException: Job \d+ cancelled part of cancelled job group 0$/,
      ),
    })
    expect((await h.request('GET', '/sessions/0/state')).json<{ state: string }>().state).toBe(
      'idle',
    )
  })

  test('cancelling running plain code waits until it returns, then keeps its output', async () => {
    await open({ timing: 'fast' })
    await h.control.advance(1000)
    await h.request('POST', '/sessions/0/statements', { code: 'Thread.sleep(20000); 42' })
    await h.request('GET', '/sessions/0/statements/0')
    await h.request('POST', '/sessions/0/statements/0/cancel')
    await h.control.advance(19_000)
    expect((await h.request('GET', '/sessions/0/statements/0')).json<Statement>().state).toBe(
      'cancelling',
    )
    await h.control.advance(1_000)
    const s = (await h.request('GET', '/sessions/0/statements/0')).json<Statement>()
    expect(s.state).toBe('cancelled')
    expect(s.output).toEqual({
      status: 'ok',
      execution_count: 0,
      data: { 'text/plain': 'res0: Int = 42\n' },
    })
  })

  test('a cancel that outlasts livy.rsc.job-cancel.timeout gives up and marks the statement cancelled', async () => {
    await open({ timing: 'fast' })
    await h.control.advance(1000)
    await h.request('POST', '/sessions/0/statements', { code: 'Thread.sleep(60000)' })
    await h.request('POST', '/sessions/0/statements', { code: '1 + 1' })
    await h.request('GET', '/sessions/0/statements/0')
    await h.request('POST', '/sessions/0/statements/0/cancel')
    await h.control.advance(30_000)
    const s = (await h.request('GET', '/sessions/0/statements/0')).json<Statement>()
    expect(s).toMatchObject({ state: 'cancelled', output: null })
    // The interpreter is still busy with the sleep: the next statement waits for it.
    expect((await h.request('GET', '/sessions/0/statements/1')).json<Statement>().state).toBe(
      'waiting',
    )
    await h.control.advance(30_000)
    await h.control.advance(100)
    expect((await h.request('GET', '/sessions/0/statements/1')).json<Statement>().state).toBe(
      'available',
    )
  })

  test('cancel always answers canceled, for finished and unknown statements too', async () => {
    await open()
    await h.request('POST', '/sessions/0/statements', { code: '1' })
    await h.request('GET', '/sessions/0')
    for (const id of [0, 99]) {
      const res = await h.request('POST', `/sessions/0/statements/${id}/cancel`)
      expect(res.status).toBe(200)
      expect(res.text).toBe('{"msg":"canceled"}')
    }
  })

  test('an unknown statement is a 404 with the bare string "Statement not found"', async () => {
    await open()
    const res = await h.request('GET', '/sessions/0/statements/5')
    expect(res.status).toBe(404)
    expect(res.text).toBe('"Statement not found"')
  })

  test('a non-integer statement id is a 400', async () => {
    await open()
    const res = await h.request('GET', '/sessions/0/statements/x')
    expect(res.status).toBe(400)
    expect(res.text).toBe('{"msg":"For input string: \\"x\\""}')
  })

  test('posting to a session that is still starting is a 500 IllegalStateException string', async () => {
    await open({ timing: 'fast' })
    const res = await h.request('POST', '/sessions/0/statements', { code: '1' })
    expect(res.status).toBe(500)
    expect(res.text).toBe('"java.lang.IllegalStateException: Session is in state starting"')
  })

  test('a shared session needs a statement kind, else 500', async () => {
    await open({}, {})
    const res = await h.request('POST', '/sessions/0/statements', { code: '1' })
    expect(res.status).toBe(500)
    expect(res.json<string>()).toContain('Code type should be specified if session kind is shared')
    const ok = await h.request('POST', '/sessions/0/statements', { code: '1 + 1', kind: 'pyspark' })
    expect(ok.status).toBe(201)
  })

  test('a dead session refuses statements: 500 to post, 400 to list', async () => {
    await open()
    await h.request('POST', '/sessions/0/stop')
    const post = await h.request('POST', '/sessions/0/statements', { code: '1' })
    expect(post.status).toBe(500)
    expect(post.text).toBe('"java.lang.IllegalStateException: Session is in state dead"')
    const list = await h.request('GET', '/sessions/0/statements')
    expect(list.status).toBe(400)
    expect(list.text).toBe('{"msg":"requirement failed: Session isn\'t active."}')
  })

  test('statement list: total_statements and no from, order=desc, from/size', async () => {
    await open()
    for (const code of ['1', '2', '3']) await h.request('POST', '/sessions/0/statements', { code })
    const all = (await h.request('GET', '/sessions/0/statements')).json<{
      total_statements: number
      statements: Statement[]
    }>()
    expect(Object.keys(all)).toEqual(['total_statements', 'statements'])
    expect(all.total_statements).toBe(3)
    const desc = (await h.request('GET', '/sessions/0/statements?order=%20DESC%20')).json<{
      statements: Statement[]
    }>()
    expect(desc.statements.map((s) => s.id)).toEqual([2, 1, 0])
    const page = (await h.request('GET', '/sessions/0/statements?from=1&size=1')).json<{
      total_statements: number
      statements: Statement[]
    }>()
    expect(page.statements.map((s) => s.id)).toEqual([1])
    expect(page.total_statements).toBe(3)
  })

  test('only the newest retained statements are kept', async () => {
    await open({ livyConf: { 'livy.rsc.retained-statements': 2 } })
    for (const code of ['1', '2', '3']) await h.request('POST', '/sessions/0/statements', { code })
    const list = (await h.request('GET', '/sessions/0/statements')).json<{
      total_statements: number
      statements: Statement[]
    }>()
    expect(list.statements.map((s) => s.id)).toEqual([1, 2])
    expect((await h.request('GET', '/sessions/0/statements/0')).text).toBe('"Statement not found"')
  })

  test('CRLF in code is stored as LF', async () => {
    await open()
    const res = await h.request('POST', '/sessions/0/statements', {
      code: 'val a = 1\r\nval b = 2',
    })
    expect(res.json<Statement>().code).toBe('val a = 1\nval b = 2')
  })

  test('a registered rule scripts the output, error or duration of matching code', async () => {
    await open({}, { kind: 'pyspark' })
    await h.control.outcome({
      match: { regex: '^df\\.' },
      output: { 'text/plain': '+---+\n| id|\n+---+' },
    })
    await h.control.outcome({
      match: 'boom()',
      error: { ename: 'RuntimeError', evalue: 'boom', traceback: ['t\n'] },
    })
    await h.request('POST', '/sessions/0/statements', { code: 'df.show()' })
    await h.request('POST', '/sessions/0/statements', { code: 'boom()' })
    const [a, b] = (await h.request('GET', '/sessions/0/statements')).json<{
      statements: Statement[]
    }>().statements
    expect(a?.output).toEqual({
      status: 'ok',
      execution_count: 0,
      data: { 'text/plain': '+---+\n| id|\n+---+' },
    })
    expect(b?.state).toBe('available')
    expect(b?.output).toEqual({
      status: 'error',
      execution_count: 1,
      ename: 'RuntimeError',
      evalue: 'boom',
      traceback: ['t\n'],
    })
  })

  test('a Python NameError comes back available with output status error', async () => {
    await open({}, { kind: 'pyspark' })
    await h.request('POST', '/sessions/0/statements', { code: 'x' })
    const s = (await h.request('GET', '/sessions/0/statements/0')).json<Statement>()
    expect(s.state).toBe('available')
    expect(s.output).toMatchObject({
      status: 'error',
      ename: 'NameError',
      evalue: "name 'x' is not defined",
    })
  })

  test('SQL statements answer application/json with schema and data', async () => {
    await open({}, { kind: 'sql' })
    await h.request('POST', '/sessions/0/statements', { code: 'SELECT 1 AS one' })
    const text = (await h.request('GET', '/sessions/0/statements/0')).text
    expect(text).toContain(
      '"output":{"status":"ok","execution_count":0,"data":{"application/json":{"schema":{"type":"struct","fields":[{"name":"one","type":"integer","nullable":false,"metadata":{}}]},"data":[[1]]}}}',
    )
  })

  test('unknown fields in a statement body are a 400 naming ExecuteRequest', async () => {
    await open()
    const res = await h.request('POST', '/sessions/0/statements', { code: '1', foo: 2 })
    expect(res.status).toBe(400)
    expect(res.json<string>()).toMatch(
      /^Unrecognized field "foo" \(class org\.apache\.livy\.ExecuteRequest\)/,
    )
  })

  test('a bad statement body is a 400 even on an unknown session', async () => {
    await open()
    const res = await h.request('POST', '/sessions/9/statements', '{')
    expect(res.status).toBe(400)
  })

  test('completion offers names the interpreter knows', async () => {
    await open()
    await h.request('POST', '/sessions/0/statements', { code: 'val counter = 1' })
    const res = await h.request('POST', '/sessions/0/completion', {
      code: 'coun',
      kind: 'spark',
      cursor: 4,
    })
    expect(res.text).toBe('{"candidates":["counter"]}')
    const noKind = await h.request('POST', '/sessions/0/completion', { code: 'x', cursor: 1 })
    expect(noKind.status).toBe(500)
    expect(noKind.json<string>()).toContain('Invalid kind: null')
  })
})
