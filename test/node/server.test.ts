import { request as httpRequest } from 'node:http'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterEach, describe, expect, test } from 'vitest'
import { type LivyServer, startLivyServer } from '../../src/node/index.ts'

let server: LivyServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** A raw request, to see exactly what goes over the wire (fetch hides encodings). */
function raw(
  url: string,
  options: {
    method?: string
    path: string
    headers?: Record<string, string>
    body?: Buffer | string
    agent?: boolean
  },
): Promise<{
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}${options.path}`,
      { method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        )
      },
    )
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

describe('the Node server', () => {
  test('serves the same bytes as the msw path', async () => {
    server = await startLivyServer({ port: 0, clock: 'manual', timing: 'instant' })
    const res = await raw(server.url, {
      method: 'POST',
      path: '/sessions',
      body: '{"kind":"spark"}',
    })
    expect(res.status).toBe(201)
    expect(res.headers.location).toBe('/sessions/0')
    expect(res.headers['content-type']).toBe('application/json;charset=utf-8')
    expect(res.body.toString()).toMatch(
      /^\{"id":0,"name":null,"appId":null,"owner":null,"proxyUser":null,"state":"starting","kind":"spark"/,
    )
  })

  test('gzips the body when the client asks for it', async () => {
    server = await startLivyServer({ port: 0, clock: 'manual' })
    const res = await raw(server.url, { path: '/sessions', headers: { 'Accept-Encoding': 'gzip' } })
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(res.body).toString()).toBe('{"from":0,"total":0,"sessions":[]}')
  })

  test('accepts a gzip-compressed request body', async () => {
    server = await startLivyServer({ port: 0, clock: 'manual' })
    const res = await raw(server.url, {
      method: 'POST',
      path: '/sessions',
      headers: { 'Content-Encoding': 'gzip' },
      body: gzipSync('{"kind":"pyspark"}'),
    })
    expect(res.status).toBe(201)
    expect(JSON.parse(res.body.toString()).kind).toBe('pyspark')
  })

  test('a body over the limit is refused with a clear 413', async () => {
    server = await startLivyServer({ port: 0, clock: 'manual', bodyLimit: 1024 })
    const res = await raw(server.url, {
      method: 'POST',
      path: '/sessions',
      body: `{"name":"${'x'.repeat(2000)}"}`,
    })
    expect(res.status).toBe(413)
    expect(res.body.toString()).toContain('exceeds the limit of 1024 bytes')
    expect((await fetch(`${server.url}/sessions`)).status).toBe(200)
  })

  test('keeps connections alive between requests', async () => {
    server = await startLivyServer({ port: 0, clock: 'manual' })
    const sockets = new Set<unknown>()
    server.server.on('connection', (s) => sockets.add(s))
    const { Agent } = await import('node:http')
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    for (let i = 0; i < 5; i++) {
      await new Promise<void>((resolve, reject) => {
        httpRequest(`${server?.url}/sessions`, { agent }, (res) => {
          res.resume()
          res.on('end', () => resolve())
        })
          .on('error', reject)
          .end()
      })
    }
    agent.destroy()
    expect(sockets.size).toBe(1)
  })

  test('answers a CORS preflight for an allowed origin and exposes Location', async () => {
    server = await startLivyServer({ port: 0, clock: 'manual', cors: ['http://app.example'] })
    const pre = await raw(server.url, {
      method: 'OPTIONS',
      path: '/sessions',
      headers: {
        Origin: 'http://app.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    })
    expect(pre.status).toBe(204)
    expect(pre.headers['access-control-allow-origin']).toBe('http://app.example')
    expect(pre.headers['access-control-allow-methods']).toContain('POST')
    expect(pre.headers['access-control-allow-headers']).toBe('content-type')
    const post = await raw(server.url, {
      method: 'POST',
      path: '/sessions',
      body: '{}',
      headers: { Origin: 'http://app.example' },
    })
    expect(post.headers['access-control-expose-headers']).toContain('Location')
    const other = await raw(server.url, {
      method: 'OPTIONS',
      path: '/sessions',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' },
    })
    expect(other.headers['access-control-allow-origin']).toBeUndefined()
  })

  test('a taken port is a clear error', async () => {
    server = await startLivyServer({ port: 0, clock: 'manual' })
    await expect(startLivyServer({ port: server.port, clock: 'manual' })).rejects.toThrow(
      `port ${server.port} on 127.0.0.1 is already in use`,
    )
  })

  test('closing lets an in-flight request finish', async () => {
    server = await startLivyServer({ port: 0, clock: 'manual', timing: 'fast' })
    await fetch(`${server.url}/sessions`, { method: 'POST', body: '{}' })
    // Waits for the driver (LIVY-1013) until the clock moves.
    const inflight = fetch(`${server.url}/sessions/0/statements`).then((r) => r.text())
    await new Promise((r) => setTimeout(r, 50))
    const closing = server.close()
    await server.emulator.advance(1000)
    expect(await inflight).toBe('{"total_statements":0,"statements":[]}')
    await closing
    server = undefined
  })
})

describe('the control API over HTTP', () => {
  const post = (path: string, body?: unknown) =>
    fetch(`${server?.url}${path}`, {
      method: 'POST',
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'Content-Type': 'application/json' },
    })

  test('reset empties the state, restarts ids and rewinds the clock', async () => {
    server = await startLivyServer({ port: 0, clock: 'manual' })
    const start = (await (await fetch(`${server.url}/__emulator/clock`)).json()).now
    await post('/sessions', {})
    await post('/__emulator/clock/advance', { ms: 5000 })
    const reset = await post('/__emulator/reset')
    expect(reset.status).toBe(200)
    expect((await (await fetch(`${server.url}/__emulator/clock`)).json()).now).toBe(start)
    expect(await (await fetch(`${server.url}/sessions`)).text()).toBe(
      '{"from":0,"total":0,"sessions":[]}',
    )
    expect((await (await post('/sessions', {})).json()).id).toBe(0)
  })

  test('clock/advance moves virtual time and runs what became due', async () => {
    server = await startLivyServer({ port: 0, clock: 'manual', timing: 'fast' })
    await post('/sessions', {})
    const advanced = await (await post('/__emulator/clock/advance', { ms: 1000 })).json()
    expect(advanced.kind).toBe('manual')
    expect((await (await fetch(`${server.url}/sessions/0/state`)).json()).state).toBe('idle')
    expect((await post('/__emulator/clock/advance', { ms: -1 })).status).toBe(400)
  })

  test('a rule posted with a plain string match answers code that contains it; {exact} the whole code; an empty one is a 400', async () => {
    server = await startLivyServer({ port: 0, clock: 'manual', timing: 'instant' })
    await post('/sessions', { kind: 'spark' })
    await post('/__emulator/outcomes', { match: 'spark.range', output: { 'text/plain': 'ten' } })
    await post('/__emulator/outcomes', {
      match: { exact: 'val x = 1' },
      output: { 'text/plain': 'one' },
    })
    await post('/sessions/0/statements', { code: 'val n = spark.range(10).count()' })
    await post('/sessions/0/statements', { code: ' val x = 1 ' })
    const answers = await (await fetch(`${server.url}/sessions/0/statements`)).json()
    expect(answers.statements.map((s: { output: { data: object } }) => s.output.data)).toEqual([
      { 'text/plain': 'ten' },
      { 'text/plain': 'one' },
    ])
    const empty = await post('/__emulator/outcomes', { match: ' ', output: { 'text/plain': '' } })
    expect(empty.status).toBe(400)
    expect((await empty.json()).error).toMatch(/match is empty/)
  })

  test('outcome rules can be registered, listed and removed', async () => {
    server = await startLivyServer({ port: 0, clock: 'manual', timing: 'instant' })
    await post('/sessions', { kind: 'spark' })
    const added = await (
      await post('/__emulator/outcomes', {
        match: { regex: '^spark\\.range' },
        output: { 'text/plain': 'res0: Long = 10\n' },
      })
    ).json()
    expect(added.id).toBe(1)
    await post('/sessions/0/statements', { code: 'spark.range(10).count()' })
    const stmt = await (await fetch(`${server.url}/sessions/0/statements/0`)).json()
    expect(stmt.output.data['text/plain']).toBe('res0: Long = 10\n')
    const list = await (await fetch(`${server.url}/__emulator/outcomes`)).json()
    expect(list.rules).toEqual([
      {
        id: 1,
        match: { regex: '^spark\\.range' },
        output: { 'text/plain': 'res0: Long = 10\n' },
        used: 1,
      },
    ])
    expect((await fetch(`${server.url}/__emulator/outcomes/1`, { method: 'DELETE' })).status).toBe(
      200,
    )
    expect((await post('/__emulator/outcomes', { match: 'x', bogus: 1 })).status).toBe(400)
  })

  test('job rules are registered and listed through the outcomes endpoint; bad ones are a 400', async () => {
    server = await startLivyServer({ port: 0, clock: 'manual', timing: 'instant' })
    const rule = { job: 'com.example.PiJob', result: { long: '7' }, times: 2 }
    expect((await (await post('/__emulator/outcomes', rule)).json()).id).toBe(1)
    const list = await (await fetch(`${server.url}/__emulator/outcomes`)).json()
    expect(list.rules).toEqual([{ id: 1, ...rule, used: 0 }])
    for (const bad of [
      { job: 'a.B', result: 1, exception: { class: 'java.lang.Error' } },
      { job: 'a.B', exception: { class: 'not a class' } },
      { job: 'a.B', result: { long: 1.5 } },
      { job: 'a.B', output: { 'text/plain': 'x' } },
      { job: 7 },
    ]) {
      expect((await post('/__emulator/outcomes', bad)).status).toBe(400)
    }
  })

  test('an HTTP fault answers its status for count requests, then Livy answers again', async () => {
    server = await startLivyServer({ port: 0, clock: 'manual' })
    const fault = await post('/__emulator/faults', {
      type: 'http',
      method: 'GET',
      path: '/sessions',
      status: 503,
      body: 'try later',
      headers: { 'Retry-After': '2' },
      count: 2,
    })
    expect(fault.status).toBe(201)
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${server.url}/sessions`)
      expect(res.status).toBe(503)
      expect(res.headers.get('retry-after')).toBe('2')
      expect(await res.text()).toBe('try later')
    }
    expect((await fetch(`${server.url}/sessions`)).status).toBe(200)
  })

  test('an HTTP fault can only delay the answer', async () => {
    server = await startLivyServer({ port: 0, clock: 'manual' })
    await post('/__emulator/faults', { type: 'http', path: '/sessions/*', delayMs: 150, count: 1 })
    const started = performance.now()
    const res = await fetch(`${server.url}/sessions/0`)
    expect(res.status).toBe(404)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  })

  test('model faults are named and checked', async () => {
    server = await startLivyServer({ port: 0, clock: 'manual' })
    await post('/sessions', {})
    expect((await post('/__emulator/faults', { type: 'driver-exits', sessionId: 0 })).status).toBe(
      201,
    )
    expect((await (await fetch(`${server.url}/sessions/0/state`)).json()).state).toBe('dead')
    const bad = await post('/__emulator/faults', { type: 'meteor' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error).toContain('unknown fault type "meteor"')
    const missing = await post('/__emulator/faults', { type: 'interpreter-dies', sessionId: 42 })
    expect(missing.status).toBe(404)
    const idle = await post('/__emulator/faults', { type: 'driver-exits', sessionId: 0 })
    expect(idle.status).toBe(201)
    const notRunning = await post('/__emulator/faults', { type: 'interpreter-dies', sessionId: 0 })
    expect(notRunning.status).toBe(409)
    const extra = await post('/__emulator/faults', {
      type: 'driver-exits',
      sessionId: 0,
      colour: 'red',
    })
    expect(extra.status).toBe(400)
  })

  test('the request journal lists method, path, status and time, and reading it changes nothing', async () => {
    server = await startLivyServer({ port: 0, clock: 'manual' })
    await post('/sessions', {})
    await fetch(`${server.url}/sessions/9`)
    const first = await (await fetch(`${server.url}/__emulator/requests`)).json()
    const second = await (await fetch(`${server.url}/__emulator/requests`)).json()
    expect(first).toEqual(second)
    expect(
      first.requests.map(
        (r: { method: string; path: string; status: number }) =>
          `${r.method} ${r.path} ${r.status}`,
      ),
    ).toEqual(['POST /sessions 201', 'GET /sessions/9 404'])
    expect(typeof first.requests[0].time).toBe('number')
  })

  test('the state snapshot shows sessions, statements and pending steps without touching them', async () => {
    server = await startLivyServer({ port: 0, clock: 'manual', timing: 'fast' })
    await post('/sessions', { kind: 'spark', heartbeatTimeoutInSecond: 60 })
    const a = await (await fetch(`${server.url}/__emulator/state`)).json()
    const b = await (await fetch(`${server.url}/__emulator/state`)).json()
    expect(a).toEqual(b)
    expect(a.sessions[0]).toMatchObject({ id: 0, kind: 'spark', state: 'starting', statements: [] })
    expect(a.pending.map((p: { label: string }) => p.label)).toContain('session 0 driver ready')
  })

  test('the control page is served as HTML', async () => {
    server = await startLivyServer({ port: 0, clock: 'manual' })
    const res = await fetch(`${server.url}/__emulator`)
    expect(res.headers.get('content-type')).toBe('text/html;charset=utf-8')
    expect(await res.text()).toContain('<title>livy-emulator</title>')
  })

  test('an unknown control endpoint is a 404 that names it', async () => {
    server = await startLivyServer({ port: 0, clock: 'manual' })
    const res = await fetch(`${server.url}/__emulator/nope`)
    expect(res.status).toBe(404)
    expect((await res.json()).error).toBe('no control endpoint GET /__emulator/nope')
  })
})
