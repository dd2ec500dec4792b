import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { directRequest } from '../../src/emulator/http/direct-request.ts'
import { fromFetchRequest } from '../../src/emulator/http/fetch-adapter.ts'
import type { EdgeRequest } from '../../src/emulator/http/types.ts'
import { utf8Length } from '../../src/emulator/http/utf8.ts'
import { createLivyEmulator } from '../../src/index.ts'

const BASE = 'http://localhost:8998'
const HEADER_NAMES = [
  'content-type',
  'accept',
  'x-requested-by',
  'authorization',
  'host',
  'x-http-method-override',
]

/** What the edge can read of a request, as plain data. */
const seen = (r: EdgeRequest) => ({
  method: r.method,
  path: r.path,
  query: r.query,
  headers: Object.fromEntries(HEADER_NAMES.map((n) => [n, r.header(n)])),
  headerList: r.headerList?.(),
  body: r.body === null ? null : [...r.body],
})

const viaFetch = async (target: string, init?: RequestInit) =>
  seen(await fromFetchRequest(new Request(`${BASE}${target}`, init), ''))

describe('livy.fetch(path) without Fetch objects', () => {
  const cases: [string, RequestInit | undefined][] = [
    ['/sessions', undefined],
    ['/sessions?from=1&size=2', { method: 'get' }],
    ['/sessions', { method: 'post', body: '{"kind":"spark"}' }],
    [
      '/sessions',
      { method: 'POST', body: '{"kind":"spark"}', headers: { 'Content-Type': 'application/json' } },
    ],
    ['/sessions/0/statements', { method: 'POST', body: '{"code":"print(\\"é€😀\\")"}' }],
    ['/sessions/0/statements', { method: 'POST', body: '{"code":"\ud800"}' }],
    ['/sessions/0', { method: 'delete', headers: [['X-Requested-By', 'me']] }],
    ['/batches', { method: 'Patch', body: new Uint8Array([123, 125]) }],
    [
      '/sessions/%30',
      { method: 'GET', headers: new Headers({ Accept: 'application/vnd.livy.v0.1+json' }) },
    ],
    [
      '/sessions/0/statements?doAs=bob',
      { method: 'POST', body: '', headers: { Authorization: 'Basic eDp5' } },
    ],
    ['/sessions?', undefined],
  ]
  test.each(cases)('%s %j reads as the Fetch Request would', async (target, init) => {
    const direct = directRequest(target, init, 'localhost:8998')
    expect(direct, 'takes the direct path').toBeDefined()
    expect(seen(direct as EdgeRequest)).toEqual(await viaFetch(target, init))
  })

  test.each([
    ['/sessions/../batches', undefined],
    ['/sessions/a b', undefined],
    ['/sessions/ü', undefined],
    ['/sessions#x', undefined],
    ['/sessions/%zz', undefined],
    ['/sessions', { method: 'GET', body: 'x' }],
    ['/sessions', { method: 'POST', body: new URLSearchParams('a=1') }],
    ['/sessions', { method: 'POST', body: 'x', headers: { 'Content-Encoding': 'gzip' } }],
    ['/sessions', { headers: { Origin: 'http://evil.example' } }],
  ] as [string, RequestInit | undefined][])('%s %j takes the Fetch path', (target, init) => {
    expect(directRequest(target, init, 'localhost:8998')).toBeUndefined()
  })

  test('any path and body gives the same request on both paths', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^\/[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]{0,20}$/),
        fc.constantFrom('GET', 'post', 'DELETE', 'put', 'Options', 'MKCOL'),
        fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
        async (target, method, body) => {
          const init = { method, ...(body === undefined ? {} : { body }) }
          const direct = directRequest(target, init, 'localhost:8998')
          let fetched: ReturnType<typeof seen> | undefined
          try {
            fetched = await viaFetch(target, init)
          } catch {
            fetched = undefined
          }
          // Either path refuses what Fetch refuses; what both take reads the same.
          if (direct !== undefined) expect(seen(direct)).toEqual(fetched)
        },
      ),
      { numRuns: 300 },
    )
  })

  test('answers are the same as through a Request, status, headers and body', async () => {
    const a = createLivyEmulator({ timing: 'instant', evaluate: 'scripted', seed: 'direct' })
    const b = createLivyEmulator({ timing: 'instant', evaluate: 'scripted', seed: 'direct' })
    const steps: [string, RequestInit?][] = [
      ['/sessions', { method: 'POST', body: '{"kind":"spark"}' }],
      ['/sessions/0/state'],
      ['/sessions/0/statements', { method: 'POST', body: '{"code":"1 + 1"}' }],
      ['/sessions/0/statements/0'],
      ['/sessions/0/statements', { method: 'POST', body: '{"code":' }],
      ['/sessions', { method: 'HEAD' }],
      ['/sessions/0', { method: 'DELETE' }],
    ]
    for (const [path, init] of steps) {
      const x = await a.fetch(path, init)
      const y = await b.fetch(new Request(`${BASE}${path}`, init))
      expect([x.status, [...x.headers], await x.text()]).toEqual([
        y.status,
        [...y.headers],
        await y.text(),
      ])
    }
    expect(a.journal.entries()).toEqual(b.journal.entries())
  })
})

describe('utf8Length', () => {
  test('counts what TextEncoder writes, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(utf8Length(s)).toBe(new TextEncoder().encode(s).byteLength)
      }),
      { numRuns: 2000 },
    )
    expect(utf8Length('\ud800')).toBe(3)
    expect(utf8Length('a\udc00\ud800')).toBe(7)
  })
})
