import type { Exchange, Scenario, ScenarioContext } from '../types.ts'

const verified = { mark: 'verified' } as const
const BATCH_KEYS = ['id', 'name', 'owner', 'proxyUser', 'state', 'appId', 'appInfo', 'log']

interface BatchJson {
  id: number
  name: string | null
  state: string
  log: string[]
}

const batchState = async (ctx: ScenarioContext, id: number): Promise<string> =>
  (await ctx.get(`/batches/${id}/state`)).json<{ state: string }>().state

const untilBatch = (ctx: ScenarioContext, id: number, states: readonly string[]) =>
  ctx.waitFor(
    async () => {
      const state = await batchState(ctx, id)
      return states.includes(state) ? state : undefined
    },
    { timeoutMs: 180_000, description: `batch ${id} to be ${states.join('/')}` },
  )

/** The batches a rejected request left behind (they never go away by themselves). */
async function zombiesSince(ctx: ScenarioContext, before: number): Promise<BatchJson[]> {
  const list = (await ctx.get('/batches?size=1000')).json<{ sessions: BatchJson[] }>().sessions
  const zombies = list.filter((b) => b.id >= before)
  for (const z of zombies) ctx.defer(() => ctx.delete(`/batches/${z.id}`))
  return zombies
}

/** The next batch id, found without creating a batch: the highest listed id + 1 is a lower bound. */
const nextIdAtLeast = async (ctx: ScenarioContext): Promise<number> => {
  const list = (await ctx.get('/batches?size=1000')).json<{ sessions: BatchJson[] }>().sessions
  return list.reduce((max, b) => Math.max(max, b.id + 1), 0)
}

const created = (e: Exchange) => e.json<BatchJson>()

/** Batches: creation, the starting → running → success|dead lifecycle, zombies, deletion. */
export const BATCH_SCENARIOS: readonly Scenario[] = [
  {
    id: 'S-BATCH-001',
    title:
      'a local-mode batch is created starting (or already running) in Livy field order, then succeeds; its log merges stderr into stdout',
    covers: ['B-BATCH-002', 'B-BATCH-011', 'B-BATCH-006', 'B-BATCH-010'],
    tags: ['batches', 'lifecycle'],
    parity: verified,
    requires: ['local-files'],
    async run(ctx) {
      const { id, exchange } = await ctx.createBatch({ file: `${ctx.localDir}/pi.py` })
      ctx.expect.status(exchange, 201)
      ctx.expect.header(exchange, 'location', `/batches/${id}`)
      ctx.expect.keys(exchange, BATCH_KEYS)
      ctx.expect.json(exchange, {
        id,
        name: null,
        owner: null,
        proxyUser: null,
        // Observed both: Livy answers while spark-submit is being launched.
        state: (s: unknown) => s === 'starting' || s === 'running',
        appId: null,
        appInfo: { driverLogUrl: null, sparkUiUrl: null, executorLogUrls: null },
        log: ['stdout: ', '\nstderr: '],
      })
      const final = await untilBatch(ctx, id, ['success', 'dead'])
      ctx.expect.equal(final, 'success', 'final state of a batch that exits 0')
      ctx.expect.json(await ctx.get(`/batches/${id}/state`), { id, state: 'success' })
      const log = (await ctx.get(`/batches/${id}/log?size=-1`)).json<{
        id: number
        total: number
        log: string[]
      }>()
      ctx.expect.equal(log.log[0], 'stdout: ', 'first log line')
      ctx.expect.equal(log.log.at(-1), '\nstderr: ', 'last log line: the stderr section is empty')
      ctx.expect.equal(log.total, log.log.length, 'total lines')
      const last3 = (await ctx.get(`/batches/${id}/log?size=3`)).json<{
        from: number
        log: string[]
      }>()
      ctx.expect.equal(last3.from, log.total - 3, 'from of the last three lines')
    },
  },
  {
    id: 'S-BATCH-002',
    title: 'a batch whose application exits non-zero ends dead',
    covers: ['B-BATCH-004'],
    tags: ['batches', 'lifecycle'],
    parity: verified,
    requires: ['local-files'],
    async run(ctx) {
      // The emulator cannot run fail.py; it is told what the file does.
      if (ctx.target.capabilities.has('control'))
        await ctx.control.fault({ type: 'next-batches-fail', exitCode: 1 })
      const { id } = await ctx.createBatch({ file: `${ctx.localDir}/fail.py` })
      ctx.expect.equal(
        await untilBatch(ctx, id, ['success', 'dead']),
        'dead',
        'final state of a batch that exits 1',
      )
    },
  },
  {
    id: 'S-BATCH-003',
    title:
      'rejected batch requests answer 400 yet leave batches in starting with an empty log until deleted',
    covers: ['B-BATCH-005'],
    tags: ['batches', 'errors', 'quirks'],
    parity: verified,
    requires: ['local-files'],
    async run(ctx) {
      const before = await nextIdAtLeast(ctx)
      const noFile = await ctx.post('/batches', { name: 'conformance-zombie' })
      ctx.expect.status(noFile, 400)
      ctx.expect.body(noFile, '{"msg":"Rejected, Reason: requirement failed: File is required."}')
      const outside = await ctx.post('/batches', { file: '/etc/conformance.py' })
      ctx.expect.body(
        outside,
        '{"msg":"Rejected, Reason: requirement failed: Local path /etc/conformance.py cannot be added to user sessions."}',
      )
      const blacklisted = await ctx.post('/batches', {
        file: `${ctx.localDir}/pi.py`,
        conf: { 'spark.master': 'yarn' },
      })
      ctx.expect.body(
        blacklisted,
        '{"msg":"Rejected, Reason: Blacklisted configuration values in session config: spark.master"}',
      )
      const zombies = await zombiesSince(ctx, before)
      ctx.expect.equal(zombies.length, 3, 'batches left behind')
      for (const z of zombies)
        ctx.expect.equal(
          { state: z.state, log: z.log },
          { state: 'starting', log: [] },
          `zombie batch ${z.id}`,
        )
      ctx.expect.equal(zombies[0]?.name, 'conformance-zombie', 'the zombie holds its name')
      const named = await ctx.get('/batches/conformance-zombie/state')
      ctx.expect.json(named, { state: 'starting' })
    },
  },
  {
    id: 'S-BATCH-004',
    title: 'deleting a running batch answers deleted and the batch is gone',
    covers: ['B-BATCH-007'],
    tags: ['batches', 'lifecycle'],
    parity: verified,
    requires: ['local-files'],
    async run(ctx) {
      const { id } = await ctx.createBatch({ file: `${ctx.localDir}/sleep.py` })
      await untilBatch(ctx, id, ['running'])
      const del = await ctx.delete(`/batches/${id}`)
      ctx.expect.status(del, 200)
      ctx.expect.body(del, '{"msg":"deleted"}')
      const gone = await ctx.get(`/batches/${id}`)
      ctx.expect.status(gone, 404)
      ctx.expect.body(gone, `{"msg":"Session '${id}' not found."}`)
    },
  },
  {
    id: 'S-BATCH-005',
    title:
      'a batch request refuses the session-only field kind with a 400 naming CreateBatchRequest',
    covers: ['B-BATCH-008', 'B-ERROR-002'],
    tags: ['batches', 'errors'],
    parity: verified,
    async run(ctx) {
      const res = await ctx.post('/batches', '{"file":"hdfs:///x.py","kind":"pyspark"}')
      ctx.expect.status(res, 400)
      ctx.expect.body(
        res,
        JSON.stringify(
          'Unrecognized field "kind" (class org.apache.livy.server.batch.CreateBatchRequest), not marked as ignorable (16 known properties: "executorCores", "className", "conf", "driverMemory", "name", "driverCores", "pyFiles", "archives", "executorMemory", "files", "jars", "proxyUser", "numExecutors", "file", "args", "queue"])\n at [Source: (org.eclipse.jetty.server.HttpInputOverHTTP); line: 1, column: 32] (through reference chain: org.apache.livy.server.batch.CreateBatchRequest["kind"])',
        ),
      )
    },
  },
  {
    id: 'S-BATCH-006',
    title: 'batch ids count independently of session ids',
    covers: ['B-BATCH-009'],
    tags: ['batches', 'sessions'],
    parity: verified,
    requires: ['local-files'],
    async run(ctx) {
      const first = await ctx.createBatch({ file: `${ctx.localDir}/pi.py` })
      await ctx.createSession({})
      await ctx.createSession({})
      const second = await ctx.createBatch({ file: `${ctx.localDir}/pi.py` })
      ctx.expect.equal(second.id, first.id + 1, 'the next batch id after two sessions')
      ctx.expect.json(second.exchange, { id: created(first.exchange).id + 1 })
    },
  },
  {
    id: 'S-BATCH-007',
    title:
      'an unknown batch is a 404; a duplicate batch name is rejected, consumes an id and leaves no batch',
    covers: ['B-SESSION-011', 'B-SESSION-013', 'B-BATCH-001'],
    tags: ['batches', 'errors'],
    parity: verified,
    requires: ['local-files'],
    async run(ctx) {
      const missing = await ctx.get('/batches/987654')
      ctx.expect.status(missing, 404)
      ctx.expect.body(missing, '{"msg":"Session \'987654\' not found."}')
      const first = await ctx.createBatch({
        name: 'conformance-batch',
        file: `${ctx.localDir}/pi.py`,
      })
      const total = (await ctx.get('/batches')).json<{ total: number }>().total
      const dup = await ctx.post('/batches', {
        name: 'conformance-batch',
        file: `${ctx.localDir}/pi.py`,
      })
      ctx.expect.status(dup, 400)
      ctx.expect.body(
        dup,
        `{"msg":"Rejected, Reason: Duplicate session name: Some(conformance-batch) for session ${first.id + 1}"}`,
      )
      ctx.expect.json(await ctx.get('/batches'), { total })
      const next = await ctx.createBatch({ file: `${ctx.localDir}/pi.py` })
      ctx.expect.equal(next.id, first.id + 2, 'id after the duplicate-name rejection')
    },
  },
]
