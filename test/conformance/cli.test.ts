import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { BEHAVIOURS, CATALOGUE } from '../../src/conformance/catalogue.ts'
import type { JsonReport } from '../../src/conformance/reports/json.ts'
import { runScenarios, select } from '../../src/conformance/runner.ts'
import { createInProcessTarget } from '../../src/conformance/targets/emulator-targets.ts'
import { JUDGE_LIVY_CONF, JUDGE_LOCAL_DIR } from '../../src/conformance/targets/target.ts'
import type { ScenarioResult } from '../../src/conformance/types.ts'
import { ROOT, type Spawned, spawnBin } from '../support/cli.ts'
import { all, parseXml } from '../support/xml.ts'

/** The scenarios of the default set-up (what a run without --profile selects). */
const DEFAULT = select(CATALOGUE, { setup: 'apache-0.9' })

const counts = (results: readonly ScenarioResult[]) => ({
  tests: String(results.length),
  failures: String(results.filter((r) => r.outcome === 'failed').length),
  skipped: String(results.filter((r) => r.outcome === 'skipped').length),
})

/** Runs the built CLI to completion. */
async function cli(
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const p = spawnBin('livy-conformance.js', args)
  // 'close', not 'exit': only then has all of stdout and stderr been read.
  const code = await new Promise<number | null>((resolve) => p.child.on('close', resolve))
  return { code, stdout: p.stdout(), stderr: p.stderr() }
}

const dir = mkdtempSync(join(tmpdir(), 'livy-conformance-cli-'))
const file = (name: string) => join(dir, name)
let emulator: Spawned
let url: string

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/src/conformance/cli.js'))) {
    throw new Error('run `npm run build` first: these tests spawn bin/livy-conformance.js')
  }
  // A livy-emulator configured like the judge's Livy, so every scenario can pass over HTTP.
  const conf = Object.entries(JUDGE_LIVY_CONF).flatMap(([k, v]) => ['--conf', `${k}=${v}`])
  emulator = spawnBin('livy-emulator.js', [
    '--port',
    '0',
    '--timing',
    'fast',
    '--clock',
    'frozen',
    ...conf,
  ])
  url = (await emulator.waitFor(/listening on (http:\/\/\S+)/))[1] as string
})

afterAll(async () => {
  emulator?.kill('SIGKILL')
  await emulator?.exited()
  rmSync(dir, { recursive: true, force: true })
})

describe('livy-conformance CLI', () => {
  test('--help explains every option', async () => {
    const { code, stdout } = await cli('--help')
    expect(code).toBe(0)
    for (const flag of [
      '--url',
      '--target',
      '--compare',
      '--tags',
      '--grep',
      '--list',
      '--timeout',
      '--report',
      '--profile',
      '--auth',
      '--header',
      '--prefix',
      '--insecure',
      '--local-dir',
      '--help',
    ]) {
      // Each option is described and shown in an example.
      expect(stdout).toMatch(new RegExp(`^\\s+(-\\w, )?${flag}\\b`, 'm'))
      expect(stdout).toMatch(new RegExp(`^\\s+livy-conformance .*${flag}\\b`, 'm'))
    }
  })

  test('--target emulator exits 0 and writes JUnit whose counts equal the runner’s', async () => {
    const target = createInProcessTarget()
    await target.setup()
    const expected = await runScenarios(CATALOGUE, target).finally(() => target.teardown())
    const failures = expected.filter((r) => r.outcome === 'failed')
    expect(failures.map((r) => `${r.scenario.id}: ${r.failure}`)).toEqual([])

    const out = file('emulator.xml')
    const { code, stdout, stderr } = await cli(
      '--target',
      'emulator',
      '--profile',
      'apache-0.9',
      '--report',
      `junit=${out}`,
    )
    expect(code, stdout + stderr).toBe(0)
    const root = parseXml(readFileSync(out, 'utf8'))
    // junit-10.xsd has no skipped count on <testsuites>: that one is on the suite.
    const { skipped: _, ...totals } = counts(expected)
    expect(root.attributes).toMatchObject(totals)
    expect(root.attributes.skipped).toBeUndefined()
    const [suite, ...others] = all(root, 'testsuite')
    expect(others).toEqual([])
    expect(suite?.attributes).toMatchObject({
      name: 'emulator (in-process, msw)',
      ...counts(expected),
    })
    expect(all(root, 'testcase').map((c) => c.attributes.name)).toEqual(
      DEFAULT.map((s) => `${s.id} ${s.title}`),
    )
    const summary = `${expected.filter((r) => r.outcome === 'passed').length} passed, 0 failed, ${counts(expected).skipped} skipped`
    expect(stdout).toContain(summary)
    expect(stdout).toMatch(
      new RegExp(`^\\[1/${DEFAULT.length}\\] ${DEFAULT[0]?.id} .* … passed \\(\\d+ ms\\)$`, 'm'),
    )
  }, 60_000)

  test('--url against a running livy-emulator passes and writes valid JUnit and JSON reports', async () => {
    const xml = file('url.xml')
    const json = file('nested/dir/url.json')
    const { code, stdout, stderr } = await cli(
      '--url',
      url,
      '--local-dir',
      JUDGE_LOCAL_DIR,
      '--header',
      'X-Requested-By: conformance',
      '--report',
      `junit=${xml}`,
      '--report',
      `json=${json}`,
    )
    expect(code, stdout + stderr).toBe(0)
    const host = new URL(url).host
    const root = parseXml(readFileSync(xml, 'utf8'))
    const [suite] = all(root, 'testsuite')
    expect(suite?.attributes).toMatchObject({
      name: host,
      tests: String(DEFAULT.length),
      failures: '0',
    })

    const report = JSON.parse(readFileSync(json, 'utf8')) as JsonReport
    expect(report).toMatchObject({ tool: 'livy-conformance', mode: 'run', profile: 'apache-0.9' })
    // setup() ran: the URL target found the emulator's control API.
    expect(report.targets).toEqual([
      expect.objectContaining({ name: host, kind: 'emulator', description: url }),
    ])
    expect(report.targets[0]?.capabilities).toEqual(
      expect.arrayContaining(['control', 'reset', 'virtual-time', 'wire', 'local-files']),
    )
    expect(report.catalogue).toMatchObject({
      scenarios: CATALOGUE.length,
      behaviours: BEHAVIOURS.length,
      selectedScenarios: DEFAULT.length,
    })
    expect(report.totals.failed).toBe(0)
    expect(report.totals.results).toBe(DEFAULT.length)
    expect(report.totals.passed + report.totals.skipped).toBe(DEFAULT.length)
    expect(report.results.map((r) => r.id)).toEqual(DEFAULT.map((s) => s.id))
    for (const r of report.results) {
      const s = DEFAULT.find((x) => x.id === r.id)
      expect(r).toMatchObject({ title: s?.title, covers: s?.covers, tags: s?.tags, failure: null })
      if (r.outcome === 'passed') expect(r.assertions).toBeGreaterThan(0)
    }
    const exchanges = report.results.flatMap((r) => r.exchanges)
    expect(exchanges.length).toBeGreaterThan(DEFAULT.length)
    const created = exchanges.find(
      (e) => e.method === 'POST' && e.path === '/sessions' && e.status === 201,
    )
    expect(created?.requestBody).toEqual(expect.any(String))
    expect(created?.headers.location).toMatch(/^\/sessions\/\d+$/)
    expect(JSON.parse(created?.body ?? '')).toMatchObject({
      id: expect.any(Number),
      state: 'starting',
    })
    expect(stdout).toContain(`json report: ${json}`)
  }, 60_000)

  test('--grep and --tags select scenarios like the runner does', async () => {
    const grep = '^S-HTTP-00[12]$'
    const byGrep = file('grep.json')
    const g = await cli('--target', 'emulator', '--grep', grep, '--report', `json=${byGrep}`)
    expect(g.code, g.stdout + g.stderr).toBe(0)
    const grepped = JSON.parse(readFileSync(byGrep, 'utf8')) as JsonReport
    expect(grepped.results.map((r) => r.id)).toEqual(
      select(CATALOGUE, { setup: 'apache-0.9', grep }).map((s) => s.id),
    )
    expect(grepped.results.length).toBe(2)
    expect(grepped.selection).toEqual({ tags: [], grep })

    const tag = DEFAULT.some((s) => s.tags.includes('errors'))
      ? 'errors'
      : (DEFAULT[0]?.tags[0] as string)
    const expected = select(CATALOGUE, { setup: 'apache-0.9', tags: [tag] }).map((s) => s.id)
    expect(expected.length).toBeLessThan(DEFAULT.length)
    const byTags = file('tags.json')
    const t = await cli(
      '--target',
      'emulator',
      '--tags',
      `${tag},no-such-tag`,
      '--report',
      `json=${byTags}`,
    )
    expect(t.code, t.stdout + t.stderr).toBe(0)
    const tagged = JSON.parse(readFileSync(byTags, 'utf8')) as JsonReport
    expect(tagged.results.map((r) => r.id)).toEqual(expected)
    expect(t.stdout).toMatch(new RegExp(`^\\[${expected.length}/${expected.length}\\] `, 'm'))
  }, 60_000)

  test('--list prints the scenarios and the behaviours they cover, and runs nothing', async () => {
    const { code, stdout } = await cli('--list')
    expect(code).toBe(0)
    for (const s of DEFAULT) {
      expect(stdout).toContain(`${s.id}  ${s.title}`)
      for (const b of s.covers) {
        const statement = BEHAVIOURS.find((x) => x.id === b)?.statement ?? ''
        expect(stdout).toMatch(new RegExp(`^  ${b} +\\S`, 'm'))
        expect(stdout).toContain(statement)
      }
    }
    const covered = new Set(DEFAULT.flatMap((s) => s.covers)).size
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      `${DEFAULT.length} of ${CATALOGUE.length} scenarios, covering ${covered} of ${BEHAVIOURS.length} behaviours`,
    )
    expect(stdout).not.toContain(' passed (')

    const one = await cli('--list', '--grep', `^${DEFAULT[0]?.id}$`)
    expect(one.stdout).toContain(`1 of ${CATALOGUE.length} scenarios`)
  })

  test('--compare emulator <url> agrees on every compared scenario', async () => {
    const json = file('compare.json')
    const { code, stdout, stderr } = await cli(
      '--compare',
      'emulator',
      url,
      '--report',
      `json=${json}`,
    )
    const m = /^agreement: (\d+)\/(\d+) scenarios$/m.exec(stdout)
    expect(m, stdout + stderr).not.toBeNull()
    expect(Number(m?.[2])).toBeGreaterThan(0)
    expect(m?.[1], stdout.slice(stdout.lastIndexOf('\nA = '))).toBe(m?.[2])
    expect(code, stdout + stderr).toBe(0)
    const report = JSON.parse(readFileSync(json, 'utf8')) as JsonReport
    expect(report.mode).toBe('compare')
    expect(report.targets.map((t) => t.name)).toEqual([
      'emulator (in-process, msw)',
      new URL(url).host,
    ])
    expect(report.comparison?.compared).toBe(Number(m?.[2]))
    expect(report.comparison?.scenarios.length).toBe(DEFAULT.length)
    expect(report.comparison?.scenarios.every((c) => c.divergences.length === 0)).toBe(true)
    expect(report.comparison?.scenarios[0]?.transcripts.a.length).toBeGreaterThan(0)
  }, 60_000)

  test('usage errors exit 2 with a clear message', async () => {
    const cases: [string[], string | RegExp][] = [
      [[], 'say what to test'],
      [['--bogus'], "Unknown option '--bogus'"],
      [['--target', 'livy'], '--target must be emulator or emulator-http'],
      [['--url', 'localhost:8998'], '--url takes an http(s) URL'],
      [['--url', 'not a url'], '--url takes an http(s) URL'],
      [['--url', url, '--target', 'emulator'], 'only one of --url, --target and --compare'],
      [['--compare', 'emulator'], '--compare takes two targets'],
      [['--compare', 'emulator', 'ftp://x'], '--compare takes an http(s) URL'],
      [['--compare', 'emulator', 'emulator'], 'cannot run two in-process emulators'],
      [['--target', 'emulator', '--timeout', '0'], '--timeout takes a positive number'],
      [['--target', 'emulator', '--timeout', '5s'], '--timeout takes a positive number'],
      [
        ['--target', 'emulator', '--report', 'xml=out.xml'],
        '--report takes junit=FILE or json=FILE',
      ],
      [['--target', 'emulator', '--report', 'junit='], '--report takes junit=FILE or json=FILE'],
      [
        ['--target', 'emulator', '--profile', 'livy-0.8'],
        /unknown --profile "livy-0\.8".*apache-0\.9/,
      ],
      [['--url', url, '--auth', 'digest:u:p'], '--auth takes basic:user:pass or bearer:TOKEN'],
      [['--url', url, '--header', 'no colon here'], "--header takes 'Name: value'"],
      [['--url', url, '--prefix', 'livy'], '--prefix must start with /'],
      [['--target', 'emulator', '--auth', 'bearer:x'], '--auth applies to URL targets'],
      [['--target', 'emulator', '--grep', '(unclosed'], '--grep is not a valid regular expression'],
      [['--target', 'emulator', '--tags', 'no-such-tag'], 'no scenario matches the selection'],
      [['--target', 'emulator', '--tags', ','], '--tags takes a comma-separated list'],
    ]
    const results = await Promise.all(cases.map(([args]) => cli(...args)))
    for (const [i, [args, message]] of cases.entries()) {
      const r = results[i]
      expect(r?.code, `${args.join(' ')}: ${r?.stderr}`).toBe(2)
      if (typeof message === 'string') expect(r?.stderr).toContain(message)
      else expect(r?.stderr).toMatch(message)
      expect(r?.stderr).toContain('livy-conformance --help')
      expect(r?.stdout).toBe('')
    }
  }, 60_000)

  test('an unreachable URL is a clear error and exit 2, not the 1 of failing scenarios', async () => {
    const { code, stderr } = await cli('--url', 'http://127.0.0.1:9', '--grep', 'S-HTTP-001')
    expect(code).toBe(2)
    expect(stderr).toMatch(
      /cannot reach 127\.0\.0\.1:9 \(http:\/\/127\.0\.0\.1:9\): .*ECONNREFUSED/,
    )
  })

  test('--profile runs the scenarios of that set-up, against its emulator', async () => {
    for (const profile of [
      'fabric',
      'hdinsight',
      'synapse',
      'spyt',
      'apache-0.8',
      'apache-0.7',
      'apache-0.9-secured',
    ]) {
      const json = file(`profile-${profile}.json`)
      const { code, stdout, stderr } = await cli(
        '--target',
        'emulator',
        '--profile',
        profile,
        '--report',
        `json=${json}`,
      )
      expect(code, stdout + stderr).toBe(0)
      const report = JSON.parse(readFileSync(json, 'utf8')) as JsonReport
      const expected = select(CATALOGUE, { setup: profile as 'fabric' }).map((s) => s.id)
      expect(expected.length).toBeGreaterThan(0)
      expect(report.results.map((r) => r.id)).toEqual(expected)
      expect(report.profile).toBe(profile)
    }
  }, 60_000)

  test('--list --profile apache-0.9-secured lists the security scenarios; an unknown profile is a usage error', async () => {
    const { code, stdout } = await cli('--list', '--profile', 'apache-0.9-secured')
    expect(code).toBe(0)
    expect(stdout).toContain('S-SEC-001')
    expect(stdout).not.toContain('S-HTTP-001')
    const bad = await cli('--list', '--profile', 'emr')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('unknown --profile "emr"')
  })
})
