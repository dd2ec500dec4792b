import type { Scenario, ScenarioContext } from '../types.ts'

const emulatorOnly = (reason: string) => ({ mark: 'emulator-only', reason }) as const
const CONTROL = 'exercises the livy-emulator control API, which real Livy does not have'
const VIRTUAL =
  'needs virtual time: on a real server it takes 10 minutes to an hour of wall-clock time'

const state = async (ctx: ScenarioContext, path: string): Promise<string> => {
  const res = await ctx.get(path)
  return res.status === 404 ? '404' : res.json<{ state: string }>().state
}

const MINUTE = 60_000

/** The emulator's control API: virtual time, scripted outcomes, faults, reset, journal. */
export const EMULATOR_SCENARIOS: readonly Scenario[] = [
  {
    id: 'S-EMU-001',
    title: 'advancing virtual time runs the transitions that became due',
    covers: ['B-EMU-001'],
    tags: ['emulator'],
    parity: emulatorOnly(CONTROL),
    requires: ['control', 'frozen-time'],
    async run(ctx) {
      const { id } = await ctx.createSession({ kind: 'spark' })
      ctx.expect.equal(
        await state(ctx, `/sessions/${id}/state`),
        'starting',
        'state before time moves',
      )
      const before = await ctx.control.clock()
      await ctx.control.advance(1_000)
      const after = await ctx.control.clock()
      ctx.expect.equal(after.now - before.now, 1_000, 'virtual time moved by the requested amount')
      ctx.expect.equal(
        await state(ctx, `/sessions/${id}/state`),
        'idle',
        'state once the start time passed',
      )
    },
  },
  {
    id: 'S-EMU-002',
    title: 'outcome rules script the output, the error and the duration of matching statements',
    covers: ['B-EMU-002'],
    tags: ['emulator', 'statements'],
    parity: emulatorOnly(CONTROL),
    requires: ['control'],
    async run(ctx) {
      await ctx.control.outcome({
        match: { regex: '^df\\.show' },
        output: { 'text/plain': '+---+\n| id|\n+---+' },
        durationMs: 2_000,
      })
      await ctx.control.outcome({
        match: 'boom()',
        error: { ename: 'RuntimeError', evalue: 'boom', traceback: ['line 1\n'] },
      })
      const session = await ctx.sharedSession('pyspark')
      const shown = await ctx.runStatement(session, 'df.show()')
      ctx.expect.equal(
        shown.statement.output,
        { status: 'ok', execution_count: shown.id, data: { 'text/plain': '+---+\n| id|\n+---+' } },
        'scripted output',
      )
      ctx.expect.equal(
        shown.statement.completed - shown.statement.started,
        2_000,
        'scripted duration',
      )
      const boom = await ctx.runStatement(session, 'boom()')
      ctx.expect.equal(
        boom.statement.output,
        {
          status: 'error',
          execution_count: boom.id,
          ename: 'RuntimeError',
          evalue: 'boom',
          traceback: ['line 1\n'],
        },
        'scripted error',
      )
    },
  },
  {
    id: 'S-EMU-003',
    title: 'a session-start-fails fault: error, then dead, with the reason in the log',
    covers: ['B-EMU-003'],
    tags: ['emulator', 'faults'],
    parity: emulatorOnly(CONTROL),
    requires: ['control'],
    async run(ctx) {
      await ctx.control.fault({
        type: 'session-start-fails',
        reason: 'java.lang.OutOfMemoryError: Java heap space',
      })
      const { id } = await ctx.createSession({})
      await ctx.control.advance(1_000)
      ctx.expect.equal(
        await state(ctx, `/sessions/${id}/state`),
        'error',
        'right after the failed start',
      )
      await ctx.control.advance(500)
      ctx.expect.equal(
        await state(ctx, `/sessions/${id}/state`),
        'dead',
        'after the server stopped it',
      )
      const log = (await ctx.get(`/sessions/${id}/log?size=-1`)).text
      ctx.expect.that(
        log.includes('java.lang.OutOfMemoryError: Java heap space'),
        'the log says why',
      )
    },
  },
  {
    id: 'S-EMU-004',
    title:
      'an interpreter-dies fault ends the running statement with "Interpreter died" and leaves the session in error',
    covers: ['B-EMU-004'],
    tags: ['emulator', 'faults'],
    parity: emulatorOnly(CONTROL),
    requires: ['control'],
    async run(ctx) {
      const session = await ctx.sharedSession('pyspark')
      const s = (
        await ctx.post(`/sessions/${session}/statements`, { code: 'import time; time.sleep(30)' })
      ).json<{ id: number }>()
      await ctx.control.advance(100)
      await ctx.control.fault({
        type: 'interpreter-dies',
        sessionId: session,
        reason: 'Python exited with code 137',
      })
      const done = (await ctx.get(`/sessions/${session}/statements/${s.id}`)).json<{
        state: string
        output: unknown
      }>()
      ctx.expect.equal(
        done,
        {
          state: 'available',
          output: {
            status: 'error',
            execution_count: s.id,
            ename: 'Error',
            evalue: 'Interpreter died:\nPython exited with code 137',
            traceback: [],
          },
        },
        'the statement that was running',
      )
      ctx.expect.equal(await state(ctx, `/sessions/${session}/state`), 'error', 'session state')
    },
  },
  {
    id: 'S-EMU-005',
    title:
      'an HTTP fault answers its status for the matching route count times, then Livy answers again',
    covers: ['B-EMU-005'],
    tags: ['emulator', 'faults'],
    parity: emulatorOnly(CONTROL),
    requires: ['control'],
    async run(ctx) {
      await ctx.control.fault({
        type: 'http',
        method: 'GET',
        path: '/sessions',
        status: 503,
        body: 'busy',
        headers: { 'Retry-After': '2' },
        count: 2,
      })
      for (let i = 0; i < 2; i++) {
        const res = await ctx.get('/sessions', { unvalidated: true })
        ctx.expect.status(res, 503)
        ctx.expect.header(res, 'retry-after', '2')
        ctx.expect.body(res, 'busy')
      }
      ctx.expect.status(await ctx.get('/sessions'), 200)
    },
  },
  {
    id: 'S-EMU-006',
    title: 'reset empties the state, restarts ids at 0 and rewinds the clock',
    covers: ['B-EMU-006'],
    tags: ['emulator'],
    parity: emulatorOnly(CONTROL),
    requires: ['control', 'frozen-time'],
    async run(ctx) {
      const start = (await ctx.control.clock()).now
      await ctx.createSession({})
      await ctx.control.advance(5_000)
      await ctx.control.reset()
      ctx.expect.equal((await ctx.control.clock()).now, start, 'clock after reset')
      ctx.expect.body(await ctx.get('/sessions'), '{"from":0,"total":0,"sessions":[]}')
      ctx.expect.json((await ctx.createSession({})).exchange, { id: 0 })
    },
  },
  {
    id: 'S-EMU-007',
    title:
      'the request journal lists method, path, status and time, and reading it changes nothing',
    covers: ['B-EMU-007'],
    tags: ['emulator'],
    parity: emulatorOnly(CONTROL),
    requires: ['control'],
    async run(ctx) {
      await ctx.get('/sessions/987654')
      const first = await ctx.control.requests()
      const second = await ctx.control.requests()
      ctx.expect.equal(second, first, 'two reads of the journal')
      ctx.expect.equal(
        first.at(-1),
        {
          method: 'GET',
          path: '/sessions/987654',
          status: 404,
          time: (t: unknown) => typeof t === 'number',
        },
        'last journal entry',
      )
    },
  },
  {
    id: 'S-EMU-008',
    title:
      'on virtual time a finished session stays visible 600 s, then goes at the next 60 s GC tick',
    covers: ['B-EMU-008'],
    tags: ['emulator', 'timeouts'],
    parity: emulatorOnly(VIRTUAL),
    requires: ['control'],
    async run(ctx) {
      const { id } = await ctx.createSession({})
      await ctx.post(`/sessions/${id}/stop`)
      await ctx.control.advance(10 * MINUTE)
      ctx.expect.equal(await state(ctx, `/sessions/${id}/state`), 'dead', 'after 10 minutes')
      await ctx.control.advance(MINUTE)
      ctx.expect.equal(await state(ctx, `/sessions/${id}/state`), '404', 'after the next GC tick')
    },
  },
  {
    id: 'S-EMU-009',
    title:
      'on virtual time an idle session is deleted after an hour; GETs do not count as activity',
    covers: ['B-EMU-009'],
    tags: ['emulator', 'timeouts'],
    parity: emulatorOnly(VIRTUAL),
    requires: ['control'],
    async run(ctx) {
      const { id } = await ctx.createSession({})
      await ctx.control.advance(50 * MINUTE)
      await ctx.get(`/sessions/${id}`)
      await ctx.control.advance(11 * MINUTE)
      ctx.expect.equal(
        await state(ctx, `/sessions/${id}/state`),
        '404',
        'an hour after the last activity',
      )
    },
  },
  {
    id: 'S-EMU-010',
    title: 'on virtual time a session with a heartbeat timeout is deleted once nobody called it',
    covers: ['B-EMU-010'],
    tags: ['emulator', 'timeouts'],
    parity: emulatorOnly(VIRTUAL),
    requires: ['control'],
    async run(ctx) {
      const { id } = await ctx.createSession({ heartbeatTimeoutInSecond: 30 })
      await ctx.control.advance(MINUTE)
      const list = (await ctx.get('/sessions')).json<{ sessions: { id: number }[] }>()
      ctx.expect.that(
        !list.sessions.some((s) => s.id === id),
        'the expired session is no longer listed',
      )
    },
  },
  {
    id: 'S-EMU-011',
    title: 'a batch-fails fault ends a running batch dead with the exit in its log',
    covers: ['B-EMU-011'],
    tags: ['emulator', 'faults', 'batches'],
    parity: emulatorOnly(CONTROL),
    requires: ['control'],
    async run(ctx) {
      const { id } = await ctx.createBatch({ file: 'hdfs:///jobs/etl.py' })
      await ctx.control.advance(500)
      ctx.expect.json(await ctx.get(`/batches/${id}/state`), { state: 'running' })
      await ctx.control.fault({
        type: 'batch-fails',
        batchId: id,
        exitCode: 3,
        reason: 'Exit code 3: no input files',
      })
      ctx.expect.json(await ctx.get(`/batches/${id}/state`), { state: 'dead' })
      ctx.expect.that(
        (await ctx.get(`/batches/${id}/log?size=-1`)).text.includes('Exit code 3: no input files'),
        'the log has the exit',
      )
    },
  },
  {
    id: 'S-EMU-012',
    title:
      'the control page is HTML and the state snapshot shows sessions, statements and pending steps',
    covers: ['B-EMU-012'],
    tags: ['emulator'],
    parity: emulatorOnly(CONTROL),
    requires: ['control', 'frozen-time'],
    async run(ctx) {
      const page = await ctx.control.raw('GET', '')
      ctx.expect.status(page, 200)
      ctx.expect.header(page, 'content-type', /^text\/html/)
      ctx.expect.that(page.text.includes('<title>livy-emulator</title>'), 'the page has its title')
      const session = await ctx.sharedSession('spark')
      await ctx.runStatement(session, '1 + 1')
      const { id: starting } = await ctx.createSession({})
      const first = await ctx.control.state()
      const second = await ctx.control.state()
      ctx.expect.equal(second, first, 'two reads of the snapshot')
      ctx.expect.equal(
        first,
        {
          sessions: [
            { id: session, state: 'idle', statements: [{ code: '1 + 1', state: 'available' }] },
            { id: starting, state: 'starting' },
          ],
          pending: (p: unknown) =>
            Array.isArray(p) &&
            p.some((t) => (t as { label: string }).label === `session ${starting} driver ready`),
        },
        'the snapshot',
      )
    },
  },
  {
    id: 'S-EMU-013',
    title: 'outcome rules and HTTP faults can be listed and removed one by one or all at once',
    covers: ['B-EMU-013'],
    tags: ['emulator'],
    parity: emulatorOnly(CONTROL),
    requires: ['control'],
    async run(ctx) {
      for (const match of ['a', 'b'])
        await ctx.control.outcome({ match, output: { 'text/plain': match } })
      const rules = (await ctx.control.raw('GET', '/outcomes')).json<{
        rules: { id: number; match: string }[]
      }>().rules
      ctx.expect.equal(
        rules.map((r) => r.match),
        ['a', 'b'],
        'listed rules',
      )
      ctx.expect.status(await ctx.control.raw('DELETE', `/outcomes/${rules[0]?.id}`), 200)
      ctx.expect.status(await ctx.control.raw('DELETE', `/outcomes/${rules[0]?.id}`), 404)
      ctx.expect.status(await ctx.control.raw('DELETE', '/outcomes'), 200)
      ctx.expect.json(await ctx.control.raw('GET', '/outcomes'), { rules: [] })
      for (const status of [500, 503])
        await ctx.control.fault({ type: 'http', path: '/nowhere', status })
      const faults = (await ctx.control.raw('GET', '/faults')).json<{
        faults: { id: number; status: number }[]
      }>().faults
      ctx.expect.equal(
        faults.map((f) => f.status),
        [500, 503],
        'listed faults',
      )
      ctx.expect.status(await ctx.control.raw('DELETE', `/faults/${faults[1]?.id}`), 200)
      ctx.expect.status(await ctx.control.raw('DELETE', '/faults'), 200)
      ctx.expect.json(await ctx.control.raw('GET', '/faults'), { faults: [] })
    },
  },
  {
    id: 'S-EMU-014',
    title: 'step answers 404 when no manual step is pending',
    covers: ['B-EMU-014'],
    tags: ['emulator'],
    parity: emulatorOnly(CONTROL),
    requires: ['control'],
    async run(ctx) {
      const res = await ctx.control.raw('POST', '/step', { subject: 'session:987654' })
      ctx.expect.status(res, 404)
      ctx.expect.json(res, { error: 'no pending manual step for session:987654' })
    },
  },
  {
    id: 'S-EMU-015',
    title:
      'a table added through the control API is seen by SQL, typed by its schema, until removed',
    covers: ['B-EMU-015'],
    tags: ['emulator', 'statements'],
    parity: emulatorOnly(CONTROL),
    requires: ['control'],
    async run(ctx) {
      const table = {
        name: 'emu_scenario_scores',
        schema: 'id INT, name STRING, score DECIMAL(3,1)',
        rows: [{ id: 1, name: 'ann', score: '31.5' }, [2, 'bob', '40.0']],
      }
      ctx.expect.json(await ctx.control.raw('POST', '/tables', table), {
        name: 'emu_scenario_scores',
        rows: 2,
      })
      ctx.expect.json(await ctx.control.raw('GET', '/tables'), {
        tables: [{ name: 'emu_scenario_scores', schema: table.schema, rows: 2 }],
      })
      const session = await ctx.sharedSession('sql')
      const avg = await ctx.runStatement(
        session,
        'SELECT count(*) AS n, avg(score) AS a FROM emu_scenario_scores',
      )
      ctx.expect.equal(
        avg.statement.output,
        {
          status: 'ok',
          execution_count: avg.id,
          data: {
            'application/json': {
              schema: {
                type: 'struct',
                fields: [
                  { name: 'n', type: 'long', nullable: false, metadata: {} },
                  { name: 'a', type: 'decimal(7,5)', nullable: true, metadata: {} },
                ],
              },
              data: [[2, 35.75]],
            },
          },
        },
        'the table answered with Spark types',
      )
      ctx.expect.status(await ctx.control.raw('DELETE', '/tables/emu_scenario_scores'), 200)
      const gone = await ctx.runStatement(session, 'SELECT * FROM emu_scenario_scores')
      ctx.expect.equal(
        (gone.statement.output as { evalue?: string }).evalue?.startsWith(
          '[TABLE_OR_VIEW_NOT_FOUND]',
        ),
        true,
        'the removed table is gone',
      )
    },
  },
  {
    id: 'S-EMU-016',
    title:
      'the journal keeps request bodies and verify counts the requests that match, naming the nearest misses',
    covers: ['B-EMU-016'],
    tags: ['emulator'],
    parity: emulatorOnly(CONTROL),
    requires: ['control'],
    needsEmptyServer: true,
    async run(ctx) {
      await ctx.post('/batches', { file: 'hdfs:///jobs/verify.jar', args: ['one'] })
      const listed = await ctx.control.raw('GET', '/requests?method=POST&path=/batches')
      ctx.expect.json(listed, {
        requests: [{ method: 'POST', path: '/batches', status: 201 }],
      })
      ctx.expect.that(
        (listed.json<{ requests: { body?: string }[] }>().requests[0]?.body ?? '').includes(
          '"args":["one"]',
        ),
        'the journal keeps the request body',
      )
      ctx.expect.json(
        await ctx.control.raw('POST', '/requests/verify', {
          method: 'POST',
          path: '/batches',
          body: { args: ['one'] },
          count: 1,
        }),
        { ok: true, count: 1, nearest: [] },
      )
      const miss = await ctx.control.raw('POST', '/requests/verify', {
        path: '/batches',
        body: { args: ['two'] },
      })
      ctx.expect.json(miss, { ok: false, count: 0, nearest: [{ path: '/batches' }] })
      ctx.expect.that(
        miss.json<{ message: string }>().message.startsWith('expected at least 1 request(s)'),
        'a mismatch says what was expected',
      )
    },
  },
  {
    id: 'S-EMU-017',
    title:
      'the control page loads its script and style, and the event stream says hello with the clock, then each change',
    covers: ['B-EMU-017'],
    tags: ['emulator'],
    parity: emulatorOnly(CONTROL),
    requires: ['control'],
    async run(ctx) {
      const script = await ctx.control.raw('GET', '/app.js')
      ctx.expect.status(script, 200)
      ctx.expect.header(script, 'Content-Type', /javascript/)
      const style = await ctx.control.raw('GET', '/app.css')
      ctx.expect.status(style, 200)
      ctx.expect.header(style, 'Content-Type', /text\/css/)
      const hello = await ctx.control.raw('GET', '/events?max=1')
      ctx.expect.status(hello, 200)
      ctx.expect.header(hello, 'Content-Type', /^text\/event-stream/)
      ctx.expect.that(
        /^retry: \d+\nevent: hello\ndata: \{"now":\d+,"kind":"\w+"\}\n\n$/.test(hello.text),
        `the first event is hello with the clock; got ${JSON.stringify(hello.text)}`,
      )
      const next = ctx.control.raw('GET', '/events?max=2')
      // The stream is open once its hello is out; a change then arrives as the second event.
      await new Promise((resolve) => setTimeout(resolve, 200))
      await ctx.post('/sessions', { kind: 'spark' })
      const two = await next
      ctx.expect.that(
        /event: hello[\s\S]*\n\nevent: \w+\ndata: \{/.test(two.text),
        `a change follows the hello; got ${JSON.stringify(two.text.slice(0, 300))}`,
      )
    },
  },
]
