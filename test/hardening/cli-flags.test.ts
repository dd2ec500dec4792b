import { afterEach, describe, expect, test } from 'vitest'
import { type Spawned, spawnBin } from '../support/cli.ts'

/** Issue 14's flags on the built CLI (npm run build first). */
const running: Spawned[] = []
afterEach(async () => {
  for (const p of running.splice(0)) {
    p.kill('SIGKILL')
    await p.exited()
  }
})

const start = async (...args: string[]): Promise<{ p: Spawned; url: string }> => {
  const p = spawnBin('livy-emulator.js', ['--port', '0', ...args])
  running.push(p)
  const m = await p.waitFor(/listening on (http:\/\/\S+)/)
  return { p, url: m[1] as string }
}

describe('livy-emulator security flags', () => {
  test('--help explains each of them with an example', async () => {
    const p = spawnBin('livy-emulator.js', ['--help'])
    expect(await p.exited()).toBe(0)
    for (const flag of [
      '--auth-secret',
      '--control-token',
      '--control-host',
      '--no-control',
      '--state-file-repair',
    ])
      expect(p.stdout()).toContain(flag)
    expect(p.stdout()).toContain('SECURITY.md')
  })

  test('--control-token locks the control API; --no-control removes it', async () => {
    const locked = await start('--control-token', 's3cret')
    expect((await fetch(`${locked.url}/__emulator/clock`)).status).toBe(401)
    const opened = await fetch(`${locked.url}/__emulator/clock`, {
      headers: { Authorization: 'Bearer s3cret' },
    })
    expect(opened.status).toBe(200)
    const off = await start('--no-control')
    expect((await fetch(`${off.url}/__emulator/clock`)).status).toBe(404)
  })

  test('--host 0.0.0.0 without authentication warns on stderr; with --user and --control-token it does not', async () => {
    const open = await start('--host', '0.0.0.0')
    expect(open.p.stderr()).toMatch(
      /warning: listening on 0\.0\.0\.0 .*without authentication.*SECURITY\.md/,
    )
    const closed = await start('--host', '0.0.0.0', '--user', 'alice:pw', '--control-token', 't')
    expect(closed.p.stderr()).toBe('')
  })
})
