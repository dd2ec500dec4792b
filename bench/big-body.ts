import { request } from 'node:http'
import { child, stop } from './child-server.ts'

/** One request's answer time, in ms. */
function timed(
  url: string,
  method: string,
  body?: Uint8Array,
): Promise<{ ms: number; status: number }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false }, (res) => {
      res.resume()
      res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0 }))
    })
    req.on('error', reject)
    if (body) req.setHeader('Content-Type', 'application/json')
    req.end(body)
  })
}

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

/**
 * A 10 MB body (a statement's code, or a batch argument) next to a client polling
 * `GET /sessions/0` every 2 ms: how much the poll's answer time grows while the big body is
 * read, parsed and served (issue 14: at most 50 ms). The idle median is measured on the same
 * server just before. The server runs in a process of its own, as clients meet it. Nothing is
 * asserted.
 *
 * @example
 * const row = await bigBodyDelay(3, 'batch')
 */
export async function bigBodyDelay(
  rounds: number,
  target: 'statement' | 'batch',
): Promise<{
  idleMedianMs: number
  worstDuringMs: number[]
  polls: number[]
  postMs: number[]
  bodyMb: number
}> {
  const server = await startServer()
  try {
    await timed(`${server.url}/sessions`, 'POST', new TextEncoder().encode('{"kind":"spark"}'))
    // Instant timing on the wall clock: idle within a few turns of the server's event loop.
    for (let i = 0; i < 500; i++) {
      const res = await fetch(`${server.url}/sessions/0/state`)
      if (((await res.json()) as { state: string }).state === 'idle') break
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    // Creating the session started the evaluation engine loading (~1.5 s of another thread
    // on a 2-core machine): measured before it has loaded, the row would time the engine's
    // start-up, not the body. A first Python statement waits for it, as a client's would.
    await timed(
      `${server.url}/sessions/0/statements`,
      'POST',
      new TextEncoder().encode('{"code":"1 + 1","kind":"pyspark"}'),
    )
    for (let i = 0; i < 3000; i++) {
      const res = await fetch(`${server.url}/sessions/0/statements/0`)
      if (((await res.json()) as { state: string }).state === 'available') break
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    const get = `${server.url}/sessions/0`
    const idle: number[] = []
    for (let i = 0; i < 50; i++) idle.push((await timed(get, 'GET')).ms)
    const big = 'x'.repeat(10 * 2 ** 20)
    // A statement's answer echoes its code (10 MB out again); a batch's answer does not.
    const path = target === 'statement' ? '/sessions/0/statements' : '/batches'
    const body = new TextEncoder().encode(
      JSON.stringify(
        target === 'statement'
          ? { code: `val big = "${big}"` }
          : { file: 'hdfs:///jobs/app.jar', args: [big] },
      ),
    )
    const worstDuringMs: number[] = []
    const polls: number[] = []
    const postMs: number[] = []
    for (let r = 0; r < rounds; r++) {
      let done = false
      const post = timed(`${server.url}${path}`, 'POST', body).then((x) => {
        done = true
        return x
      })
      const during: number[] = []
      while (!done) {
        during.push((await timed(get, 'GET')).ms)
        await new Promise((resolve) => setTimeout(resolve, 2))
      }
      const answer = await post
      if (answer.status !== 201) throw new Error(`the 10 MB ${target} answered ${answer.status}`)
      postMs.push(answer.ms)
      worstDuringMs.push(Math.max(...during))
      polls.push(during.length)
    }
    return {
      idleMedianMs: median(idle),
      worstDuringMs,
      polls,
      postMs,
      bodyMb: body.length / 2 ** 20,
    }
  } finally {
    await server.close()
  }
}

/** The server in a process of its own (bench/big-body-server.js). */
async function startServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const { proc, ready } = await child('big-body-server.js')
  return { url: ready.url, close: () => stop(proc) }
}
