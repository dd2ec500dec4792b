import { request as httpRequest, type ServerResponse } from 'node:http'
import { connect } from 'node:net'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { type LivyServer, startLivyServer } from '../../src/node/index.ts'
import { createOutbox } from '../../src/node/outbox.ts'

/** What the outbox calls on a response, recorded in one list across responses. */
function fakeResponse(name: string, calls: string[], throws = false): ServerResponse {
  return {
    end: (body?: string) => {
      if (throws) throw new Error('cannot write')
      calls.push(`${name}:${body ?? ''}`)
    },
    destroy: () => {
      calls.push(`${name}:destroyed`)
    },
  } as unknown as ServerResponse
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

describe('the outbox', () => {
  test('an answer waits for the end of the turn it was given in', async () => {
    const calls: string[] = []
    const outbox = createOutbox()
    outbox.end(fakeResponse('a', calls), '{}')
    await Promise.resolve()
    expect(calls).toEqual([])
    await nextTurn()
    expect(calls).toEqual(['a:{}'])
  })

  test('the answers of one turn leave together, in the order they were given', async () => {
    const calls: string[] = []
    const outbox = createOutbox()
    outbox.end(fakeResponse('a', calls), '1')
    outbox.end(fakeResponse('b', calls), undefined)
    outbox.end(fakeResponse('c', calls), '3')
    await nextTurn()
    expect(calls).toEqual(['a:1', 'b:', 'c:3'])
    outbox.end(fakeResponse('d', calls), '4')
    await nextTurn()
    expect(calls).toEqual(['a:1', 'b:', 'c:3', 'd:4'])
  })

  test('a burst holds at most 64 answers: the 64th sends the whole burst at once', () => {
    const calls: string[] = []
    const outbox = createOutbox()
    for (let i = 0; i < 63; i++) outbox.end(fakeResponse(String(i), calls), '')
    expect(calls).toEqual([])
    outbox.end(fakeResponse('63', calls), '')
    expect(calls).toHaveLength(64)
    expect(calls.at(-1)).toBe('63:')
  })

  test('an answer that cannot be written is cut and does not hold back the others', async () => {
    const calls: string[] = []
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const outbox = createOutbox()
    outbox.end(fakeResponse('a', calls, true), '1')
    outbox.end(fakeResponse('b', calls), '2')
    await nextTurn()
    expect(calls).toEqual(['a:destroyed', 'b:2'])
    expect(error).toHaveBeenCalledOnce()
    error.mockRestore()
  })
})

describe('the Node server with its outbox', () => {
  let server: LivyServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  test('pipelined requests on one connection are served in the order they came, as on Jetty', async () => {
    server = await startLivyServer({ port: 0, clock: 'manual', timing: 'instant' })
    const { port } = new URL(server.url)
    const socket = connect(Number(port), '127.0.0.1')
    const body = '{"kind":"spark"}'
    const post = `POST /sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`
    const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`
    let received = ''
    const done = new Promise<void>((resolve) => {
      socket.on('data', (chunk: Buffer) => {
        received += chunk.toString()
        if ((received.match(/HTTP\/1\.1 /g) ?? []).length === 4) resolve()
      })
    })
    // One write: the server reads all four in one turn.
    socket.write(post + get('/sessions/0') + get('/sessions/7') + post)
    await done
    socket.destroy()
    const statuses = [...received.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => m[1])
    expect(statuses).toEqual(['201', '200', '404', '201'])
    const ids = [...received.matchAll(/\{"id":(\d+)/g)].map((m) => m[1])
    expect(ids).toEqual(['0', '0', '1'])
  })

  test('a client pipelining without end, and never reading, is stopped being read', async () => {
    server = await startLivyServer({ port: 0, clock: 'manual', timing: 'instant' })
    let read = 0
    server.server.on('request', () => {
      read++
    })
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1')
    socket.pause()
    const chunk = 'GET /sessions HTTP/1.1\r\nHost: x\r\n\r\n'.repeat(2000)
    let sent = 0
    const pump = () => {
      while (sent < 200_000) {
        sent += 2000
        if (!socket.write(chunk)) {
          socket.once('drain', pump)
          return
        }
      }
    }
    pump()
    // Node stops reading a connection whose answers pile up; the outbox must not hide them
    // from it (without its cap, ~67,000 requests were read here; with it, ~11,000 as without
    // the outbox).
    await new Promise((resolve) => setTimeout(resolve, 1500))
    socket.destroy()
    expect(read).toBeGreaterThan(0)
    expect(read).toBeLessThan(40_000)
  })

  test('closing the server does not lose an answer still in the outbox', async () => {
    let closing: Promise<void> | undefined
    server = await startLivyServer({
      port: 0,
      clock: 'manual',
      timing: 'instant',
      // Closes the server in the very turn the answer went into the outbox.
      filters: [
        (request, next) => {
          const response = next(request)
          closing = started?.close()
          return response
        },
      ],
    })
    const started: LivyServer | undefined = server
    // Its own connection, closed after the answer: close() then has nothing to wait for.
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        `${started.url}/sessions`,
        { agent: false, headers: { connection: 'close' } },
        (answer) => {
          let body = ''
          answer.on('data', (c: Buffer) => {
            body += c.toString()
          })
          answer.on('end', () => resolve({ status: answer.statusCode ?? 0, body }))
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ from: 0, total: 0, sessions: [] })
    expect(closing).toBeDefined()
    await closing
    server = undefined
  })
})
