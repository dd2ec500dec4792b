import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  DEFAULT_EMULATOR_IMAGE,
  EmulatorContainer,
  type StartedEmulatorContainer,
} from '../../src/testcontainers/index.ts'

const run = promisify(execFile)
const JSON_TYPE = { 'Content-Type': 'application/json' }

describe('EmulatorContainer.describe', () => {
  test('options become the LIVY_EMULATOR_* variables and PORT of the image', () => {
    const spec = new EmulatorContainer('img')
      .withProfile('fabric')
      .withClock('frozen')
      .withLivyConf({ 'livy.spark.master': 'yarn', 'livy.server.session.timeout': '10m' })
      .withOption('control-token', 't')
      .withStateDir('/tmp/state')
      .withPort(18998)
      .describe()
    expect(spec).toEqual({
      image: 'img',
      networkMode: 'host',
      port: 18998,
      env: {
        LIVY_EMULATOR_PROFILE: 'fabric',
        LIVY_EMULATOR_CLOCK: 'frozen',
        LIVY_EMULATOR_CONTROL_TOKEN: 't',
        PORT: '18998',
        LIVY_EMULATOR_CONF: 'livy.spark.master=yarn\nlivy.server.session.timeout=10m',
        LIVY_EMULATOR_STATE_FILE: '/data/livy.state',
      },
      bindMounts: [{ source: '/tmp/state', target: '/data', mode: 'rw' }],
      startupTimeoutMs: 30_000,
    })
  })
})

async function imageUnavailable(): Promise<string | undefined> {
  const image = process.env.LIVY_EMULATOR_IMAGE ?? DEFAULT_EMULATOR_IMAGE
  try {
    await run('docker', ['image', 'inspect', image], { timeout: 10_000 })
  } catch {
    return `Docker does not answer or the image ${image} does not exist (docker/build-local-image.sh builds it)`
  }
  return undefined
}
const skipReason = await imageUnavailable()
if (skipReason) console.log(`[emulator-container.test] real-container test SKIPPED: ${skipReason}`)

describe.skipIf(skipReason !== undefined)('a real emulator container', () => {
  let emulator: StartedEmulatorContainer
  const stateDir = mkdtempSync(join(tmpdir(), 'emulator-state-'))
  beforeAll(async () => {
    emulator = await new EmulatorContainer().withPort(0).withStateDir(stateDir).start()
  }, 60_000)
  afterAll(async () => {
    await emulator?.stop().catch(() => undefined)
    rmSync(stateDir, { recursive: true, force: true })
  })

  test('serves Livy, evaluates statements for real, and runs as a user that is not root', async () => {
    const url = emulator.getBaseUrl()
    expect((await fetch(`${url}/sessions`)).status).toBe(200)
    await fetch(`${url}/sessions`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: '{"kind":"pyspark"}',
    })
    await fetch(`${url}/__emulator/clock/advance`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: '{"ms":1000}',
    })
    const posted = await fetch(`${url}/sessions/0/statements`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ code: 'spark.range(10).count()' }),
    })
    let statement = (await posted.json()) as {
      state: string
      output: { data: Record<string, string> }
    }
    for (let i = 0; i < 300 && statement.state !== 'available'; i++) {
      await new Promise((r) => setTimeout(r, 100))
      statement = await (await fetch(`${url}/sessions/0/statements/0`)).json()
    }
    expect(statement.output.data['text/plain']).toBe('10')
    const { stdout } = await run('docker', ['exec', emulator.getId(), 'id', '-u'])
    expect(stdout.trim()).toBe('10001')
    // --state-file on the volume: every accepted change is in the file on the host.
    expect(readFileSync(join(stateDir, 'livy.state'), 'utf8')).toContain('pyspark')
  }, 60_000)

  test('the health check passes', async () => {
    const { stdout } = await run('docker', [
      'inspect',
      '--format',
      '{{.Config.Healthcheck.Test}}',
      emulator.getId(),
    ])
    expect(stdout).toContain('healthcheck.mjs')
    await run('docker', [
      'exec',
      emulator.getId(),
      'node',
      '/usr/local/lib/livy-emulator-image/healthcheck.mjs',
    ])
  })

  test('SIGTERM stops it in under a second', async () => {
    const started = performance.now()
    await emulator.stop(10_000)
    expect(performance.now() - started).toBeLessThan(1_000)
  })
})
