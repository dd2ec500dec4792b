import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createLivyEmulator } from '../../src/emulator/create-livy-emulator.ts'
import type { StatementKind } from '../../src/emulator/model/outcomes/interpreters.ts'
import { parseRecording, type Recording } from '../../src/emulator/recording/recording-format.ts'
import { type LivyServer, startLivyServer } from '../../src/node/server.ts'

/**
 * Records through the proxy with an emulator as the upstream (outcome rules and engine on,
 * Bearer auth), then replays the recording in a fresh emulator with the engine off: every
 * recorded statement answers exactly as it was recorded, and the file holds no credential.
 */

const TOKEN = 'tok-Upstream-s3cret-9f2c'
const dir = mkdtempSync(join(tmpdir(), 'livy-record-'))
const file = join(dir, 'staging.json')
let upstream: LivyServer

const CODE: Record<'pyspark' | 'sql' | 'spark', string[]> = {
  pyspark: [
    '1 + 1',
    'spark.range(1000).count()',
    'sc.parallelize(range(100), 4).map(lambda x: x * 2).sum()',
    'def sq(x):\n    return x * x\n\nprint(sq(12))',
    '1 / 0',
    'ruled()',
  ],
  sql: ['SELECT 1 AS one, "a" AS s'],
  spark: ['val x = 40 + 2'],
}

beforeAll(async () => {
  upstream = await startLivyServer({
    port: 0,
    clock: 'system',
    timing: 'fast',
    auth: { type: 'bearer', tokens: { [TOKEN]: 'alice' } },
  })
  // An outcome rule upstream: recorded like any other answer.
  upstream.emulator.outcomes.add({ match: 'ruled()', output: { 'text/plain': 'from a rule' } })
}, 30_000)

afterAll(async () => {
  await upstream?.close()
  if (!process.env.KEEP_RECORDING) rmSync(dir, { recursive: true, force: true })
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Polls `probe` on the wall clock until it returns something. */
async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const v = await probe()
    if (v !== undefined) return v
    await sleep(100)
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe('record, then replay with the engine off', () => {
  let recording: Recording
  const answers: { kind: StatementKind; code: string; output: unknown }[] = []

  test('the proxy forwards and records (upstream: an emulator with auth, rules and the engine)', async () => {
    const proxy = createLivyEmulator({
      baseUrl: 'http://proxy.test',
      recordFrom: { url: upstream.url, auth: `bearer:${TOKEN}`, to: file },
    })
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await proxy.fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-Requested-By': 'test' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      return { status: res.status, json: (await res.json()) as Record<string, unknown> }
    }
    // Without the proxy's credentials the upstream refuses: the proxy really added them.
    expect((await fetch(`${upstream.url}/sessions`)).status).toBe(401)

    for (const kind of ['pyspark', 'sql', 'spark'] as const) {
      const created = await call('POST', '/sessions', { kind })
      expect(created.status).toBe(201)
      const id = created.json.id as number
      await until(`session ${id} idle`, async () =>
        (await call('GET', `/sessions/${id}/state`)).json.state === 'idle' ? true : undefined,
      )
      for (const code of CODE[kind]) {
        const st = await call('POST', `/sessions/${id}/statements`, { code })
        expect(st.status).toBe(201)
        const done = await until(`statement ${code}`, async () => {
          const s = (await call('GET', `/sessions/${id}/statements/${st.json.id}`)).json
          return s.state === 'available' ? s : undefined
        })
        const { execution_count: _, ...output } = done.output as Record<string, unknown>
        answers.push({ kind, code, output })
      }
      expect((await call('DELETE', `/sessions/${id}`)).status).toBe(200)
    }
    const batch = await call('POST', '/batches', {
      file: 'local:///opt/spark/examples/jars/spark-examples_2.12-3.5.6.jar',
      className: 'org.apache.spark.examples.SparkPi',
      args: ['10'],
    })
    expect(batch.status).toBe(201)
    await until('the batch to finish', async () => {
      const s = (await call('GET', `/batches/${batch.json.id}/state`)).json.state
      return s === 'success' || s === 'dead' ? s : undefined
    })

    recording = parseRecording(readFileSync(file, 'utf8'), file)
    expect(proxy.recording?.upstream).toBe(upstream.url)
  }, 120_000)

  test('the recording holds each statement per kind, the batch, the exchanges', () => {
    for (const kind of ['pyspark', 'sql', 'spark'] as const) {
      expect(recording.statements[kind]?.map((s) => s.code)).toEqual(CODE[kind])
    }
    const outputs = recording.statements.pyspark ?? []
    expect(outputs[1]?.output).toEqual({ status: 'ok', data: { 'text/plain': '1000' } })
    expect(outputs[2]?.output).toEqual({ status: 'ok', data: { 'text/plain': '9900' } })
    expect(outputs[4]?.output).toMatchObject({ status: 'error', ename: 'ZeroDivisionError' })
    expect(outputs[5]?.output).toEqual({ status: 'ok', data: { 'text/plain': 'from a rule' } })
    expect(recording.batches).toHaveLength(1)
    expect(recording.batches[0]).toMatchObject({
      className: 'org.apache.spark.examples.SparkPi',
      state: 'success',
    })
    expect(recording.batches[0]?.log.some((l) => l.includes('Pi is roughly'))).toBe(true)
    expect(recording.exchanges[0]).toMatchObject({ request: 'POST /sessions', status: 201 })
    expect(recording.exchanges.some((e) => e.request === 'DELETE /sessions/S0')).toBe(true)
  })

  test('no credential reaches the file', () => {
    const text = readFileSync(file, 'utf8')
    for (const secret of [TOKEN, `Bearer ${TOKEN}`, btoa(TOKEN), encodeURIComponent(TOKEN)])
      expect(text).not.toContain(secret)
    expect(text.toLowerCase()).not.toContain('authorization')
    expect(text.toLowerCase()).not.toContain('set-cookie')
  })

  test('a fresh emulator with the engine off answers every recorded statement as recorded', async () => {
    const replay = createLivyEmulator({ replay: file, evaluate: 'scripted', timing: 'instant' })
    const run = async (id: number, code: string) => {
      const st = (await (
        await replay.fetch(`/sessions/${id}/statements`, {
          method: 'POST',
          body: JSON.stringify({ code }),
        })
      ).json()) as { id: number }
      await replay.advance(1_000)
      const done = (await (await replay.fetch(`/sessions/${id}/statements/${st.id}`)).json()) as {
        state: string
        output: Record<string, unknown>
      }
      expect(done.state).toBe('available')
      const { execution_count: _, ...output } = done.output
      return output
    }
    const sessions = new Map<StatementKind, number>()
    for (const kind of ['pyspark', 'sql', 'spark'] as const) {
      const created = (await (
        await replay.fetch('/sessions', { method: 'POST', body: JSON.stringify({ kind }) })
      ).json()) as { id: number }
      sessions.set(kind, created.id)
    }
    await replay.advance(5_000)
    for (const a of answers) {
      expect(await run(sessions.get(a.kind) as number, a.code), `${a.kind}: ${a.code}`).toEqual(
        a.output,
      )
    }
    // The same code, spaced and commented differently, answers the same.
    expect(
      await run(sessions.get('pyspark') as number, 'spark.range( 1000 ).count()   # how many'),
    ).toEqual({ status: 'ok', data: { 'text/plain': '1000' } })
    // In its recorded kind only: Scala never saw this code, and the scripted interpreter answers.
    const other = await run(sessions.get('spark') as number, 'spark.range(1000).count()')
    expect(other).not.toEqual({ status: 'ok', data: { 'text/plain': '1000' } })
  })

  test('explicit outcome rules still win over the recording', async () => {
    const replay = createLivyEmulator({ replay: file, evaluate: 'scripted', timing: 'instant' })
    replay.outcomes.add({ match: '1 + 1', output: { 'text/plain': 'mine' } })
    const { id } = (await (
      await replay.fetch('/sessions', { method: 'POST', body: '{"kind":"pyspark"}' })
    ).json()) as { id: number }
    await replay.advance(5_000)
    const st = (await (
      await replay.fetch(`/sessions/${id}/statements`, {
        method: 'POST',
        body: '{"code":"1 + 1"}',
      })
    ).json()) as { id: number }
    await replay.advance(1_000)
    const done = (await (await replay.fetch(`/sessions/${id}/statements/${st.id}`)).json()) as {
      output: { data: unknown }
    }
    expect(done.output.data).toEqual({ 'text/plain': 'mine' })
  })
})
