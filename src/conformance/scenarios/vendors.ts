import type { Scenario, ScenarioContext } from '../types.ts'

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/
const FABRIC_ERROR = ['requestId', 'errorCode', 'message']
const documented = (source: string) => ({ mark: 'documented', source }) as const

/** Creates a Fabric session and deletes it at the end; returns its GUID. */
async function fabricSession(ctx: ScenarioContext, body: Record<string, unknown> = {}) {
  const res = await ctx.post('/sessions', body)
  ctx.expect.status(res, 202)
  const id = res.json<{ id: string }>().id
  ctx.defer(() => ctx.delete(`/sessions/${id}`))
  return { id, res }
}

/** Polls Fabric's `livyInfo.currentState`, the field dbt-fabricspark waits on. */
async function untilFabricState(ctx: ScenarioContext, id: string, states: readonly string[]) {
  return ctx.waitFor(
    async () => {
      const body = (await ctx.get(`/sessions/${id}`)).json<{
        state: string
        livyInfo?: { currentState?: string }
      }>()
      const state = body.livyInfo?.currentState ?? body.state
      return states.includes(state) ? state : undefined
    },
    { description: `Fabric session ${id} to be ${states.join(' or ')}`, timeoutMs: 300_000 },
  )
}

const FABRIC: readonly Scenario[] = [
  {
    id: 'S-FABRIC-001',
    title: 'creating a session answers 202 with a GUID id',
    covers: ['B-FABRIC-001'],
    tags: ['fabric', 'sessions'],
    parity: documented('VARIANTS §1.3 (swagger), §1.4'),
    setup: 'fabric',
    async run(ctx) {
      const { id } = await fabricSession(ctx, { name: `conformance-${Date.now()}` })
      ctx.expect.that(GUID.test(id), `session id ${JSON.stringify(id)} is a GUID`)
    },
  },
  {
    id: 'S-FABRIC-002',
    title:
      'a session reaches idle through livyInfo.currentState, and statements are accepted with 200',
    covers: ['B-FABRIC-002', 'B-FABRIC-004'],
    tags: ['fabric', 'statements'],
    parity: documented('VARIANTS §1.3, §1.5; dbt-fabricspark and fabricQueryR wait this way'),
    setup: 'fabric',
    timeoutMs: 600_000,
    async run(ctx) {
      const { id, res } = await fabricSession(ctx, { kind: 'pyspark', conf: { 'spark.x': '1' } })
      ctx.expect.json(res, { livyInfo: { jobCreationRequest: { conf: { 'spark.x': '1' } } } })
      await untilFabricState(ctx, id, ['idle'])
      const submit = await ctx.post(`/sessions/${id}/statements`, {
        code: '1 + 1',
        kind: 'pyspark',
      })
      ctx.expect.status(submit, 200)
      ctx.expect.json(submit, { id: 0 })
    },
  },
  {
    id: 'S-FABRIC-003',
    title: 'a missing or invalid Bearer token gets 401 with Fabric’s error body',
    covers: ['B-FABRIC-003'],
    tags: ['fabric', 'auth'],
    parity: documented('VARIANTS §1.2 (InvalidToken observed on the core Fabric API)'),
    setup: 'fabric',
    async run(ctx) {
      const missing = await ctx.get('/sessions', { headers: { Authorization: null } })
      ctx.expect.status(missing, 401)
      ctx.expect.keys(missing, FABRIC_ERROR)
      const invalid = await ctx.get('/sessions', {
        headers: { Authorization: 'Bearer livy-conformance.invalid.token' },
      })
      ctx.expect.status(invalid, 401)
      if (ctx.target.kind === 'emulator') ctx.expect.json(invalid, { errorCode: 'InvalidToken' })
      else ctx.expect.keys(invalid, FABRIC_ERROR)
    },
  },
  {
    id: 'S-FABRIC-004',
    title: 'reset-timeout answers 204',
    covers: ['B-FABRIC-005'],
    tags: ['fabric', 'sessions'],
    parity: documented('VARIANTS §1.3 (swagger)'),
    setup: 'fabric',
    timeoutMs: 600_000,
    async run(ctx) {
      const { id } = await fabricSession(ctx)
      await untilFabricState(ctx, id, ['idle'])
      const res = await ctx.post(`/sessions/${id}/reset-timeout`)
      ctx.expect.status(res, 204)
      ctx.expect.empty(res)
    },
  },
  {
    id: 'S-FABRIC-005',
    title: 'an unknown session GUID is a 404 in Fabric’s error format',
    covers: ['B-FABRIC-006'],
    tags: ['fabric', 'errors'],
    parity: documented('VARIANTS §1.3 (ErrorResponse), §1.9 (EntityNotFound once expired)'),
    setup: 'fabric',
    async run(ctx) {
      const res = await ctx.get('/sessions/00000000-0000-4000-8000-00000000beef')
      ctx.expect.status(res, 404)
      ctx.expect.keys(res, FABRIC_ERROR)
    },
  },
  {
    id: 'S-FABRIC-006',
    title: 'batches answer 202 with a GUID and can be deleted',
    covers: ['B-FABRIC-001'],
    tags: ['fabric', 'batches'],
    parity: documented('VARIANTS §1.3, §1.4'),
    setup: 'fabric',
    async run(ctx) {
      const res = await ctx.post('/batches', {
        file: 'abfss://conformance@onelake.dfs.fabric.microsoft.com/x.py',
      })
      ctx.expect.status(res, 202)
      const id = res.json<{ id: string }>().id
      ctx.expect.that(GUID.test(id), `batch id ${JSON.stringify(id)} is a GUID`)
      ctx.expect.json(res, { livyInfo: { currentState: (v: unknown) => typeof v === 'string' } })
      ctx.expect.status(await ctx.delete(`/batches/${id}`), 200)
    },
  },
  {
    id: 'S-FABRIC-007',
    title: 'throttling answers 429 with Retry-After and Fabric’s error body',
    covers: ['B-FABRIC-007'],
    tags: ['fabric', 'faults'],
    parity: {
      mark: 'emulator-only',
      reason: 'a real Fabric throttles on its own schedule; the emulator is told to',
    },
    setup: 'fabric',
    requires: ['control'],
    async run(ctx) {
      await ctx.control.fault({
        type: 'http',
        method: 'POST',
        path: '/sessions',
        status: 429,
        headers: { 'Retry-After': '5' },
        count: 1,
      })
      const res = await ctx.post('/sessions', {})
      ctx.expect.status(res, 429)
      ctx.expect.header(res, 'retry-after', '5')
      ctx.expect.json(res, { errorCode: 'RequestBlocked' })
    },
  },
]

const HDINSIGHT: readonly Scenario[] = [
  {
    id: 'S-HDI-001',
    title: 'POST /livy/batches answers 201 and a Location without the gateway prefix',
    covers: ['B-HDI-001'],
    tags: ['hdinsight', 'batches'],
    parity: documented('VARIANTS §3 (docs sample output; current Location form unconfirmed)'),
    setup: 'hdinsight',
    async run(ctx) {
      const res = await ctx.post('/batches', {
        file: 'wasbs:///example/jars/spark-examples.jar',
        className: 'org.apache.spark.examples.SparkPi',
      })
      ctx.expect.status(res, 201)
      const id = res.json<{ id: number }>().id
      ctx.defer(() => ctx.delete(`/batches/${id}`))
      ctx.expect.header(res, 'location', `/batches/${id}`)
    },
  },
  {
    id: 'S-HDI-002',
    title: 'a POST without X-Requested-By is refused by Livy’s CSRF filter',
    covers: ['B-HDI-002'],
    tags: ['hdinsight', 'csrf'],
    parity: documented('VARIANTS §3 (docs always send X-Requested-By)'),
    setup: 'hdinsight',
    async run(ctx) {
      const res = await ctx.post(
        '/batches',
        { file: 'wasbs:///x.jar' },
        { headers: { 'X-Requested-By': null } },
      )
      ctx.expect.status(res, 400)
    },
  },
  {
    id: 'S-HDI-003',
    title: 'wrong cluster credentials get the gateway’s 401 body',
    covers: ['B-HDI-003'],
    tags: ['hdinsight', 'auth'],
    parity: documented('VARIANTS §3 (gateway body seen in Azure Toolkit issues)'),
    setup: 'hdinsight',
    async run(ctx) {
      const res = await ctx.get('/batches', {
        headers: { Authorization: `Basic ${btoa('admin:livy-conformance-wrong-password')}` },
        unvalidated: true,
      })
      ctx.expect.status(res, 401)
      ctx.expect.keys(res, ['Code', 'Message', 'CorrelationId', 'ResponseTimestamp'])
    },
  },
]

const SYNAPSE: readonly Scenario[] = [
  {
    id: 'S-SYN-001',
    title: 'creating a batch answers 200 with the plain body',
    covers: ['B-SYN-001', 'B-SYN-002'],
    tags: ['synapse', 'batches'],
    parity: documented('VARIANTS §2 (live trace from the Azure Toolkit)'),
    setup: 'synapse',
    async run(ctx) {
      const res = await ctx.post('/batches', {
        name: 'conformance',
        file: 'abfss://c@a.dfs.core.windows.net/x.py',
      })
      ctx.expect.status(res, 200)
      ctx.expect.keys(res, ['id', 'appId', 'appInfo', 'state', 'log', 'registeredSources'])
      ctx.defer(() => ctx.delete(`/batches/${res.json<{ id: number }>().id}`))
    },
  },
  {
    id: 'S-SYN-002',
    title: 'a session created with 200; ?detailed=true adds livyInfo and the pool name',
    covers: ['B-SYN-001', 'B-SYN-002'],
    tags: ['synapse', 'sessions'],
    parity: documented('VARIANTS §2 (sparkJob.json)'),
    setup: 'synapse',
    async run(ctx) {
      const res = await ctx.post('/sessions', { name: 'conformance', kind: 'spark' })
      ctx.expect.status(res, 200)
      const id = res.json<{ id: number }>().id
      ctx.defer(() => ctx.delete(`/sessions/${id}`))
      const detailed = await ctx.get(`/sessions/${id}?detailed=true`)
      ctx.expect.json(detailed, {
        id,
        name: 'conformance',
        livyInfo: { currentState: (v: unknown) => typeof v === 'string' },
        sparkPoolName: (v: unknown) => typeof v === 'string',
        jobType: 'SparkSession',
      })
    },
  },
  {
    id: 'S-SYN-003',
    title: 'a list page holds at most 20 items whatever size asks for',
    covers: ['B-SYN-003'],
    tags: ['synapse', 'paging'],
    parity: documented('VARIANTS §2 (size defaults to and is capped at 20)'),
    setup: 'synapse',
    async run(ctx) {
      for (let i = 0; i < 21; i++) {
        const res = await ctx.post('/batches', {
          name: `conformance-${i}`,
          file: 'abfss://c@a.dfs.core.windows.net/x.py',
        })
        ctx.defer(() => ctx.delete(`/batches/${res.json<{ id: number }>().id}`))
      }
      const page = (await ctx.get('/batches?size=100')).json<{
        total: number
        sessions: unknown[]
      }>()
      ctx.expect.that(page.total >= 21, `total ${page.total} counts every batch`)
      ctx.expect.equal(page.sessions.length, 20, 'items on the page')
    },
  },
  {
    id: 'S-SYN-004',
    title: 'PUT reset-timeout answers 200',
    covers: ['B-SYN-004'],
    tags: ['synapse', 'sessions'],
    parity: documented('VARIANTS §2 (sparkJob.json)'),
    setup: 'synapse',
    async run(ctx) {
      const res = await ctx.post('/sessions', { name: 'conformance', kind: 'spark' })
      const id = res.json<{ id: number }>().id
      ctx.defer(() => ctx.delete(`/sessions/${id}`))
      ctx.expect.status(await ctx.request('PUT', `/sessions/${id}/reset-timeout`), 200)
    },
  },
]

const OTHERS: readonly Scenario[] = [
  {
    id: 'S-SPYT-001',
    title: 'a fourth live session is refused like Livy refuses a create over its limit',
    covers: ['B-SPYT-001'],
    tags: ['spyt', 'limits'],
    parity: documented('VARIANTS §7 (--livy-max-sessions; rejection form unconfirmed)'),
    setup: 'spyt',
    needsEmptyServer: true,
    async run(ctx) {
      for (let i = 0; i < 3; i++) await ctx.createSession({ kind: 'spark' })
      const res = await ctx.post('/sessions', { kind: 'spark' })
      ctx.expect.status(res, 400)
      ctx.expect.message(res, 'Rejected, too many sessions are being created!')
    },
  },
  {
    id: 'S-LIVY08-001',
    title:
      'Livy 0.8: ttl is the idle timeout, echoed in the ttl slot as the proxy user; idleTimeout is unknown',
    covers: ['B-LIVY08-001'],
    tags: ['livy-0.8', 'sessions'],
    parity: documented('REFERENCE §13'),
    setup: 'apache-0.8',
    async run(ctx) {
      const res = await ctx.post('/sessions', { kind: 'spark', ttl: '10m', proxyUser: 'etl' })
      ctx.expect.status(res, 201)
      ctx.expect.json(res, { ttl: 'etl', proxyUser: 'etl' })
      ctx.expect.that(!('idleTimeout' in res.json<object>()), 'no idleTimeout field')
      ctx.defer(() => ctx.delete(`/sessions/${res.json<{ id: number }>().id}`))
      const unknown = await ctx.post('/sessions', { idleTimeout: '10m' })
      ctx.expect.status(unknown, 400)
      ctx.expect.bareString(unknown, /^Unrecognized field "idleTimeout"/)
    },
  },
  {
    id: 'S-LIVY07-001',
    title:
      'Livy 0.7.1: sessions carry only the nine fields its Java client knows; ttl and idleTimeout are unknown',
    covers: ['B-LIVY07-001'],
    tags: ['livy-0.7', 'sessions'],
    parity: documented('Livy 0.7.1 source'),
    setup: 'apache-0.7',
    async run(ctx) {
      const res = await ctx.post('/sessions', { kind: 'spark' })
      ctx.expect.status(res, 201)
      ctx.expect.equal(
        Object.keys(res.json<object>()),
        ['id', 'name', 'appId', 'owner', 'proxyUser', 'state', 'kind', 'appInfo', 'log'],
        'the session fields',
      )
      ctx.defer(() => ctx.delete(`/sessions/${res.json<{ id: number }>().id}`))
      for (const field of ['ttl', 'idleTimeout']) {
        const unknown = await ctx.post('/sessions', { [field]: '10m' })
        ctx.expect.status(unknown, 400)
        ctx.expect.bareString(unknown, new RegExp(`^Unrecognized field "${field}"`))
      }
    },
  },
]

/** Scenarios for the vendor set-ups (what their docs and clients say; see VARIANTS.md). */
export const VENDOR_SCENARIOS: readonly Scenario[] = [
  ...FABRIC,
  ...HDINSIGHT,
  ...SYNAPSE,
  ...OTHERS,
]
