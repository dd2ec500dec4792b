import { SECURED_USERS as U } from '../setups.ts'
import type { Exchange, Scenario, ScenarioContext } from '../types.ts'

const verified = { mark: 'verified' } as const
const setup = 'apache-0.9-secured' as const
const PAGE = 'application/json'

/**
 * A batch owned by the default user (alice). Batches need no driver to answer ACL checks, so
 * the matrix does not wait for Spark.
 */
async function aliceBatch(ctx: ScenarioContext): Promise<number> {
  const res = await ctx.post('/batches', { file: `${ctx.localDir}/pi.py` })
  ctx.expect.status(res, 201)
  const id = res.json<{ id: number }>().id
  ctx.defer(() => ctx.delete(`/batches/${id}`, { user: U.admin }))
  return id
}

/** Jetty's JSON error page, as the security filters write it. */
function expectFilterPage(
  ctx: ScenarioContext,
  res: Exchange,
  status: number,
  message: string,
  servlet: string,
) {
  ctx.expect.status(res, status)
  ctx.expect.header(res, 'cache-control', 'must-revalidate,no-cache,no-store')
  ctx.expect.json(res, { servlet, message, status: String(status) })
}

const SESSIONS = 'org.apache.livy.server.interactive.InteractiveSessionServlet'
const BATCHES = 'org.apache.livy.server.batch.BatchSessionServlet'

/**
 * Livy's security switched on (pseudo authentication by `user.name`, CSRF, ACLs with view,
 * modify and super users, impersonation). Judged against a real Livy configured the same way.
 */
export const SECURED_SCENARIOS: readonly Scenario[] = [
  {
    id: 'S-SEC-001',
    title: 'a request without a user gets 401 with a PseudoAuth challenge and a cleared cookie',
    covers: ['B-SEC-001'],
    tags: ['security', 'auth'],
    parity: verified,
    setup,
    async run(ctx) {
      const res = await ctx.get('/sessions', { user: null, headers: { Accept: PAGE } })
      expectFilterPage(ctx, res, 401, 'Authentication required', SESSIONS)
      ctx.expect.header(res, 'www-authenticate', 'PseudoAuth')
      ctx.expect.header(res, 'set-cookie', /^hadoop\.auth=; /)
    },
  },
  {
    id: 'S-SEC-002',
    title:
      'an authenticated request gets a signed hadoop.auth cookie that authenticates the next one',
    covers: ['B-SEC-002'],
    tags: ['security', 'auth'],
    parity: verified,
    setup,
    async run(ctx) {
      const first = await ctx.get('/batches', { user: U.other })
      ctx.expect.status(first, 200)
      ctx.expect.header(
        first,
        'set-cookie',
        /^hadoop\.auth="u=bob&p=bob&t=simple&e=\d+&s=[^"]+"; HttpOnly$/,
      )
      const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] as string
      const second = await ctx.get('/batches', { user: null, headers: { Cookie: cookie } })
      ctx.expect.status(second, 200)
      ctx.expect.header(second, 'set-cookie', null)
    },
  },
  {
    id: 'S-SEC-003',
    title:
      'CSRF: a POST without X-Requested-By is refused after authentication, before the servlet',
    covers: ['B-SEC-003'],
    tags: ['security', 'csrf'],
    parity: verified,
    setup,
    async run(ctx) {
      const anonymous = await ctx.post(
        '/batches',
        {},
        { user: null, headers: { 'X-Requested-By': null, Accept: PAGE } },
      )
      ctx.expect.status(anonymous, 401)
      const res = await ctx.post(
        '/batches',
        {},
        { headers: { 'X-Requested-By': null, Accept: PAGE } },
      )
      expectFilterPage(ctx, res, 400, 'Missing Required Header for CSRF protection.', BATCHES)
      const list = await ctx.get('/batches')
      ctx.expect.json(list, { total: 0 })
      const empty = await ctx.post(
        '/batches',
        { file: `${ctx.localDir}/pi.py` },
        { headers: { 'X-Requested-By': '' } },
      )
      ctx.expect.status(empty, 201)
      ctx.defer(() => ctx.delete(`/batches/${empty.json<{ id: number }>().id}`))
    },
  },
  {
    id: 'S-SEC-004',
    title: 'CSRF: a DELETE without X-Requested-By gets 400 with no body; GET needs no header',
    covers: ['B-SEC-003'],
    tags: ['security', 'csrf'],
    parity: verified,
    setup,
    async run(ctx) {
      const id = await aliceBatch(ctx)
      const del = await ctx.delete(`/batches/${id}`, { headers: { 'X-Requested-By': null } })
      ctx.expect.status(del, 400)
      ctx.expect.empty(del)
      ctx.expect.status(
        await ctx.get(`/batches/${id}`, { headers: { 'X-Requested-By': null } }),
        200,
      )
    },
  },
  {
    id: 'S-SEC-005',
    title: 'a user in none of the access lists is refused at the door with 403',
    covers: ['B-SEC-004'],
    tags: ['security', 'acl'],
    parity: verified,
    setup,
    async run(ctx) {
      const res = await ctx.get('/batches', { user: U.stranger, headers: { Accept: PAGE } })
      expectFilterPage(ctx, res, 403, 'User not authorised to use Livy.', BATCHES)
      ctx.expect.status(await ctx.get('/version', { user: U.viewer }), 200)
    },
  },
  {
    id: 'S-SEC-006',
    title: 'the owner is the authenticated user and the proxy user defaults to the owner',
    covers: ['B-SEC-005'],
    tags: ['security', 'impersonation'],
    parity: verified,
    setup,
    async run(ctx) {
      const res = await ctx.post('/batches', { file: `${ctx.localDir}/pi.py` })
      ctx.expect.status(res, 201)
      ctx.expect.json(res, { owner: U.owner, proxyUser: U.owner })
      ctx.defer(() => ctx.delete(`/batches/${res.json<{ id: number }>().id}`))
    },
  },
  {
    id: 'S-SEC-007',
    title:
      'batch ACLs: anyone allowed may read the batch, view users its log, modify users may delete it',
    covers: ['B-SEC-006', 'B-SEC-007'],
    tags: ['security', 'acl'],
    parity: verified,
    setup,
    async run(ctx) {
      const id = await aliceBatch(ctx)
      for (const user of [U.owner, U.other, U.viewer, U.modifier, U.admin])
        ctx.expect.status(await ctx.get(`/batches/${id}`, { user }), 200)
      for (const [user, status] of [
        [U.owner, 200],
        [U.other, 403],
        [U.viewer, 200],
        [U.modifier, 200],
        [U.admin, 200],
      ] as const) {
        const log = await ctx.get(`/batches/${id}/log`, { user })
        ctx.expect.status(log, status)
        if (status === 403) ctx.expect.body(log, '{}')
      }
      const other = await ctx.get(`/batches/${id}`, { user: U.other })
      ctx.expect.json(other, { log: [] })
      for (const user of [U.other, U.viewer]) {
        const del = await ctx.delete(`/batches/${id}`, { user })
        ctx.expect.status(del, 403)
        ctx.expect.body(del, '{}')
      }
      const del = await ctx.delete(`/batches/${id}`, { user: U.modifier })
      ctx.expect.status(del, 200)
      ctx.expect.body(del, '{"msg":"deleted"}')
    },
  },
  {
    id: 'S-SEC-008',
    title:
      'session ACLs: other users may not read the log or submit statements; the view user may read',
    covers: ['B-SEC-006', 'B-SEC-007'],
    tags: ['security', 'acl', 'sessions'],
    parity: verified,
    setup,
    timeoutMs: 180_000,
    async run(ctx) {
      const created = await ctx.post('/sessions', { kind: 'spark' })
      ctx.expect.status(created, 201)
      const id = created.json<{ id: number }>().id
      ctx.defer(() => ctx.delete(`/sessions/${id}`))
      ctx.expect.status(await ctx.get(`/sessions/${id}/log`, { user: U.viewer }), 200)
      const log = await ctx.get(`/sessions/${id}/log`, { user: U.other })
      ctx.expect.status(log, 403)
      ctx.expect.body(log, '{}')
      for (const user of [U.other, U.viewer]) {
        const submit = await ctx.post(`/sessions/${id}/statements`, { code: '1' }, { user })
        ctx.expect.status(submit, 403)
        ctx.expect.body(submit, '{}')
      }
      const stop = await ctx.post(`/sessions/${id}/stop`, undefined, { user: U.other })
      ctx.expect.status(stop, 403)
    },
  },
  {
    id: 'S-SEC-009',
    title: 'impersonation: a plain user may not act as someone else; the 403 names Some(target)',
    covers: ['B-SEC-008'],
    tags: ['security', 'impersonation'],
    parity: verified,
    setup,
    async run(ctx) {
      const body = await ctx.post('/batches', { file: `${ctx.localDir}/pi.py`, proxyUser: U.other })
      ctx.expect.status(body, 403)
      ctx.expect.body(
        body,
        `{"msg":"User '${U.owner}' not allowed to impersonate 'Some(${U.other})'."}`,
      )
      const doAs = await ctx.post(`/batches?doAs=${U.other}`, { file: `${ctx.localDir}/pi.py` })
      ctx.expect.status(doAs, 403)
      ctx.expect.body(
        doAs,
        `{"msg":"User '${U.owner}' not allowed to impersonate 'Some(${U.other})'."}`,
      )
      ctx.expect.json(await ctx.get('/batches'), { total: 0 })
    },
  },
  {
    id: 'S-SEC-010',
    title: 'impersonation: a superuser may act as anyone, and doAs wins over proxyUser',
    covers: ['B-SEC-009'],
    tags: ['security', 'impersonation'],
    parity: verified,
    setup,
    async run(ctx) {
      const res = await ctx.post(
        `/batches?doAs=${U.other}`,
        { file: `${ctx.localDir}/pi.py`, proxyUser: U.viewer },
        { user: U.admin },
      )
      ctx.expect.status(res, 201)
      ctx.expect.json(res, { owner: U.admin, proxyUser: U.other })
      const id = res.json<{ id: number }>().id
      ctx.defer(() => ctx.delete(`/batches/${id}`, { user: U.admin }))
      // The proxy user counts as an owner (LIVY-592): bob may read its log.
      ctx.expect.status(await ctx.get(`/batches/${id}/log`, { user: U.other }), 200)
    },
  },
  {
    id: 'S-SEC-011',
    title: 'doAs on a read makes the ACL check run as the target, if the caller may impersonate',
    covers: ['B-SEC-010'],
    tags: ['security', 'impersonation', 'acl'],
    parity: verified,
    setup,
    async run(ctx) {
      const id = await aliceBatch(ctx)
      // admin may impersonate bob, and bob may not view alice's log.
      const asBob = await ctx.get(`/batches/${id}/log?doAs=${U.other}`, { user: U.admin })
      ctx.expect.status(asBob, 403)
      ctx.expect.body(asBob, '{}')
      // bob may not impersonate alice.
      const denied = await ctx.get(`/batches/${id}/log?doAs=${U.owner}`, { user: U.other })
      ctx.expect.status(denied, 403)
      ctx.expect.body(
        denied,
        `{"msg":"User '${U.other}' not allowed to impersonate 'Some(${U.owner})'."}`,
      )
    },
  },
]
