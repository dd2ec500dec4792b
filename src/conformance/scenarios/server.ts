import type { Scenario } from '../types.ts'

const verified = { mark: 'verified' } as const
const SECURITY_HEADERS: [string, string][] = [
  ['x-frame-options', 'SAMEORIGIN'],
  ['x-xss-protection', '1; mode=block'],
  [
    'content-security-policy',
    "default-src 'self'; script-src 'self' 'unsafe-inline'; img-src 'self'; frame-src 'self';",
  ],
  ['x-content-type-options', 'nosniff'],
]

/** Server-wide HTTP behaviour: headers, routing, versioning, encodings. */
export const SERVER_SCENARIOS: readonly Scenario[] = [
  {
    id: 'S-HTTP-001',
    title: 'an empty server lists no sessions and no batches',
    covers: ['B-SESSION-001', 'B-BATCH-001'],
    tags: ['http', 'sessions', 'batches'],
    parity: verified,
    needsEmptyServer: true,
    async run(ctx) {
      const sessions = await ctx.get('/sessions')
      ctx.expect.status(sessions, 200)
      ctx.expect.body(sessions, '{"from":0,"total":0,"sessions":[]}')
      const batches = await ctx.get('/batches')
      ctx.expect.body(batches, '{"from":0,"total":0,"sessions":[]}')
    },
  },
  {
    id: 'S-HTTP-002',
    title:
      'every servlet response carries the JSON content type and the security headers, errors included',
    covers: ['B-HTTP-001', 'B-HTTP-002'],
    tags: ['http'],
    parity: verified,
    async run(ctx) {
      const responses = [
        await ctx.get('/sessions'),
        await ctx.get('/sessions/999999'),
        await ctx.request('PUT', '/sessions/0', { unvalidated: true }),
        await ctx.get('/sessions/0/no-such-route', { unvalidated: true }),
        await ctx.get('/version'),
      ]
      for (const res of responses) {
        ctx.expect.header(res, 'content-type', 'application/json;charset=utf-8')
        for (const [name, value] of SECURITY_HEADERS) ctx.expect.header(res, name, value)
      }
    },
  },
  {
    id: 'S-HTTP-003',
    title: 'a known path with a wrong method is a 405 with an empty body and an Allow header',
    covers: ['B-HTTP-003', 'B-ERROR-004'],
    tags: ['http', 'errors'],
    parity: verified,
    async run(ctx) {
      const one = await ctx.request('PUT', '/sessions/0', { unvalidated: true })
      ctx.expect.status(one, 405)
      ctx.expect.empty(one)
      ctx.expect.header(one, 'allow', 'DELETE, GET, HEAD')
      const collection = await ctx.request('DELETE', '/sessions', { unvalidated: true })
      ctx.expect.status(collection, 405)
      ctx.expect.header(collection, 'allow', 'POST, GET, HEAD')
      const options = await ctx.request('OPTIONS', '/sessions', { unvalidated: true })
      ctx.expect.status(options, 405)
      ctx.expect.header(options, 'allow', 'POST, GET, HEAD')
    },
  },
  {
    id: 'S-HTTP-004',
    title: 'an unknown path under a servlet is a 404 with an empty body',
    covers: ['B-HTTP-004', 'B-ERROR-004'],
    tags: ['http', 'errors'],
    parity: verified,
    async run(ctx) {
      for (const path of [
        '/sessions/0/foo',
        '/batches/0/statements',
        '/sessions/0/statements/0/nope',
      ]) {
        const res = await ctx.get(path, { unvalidated: true })
        ctx.expect.status(res, 404)
        ctx.expect.empty(res)
      }
      const stop = await ctx.post('/batches/0/stop', undefined, { unvalidated: true })
      ctx.expect.status(stop, 404)
    },
  },
  {
    id: 'S-HTTP-005',
    title:
      'collections answer the same with a trailing slash, and HEAD answers like GET without a body',
    covers: ['B-HTTP-005', 'B-HTTP-006'],
    tags: ['http'],
    parity: verified,
    async run(ctx) {
      const plain = await ctx.get('/sessions')
      const slash = await ctx.get('/sessions/', { unvalidated: true })
      ctx.expect.status(slash, 200)
      ctx.expect.equal(slash.text, plain.text, 'GET /sessions/ body')
      const head = await ctx.request('HEAD', '/sessions')
      ctx.expect.status(head, 200)
      ctx.expect.empty(head)
      ctx.expect.header(head, 'content-length', String(Buffer.byteLength(plain.text)))
      const missing = await ctx.request('HEAD', '/sessions/999999')
      ctx.expect.status(missing, 404)
      ctx.expect.empty(missing)
    },
  },
  {
    id: 'S-HTTP-006',
    title: 'an unknown Livy API version in Accept is a 406; version 0.1 and plain JSON are served',
    covers: ['B-HTTP-008', 'B-ERROR-001'],
    tags: ['http', 'errors'],
    parity: verified,
    async run(ctx) {
      const bad = await ctx.get('/sessions', {
        headers: { Accept: 'application/vnd.livy.v0.2+json' },
      })
      ctx.expect.status(bad, 406)
      ctx.expect.body(bad, '{"msg":"No value found for \'0.2\'"}')
      const good = await ctx.get('/sessions', {
        headers: { Accept: 'application/vnd.livy.v0.1+json' },
      })
      ctx.expect.status(good, 200)
      const json = await ctx.get('/batches', { headers: { Accept: 'application/json' } })
      ctx.expect.status(json, 200)
    },
  },
  {
    id: 'S-HTTP-007',
    title: 'a client that accepts gzip gets a gzip body without Content-Length',
    covers: ['B-HTTP-009'],
    tags: ['http'],
    parity: verified,
    requires: ['wire'],
    async run(ctx) {
      const res = await ctx.get('/sessions', {
        headers: { 'Accept-Encoding': 'gzip' },
        unvalidated: true,
      })
      ctx.expect.status(res, 200)
      ctx.expect.header(res, 'content-encoding', 'gzip')
      ctx.expect.header(res, 'content-length', null)
    },
  },
  {
    id: 'S-HTTP-008',
    title: 'GET /version answers the build info in Livy order',
    covers: ['B-VERSION-001'],
    tags: ['http'],
    parity: verified,
    async run(ctx) {
      const res = await ctx.get('/version')
      ctx.expect.status(res, 200)
      ctx.expect.keys(res, ['url', 'branch', 'revision', 'version', 'date', 'user'])
      ctx.expect.json(res, { version: '0.9.0-incubating', url: '', branch: '', revision: '' })
    },
  },
  {
    id: 'S-HTTP-009',
    title: 'GET / redirects to the UI with an absolute Location',
    covers: ['B-HTTP-011'],
    tags: ['http'],
    parity: verified,
    async run(ctx) {
      const res = await ctx.get('/', { unvalidated: true })
      ctx.expect.status(res, 302)
      ctx.expect.header(res, 'location', /^http:\/\/[^/]+\/ui$/)
      ctx.expect.header(res, 'content-type', 'text/html;charset=utf-8')
    },
  },
]
