import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { optionsFromEnv } from '../../src/cli/livy-emulator.ts'
import { readPreloadFile } from '../../src/emulator/preload/preload-file.ts'
import { ROOT, type Spawned, spawnBin } from '../support/cli.ts'

const EXAMPLE_JSON = join(ROOT, 'examples', 'preload', 'livy-preload.json')
const EXAMPLE_YAML = join(ROOT, 'examples', 'preload', 'livy-preload.yaml')

const running: Spawned[] = []
afterEach(async () => {
  for (const p of running.splice(0)) {
    p.kill('SIGKILL')
    await p.exited()
  }
})

const start = async (args: readonly string[], env: NodeJS.ProcessEnv = {}) => {
  const p = spawnBin('livy-emulator.js', ['--port', '0', '--evaluate', 'scripted', ...args], env)
  running.push(p)
  const url = (await p.waitFor(/listening on (http:\/\/\S+)/))[1] as string
  return { p, url }
}

const get = async (url: string) => (await fetch(url)).json()

describe('livy-emulator --preload FILE', () => {
  test('the example file: its sessions, statements, batches and tables are there on start-up', async () => {
    const { p, url } = await start(['--preload', EXAMPLE_JSON])
    expect(p.stdout()).toContain(
      `livy-emulator: preloaded 4 session(s) and 2 batch(es) from ${EXAMPLE_JSON}`,
    )
    const sessions = await get(`${url}/sessions`)
    expect(
      sessions.sessions.map((s: { id: number; name: string; state: string }) => [
        s.id,
        s.name,
        s.state,
      ]),
    ).toEqual([
      [0, 'etl', 'idle'],
      [1, 'reports', 'idle'],
      [2, 'stopped', 'dead'],
      [3, 'long-job', 'busy'],
    ])
    const statements = await get(`${url}/sessions/etl/statements`)
    expect(statements.statements.map((s: { state: string }) => s.state)).toEqual([
      'available',
      'available',
      'cancelled',
    ])
    expect(statements.statements[1].output).toMatchObject({ status: 'error', ename: 'NameError' })
    // The long job's statement runs for the 10 minutes its outcome rule says.
    expect((await get(`${url}/sessions/3/statements/0`)).state).toBe('running')
    const batches = await get(`${url}/batches`)
    expect(batches.sessions.map((b: { state: string }) => b.state)).toEqual(['success', 'dead'])
    expect((await get(`${url}/batches/0/log?size=-1`)).log.join('\n')).toMatch(
      /Pi is roughly 3\.14/,
    )
    const tables = await get(`${url}/__emulator/tables`)
    expect(tables.tables.map((t: { name: string }) => t.name)).toEqual(['people'])
  })

  test('LIVY_EMULATOR_PRELOAD does the same, and the YAML example is the JSON one', async () => {
    expect(optionsFromEnv({ LIVY_EMULATOR_PRELOAD: '/data/livy.yaml' })).toEqual([
      '--preload',
      '/data/livy.yaml',
    ])
    const { p, url } = await start([], { LIVY_EMULATOR_PRELOAD: EXAMPLE_YAML })
    expect(p.stdout()).toContain(`preloaded 4 session(s) and 2 batch(es) from ${EXAMPLE_YAML}`)
    expect((await get(`${url}/sessions/reports`)).kind).toBe('sql')
    const json = readPreloadFile(EXAMPLE_JSON)
    const yaml = readPreloadFile(EXAMPLE_YAML)
    expect(yaml.plan).toEqual(json.plan)
    expect(yaml.tables).toEqual(json.tables)
    expect(yaml.outcomes.map((o) => o.json)).toEqual(json.outcomes.map((o) => o.json))
  })

  test('a bad file stops the server before it listens: exit 2, the file and the field named', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'i16-preload-cli-'))
    const bad = join(dir, 'bad.json')
    await writeFile(
      bad,
      JSON.stringify({
        sessions: [{ kind: 'pyspark', statements: [{ code: 'x', output: { status: 'ok' } }] }],
      }),
    )
    const refused = spawnBin('livy-emulator.js', ['--port', '0', '--preload', bad])
    expect(await refused.exited()).toBe(2)
    expect(refused.stderr()).toBe(
      `livy-emulator: ${bad}: not a valid preload file: sessions[0].statements[0].output.data: missing (expected record)\n(see livy-emulator --help)\n`,
    )
    expect(refused.stdout()).not.toContain('listening')

    const missing = spawnBin('livy-emulator.js', ['--port', '0'], {
      LIVY_EMULATOR_PRELOAD: join(dir, 'nope.yaml'),
    })
    expect(await missing.exited()).toBe(2)
    expect(missing.stderr()).toContain(`${join(dir, 'nope.yaml')}: cannot read the preload file`)

    const withState = spawnBin('livy-emulator.js', [
      '--port',
      '0',
      '--preload',
      EXAMPLE_JSON,
      '--state-file',
      join(dir, 'livy.state'),
    ])
    expect(await withState.exited()).toBe(2)
    expect(withState.stderr()).toContain('a preload and a state file cannot be combined')
  })
})
