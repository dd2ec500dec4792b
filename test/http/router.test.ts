import { describe, expect, test } from 'vitest'
import { createRouter } from '../../src/emulator/http/router.ts'

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
