import { afterEach, describe, expect, test } from 'vitest'

/** The control API takes JSON bodies only. */
const JSON_TYPE = { 'Content-Type': 'application/json' }

import { freePort, type Spawned, spawnBin } from '../support/cli.ts'

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

const json = async (url: string, init?: RequestInit) => (await fetch(url, init)).json()

describe('livy-emulator CLI', () => {
  test('--help explains every option with an example', async () => {
    const p = spawnBin('livy-emulator.js', ['--help'])
    expect(await p.exited()).toBe(0)
    for (const flag of [
      '--port',
      '--host',
      '--seed',
      '--timing',
      '--clock',
      '--cors',
      '--conf',
      '--body-limit',
      '--profile',
      '--user',
      '--token',
    ]) {
      expect(p.stdout()).toContain(flag)
    }
  })

  test('prints the URL it listens on and serves Livy there', async () => {
    const { url } = await start()
    expect(await (await fetch(`${url}/sessions`)).text()).toBe('{"from":0,"total":0,"sessions":[]}')
  })

  test('--port picks the port; a taken port is a clear error and a non-zero exit', async () => {
    const port = await freePort()
    const { url } = await start('--port', String(port))
    expect(url).toBe(`http://127.0.0.1:${port}`)
    const second = spawnBin('livy-emulator.js', ['--port', String(port)])
    running.push(second)
    expect(await second.exited()).toBe(1)
    expect(second.stderr()).toContain(`port ${port} on 127.0.0.1 is already in use`)
  })

  test('--host binds the given address', async () => {
    const { url } = await start('--host', '127.0.0.1')
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  test('--seed makes the generated fixture text repeatable', async () => {
    const logOf = async (seed: string) => {
      const { url } = await start('--seed', seed, '--timing', 'instant', '--clock', 'frozen')
      await fetch(`${url}/sessions`, { method: 'POST', body: '{}' })
      const log = (await json(`${url}/sessions/0/log?size=-1`)).log as string[]
      // The frozen clock starts at the wall time, so only the timestamps may differ.
      return log.map((l) =>
        l
          .replace(/^\d\d\/\d\d\/\d\d \d\d:\d\d:\d\d /, '')
          .replace(/timestamp \d+/, 'timestamp <ms>'),
      )
    }
    const a = await logOf('one')
    expect(await logOf('one')).toEqual(a)
    expect(await logOf('two')).not.toEqual(a)
  })

  test('--timing instant makes a session idle on the next request; fast takes a second', async () => {
    const instant = await start('--timing', 'instant')
    await fetch(`${instant.url}/sessions`, { method: 'POST', body: '{}' })
    expect((await json(`${instant.url}/sessions/0/state`)).state).toBe('idle')

    const fast = await start('--timing', 'fast', '--clock', 'frozen')
    await fetch(`${fast.url}/sessions`, { method: 'POST', body: '{}' })
    expect((await json(`${fast.url}/sessions/0/state`)).state).toBe('starting')
    await fetch(`${fast.url}/__emulator/clock/advance`, {
      method: 'POST',
      body: '{"ms":1000}',
      headers: JSON_TYPE,
    })
    expect((await json(`${fast.url}/sessions/0/state`)).state).toBe('idle')
  })

  test('--timing realistic takes about 20 s to idle', async () => {
    const { url } = await start('--timing', 'realistic', '--clock', 'frozen')
    await fetch(`${url}/sessions`, { method: 'POST', body: '{}' })
    await fetch(`${url}/__emulator/clock/advance`, {
      method: 'POST',
      body: '{"ms":19999}',
      headers: JSON_TYPE,
    })
    expect((await json(`${url}/sessions/0/state`)).state).toBe('starting')
    await fetch(`${url}/__emulator/clock/advance`, {
      method: 'POST',
      body: '{"ms":1}',
      headers: JSON_TYPE,
    })
    expect((await json(`${url}/sessions/0/state`)).state).toBe('idle')
  })

  test('--clock frozen keeps virtual time still until it is advanced', async () => {
    const { url } = await start('--clock', 'frozen')
    const t0 = (await json(`${url}/__emulator/clock`)).now
    await new Promise((r) => setTimeout(r, 50))
    expect((await json(`${url}/__emulator/clock`)).now).toBe(t0)
    const moved = await json(`${url}/__emulator/clock/advance`, {
      method: 'POST',
      body: '{"ms":250}',
      headers: JSON_TYPE,
    })
    expect(moved.now).toBe(t0 + 250)
  })

  test('--clock system follows the wall clock', async () => {
    const { url } = await start('--clock', 'system')
    const { now, kind } = await json(`${url}/__emulator/clock`)
    expect(kind).toBe('system')
    expect(Math.abs(now - Date.now())).toBeLessThan(5_000)
  })

  test('--cors allows the listed origin', async () => {
    const { url } = await start('--cors', 'http://app.example')
    const res = await fetch(`${url}/sessions`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://app.example', 'Access-Control-Request-Method': 'POST' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('http://app.example')
  })

  test('--conf sets Livy configuration keys', async () => {
    const { url } = await start('--conf', 'livy.server.session.max-creation=0')
    const res = await fetch(`${url}/sessions`, { method: 'POST', body: '{}' })
    expect(await res.text()).toBe('{"msg":"Rejected, too many sessions are being created!"}')
  })

  test('--body-limit refuses larger bodies with 413', async () => {
    const { url } = await start('--body-limit', '100')
    const res = await fetch(`${url}/sessions`, {
      method: 'POST',
      body: JSON.stringify({ name: 'x'.repeat(200) }),
    })
    expect(res.status).toBe(413)
  })

  test('a bad flag is explained and exits 2', async () => {
    for (const args of [
      ['--timing', 'slowish'],
      ['--clock', 'moon'],
      ['--port', 'abc'],
      ['--frobnicate'],
    ]) {
      const p = spawnBin('livy-emulator.js', args)
      running.push(p)
      expect(await p.exited()).toBe(2)
      expect(p.stderr()).toMatch(/^livy-emulator: /)
    }
  })

  test('SIGTERM shuts down gracefully with exit code 0', async () => {
    const { p } = await start()
    p.kill('SIGTERM')
    expect(await p.exited()).toBe(0)
    expect(p.stdout()).toContain('SIGTERM, shutting down')
  })

  test('--profile fabric serves Fabric paths and --token requires those tokens', async () => {
    const { url, p } = await start('--profile', 'fabric', '--token', 't1:alice')
    expect(p.stdout()).toContain('profile fabric')
    const base = `${url}/v1/workspaces/w/lakehouses/l/livyapi/versions/2023-12-01`
    expect((await fetch(`${base}/sessions`)).status).toBe(401)
    const ok = await fetch(`${base}/sessions`, {
      method: 'POST',
      body: '{}',
      headers: { Authorization: 'Bearer t1' },
    })
    expect(ok.status).toBe(202)
    expect(((await ok.json()) as { owner: string }).owner).toBe('alice')
  })

  test('--user requires Basic credentials (Livy’s LDAP-style filter in the Apache profile)', async () => {
    const { url } = await start('--user', 'alice:pw')
    expect((await fetch(`${url}/sessions`)).status).toBe(401)
    const auth = `Basic ${Buffer.from('alice:pw').toString('base64')}`
    expect((await fetch(`${url}/sessions`, { headers: { Authorization: auth } })).status).toBe(200)
  })

  test('an unknown --profile, a malformed --user or --token is a usage error', async () => {
    for (const args of [
      ['--profile', 'emr'],
      ['--user', 'nopassword'],
      ['--token', 't1:bob@yesterday'],
    ]) {
      const p = spawnBin('livy-emulator.js', args)
      expect(await p.exited()).toBe(2)
      expect(p.stderr()).toMatch(/--profile|--user|--token/)
    }
  })
})
