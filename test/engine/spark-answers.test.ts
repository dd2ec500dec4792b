import { afterAll, beforeAll, expect, test } from 'vitest'
import { type LivyServer, startLivyServer } from '../../src/node/index.ts'
import {
  loadSparkAnswers,
  maskRun,
  type SparkAnswer,
  sameOutput,
  shapeOf,
} from '../support/spark-answers.ts'

/**
 * The Spark answers corpus (real Livy 0.9.0 on Spark 3.5.9, Python 3.11) replayed over HTTP
 * against an emulator with its default options: no outcome rules, the engine on. The only
 * configuration is the recording server's `livy.spark.master = local[*]`.
 */
const FLOOR = { exact: 99, shape: 99 }

/** Statements the recording ran between cases (see the corpus's `how`): replayed as fillers. */
const FILLER: Record<string, string> = { pyspark: '_ = 0', spark: '()', sql: 'SELECT 1' }

let server: LivyServer
beforeAll(async () => {
  server = await startLivyServer({
    port: 0,
    clock: 'system',
    timing: 'fast',
    livyConf: { 'livy.spark.master': 'local[*]' },
  })
})
afterAll(() => server?.close())

interface Reply {
  readonly id: number
  readonly state: string
  readonly output: Record<string, unknown> | null
}

async function call(method: string, path: string, body?: unknown): Promise<Reply> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return (await res.json()) as Reply
}

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const v = await read()
    if (done(v)) return v
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`timed out waiting for ${what}`)
}

async function runStatement(session: number, code: string, kind?: string): Promise<Reply> {
  const st = await call('POST', `/sessions/${session}/statements`, {
    code,
    ...(kind ? { kind } : {}),
  })
  return until(
    () => call('GET', `/sessions/${session}/statements/${st.id}`),
    (s) => s.state === 'available' || s.state === 'error' || s.state === 'cancelled',
    `statement ${st.id} of session ${session}`,
  )
}

test('the Spark answers corpus replays with the recorded outputs', {
  timeout: 600_000,
}, async () => {
  const corpus = loadSparkAnswers()
  const byKind = new Map<string, SparkAnswer[]>()
  for (const c of corpus.cases) byKind.set(c.session, [...(byKind.get(c.session) ?? []), c])
  let exact = 0
  let shape = 0
  const misses: string[] = []
  for (const [kind, cases] of byKind) {
    const name = `replay-${kind}-${Date.now()}`
    const created = await call('POST', '/sessions', { kind, name })
    await until(
      () => call('GET', `/sessions/${created.id}`),
      (s) => s.state === 'idle',
      `session ${created.id}`,
    )
    let next = 0
    for (const c of cases) {
      const count = c.answer.output.execution_count as number
      for (; next < count; next++) await runStatement(created.id, FILLER[kind] ?? '1')
      const got = await runStatement(created.id, c.code, c.kind)
      next = got.id + 1
      // The recording named its sessions `corpus-<kind>-<n>`.
      const expected = maskRun({ state: c.answer.state, output: c.answer.output }, [
        /corpus-[a-z]+-\d+/,
      ])
      const actual = maskRun({ state: got.state, output: got.output }, [name])
      if (sameOutput(expected, actual)) exact++
      else misses.push(`${c.id}: ${JSON.stringify(actual).slice(0, 300)}`)
      if (got.output && sameOutput(shapeOf(c.answer.output), shapeOf(got.output))) shape++
    }
    await call('DELETE', `/sessions/${created.id}`)
  }
  const total = corpus.cases.length
  console.log(`spark answers: exact ${exact}/${total}, shape ${shape}/${total}`)
  if (misses.length > 0) console.log(`differs:\n  ${misses.join('\n  ')}`)
  expect(exact).toBeGreaterThanOrEqual(FLOOR.exact)
  expect(shape).toBeGreaterThanOrEqual(FLOOR.shape)
})
