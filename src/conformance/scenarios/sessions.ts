import { any } from '../expectations.ts'
import type { Scenario } from '../types.ts'

const verified = { mark: 'verified' } as const

/** Livy's 23 session fields, in the order Jackson writes them. */
export const SESSION_KEYS = [
  'id',
  'name',
  'appId',
  'owner',
  'proxyUser',
  'state',
  'kind',
  'appInfo',
  'log',
  'ttl',
  'idleTimeout',
  'driverMemory',
  'driverCores',
  'executorMemory',
  'executorCores',
  'conf',
  'archives',
  'files',
  'heartbeatTimeoutInSecond',
  'jars',
  'numExecutors',
  'pyFiles',
  'queue',
]

const KNOWN_PROPERTIES =
  '(17 known properties: "executorCores", "conf", "driverMemory", "name", "driverCores", "idleTimeout", "pyFiles", "archives", "kind", "files", "jars", "proxyUser", "numExecutors", "heartbeatTimeoutInSecond", "ttl", "queue", "executorMemory"])'
const SOURCE = 'at [Source: (org.eclipse.jetty.server.HttpInputOverHTTP); line: 1, column:'
const CLASS_CAST = (type: string) =>
  `"java.lang.ClassCastException: class ${type} cannot be cast to class java.lang.Integer (${type} and java.lang.Integer are in module java.base of loader 'bootstrap')"`

/** Interactive sessions: create, read, list, name lookup, rejections, stop, delete. */
export const SESSION_SCENARIOS: readonly Scenario[] = [
  {
    id: 'S-SESSION-001',
    title:
      'creating a session answers 201, its Location and the session in starting state, fields in Livy order',
    covers: ['B-SESSION-004', 'B-SESSION-005', 'B-SESSION-006'],
    tags: ['sessions'],
    parity: verified,
    async run(ctx) {
      const { id, exchange } = await ctx.createSession({})
      ctx.expect.status(exchange, 201)
      ctx.expect.header(exchange, 'location', `/sessions/${id}`)
      ctx.expect.keys(exchange, SESSION_KEYS)
      ctx.expect.body(
        exchange,
        `{"id":${id},"name":null,"appId":null,"owner":null,"proxyUser":null,"state":"starting","kind":"shared","appInfo":{"driverLogUrl":null,"sparkUiUrl":null,"executorLogUrls":null},"log":["stdout: ","\\nstderr: "],"ttl":null,"idleTimeout":null,"driverMemory":null,"driverCores":0,"executorMemory":null,"executorCores":0,"conf":{},"archives":[],"files":[],"heartbeatTimeoutInSecond":0,"jars":[],"numExecutors":0,"pyFiles":[],"queue":null}`,
      )
    },
  },
  {
    id: 'S-SESSION-002',
    title: 'kind aliases scala and python are reported as spark and pyspark',
    covers: ['B-SESSION-007'],
    tags: ['sessions'],
    parity: verified,
    async run(ctx) {
      for (const [alias, kind] of [
        ['scala', 'spark'],
        ['python', 'pyspark'],
        ['sql', 'sql'],
      ]) {
        const { exchange } = await ctx.createSession({ kind: alias })
        ctx.expect.json(exchange, { kind })
      }
    },
  },
  {
    id: 'S-SESSION-003',
    title:
      'request values are echoed as given: conf values become strings, a numeric heartbeat string is an int',
    covers: ['B-SESSION-008'],
    tags: ['sessions'],
    parity: verified,
    async run(ctx) {
      const { exchange } = await ctx.createSession({
        kind: 'pyspark',
        name: 'conformance-echo',
        driverMemory: '512m',
        executorCores: 2,
        conf: { 'spark.conformance.number': 1, 'spark.conformance.bool': true },
        heartbeatTimeoutInSecond: '300',
        ttl: '2h',
        idleTimeout: '1h',
        queue: 'default',
        proxyUser: 'bob',
      })
      ctx.expect.json(exchange, {
        name: 'conformance-echo',
        proxyUser: null,
        driverMemory: '512m',
        driverCores: 0,
        executorCores: 2,
        numExecutors: 0,
        conf: { 'spark.conformance.number': '1', 'spark.conformance.bool': 'true' },
        heartbeatTimeoutInSecond: 300,
        ttl: '2h',
        idleTimeout: '1h',
        queue: 'default',
      })
    },
  },
  {
    id: 'S-SESSION-004',
    title: 'a new session reports starting until its driver is up, then idle, and never running',
    covers: ['B-SESSION-009', 'B-SESSION-024'],
    tags: ['sessions', 'lifecycle'],
    parity: verified,
    async run(ctx) {
      const { id } = await ctx.createSession({ kind: 'spark' })
      const seen = await ctx.waitForSessionState(id, ['idle'])
      ctx.expect.equal(seen, ['starting', 'idle'], 'states seen while starting')
      const state = await ctx.get(`/sessions/${id}/state`)
      ctx.expect.body(state, `{"id":${id},"state":"idle"}`)
      const session = await ctx.get(`/sessions/${id}`)
      ctx.expect.keys(session, SESSION_KEYS)
      ctx.expect.json(session, { id, state: 'idle', kind: 'spark' })
    },
  },
  {
    id: 'S-SESSION-005',
    title: 'a non-numeric path segment is looked up as a session name',
    covers: ['B-SESSION-010', 'B-SESSION-011'],
    tags: ['sessions'],
    parity: verified,
    async run(ctx) {
      const { id } = await ctx.createSession({ name: 'conformance-byname' })
      ctx.expect.json(await ctx.get('/sessions/conformance-byname'), {
        id,
        name: 'conformance-byname',
      })
      ctx.expect.json(await ctx.get('/sessions/conformance-byname/state'), { id })
      const negative = await ctx.get('/sessions/-1')
      ctx.expect.status(negative, 404)
      ctx.expect.body(negative, '{"msg":"Session \'-1\' not found."}')
    },
  },
  {
    id: 'S-SESSION-006',
    title: 'an unknown session is a 404 {"msg"} naming the segment as sent',
    covers: ['B-SESSION-011', 'B-ERROR-001'],
    tags: ['sessions', 'errors'],
    parity: verified,
    async run(ctx) {
      for (const path of ['/sessions/987654', '/sessions/no-such-session/state']) {
        const res = await ctx.get(path)
        ctx.expect.status(res, 404)
        ctx.expect.message(res, `Session '${path.split('/')[2]}' not found.`)
      }
      const del = await ctx.delete('/sessions/987654')
      ctx.expect.status(del, 404)
      ctx.expect.body(del, '{"msg":"Session \'987654\' not found."}')
    },
  },
  {
    id: 'S-SESSION-007',
    title: 'an id that overflows a Java int is a 400 NumberFormatException message',
    covers: ['B-SESSION-012'],
    tags: ['sessions', 'errors'],
    parity: verified,
    async run(ctx) {
      const res = await ctx.get('/sessions/99999999999')
      ctx.expect.status(res, 400)
      ctx.expect.body(res, '{"msg":"For input string: \\"99999999999\\""}')
    },
  },
  {
    id: 'S-SESSION-008',
    title: 'a duplicate name is a 400 naming Some(name), and the rejected create consumes an id',
    covers: ['B-SESSION-013', 'B-SESSION-015'],
    tags: ['sessions', 'errors', 'quirks'],
    parity: verified,
    async run(ctx) {
      const first = await ctx.createSession({ name: 'conformance-dup' })
      const dup = await ctx.post('/sessions', { name: 'conformance-dup', kind: 'python' })
      ctx.expect.status(dup, 400)
      ctx.expect.body(
        dup,
        `{"msg":"Rejected, Reason: Duplicate session name: Some(conformance-dup) for session ${first.id + 1}"}`,
      )
      const next = await ctx.createSession({})
      ctx.expect.equal(next.id, first.id + 2, 'id after a duplicate-name rejection')
    },
  },
  {
    id: 'S-SESSION-009',
    title: 'a name made only of digits, or empty, is rejected and consumes an id',
    covers: ['B-SESSION-014', 'B-SESSION-015'],
    tags: ['sessions', 'errors', 'quirks'],
    parity: verified,
    async run(ctx) {
      const first = await ctx.createSession({})
      const digits = await ctx.post('/sessions', { name: '123' })
      ctx.expect.status(digits, 400)
      ctx.expect.body(digits, '{"msg":"Rejected, Reason: Invalid session name: 123"}')
      const empty = await ctx.post('/sessions', { name: '' })
      ctx.expect.body(empty, '{"msg":"Rejected, Reason: Invalid session name: "}')
      const next = await ctx.createSession({})
      ctx.expect.equal(next.id, first.id + 3, 'id after two name rejections')
    },
  },
  {
    id: 'S-SESSION-010',
    title:
      'invalid ttl and idleTimeout values are rejected with Livy time-syntax messages and consume ids',
    covers: ['B-SESSION-016', 'B-SESSION-015'],
    tags: ['sessions', 'errors'],
    parity: verified,
    async run(ctx) {
      const first = await ctx.createSession({})
      const cases: [Record<string, string>, string][] = [
        [{ ttl: 'abc' }, 'Invalid time string: abc'],
        [{ idleTimeout: '5 parsecs' }, 'Invalid time string: 5 parsecs'],
        [{ idleTimeout: '-5s' }, 'Invalid value: -5'],
        [{ ttl: '5parsecs' }, 'Invalid suffix: \\"parsecs\\"'],
      ]
      for (const [body, message] of cases) {
        const res = await ctx.post('/sessions', body)
        ctx.expect.status(res, 400)
        ctx.expect.body(res, `{"msg":"Rejected, Reason: ${message}"}`)
      }
      const next = await ctx.createSession({})
      ctx.expect.equal(next.id, first.id + 1 + cases.length, 'id after time-syntax rejections')
    },
  },
  {
    id: 'S-SESSION-011',
    title:
      "a body Livy cannot parse is a 400 with Jackson's message as a bare string, and consumes no id",
    covers: ['B-ERROR-002', 'B-SESSION-015'],
    tags: ['sessions', 'errors'],
    parity: verified,
    async run(ctx) {
      const first = await ctx.createSession({})
      const unknown = await ctx.post('/sessions', '{"foo":1}')
      ctx.expect.status(unknown, 400)
      ctx.expect.body(
        unknown,
        JSON.stringify(
          `Unrecognized field "foo" (class org.apache.livy.server.interactive.CreateInteractiveRequest), not marked as ignorable ${KNOWN_PROPERTIES}\n ${SOURCE} 9] (through reference chain: org.apache.livy.server.interactive.CreateInteractiveRequest["foo"])`,
        ),
      )
      const malformed = await ctx.post('/sessions', '{"kind": "spark",')
      ctx.expect.body(
        malformed,
        JSON.stringify(`Unexpected end-of-input within/between Object entries\n ${SOURCE} 18]`),
      )
      const empty = await ctx.post('/sessions', '')
      ctx.expect.body(empty, JSON.stringify(`No content to map due to end-of-input\n ${SOURCE} 0]`))
      const mismatch = await ctx.post('/sessions', '{"jars":"a.jar"}')
      ctx.expect.body(
        mismatch,
        JSON.stringify(
          `Cannot deserialize value of type \`scala.collection.immutable.List<java.lang.String>\` from String value (token \`JsonToken.VALUE_STRING\`)\n ${SOURCE} 9] (through reference chain: org.apache.livy.server.interactive.CreateInteractiveRequest["jars"])`,
        ),
      )
      const next = await ctx.createSession({})
      ctx.expect.equal(next.id, first.id + 1, 'id after parse rejections')
    },
  },
  {
    id: 'S-SESSION-012',
    title: 'an invalid or non-string kind is a 400 bare string naming the reference chain',
    covers: ['B-SESSION-028', 'B-ERROR-002'],
    tags: ['sessions', 'errors'],
    parity: verified,
    async run(ctx) {
      const invalid = await ctx.post('/sessions', { kind: 'pyspark3' })
      ctx.expect.status(invalid, 400)
      ctx.expect.body(
        invalid,
        '"Invalid kind: pyspark3 (through reference chain: org.apache.livy.server.interactive.CreateInteractiveRequest[\\"kind\\"])"',
      )
      const number = await ctx.post('/sessions', { kind: 5 })
      ctx.expect.body(
        number,
        '"requirement failed: Kind should be a string. (through reference chain: org.apache.livy.server.interactive.CreateInteractiveRequest[\\"kind\\"])"',
      )
    },
  },
  {
    id: 'S-SESSION-013',
    title: 'kind null is a 500 NullPointerException and consumes an id',
    covers: ['B-SESSION-026', 'B-ERROR-003', 'B-SESSION-015'],
    tags: ['sessions', 'errors', 'quirks'],
    parity: verified,
    async run(ctx) {
      const first = await ctx.createSession({})
      const res = await ctx.post('/sessions', { kind: null })
      ctx.expect.status(res, 500)
      ctx.expect.body(
        res,
        '"java.lang.NullPointerException: Cannot invoke \\"org.apache.livy.sessions.Kind.toString()\\" because \\"kind\\" is null"',
      )
      const next = await ctx.createSession({})
      ctx.expect.equal(next.id, first.id + 2, 'id after the NPE')
    },
  },
  {
    id: 'S-SESSION-014',
    title:
      'core counts that are not JSON integers are a 500 ClassCastException, numeric strings included',
    covers: ['B-SESSION-027', 'B-ERROR-003', 'B-SESSION-015'],
    tags: ['sessions', 'errors', 'quirks'],
    parity: verified,
    async run(ctx) {
      const first = await ctx.createSession({})
      const string = await ctx.post('/sessions', { numExecutors: '2' })
      ctx.expect.status(string, 500)
      ctx.expect.body(string, CLASS_CAST('java.lang.String'))
      const double = await ctx.post('/sessions', { executorCores: 1.5 })
      ctx.expect.body(double, CLASS_CAST('java.lang.Double'))
      const next = await ctx.createSession({})
      ctx.expect.equal(next.id, first.id + 3, 'id after two ClassCastExceptions')
    },
  },
  {
    id: 'S-SESSION-015',
    title:
      'local paths are rejected unless whitelisted, and a path without a scheme must be absolute',
    covers: ['B-SESSION-017'],
    tags: ['sessions', 'errors'],
    parity: verified,
    requires: ['local-files'],
    async run(ctx) {
      const local = await ctx.post('/sessions', { jars: ['/etc/conformance.jar'] })
      ctx.expect.status(local, 400)
      ctx.expect.body(
        local,
        '{"msg":"Rejected, Reason: requirement failed: Local path /etc/conformance.jar cannot be added to user sessions."}',
      )
      const relative = await ctx.post('/sessions', { files: ['relative.csv'] })
      ctx.expect.body(
        relative,
        '{"msg":"Rejected, Reason: requirement failed: Path \'relative.csv\' is not absolute."}',
      )
      const syntax = await ctx.post('/sessions', { pyFiles: ['a b.py'] })
      ctx.expect.body(
        syntax,
        '{"msg":"Rejected, Reason: java.net.URISyntaxException: Illegal character in path at index 1: a b.py"}',
      )
      const allowed = await ctx.createSession({ jars: [`${ctx.localDir}/conformance.jar`] })
      ctx.expect.json(allowed.exchange, { jars: [`${ctx.localDir}/conformance.jar`] })
    },
  },
  {
    id: 'S-SESSION-016',
    title: 'blacklisted conf keys are rejected',
    covers: ['B-SESSION-018'],
    tags: ['sessions', 'errors'],
    parity: verified,
    async run(ctx) {
      const master = await ctx.post('/sessions', { conf: { 'spark.master': 'yarn' } })
      if (master.status === 201) {
        // Livy ships its blacklist as conf/spark-blacklist.conf.template: a server where it was
        // not copied (the emulator's default too) takes these keys. Nothing to check there.
        const { id } = master.json<{ id: number }>()
        await ctx.delete(`/sessions/${id}`)
        ctx.skip(
          'the server has no spark-blacklist.conf (Livy ships conf/spark-blacklist.conf.template; the emulator takes --conf livy-emulator.spark-blacklist=spark.master,…)',
        )
      }
      ctx.expect.status(master, 400)
      ctx.expect.body(
        master,
        '{"msg":"Rejected, Reason: Blacklisted configuration values in session config: spark.master"}',
      )
      const mode = await ctx.post('/sessions', { conf: { 'spark.submit.deployMode': 'cluster' } })
      ctx.expect.message(
        mode,
        'Rejected, Reason: Blacklisted configuration values in session config: spark.submit.deployMode',
      )
    },
  },
  {
    id: 'S-SESSION-017',
    title: 'listing slices [from, from+size) over every session and reports the total',
    covers: ['B-SESSION-001', 'B-SESSION-002'],
    tags: ['sessions'],
    parity: verified,
    async run(ctx) {
      const ids: number[] = []
      for (let i = 0; i < 3; i++) ids.push((await ctx.createSession({})).id)
      const all = (await ctx.get('/sessions?size=1000')).json<{
        total: number
        sessions: { id: number }[]
      }>()
      ctx.expect.equal(all.total, all.sessions.length, 'total of the full list')
      const index = all.sessions.findIndex((s) => s.id === ids[0])
      ctx.expect.that(index >= 0, 'the created session is listed')
      const page = await ctx.get(`/sessions?from=${index + 1}&size=1`)
      ctx.expect.keys(page, ['from', 'total', 'sessions'])
      ctx.expect.json(page, { from: index + 1, total: all.total, sessions: [{ id: ids[1] }] })
      ctx.expect.json(await ctx.get('/sessions?size=0'), {
        from: 0,
        total: all.total,
        sessions: [],
      })
      ctx.expect.json(await ctx.get('/sessions?size=-1'), { sessions: [] })
      ctx.expect.json(await ctx.get(`/sessions?from=${all.total + 5}`), {
        from: all.total + 5,
        sessions: [],
      })
      const negative = (await ctx.get('/sessions?from=-1')).json<{
        from: number
        sessions: unknown[]
      }>()
      ctx.expect.equal(negative.from, -1, 'negative from is echoed')
      ctx.expect.equal(negative.sessions.length, Math.min(all.total, 99), 'from=-1 slices [0, 99)')
    },
  },
  {
    id: 'S-SESSION-018',
    title: 'a non-integer from or size is a 400 NumberFormatException message',
    covers: ['B-SESSION-003'],
    tags: ['sessions', 'errors'],
    parity: verified,
    async run(ctx) {
      ctx.expect.body(await ctx.get('/sessions?from=x'), '{"msg":"For input string: \\"x\\""}')
      const size = await ctx.get('/batches?size=abc')
      ctx.expect.status(size, 400)
      ctx.expect.body(size, '{"msg":"For input string: \\"abc\\""}')
    },
  },
  {
    id: 'S-SESSION-019',
    title: 'stop answers 204 with no body and leaves the session listed as dead',
    covers: ['B-SESSION-020', 'B-ERROR-004'],
    tags: ['sessions', 'lifecycle'],
    parity: verified,
    async run(ctx) {
      const { id } = await ctx.createSession({})
      const stop = await ctx.post(`/sessions/${id}/stop`)
      ctx.expect.status(stop, 204)
      ctx.expect.empty(stop)
      await ctx.waitFor(
        async () =>
          (await ctx.get(`/sessions/${id}/state`)).json<{ state: string }>().state === 'dead'
            ? true
            : undefined,
        { timeoutMs: 30_000, description: `session ${id} to be dead` },
      )
      const listed = (await ctx.get('/sessions?size=1000')).json<{
        sessions: { id: number; state: string }[]
      }>()
      ctx.expect.equal(
        listed.sessions.find((s) => s.id === id)?.state,
        'dead',
        'state of the stopped session in the list',
      )
      ctx.expect.status(await ctx.post(`/sessions/${id}/stop`), 204)
    },
  },
  {
    id: 'S-SESSION-020',
    title: 'interrupt stops the whole session and answers {"msg":"interrupted"}',
    covers: ['B-SESSION-021'],
    tags: ['sessions', 'lifecycle', 'quirks'],
    parity: verified,
    async run(ctx) {
      const { id } = await ctx.createSession({})
      const res = await ctx.post(`/sessions/${id}/interrupt`)
      ctx.expect.status(res, 200)
      ctx.expect.body(res, '{"msg":"interrupted"}')
      ctx.expect.json(await ctx.get(`/sessions/${id}/state`), { state: 'dead' })
    },
  },
  {
    id: 'S-SESSION-021',
    title: 'connect answers the session, a dead one too',
    covers: ['B-SESSION-022'],
    tags: ['sessions'],
    parity: verified,
    async run(ctx) {
      const { id } = await ctx.createSession({})
      const live = await ctx.post(`/sessions/${id}/connect`)
      ctx.expect.status(live, 200)
      ctx.expect.keys(live, SESSION_KEYS)
      await ctx.post(`/sessions/${id}/stop`)
      const dead = await ctx.post(`/sessions/${id}/connect`)
      ctx.expect.status(dead, 200)
      ctx.expect.json(dead, { id, state: 'dead' })
    },
  },
  {
    id: 'S-SESSION-022',
    title: 'delete answers {"msg":"deleted"}; afterwards the session is 404 and its name is free',
    covers: ['B-SESSION-023'],
    tags: ['sessions', 'lifecycle'],
    parity: verified,
    async run(ctx) {
      const { id } = await ctx.createSession({ name: 'conformance-delete' })
      const del = await ctx.delete('/sessions/conformance-delete')
      ctx.expect.status(del, 200)
      ctx.expect.body(del, '{"msg":"deleted"}')
      ctx.expect.status(await ctx.get(`/sessions/${id}`), 404)
      ctx.expect.status(await ctx.delete(`/sessions/${id}`), 404)
      const again = await ctx.createSession({ name: 'conformance-delete' })
      ctx.expect.json(again.exchange, { name: 'conformance-delete', id: any.int })
    },
  },
  {
    id: 'S-SESSION-023',
    title: 'the session log has stdout and stderr sections and pages like Livy',
    covers: ['B-SESSION-019'],
    tags: ['sessions'],
    parity: verified,
    async run(ctx) {
      const id = await ctx.sharedSession('spark')
      const page = await ctx.get(`/sessions/${id}/log`)
      ctx.expect.keys(page, ['id', 'from', 'total', 'log'])
      const { from, total, log } = page.json<{ from: number; total: number; log: string[] }>()
      ctx.expect.equal(from, Math.max(0, total - 100), 'default from')
      ctx.expect.equal(log.length, Math.min(total, 100), 'default page size')
      const all = (await ctx.get(`/sessions/${id}/log?size=-1`)).json<{ log: string[] }>().log
      ctx.expect.equal(all.length, total, 'size=-1 returns every line')
      ctx.expect.equal(all[0], 'stdout: ', 'first line')
      ctx.expect.that(all.includes('\nstderr: '), 'the log has a stderr section')
      ctx.expect.json(await ctx.get(`/sessions/${id}/log?from=0&size=1`), {
        from: 0,
        log: ['stdout: '],
      })
      ctx.expect.json(await ctx.get(`/sessions/${id}/log?from=100000`), {
        id,
        from: 100000,
        total,
        log: [],
      })
      ctx.expect.status(await ctx.get(`/sessions/${id}/log?from=x`), 400)
    },
  },
  {
    id: 'S-SESSION-024',
    title: 'a session is busy while a statement runs and idle once it finished',
    covers: ['B-SESSION-025'],
    tags: ['sessions', 'statements', 'lifecycle'],
    parity: verified,
    async run(ctx) {
      const id = await ctx.sharedSession('spark')
      await ctx.post(`/sessions/${id}/statements`, { code: 'Thread.sleep(4000); 1' })
      const busy = await ctx.waitFor(
        async () =>
          (await ctx.get(`/sessions/${id}/state`)).json<{ state: string }>().state === 'busy'
            ? true
            : undefined,
        { timeoutMs: 30_000, intervalMs: 250, description: `session ${id} to be busy` },
      )
      ctx.expect.that(busy, 'the session reported busy')
      await ctx.waitForSessionState(id, ['idle'])
      ctx.expect.json(await ctx.get(`/sessions/${id}/state`), { state: 'idle' })
    },
  },
  {
    id: 'S-SESSION-025',
    title: 'a POST with X-HTTP-Method-Override: DELETE deletes the session',
    covers: ['B-HTTP-007'],
    tags: ['sessions', 'http'],
    parity: verified,
    async run(ctx) {
      const { id } = await ctx.createSession({})
      const res = await ctx.post(`/sessions/${id}`, undefined, {
        headers: { 'X-HTTP-Method-Override': 'DELETE' },
      })
      ctx.expect.status(res, 200)
      ctx.expect.body(res, '{"msg":"deleted"}')
      ctx.expect.status(await ctx.get(`/sessions/${id}`), 404)
    },
  },
  {
    id: 'S-SESSION-026',
    title: 'a JSON body is read whatever the request Content-Type says',
    covers: ['B-HTTP-010'],
    tags: ['sessions', 'http'],
    parity: verified,
    async run(ctx) {
      const res = await ctx.post('/sessions', '{"kind":"foo"}', {
        headers: { 'Content-Type': 'text/plain' },
      })
      ctx.expect.status(res, 400)
      ctx.expect.bareString(res, /^Invalid kind: foo /)
    },
  },
]
