import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { CATALOGUE } from '../../src/conformance/catalogue.ts'
import { parseCliArgs } from '../../src/conformance/cli.ts'
import { select } from '../../src/conformance/runner.ts'
import { ROOT, type Spawned, spawnBin } from '../support/cli.ts'
import { all, parseXml } from '../support/xml.ts'

const dir = mkdtempSync(join(tmpdir(), 'livy-deployment-'))
const spawned: Spawned[] = []
const DEPLOYMENT = select(CATALOGUE, { suite: 'deployment' })

afterAll(async () => {
  for (const p of spawned) {
    p.kill('SIGKILL')
    await p.exited()
  }
  rmSync(dir, { recursive: true, force: true })
})

async function conformance(...args: string[]) {
  const p = spawnBin('livy-conformance.js', args)
  const code = await p.exited()
  return { code, stdout: p.stdout(), stderr: p.stderr() }
}

async function emulator(...args: string[]): Promise<string> {
  if (!existsSync(join(ROOT, 'dist/src/cli/livy-emulator.js')))
    throw new Error('run `npm run build` first: these tests spawn the CLIs')
  const p = spawnBin('livy-emulator.js', ['--port', '0', ...args])
  spawned.push(p)
  return (await p.waitFor(/listening on (http:\/\/\S+)/))[1] as string
}

const sessionsAndBatches = async (url: string) => ({
  sessions: ((await (await fetch(`${url}/sessions`)).json()) as { total: number }).total,
  batches: ((await (await fetch(`${url}/batches`)).json()) as { total: number }).total,
})

describe('the deployment suite', () => {
  test('is its own suite: a default run does not select it, --suite deployment selects only it', () => {
    expect(DEPLOYMENT.map((s) => s.id)).toEqual(
      Array.from({ length: 9 }, (_, i) => `S-DEPLOY-00${i + 1}`),
    )
    expect(DEPLOYMENT.every((s) => s.tags.includes('deployment'))).toBe(true)
    expect(select(CATALOGUE, {}).some((s) => s.id.startsWith('S-DEPLOY'))).toBe(false)
  })

  test('--conf sets small resources; other keys are Spark conf', () => {
    const options = parseCliArgs([
      '--suite',
      'deployment',
      '--url',
      'http://127.0.0.1:1',
      '--conf',
      'numExecutors=2',
      '--conf',
      'spark.yarn.queue=small',
    ])
    if (options === 'help') throw new Error('unexpected help')
    expect(options.deployment.resources).toMatchObject({
      driverMemory: '512m',
      numExecutors: 2,
      conf: { 'spark.dynamicAllocation.enabled': 'false', 'spark.yarn.queue': 'small' },
    })
    expect(() => parseCliArgs(['--url', 'http://x', '--conf', 'a=b'])).toThrow(
      /--conf is for --suite deployment/,
    )
  })

  test('passes on --target emulator-http, with the JUnit report listing every check', async () => {
    const junit = join(dir, 'http.xml')
    const run = await conformance(
      '--suite',
      'deployment',
      '--target',
      'emulator-http',
      '--report',
      `junit=${junit}`,
    )
    expect(run.code, run.stdout + run.stderr).toBe(0)
    expect(run.stdout).toMatch(/Spark 3\.5\.9 \(spark\.version\)/)
    expect(run.stdout).toMatch(/9 passed, 0 failed, 0 skipped/)
    const doc = parseXml(readFileSync(junit, 'utf8'))
    const names = all(doc, 'testcase').map((t) => t.attributes.name)
    for (const s of DEPLOYMENT) expect(names).toContain(`${s.id} ${s.title}`)
    expect(readFileSync(junit, 'utf8')).toMatch(/name="spark.version" value="3.5.9"/)
  }, 120_000)

  test('passes on a started livy-emulator with no flags, and leaves nothing behind', async () => {
    const url = await emulator()
    const run = await conformance('--suite', 'deployment', '--url', url)
    expect(run.code, run.stdout + run.stderr).toBe(0)
    expect(run.stdout).toMatch(/9 passed, 0 failed, 0 skipped/)
    expect(await sessionsAndBatches(url)).toEqual({ sessions: 0, batches: 0 })
  }, 120_000)

  test('right credentials work, wrong ones are refused', async () => {
    const url = await emulator('--user', 'alice:pw-for-deploy')
    const run = await conformance(
      '--suite',
      'deployment',
      '--url',
      url,
      '--auth',
      'basic:alice:pw-for-deploy',
      '--grep',
      'S-DEPLOY-009',
    )
    expect(run.code, run.stdout + run.stderr).toBe(0)
    const wrong = await conformance(
      '--suite',
      'deployment',
      '--url',
      url,
      '--auth',
      'basic:alice:wrong',
      '--grep',
      'S-DEPLOY-009',
    )
    expect(wrong.code).toBe(1)
  }, 60_000)

  test('Ctrl-C deletes every session the run created, and nothing else', async () => {
    // No control API and realistic timing: the checks wait in real time, as on a cluster.
    const url = await emulator('--no-control', '--timing', 'realistic', '--evaluate', 'scripted')
    const theirs = await fetch(`${url}/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"kind":"spark"}',
    })
    expect(theirs.status).toBe(201)
    const p = spawnBin('livy-conformance.js', ['--suite', 'deployment', '--url', url])
    spawned.push(p)
    for (let i = 0; i < 200 && (await sessionsAndBatches(url)).sessions < 2; i++)
      await new Promise((r) => setTimeout(r, 50))
    expect((await sessionsAndBatches(url)).sessions).toBe(2)
    p.kill('SIGINT')
    expect(await p.exited()).toBe(130)
    expect(p.stderr()).toMatch(
      /interrupted; deleting the 1 session\(s\) and batch\(es\) this run created/,
    )
    const left = (await (await fetch(`${url}/sessions`)).json()) as { sessions: { id: number }[] }
    expect(left.sessions.map((s) => s.id)).toEqual([0])
  }, 60_000)
})
