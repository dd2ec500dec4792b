import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CATALOGUE } from '../../src/conformance/catalogue.ts'
import { runScenarios } from '../../src/conformance/runner.ts'
import { CONFORMANCE_EMULATOR } from '../../src/conformance/targets/emulator-targets.ts'
import { JUDGE_LOCAL_DIR, type Target } from '../../src/conformance/targets/target.ts'
import { createUrlTarget } from '../../src/conformance/targets/url-target.ts'
import type { Scenario } from '../../src/conformance/types.ts'
import { createEmulatorCore } from '../../src/emulator/create-emulator-core.ts'
import { ROUTES, type Route } from '../../src/emulator/http/routes.ts'
import { type LivyServer, startLivyServer } from '../../src/node/server.ts'
import { ROOT, spawnBin } from '../support/cli.ts'

/** ROUTES with one handler replaced (the replacement gets the original to delegate to). */
const replaceRoute = (
  method: Route['method'],
  path: string,
  replace: (original: Route['handler']) => Route['handler'],
): Route[] => {
  const found = ROUTES.filter((r) => r.method === method && r.path === path)
  if (found.length !== 1) throw new Error(`no single route ${method} ${path}`)
  return ROUTES.map((r) => (r === found[0] ? { ...r, handler: replace(r.handler) } : r))
}

/** DELETE /sessions/:sessionId deletes, but answers 204 with an empty body instead of 200 {"msg":"deleted"}. */
const WRONG_DELETE = replaceRoute('DELETE', '/sessions/:sessionId', (original) => async (c) => {
  await original(c)
  return { status: 204, body: null }
})

/** GET /sessions/:sessionId answers a session whose state is not one Livy knows. */
const WRONG_STATE = replaceRoute('GET', '/sessions/:sessionId', (original) => async (c) => {
  const res = await original(c)
  if (res.status !== 200 || res.body === null) return res
  return { ...res, body: JSON.stringify({ ...JSON.parse(res.body), state: 'running-ish' }) }
})

/** A name no client would send, long enough to need wrapping in a side-by-side diff. */
const LONG_NAME = `renamed-${'x'.repeat(70)}-by-the-broken-emulator-${'y'.repeat(70)}-end`

/** GET /sessions/:sessionId answers another state and a long name the session never had. */
const WRONG_STATE_AND_NAME = replaceRoute(
  'GET',
  '/sessions/:sessionId',
  (original) => async (c) => {
    const res = await original(c)
    if (res.status !== 200 || res.body === null) return res
    const body = JSON.parse(res.body) as Record<string, unknown>
    return { ...res, body: JSON.stringify({ ...body, name: LONG_NAME, state: 'running-ish' }) }
  },
)

const servers: LivyServer[] = []
const targets: Target[] = []

/** Serves an emulator with `routes` over HTTP and returns a started URL target for it. */
async function serve(routes: readonly Route[]): Promise<{ url: string; target: Target }> {
  const server = await startLivyServer({
    port: 0,
    emulator: createEmulatorCore({ ...CONFORMANCE_EMULATOR, routes }),
  })
  servers.push(server)
  const target = createUrlTarget({ url: server.url, localDir: JUDGE_LOCAL_DIR })
  await target.setup()
  targets.push(target)
  return { url: server.url, target }
}

let correct: Target
beforeAll(async () => {
  correct = (await serve(ROUTES)).target
})
afterAll(async () => {
  for (const t of targets.splice(0)) await t.teardown()
  for (const s of servers.splice(0)) await s.close()
})

/** The scenarios that check DELETE /sessions/{id} (whatever their ids become). */
const deleteScenarios = (): Scenario[] =>
  CATALOGUE.filter((s) => s.covers.includes('B-SESSION-023'))

describe('the runner catches a wrong emulator', () => {
  test('a DELETE answering 204 instead of 200 {"msg":"deleted"} fails the scenario that checks it, naming request, expected and actual status', async () => {
    const chosen = deleteScenarios()
    expect(chosen.length, 'the catalogue needs a scenario covering B-SESSION-023').toBeGreaterThan(
      0,
    )

    // The same scenarios pass on the correct emulator served the same way…
    const good = await runScenarios(chosen, correct)
    expect(good.map((r) => [r.scenario.id, r.outcome, r.failure])).toEqual(
      chosen.map((s) => [s.id, 'passed', undefined]),
    )

    // …and fail on the broken one, with a message that says what went wrong where.
    const { target } = await serve(WRONG_DELETE)
    const broken = await runScenarios(chosen, target)
    expect(broken.map((r) => r.outcome)).toEqual(chosen.map(() => 'failed'))
    const messages = broken.map((r) => r.failure ?? '')
    expect(
      messages.some(
        (m) => /DELETE \/sessions\/\S+ → 204/.test(m) && m.includes('expected status 200, got 204'),
      ),
      messages.join('\n'),
    ).toBe(true)
  })

  test('a session JSON with state "running-ish" is reported as a spec violation at $.state', async () => {
    const probe: Scenario = {
      id: 'S-TEST-001',
      title: 'fetching a session answers 200',
      covers: ['B-SESSION-009'],
      tags: ['test'],
      parity: { mark: 'verified' },
      async run(ctx) {
        const { id } = await ctx.createSession()
        ctx.expect.status(await ctx.get(`/sessions/${id}`), 200)
      },
    }
    const [good] = await runScenarios([probe], correct)
    expect(good?.outcome, good?.failure).toBe('passed')

    const { target } = await serve(WRONG_STATE)
    const [result] = await runScenarios([probe], target)
    expect(result?.outcome).toBe('failed')
    expect(result?.violations.map((v) => [v.request, v.status, v.path])).toContainEqual([
      'GET /sessions/0',
      200,
      '$.state',
    ])
    expect(result?.failure).toMatch(
      /^spec violation in GET \/sessions\/0 → 200 \(getSession\): \$\.state: /,
    )
  })

  test('the CLI against the broken emulator exits 1 and prints the full failure', async () => {
    expect(
      existsSync(join(ROOT, 'dist/src/conformance/cli.js')),
      'run `npm run build` first: the CLI tests spawn bin/livy-conformance.js',
    ).toBe(true)
    const { url } = await serve(WRONG_DELETE)
    const ids = deleteScenarios().map((s) => s.id)
    const p = spawnBin('livy-conformance.js', ['--url', url, '--grep', `^(${ids.join('|')})$`])
    // 'close', not 'exit': only then has all of stdout been read.
    const code = await new Promise<number | null>((resolve) => p.child.on('close', resolve))
    expect(code, p.stderr()).toBe(1)
    const out = p.stdout()
    expect(out).toContain('Failures:')
    expect(out).toMatch(/DELETE \/sessions\/\S+ → 204: expected status 200, got 204/)
    expect(out).toContain(`0 passed, ${ids.length} failed, 0 skipped`)
  })
})

describe('--compare shows how the answers differ', () => {
  test('a target answering another state and name: the differing fields side by side, by JSON path, long values wrapped whole', async () => {
    const { url } = await serve(WRONG_STATE_AND_NAME)
    const probe = CATALOGUE.find(
      (s) => s.covers.includes('B-SESSION-009') && !s.needsEmptyServer && !s.requires?.length,
    )
    expect(probe, 'a scenario that reads a session back').toBeDefined()
    // Piped, not a terminal: the report is laid out for 100 columns.
    const p = spawnBin('livy-conformance.js', [
      '--compare',
      'emulator',
      url,
      '--grep',
      `^${probe?.id}$`,
    ])
    const code = await new Promise<number | null>((resolve) => p.child.on('close', resolve))
    expect(code, p.stderr()).toBe(1)
    const out = p.stdout()
    const report = out.slice(out.indexOf('Divergences:'))
    expect(report, out).toMatch(/GET \/sessions\/S0\n +field +A +B\n/)
    // One row per differing field: the path, A's value, then B's, in aligned columns.
    const row = /^( +)\$\.state( +)"[a-z]+"( +)"running-ish"$/m.exec(report)
    expect(row, report).not.toBeNull()
    const lines = report.split('\n')
    const header = lines.find((l) => /^ +field +A +B$/.test(l)) as string
    const bColumn = header.lastIndexOf('B')
    expect(lines.find((l) => l.includes('"running-ish"'))?.indexOf('"running-ish"')).toBe(bColumn)
    // The long name is wrapped in B's column, not cut: its pieces give it back.
    const nameRow = lines.findIndex((l) => /^ +\$\.name /.test(l))
    expect(nameRow, report).toBeGreaterThan(0)
    let name = ''
    for (let i = nameRow; i < lines.length && name.length < LONG_NAME.length + 2; i++)
      name += (lines[i] as string).slice(bColumn).trimEnd()
    expect(name).toBe(JSON.stringify(LONG_NAME))
    // The side-by-side block fits the 100 columns the report is laid out for.
    const block = lines.slice(lines.findIndex((l) => /^ +#\d+ GET \/sessions\/S0$/.test(l)))
    const table = block.slice(0, block.indexOf(''))
    expect(table.length).toBeGreaterThan(3)
    for (const line of table) expect(line.length, line).toBeLessThanOrEqual(100)
  })
})
