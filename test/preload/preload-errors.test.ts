import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import {
  createLivyEmulator,
  createMemoryStateStorage,
  type PreloadData,
  PreloadError,
  parsePreload,
} from '../../src/index.ts'

/** The message a bad preload is refused with. */
const refusal = (data: unknown): string => {
  try {
    parsePreload(data, 'livy.json')
  } catch (e) {
    expect(e).toBeInstanceOf(PreloadError)
    return (e as Error).message
  }
  throw new Error('the preload was accepted')
}

const session = (fields: Record<string, unknown>) => ({
  sessions: [{ kind: 'pyspark', ...fields }],
})

describe('a bad preload is refused, naming the path of each bad field', () => {
  test.each([
    ['a field the format does not have', { session: [] }, 'session: unknown field'],
    [
      'a field inside a statement output',
      session({ statements: [{ code: 'x', output: { status: 'ok', data: {}, count: 1 } }] }),
      'sessions[0].statements[0].output.count: unknown field',
    ],
    [
      'a missing batch file',
      { batches: [{ args: [] }] },
      'batches[0].file: missing (expected string)',
    ],
    [
      'a state Livy has no such session in',
      session({ state: 'running' }),
      'sessions[0].state: Invalid option: expected one of "starting"|"idle"|"busy"|"error"|"dead"|"killed"',
    ],
    ['an unknown kind', { sessions: [{ kind: 'java' }] }, 'sessions[0].kind: Invalid option'],
    [
      'an output that is neither ok nor error',
      session({ statements: [{ code: 'x', output: { status: 'fine' } }] }),
      "sessions[0].statements[0].output.status: Invalid discriminator value. Expected 'ok' | 'error'",
    ],
    [
      'an error output without evalue',
      session({ statements: [{ code: 'x', output: { status: 'error', ename: 'E' } }] }),
      'sessions[0].statements[0].output.evalue: missing (expected string)',
    ],
    [
      'an execution_count that is not the statement id',
      session({
        statements: [
          { code: 'a', output: { status: 'ok', data: {} } },
          { code: 'b', output: { status: 'ok', execution_count: 7, data: {} } },
        ],
      }),
      "sessions[0].statements[1].output.execution_count: is the statement's id, 1",
    ],
    [
      'an available statement without output',
      session({ statements: [{ code: 'x', state: 'available' }] }),
      'sessions[0].statements[0].output: an available statement needs its output',
    ],
    [
      'a cancelled statement with an output',
      session({
        statements: [{ code: 'x', state: 'cancelled', output: { status: 'ok', data: {} } }],
      }),
      'sessions[0].statements[0].state: a statement with an output is available, not cancelled',
    ],
    [
      'a statement of a shared session without a kind',
      { sessions: [{ statements: [{ code: '1', output: { status: 'ok', data: {} } }] }] },
      'sessions[0].statements[0].kind: a statement of a shared session needs a kind',
    ],
    [
      'an idle session with a statement still to run',
      session({ state: 'idle', statements: [{ code: 'x' }] }),
      'sessions[0].statements[0]: has no output, so it runs at start-up and the session is busy',
    ],
    [
      'a busy session with nothing to run',
      session({ state: 'busy' }),
      'sessions[0].state: a busy session runs a statement',
    ],
    [
      'a dead session with a statement still to run',
      session({ state: 'dead', statements: [{ code: 'x' }] }),
      'a session in state dead runs nothing',
    ],
    [
      'a statement that ran after one still to run',
      session({ statements: [{ code: 'a' }, { code: 'b', output: { status: 'ok', data: {} } }] }),
      'sessions[0].statements[1].state: a statement that ran cannot follow one still to run (statements[0])',
    ],
    [
      'statements on a starting session',
      session({ state: 'starting', statements: [{ code: 'x', state: 'cancelled' }] }),
      'sessions[0].statements: a starting session has none yet',
    ],
    [
      'log lines for a starting batch',
      { batches: [{ file: 'local:///a.py', state: 'starting', log: ['x'] }] },
      "batches[0].log: a starting batch's log is written as it starts",
    ],
    [
      'two sessions with one name',
      { sessions: [{ name: 'etl' }, { name: 'etl' }] },
      'sessions[1].name: "etl" is already the name of sessions[0]',
    ],
    [
      'a name of digits',
      { batches: [{ file: 'local:///a.py', name: '42' }] },
      'batches[0].name: "42" is all digits',
    ],
    [
      'a time Livy cannot read',
      session({ idleTimeout: '5 parsecs' }),
      'sessions[0].idleTimeout: Invalid time string: 5 parsecs',
    ],
    [
      'an outcome rule the control API would refuse',
      { outcomes: [{ match: 'x', output: {}, colour: 'red' }] },
      'outcomes[0]: unknown rule field(s): colour',
    ],
    [
      'a table with a bad name',
      { tables: [{ name: '1x', rows: [] }] },
      'tables[0]: table name must be a Spark identifier',
    ],
  ])('%s', (_, data, message) => {
    const text = refusal(data)
    expect(text.startsWith('livy.json: not a valid preload file: '), text).toBe(true)
    expect(text).toContain(message)
  })

  test('every problem is listed (the first five, then how many more)', () => {
    const text = refusal({ sessions: Array.from({ length: 7 }, () => ({ kind: 'java' })) })
    expect(text.match(/sessions\[\d\]\.kind/g)).toHaveLength(5)
    expect(text).toMatch(/\(\+2 more\)$/)
  })

  test('not JSON, or not an object', () => {
    expect(refusal('{"sessions": [')).toMatch(/^livy\.json: not JSON \(/)
    expect(refusal([])).toBe(
      'livy.json: a preload is an object with sessions, batches, outcomes and tables',
    )
  })
})

describe('what the emulator cannot take is refused when it is created', () => {
  test('a proxy user without impersonation, or one the owner may not impersonate', () => {
    expect(() =>
      createLivyEmulator({ preload: { sessions: [{ kind: 'spark', proxyUser: 'alice' }] } }),
    ).toThrow(
      'preload: cannot be preloaded: sessions[0].proxyUser: Livy keeps no proxy user unless livy.impersonation.enabled is true',
    )
    expect(() =>
      createLivyEmulator({
        livyConf: { 'livy.impersonation.enabled': 'true' },
        preload: { batches: [{ file: 'local:///a.py', owner: 'bob', proxyUser: 'alice' }] },
      }),
    ).toThrow("batches[0].proxyUser: User 'bob' not allowed to impersonate 'Some(alice)'.")
  })

  test('what Livy refuses in a create request (a blacklisted conf)', () => {
    expect(() =>
      createLivyEmulator({
        preload: { sessions: [{ kind: 'spark', conf: { 'spark.submit.deployMode': 'cluster' } }] },
      }),
    ).toThrow(
      'sessions[0]: Blacklisted configuration values in session config: spark.submit.deployMode',
    )
  })

  test('a preload together with a state file', () => {
    expect(() =>
      createLivyEmulator({
        preload: { sessions: [] },
        stateStorage: createMemoryStateStorage(),
      }),
    ).toThrow(PreloadError)
  })
})

describe('preload files', () => {
  const data: PreloadData = {
    sessions: [
      {
        kind: 'pyspark',
        name: 'etl',
        statements: [
          { code: 'spark.range(3).count()', output: { status: 'ok', data: { 'text/plain': '3' } } },
        ],
      },
    ],
    batches: [{ file: 'local:///jobs/nightly.py', state: 'dead' }],
  }
  const yaml = `# the same as the JSON file
sessions:
  - kind: pyspark
    name: etl
    statements:
      - code: spark.range(3).count()
        output: { status: ok, data: { text/plain: "3" } }
batches:
  - file: local:///jobs/nightly.py
    state: dead
`
  const write = async (name: string, text: string) => {
    const dir = await mkdtemp(join(tmpdir(), 'i16-preload-'))
    const path = join(dir, name)
    await writeFile(path, text)
    return path
  }
  const sessions = async (preload: string | PreloadData) => {
    const livy = createLivyEmulator({ evaluate: 'scripted', preload })
    await livy.ready
    return (await livy.fetch('/sessions/0/statements')).text()
  }

  test('a JSON file and the same YAML file preload the same', async () => {
    const fromData = await sessions(data)
    expect(await sessions(await write('livy.json', JSON.stringify(data)))).toBe(fromData)
    expect(await sessions(await write('livy.yaml', yaml))).toBe(fromData)
  })

  test('a missing file, bad YAML and a bad field are named with the file', async () => {
    expect(() => createLivyEmulator({ preload: '/nonexistent/livy.json' })).toThrow(
      /^\/nonexistent\/livy\.json: cannot read the preload file: ENOENT/,
    )
    const badYaml = await write('bad.yml', 'sessions:\n  - kind: [pyspark\n')
    expect(() => createLivyEmulator({ preload: badYaml })).toThrow(
      /bad\.yml: not YAML \(.* at line \d+, column \d+/s,
    )
    const badField = await write('bad.yaml', 'sessions:\n  - kind: pyspark\n    state: asleep\n')
    expect(() => createLivyEmulator({ preload: badField })).toThrow(
      /bad\.yaml: not a valid preload file: sessions\[0\]\.state: Invalid option/,
    )
  })
})
