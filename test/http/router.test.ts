import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createRouter } from '../../src/emulator/http/router.ts'
import { ROUTES } from '../../src/emulator/http/routes.ts'

const routes = [
  { method: 'GET', path: '/sessions', value: 'list' },
  { method: 'POST', path: '/sessions', value: 'create' },
  { method: 'GET', path: '/sessions/:sessionId', value: 'get' },
  { method: 'DELETE', path: '/sessions/:sessionId', value: 'delete' },
  { method: 'POST', path: '/sessions/:sessionId/statements', value: 'run' },
]

describe('a path matched once is answered from what was matched', () => {
  test('the same path answers the same match, method by method, as often as it is asked', () => {
    const router = createRouter(routes)
    for (let round = 0; round < 3; round++) {
      expect(router.match('GET', '/sessions/7')).toEqual({
        kind: 'match',
        value: 'get',
        params: { sessionId: '7' },
      })
      expect(router.match('DELETE', '/sessions/7')).toMatchObject({ value: 'delete' })
      expect(router.match('HEAD', '/sessions/7')).toMatchObject({ value: 'get' })
      expect(router.match('PUT', '/sessions/7')).toEqual({
        kind: 'method-not-allowed',
        allow: ['DELETE', 'GET', 'HEAD'],
      })
      expect(router.match('GET', '/sessions/')).toMatchObject({ value: 'list' })
      expect(router.match('GET', '/nothing')).toEqual({ kind: 'not-found' })
    }
  })

  test('parameters handed out are frozen: one handler cannot change another request’s', () => {
    const router = createRouter(routes)
    const first = router.match('GET', '/sessions/a%20b')
    if (first.kind !== 'match') throw new Error('no match')
    expect(first.params).toEqual({ sessionId: 'a b' })
    expect(() => {
      ;(first.params as Record<string, string>).sessionId = 'x'
    }).toThrow(TypeError)
    expect(router.match('GET', '/sessions/a%20b')).toMatchObject({ params: { sessionId: 'a b' } })
  })

  test('endless distinct paths are each matched right', () => {
    const router = createRouter(routes)
    for (let i = 0; i < 5000; i++) {
      expect(router.match('POST', `/sessions/${i}/statements`)).toEqual({
        kind: 'match',
        value: 'run',
        params: { sessionId: String(i) },
      })
    }
    // An early path is matched afresh after the cache was emptied, with the same answer.
    expect(router.match('POST', '/sessions/0/statements')).toMatchObject({
      params: { sessionId: '0' },
    })
  })
})

describe('only patterns that can match a path are tried against it', () => {
  test('every path gets the match a scan of every pattern would give it', () => {
    const table = ROUTES.map((r) => ({ method: r.method, path: r.path, value: r.operationId }))
    // The scan the router narrows: each pattern's regex, in order, against the path.
    const scan = (method: string, path: string) => {
      for (const r of table) {
        const names: string[] = []
        const source = r.path
          .split('/')
          .map((part) => {
            if (!part.startsWith(':')) return part
            names.push(part)
            return '([^/]+)'
          })
          .join('/')
        const trailing = names.length === 0 && r.path.split('/').length === 2 ? '/?' : ''
        const hit = new RegExp(`^${source}${trailing}$`).test(path)
        if (hit && (r.method === method || (method === 'HEAD' && r.method === 'GET')))
          return r.value
      }
      return undefined
    }
    const segment = fc.oneof(
      fc.constantFrom('sessions', 'batches', 'version', 'statements', 'state', 'log', 'jobs', ''),
      fc.stringMatching(/^[0-9a-z%.]{1,4}$/),
    )
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 0, maxLength: 5 }),
        fc.boolean(),
        fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'HEAD'),
        (segments, slash, method) => {
          const path = `/${segments.join('/')}${slash ? '/' : ''}`
          const router = createRouter(table)
          const match = router.match(method, path)
          expect(match.kind === 'match' ? match.value : undefined).toBe(scan(method, path))
        },
      ),
      { numRuns: 3000 },
    )
  })
})
