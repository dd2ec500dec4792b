import { appendFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'

/** The control API takes JSON bodies only. */
const JSON_TYPE = { 'Content-Type': 'application/json' }

import { type Spawned, spawnBin } from '../support/cli.ts'

// Runs the built CLI (npm run build first).
let dir: string
const running: Spawned[] = []
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'livy-state-'))
})
afterEach(async () => {
  for (const p of running.splice(0)) {
    p.kill('SIGKILL')
    await p.exited()
  }
  await rm(dir, { recursive: true, force: true })
})

const start = async (...args: string[]): Promise<{ p: Spawned; url: string }> => {
  const p = spawnBin('livy-emulator.js', ['--port', '0', ...args])
  running.push(p)
  const m = await p.waitFor(/listening on (http:\/\/\S+)/)
  return { p, url: m[1] as string }
}

const kill9 = async (p: Spawned) => {
  p.kill('SIGKILL')
  await p.exited()
}

describe('livy-emulator --state-file', () => {
  test('--help explains it with an example', async () => {
    const p = spawnBin('livy-emulator.js', ['--help'])
    expect(await p.exited()).toBe(0)
    expect(p.stdout()).toContain('--state-file <path>')
    expect(p.stdout()).toContain('livy-emulator --state-file ')
  })

  test('after kill -9 the state is back; a torn tail is reported and dropped', async () => {
    const file = join(dir, 'livy.state')
    const args = ['--state-file', file, '--clock', 'frozen', '--timing', 'fast']
    const first = await start(...args)
    expect(first.p.stdout()).toContain(`state file ${file} (new)`)
    const created = await fetch(`${first.url}/sessions`, {
      method: 'POST',
      body: '{"kind":"spark"}',
    })
    expect(created.status).toBe(201)
    await fetch(`${first.url}/__emulator/clock/advance`, {
      method: 'POST',
      body: '{"ms":1500}',
      headers: JSON_TYPE,
    })
    const clock = (await (await fetch(`${first.url}/__emulator/clock`)).json()).now as number
    await kill9(first.p)
    await appendFile(file, '3f00aa11 999 {"seq":3,"at"') // a write torn by the kill

    const second = await start(...args)
    expect(second.p.stderr()).toMatch(
      /warning: .*livy\.state: line 4 and after were unusable \(torn line \(no newline\)\); dropped 26 bytes/,
    )
    expect(second.p.stdout()).toContain('replayed 2 records (restart 1)')
    // The frozen clock goes on from where it was, not from the wall time of the restart.
    expect((await (await fetch(`${second.url}/__emulator/clock`)).json()).now).toBe(clock)
    expect((await (await fetch(`${second.url}/sessions/0/state`)).json()).state).toBe('recovering')
    await fetch(`${second.url}/__emulator/clock/advance`, {
      method: 'POST',
      body: '{"ms":500}',
      headers: JSON_TYPE,
    })
    expect((await (await fetch(`${second.url}/sessions/0/state`)).json()).state).toBe('idle')
    const next = await fetch(`${second.url}/sessions`, { method: 'POST', body: '{}' })
    expect((await next.json()).id).toBe(1)
  })

  test('a file written under other options is refused: exit 2, the difference named', async () => {
    const file = join(dir, 'livy.state')
    const first = await start('--state-file', file, '--seed', 'one')
    await fetch(`${first.url}/sessions`, { method: 'POST', body: '{}' })
    await kill9(first.p)
    const second = spawnBin('livy-emulator.js', [
      '--port',
      '0',
      '--state-file',
      file,
      '--seed',
      'two',
    ])
    running.push(second)
    expect(await second.exited()).toBe(2)
    expect(second.stderr()).toContain('seed: the file has "one", this emulator "two"')
  })
})
