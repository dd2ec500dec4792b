import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { optionsFromEnv } from '../../src/cli/livy-emulator.ts'
import { ROOT, type Spawned, spawnBin } from '../support/cli.ts'

const running: Spawned[] = []
afterEach(async () => {
  for (const p of running.splice(0)) {
    p.kill('SIGKILL')
    await p.exited()
  }
})

describe('LIVY_EMULATOR_* environment', () => {
  test('each variable becomes its flag; repeatable ones take one value per line', () => {
    expect(
      optionsFromEnv({
        LIVY_EMULATOR_PORT: '0',
        LIVY_EMULATOR_STATE_FILE: '/data/livy.state',
        LIVY_EMULATOR_CONF:
          'livy.spark.master=yarn\nlivy.server.access-control.allowed-users=a,b\n',
        LIVY_EMULATOR_SAMPLE_DATA: 'true',
        LIVY_EMULATOR_NO_CONTROL: '0',
        PORT: '1234',
      }),
    ).toEqual([
      '--port',
      '0',
      '--state-file',
      '/data/livy.state',
      '--conf',
      'livy.spark.master=yarn',
      '--conf',
      'livy.server.access-control.allowed-users=a,b',
      '--sample-data',
    ])
  })

  test('a flag on the command line wins over the environment', async () => {
    const p = spawnBin('livy-emulator.js', ['--port', '0', '--profile', 'apache-0.8'], {
      LIVY_EMULATOR_PORT: '1',
      LIVY_EMULATOR_PROFILE: 'fabric',
      LIVY_EMULATOR_EVALUATE: 'scripted',
    })
    running.push(p)
    await p.waitFor(/listening on http:\/\/127\.0\.0\.1:\d+ \(profile apache-0\.8/)
  })
})

describe('--exit-on-stdin-close', () => {
  test('the server stops when its launcher closes the pipe (the launcher died)', async () => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'livy-emulator.js'), '--port', '0', '--exit-on-stdin-close'],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    )
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)))
    let out = ''
    await new Promise<void>((ready) =>
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString()
        if (out.includes('listening on')) ready()
      }),
    )
    const closedAt = performance.now()
    child.stdin.end()
    expect(await exited).toBe(0)
    expect(performance.now() - closedAt).toBeLessThan(2_000)
  })

  test('a launcher killed outright (pipes gone, stdin closed) leaves no busy orphan', async () => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'livy-emulator.js'), '--port', '0', '--exit-on-stdin-close'],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    )
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
    await new Promise<void>((ready) => child.stdout.once('data', () => ready()))
    // Nobody reads its output any more: its shutdown message hits EPIPE.
    child.stdout.destroy()
    child.stderr.destroy()
    child.stdin.end()
    expect(await exited).toBe(0)
  })
})
