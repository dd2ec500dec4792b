import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { parseRecording } from '../../src/emulator/recording/recording-format.ts'
import { ROOT, type Spawned, spawnBin } from '../support/cli.ts'

const TOKEN = 'cli-upstream-t0ken-77'
const dir = mkdtempSync(join(tmpdir(), 'livy-record-cli-'))
let upstream: Spawned
let upstreamUrl: string

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/src/cli/livy-emulator.js')))
    throw new Error('run `npm run build` first: these tests spawn bin/livy-emulator.js')
  upstream = spawnBin('livy-emulator.js', [
    '--port',
    '0',
    '--timing',
    'instant',
    '--evaluate',
    'scripted',
    '--token',
    `${TOKEN}:alice`,
  ])
  upstreamUrl = (await upstream.waitFor(/listening on (http:\/\/\S+)/))[1] as string
})

afterAll(async () => {
  upstream?.kill('SIGKILL')
  await upstream?.exited()
  rmSync(dir, { recursive: true, force: true })
})

test('livy-emulator --record-from records through a real socket; kill -9 leaves a complete file', async () => {
  const file = join(dir, 'rec.json')
  const proxy = spawnBin('livy-emulator.js', [
    '--port',
    '0',
    '--record-from',
    upstreamUrl,
    '--record-to',
    file,
    '--auth',
    `bearer:${TOKEN}`,
    '--header',
    'X-Requested-By: ci',
  ])
  const url = (
    await proxy.waitFor(/recording \S+ to \S+, listening on (http:\/\/\S+)/)
  )[1] as string
  const post = (path: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
  const created = await post('/sessions', { kind: 'pyspark' })
  expect(created.status).toBe(201)
  expect(created.headers.get('location')).toBe('/sessions/0')
  const st = await post('/sessions/0/statements', { code: '21 * 2' })
  expect(st.status).toBe(201)
  const done = (await (await fetch(`${url}/sessions/0/statements/0`)).json()) as {
    output: { data: Record<string, string> }
  }
  expect(done.output.data['text/plain']).toBe('42')
  // Killed without warning: what was answered is in the file, complete and valid.
  proxy.kill('SIGKILL')
  await proxy.exited()
  const text = readFileSync(file, 'utf8')
  const recording = parseRecording(text, file)
  expect(recording.statements.pyspark).toEqual([
    { code: '21 * 2', output: { status: 'ok', data: { 'text/plain': '42' } } },
  ])
  expect(recording.recordedFrom).toBe(upstreamUrl)
  expect(text).not.toContain(TOKEN)
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
}, 30_000)

test('a malformed --replay file and bad record-mode flags are usage errors (exit 2)', async () => {
  const bad = join(dir, 'bad.json')
  const { writeFileSync } = await import('node:fs')
  writeFileSync(bad, '{"version": 1, "statements": []}')
  const refused = spawnBin('livy-emulator.js', ['--port', '0', '--replay', bad])
  expect(await refused.exited()).toBe(2)
  expect(refused.stderr()).toMatch(/bad\.json: not a valid recording: .*statements/)

  const noTo = spawnBin('livy-emulator.js', ['--record-from', upstreamUrl])
  expect(await noTo.exited()).toBe(2)
  expect(noTo.stderr()).toMatch(/--record-from needs --record-to FILE/)
  const stray = spawnBin('livy-emulator.js', ['--auth', 'basic:a:b'])
  expect(await stray.exited()).toBe(2)
  expect(stray.stderr()).toMatch(/--auth is for record mode/)
})
