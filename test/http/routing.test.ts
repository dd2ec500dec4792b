import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Harness } from '../support/harness.ts'
import { HARNESSES } from '../support/harnesses.ts'

describe.each(HARNESSES)('routing and common headers ($name)', ({ create }) => {
  let h: Harness
  beforeEach(async () => {
    h = await create()
    await h.request('POST', '/sessions', { kind: 'spark' })
  })
  afterEach(async () => {
    await h.close()
  })

  test('every servlet response carries the JSON content type and the security headers', async () => {
    for (const [method, path] of [
      ['GET', '/sessions/0'],
      ['GET', '/sessions/9'],
      ['PUT', '/sessions/0'],
      ['GET', '/sessions/0/nope'],
    ] as const) {
      const res = await h.request(method, path)
      expect(res.headers.get('content-type')).toBe('application/json;charset=utf-8')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
      expect(res.headers.get('x-xss-protection')).toBe('1; mode=block')
      expect(res.headers.get('content-security-policy')).toBe(
        "default-src 'self'; script-src 'self' 'unsafe-inline'; img-src 'self'; frame-src 'self';",
      )
    }
  })

  test('a known path with a wrong method is a 405 with an empty body and an Allow header', async () => {
    const res = await h.request('PUT', '/sessions/0')
    expect(res.status).toBe(405)
    expect(res.text).toBe('')
    expect(res.headers.get('allow')?.split(', ').sort()).toEqual(['DELETE', 'GET', 'HEAD'])
    const collection = await h.request('DELETE', '/sessions')
    expect(collection.status).toBe(405)
    expect(collection.headers.get('allow')?.split(', ').sort()).toEqual(['GET', 'HEAD', 'POST'])
  })

  test('an unknown path under a servlet is a 404 with an empty body', async () => {
    for (const path of ['/sessions/0/foo', '/batches/0/statements', '/sessions/0/statements/0/x']) {
      const res = await h.request('GET', path)
      expect(res.status).toBe(404)
      expect(res.text).toBe('')
    }
  })

  test('the collection answers with and without a trailing slash', async () => {
    expect((await h.request('GET', '/sessions/')).json<{ total: number }>().total).toBe(1)
  })

  test('HEAD is served by the GET route without a body', async () => {
    const res = await h.request('HEAD', '/sessions/0')
    expect(res.status).toBe(200)
    expect(res.text).toBe('')
  })

  test('a POST with a method override header is handled as that method', async () => {
    const res = await h.request('POST', '/sessions/0', undefined, {
      'X-HTTP-Method-Override': 'DELETE',
    })
    expect(res.text).toBe('{"msg":"deleted"}')
    expect((await h.request('GET', '/sessions/0')).status).toBe(404)
  })

  test('an unknown API version in Accept is a 406; 0.1 and plain JSON are fine', async () => {
    const bad = await h.request('GET', '/sessions', undefined, {
      Accept: 'application/vnd.livy.v0.2+json',
    })
    expect(bad.status).toBe(406)
    expect(bad.json<{ msg: string }>().msg).toBe("No value found for '0.2'")
    expect(
      (await h.request('GET', '/sessions', undefined, { Accept: 'application/vnd.livy.v0.1+json' }))
        .status,
    ).toBe(200)
    expect(
      (await h.request('GET', '/sessions', undefined, { Accept: 'application/json' })).status,
    ).toBe(200)
  })

  test('GET /version answers the Livy build info', async () => {
    const res = await h.request('GET', '/version')
    expect(res.status).toBe(200)
    expect(Object.keys(res.json<object>()).sort()).toEqual([
      'branch',
      'date',
      'revision',
      'url',
      'user',
      'version',
    ])
    expect(res.json<{ version: string }>().version).toBe('0.9.0-incubating')
  })

  test('a session name with URL escapes is decoded before the lookup', async () => {
    await h.request('POST', '/sessions', { name: 'my job' })
    expect((await h.request('GET', '/sessions/my%20job')).json<{ id: number }>().id).toBe(1)
  })
})
