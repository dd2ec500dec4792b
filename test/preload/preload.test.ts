import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { parsePreloadText } from '../../src/emulator/preload/preload-format.ts'
import { createLivyEmulator, type LivyEmulator, type PreloadData } from '../../src/index.ts'
import { startLivyServer } from '../../src/node/index.ts'
import { ROOT } from '../support/cli.ts'

const json = async (livy: LivyEmulator, path: string) => (await livy.fetch(path)).json()
const text = async (livy: LivyEmulator, path: string) => (await livy.fetch(path)).text()
const post = (livy: LivyEmulator, path: string, body: unknown) =>
  livy.fetch(path, { method: 'POST', body: JSON.stringify(body) })

/** Everything a client can read about the sessions and batches, as the bytes it gets. */
const readAll = async (livy: LivyEmulator, sessions: number, batches: number) => {
  const paths = ['/sessions', '/batches']
  for (let i = 0; i < sessions; i++)
    paths.push(
      `/sessions/${i}`,
      `/sessions/${i}/state`,
      `/sessions/${i}/log?size=-1`,
      `/sessions/${i}/statements`,
    )
  for (let i = 0; i < batches; i++)
    paths.push(`/batches/${i}`, `/batches/${i}/state`, `/batches/${i}/log?size=-1`)
  const out: Record<string, string> = {}
  for (const path of paths)
    out[path] = `${(await livy.fetch(path)).status} ${await text(livy, path)}`
  return out
}

describe('createLivyEmulator({ preload })', () => {
  test('preloaded sessions, statements and batches answer byte for byte as ones made by requests', async () => {
    const options = { evaluate: 'scripted', seed: 'same' } as const
    // What requests make: a session that ran two statements, one whose interpreter died, a
    // stopped one, a batch that succeeded and one that failed.
    const byRequests = createLivyEmulator(options)
    byRequests.outcomes.add({ match: { exact: '1 + 1' }, output: { 'text/plain': '2' } })
    byRequests.outcomes.add({
      match: { exact: '1/0' },
      error: { ename: 'ZeroDivisionError', evalue: 'division by zero', traceback: ['tb\n'] },
    })
    await post(byRequests, '/sessions', { kind: 'pyspark', name: 'etl', conf: { 'spark.x': 'y' } })
    await post(byRequests, '/sessions/0/statements', { code: '1 + 1' })
    await post(byRequests, '/sessions/0/statements', { code: '1/0' })
    await post(byRequests, '/sessions', { kind: 'spark', executorMemory: '2g', numExecutors: 3 })
    await json(byRequests, '/sessions/1')
    await byRequests.faults.interpreterDies(1)
    await post(byRequests, '/sessions', { kind: 'sql' })
    await json(byRequests, '/sessions/2')
    await post(byRequests, '/sessions/2/stop', {})
    await post(byRequests, '/batches', { file: 'local:///jobs/report.py', args: ['--day', '1'] })
    await json(byRequests, '/batches/0')
    byRequests.faults.nextBatchesFail()
    await post(byRequests, '/batches', { file: 'local:///jobs/broken.py', name: 'nightly' })

    const preloaded = createLivyEmulator({
      ...options,
      preload: {
        sessions: [
          {
            kind: 'pyspark',
            name: 'etl',
            conf: { 'spark.x': 'y' },
            statements: [
              { code: '1 + 1', output: { status: 'ok', data: { 'text/plain': '2' } } },
              {
                code: '1/0',
                output: {
                  status: 'error',
                  execution_count: 1,
                  ename: 'ZeroDivisionError',
                  evalue: 'division by zero',
                  traceback: ['tb\n'],
                },
              },
            ],
          },
          { kind: 'scala', state: 'error', executorMemory: '2g', numExecutors: 3 },
          { kind: 'sql', state: 'dead' },
        ],
        batches: [
          { file: 'local:///jobs/report.py', args: ['--day', '1'] },
          { file: 'local:///jobs/broken.py', name: 'nightly', state: 'dead' },
        ],
      },
    })
    await preloaded.ready
    const expected = await readAll(byRequests, 3, 2)
    expect(expected['/sessions/0/statements']).toContain('"state":"available"')
    expect(expected['/sessions/1/state']).toContain('"error"')
    expect(expected['/sessions/2/state']).toContain('"dead"')
    expect(expected['/batches/1/state']).toContain('"dead"')
    expect(await readAll(preloaded, 3, 2)).toEqual(expected)
  })

  test("ids are Livy's, 0, 1, 2… in the order given; the next request gets the next id", async () => {
    const livy = createLivyEmulator({
      evaluate: 'scripted',
      preload: {
        sessions: [
          { kind: 'spark', name: 'a' },
          { kind: 'pyspark', name: 'b' },
        ],
        batches: [{ file: 'local:///x.jar' }],
      },
    })
    await livy.ready
    const list = await json(livy, '/sessions')
    expect(list.sessions.map((s: { id: number; name: string }) => [s.id, s.name])).toEqual([
      [0, 'a'],
      [1, 'b'],
    ])
    expect((await post(livy, '/sessions', { kind: 'sql' })).headers.get('location')).toBe(
      '/sessions/2',
    )
    expect((await post(livy, '/batches', { file: 'local:///y.jar' })).headers.get('location')).toBe(
      '/batches/1',
    )
  })

  test("every state: starting comes up as usual, busy runs its statement on the emulator's timing, killed stays", async () => {
    const livy = createLivyEmulator({
      evaluate: 'scripted',
      timing: 'fast',
      preload: {
        sessions: [
          { kind: 'pyspark', state: 'starting' },
          { kind: 'pyspark', statements: [{ code: '1 + 1' }] },
          { kind: 'spark', state: 'killed' },
        ],
        batches: [
          { file: 'local:///a.py', state: 'running' },
          { file: 'local:///b.py', state: 'killed' },
        ],
      },
    })
    await livy.ready
    const states = async () => ({
      sessions: (await json(livy, '/sessions')).sessions.map((s: { state: string }) => s.state),
      batches: (await json(livy, '/batches')).sessions.map((b: { state: string }) => b.state),
    })
    expect(await states()).toEqual({
      sessions: ['starting', 'busy', 'killed'],
      batches: ['running', 'killed'],
    })
    expect((await json(livy, '/sessions/1/statements')).statements[0].state).toBe('running')
    await livy.advance(2_000)
    expect(await states()).toEqual({
      sessions: ['idle', 'idle', 'killed'],
      batches: ['success', 'killed'],
    })
    // The statement still to run ran as a submitted one does: the scripted interpreter answered.
    expect((await json(livy, '/sessions/1/statements/0')).output).toEqual({
      status: 'ok',
      execution_count: 0,
      data: { 'text/plain': '2' },
    })
  })

  test('a cancelled statement, owner and proxy user, and log lines of its own', async () => {
    const livy = createLivyEmulator({
      evaluate: 'scripted',
      livyConf: { 'livy.impersonation.enabled': 'true', 'livy.superusers': 'admin' },
      preload: {
        sessions: [
          {
            kind: 'pyspark',
            owner: 'admin',
            proxyUser: 'alice',
            statements: [{ code: 'while True: pass', state: 'cancelled' }],
            log: ['line one', 'line two'],
          },
        ],
        batches: [{ file: 'local:///a.py', owner: 'bob', log: ['done'] }],
      },
    })
    await livy.ready
    const session = await json(livy, '/sessions/0')
    expect([session.owner, session.proxyUser]).toEqual(['admin', 'alice'])
    expect(session.log).toEqual(['stdout: ', '\nstderr: ', 'line one', 'line two'])
    expect((await json(livy, '/sessions/0/statements/0')).state).toBe('cancelled')
    const batch = await json(livy, '/batches/0')
    expect([batch.owner, batch.proxyUser, batch.state]).toEqual(['bob', 'bob', 'success'])
    expect(batch.log).toEqual(['stdout: ', 'done', '\nstderr: '])
  })

  test('rules and tables come with it; reset() brings the whole preload back', async () => {
    const livy = createLivyEmulator({
      preload: {
        sessions: [{ kind: 'sql', name: 'reports' }],
        outcomes: [{ match: 'magic', output: { 'text/plain': '42' } }],
        tables: [{ name: 'people', schema: 'id INT, name STRING', rows: [[1, 'ann']] }],
      },
      evaluate: 'scripted',
    })
    await livy.ready
    expect(livy.tables.list().map((t) => t.name)).toEqual(['people'])
    expect(livy.outcomes.size).toBe(1)
    await post(livy, '/sessions/0/statements', { code: 'magic' })
    expect((await json(livy, '/sessions/0/statements/0')).output.data).toEqual({
      'text/plain': '42',
    })
    await post(livy, '/sessions', { kind: 'spark' })
    livy.tables.remove('people')
    await livy.reset()
    expect((await json(livy, '/sessions')).sessions.map((s: { name: string }) => s.name)).toEqual([
      'reports',
    ])
    expect((await json(livy, '/sessions/0/statements')).total_statements).toBe(0)
    expect(livy.tables.list().map((t) => t.name)).toEqual(['people'])
    expect(livy.outcomes.size).toBe(1)
  })
})

describe('livy.preload(data)', () => {
  test('adds to what is there, with the next ids, and is gone after reset()', async () => {
    const livy = createLivyEmulator({ evaluate: 'scripted' })
    await post(livy, '/sessions', { kind: 'spark' })
    const data: PreloadData = {
      sessions: [{ kind: 'pyspark', name: 'late', state: 'dead' }],
      batches: [{ file: 'local:///x.py', state: 'dead' }],
    }
    expect(await livy.preload(data)).toEqual({ sessions: [1], batches: [0] })
    expect((await json(livy, '/sessions/late')).state).toBe('dead')
    await livy.reset()
    expect((await json(livy, '/sessions')).total).toBe(0)
  })

  test('a bad preload is refused whole: nothing is created', async () => {
    const livy = createLivyEmulator({ evaluate: 'scripted' })
    await post(livy, '/sessions', { kind: 'spark', name: 'taken' })
    await expect(
      livy.preload({
        sessions: [
          { kind: 'sql', name: 'fresh' },
          { kind: 'sql', name: 'taken' },
        ],
      }),
    ).rejects.toThrow(/sessions\[1\]\.name: "taken" is taken by session 0/)
    expect((await json(livy, '/sessions')).total).toBe(1)
    await expect(livy.preload({ sessions: [{ kind: 'nope' }] } as PreloadData)).rejects.toThrow(
      /sessions\[0\]\.kind: /,
    )
  })
})

describe('startLivyServer({ preload })', () => {
  test('a YAML file path: the server answers with the preloaded sessions over HTTP', async () => {
    const server = await startLivyServer({
      port: 0,
      evaluate: 'scripted',
      preload: join(ROOT, 'examples', 'preload', 'livy-preload.yaml'),
    })
    try {
      const list = await (await fetch(`${server.url}/sessions`)).json()
      expect(list.sessions.map((s: { name: string }) => s.name)).toEqual([
        'etl',
        'reports',
        'stopped',
        'long-job',
      ])
      const batch = await (await fetch(`${server.url}/batches/nightly`)).json()
      expect(batch.state).toBe('dead')
    } finally {
      await server.close()
    }
  })
})

test("the README's preload example is a valid preload", async () => {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('## Preload'))
  const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1]
  expect(block).toBeDefined()
  const preload = parsePreloadText(block as string, 'README.yaml', (t) => parseYaml(t))
  expect(preload.plan.sessions.map((s) => s.state)).toEqual(['idle', 'dead', 'busy'])
  const livy = createLivyEmulator({ evaluate: 'scripted', preload })
  await livy.ready
  expect((await json(livy, '/batches/0')).state).toBe('dead')
})
