/**
 * Issue 18's start-up row without a clock: a fresh Node process imports the root entry and
 * answers a first request in-process, and a module-load hook (`module.registerHooks`, which
 * sees `import` and `require()` alike) lists every module it loaded. The heavy parts a test
 * that does not use them must not pay for (docs/decisions/0032) are not among them; using each
 * part then loads it, which shows the hook sees lazy loads too.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const run = promisify(execFile)
const ROOT = join(import.meta.dirname, '..', '..')

/** Runs a child with the hook on the package's sources (Node strips their types itself). */
const HOOK = `
import { registerHooks } from 'node:module'
const loaded = []
registerHooks({
  load(url, context, next) {
    loaded.push(url)
    return next(url, context)
  },
})
globalThis.loadedModules = () => loaded.map((url) => url.replace(${JSON.stringify(pathToFileURL(ROOT).href)}, ''))
`

const CHILD = `
const { createLivyEmulator } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'src', 'index.ts')).href)})
const livy = createLivyEmulator({ timing: 'instant', evaluate: 'scripted' })
const created = await livy.fetch('/sessions', { method: 'POST', body: '{"kind":"spark"}' })
await created.text()
const firstRequest = globalThis.loadedModules()

const handlers = livy.handlers.length
const withHandlers = globalThis.loadedModules()

await livy.advance(1_000)
const log = await (await livy.fetch('/sessions/0/log')).json()
const withLog = globalThis.loadedModules()

const collection = await livy.model.context.store.sessions.collection()
const withCollection = globalThis.loadedModules()

process.stdout.write(JSON.stringify({
  status: created.status,
  firstRequest,
  handlers,
  withHandlers,
  logLines: log.total,
  withLog,
  collected: collection.all().map((s) => s.id),
  withCollection,
}))
`

interface ChildReport {
  status: number
  firstRequest: string[]
  handlers: number
  withHandlers: string[]
  logLines: number
  withLog: string[]
  collected: number[]
  withCollection: string[]
}

/** What a first request must not load, by what it is. */
const HEAVY: Record<string, RegExp> = {
  msw: /\/node_modules\/(msw|@mswjs|@msw\/url|tough-cookie|tldts)\//,
  'the @msw/data mirror':
    /\/node_modules\/(@msw\/data|es-toolkit|mutative)\/|\/record-schemas\.ts$/,
  zod: /\/node_modules\/zod\/|\/recording-schema\.ts$/,
  faker: /\/node_modules\/@faker-js\//,
  'the evaluation engine': /\/node_modules\/pyodide\/|\/src\/engine\/(?!default-engine\.ts$)/,
  'the conformance suite (beyond the normaliser recording uses)':
    /\/src\/conformance\/(?!normalise\.ts$)/,
  'the control page': /control-page-assets\.generated\.js$/,
  'the Node adapters and test containers': /\/src\/(node|testcontainers|cli)\//,
  'the typed client and its generated types': /\/node_modules\/openapi-fetch\/|\/generated\//,
  'the spec validator': /\/node_modules\/(ajv|ajv-formats|yaml)\//,
}

const heavyIn = (modules: string[]): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(HEAVY)
      .map(([name, pattern]) => [name, modules.filter((m) => pattern.test(m))] as const)
      .filter(([, found]) => found.length > 0),
  )

let scratch: string
let report: ChildReport
let stderr: string

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'livy-lazy-'))
  await writeFile(join(scratch, 'hook.mjs'), HOOK)
  await writeFile(join(scratch, 'child.mjs'), CHILD)
  const child = await run(
    process.execPath,
    ['--import', pathToFileURL(join(scratch, 'hook.mjs')).href, join(scratch, 'child.mjs')],
    { cwd: ROOT, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
  )
  report = JSON.parse(child.stdout) as ChildReport
  stderr = child.stderr
}, 90_000)

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true })
})

describe('importing the root entry and answering a first request', () => {
  test('answers it', () => {
    expect(report.status).toBe(201)
    expect(report.firstRequest).toContain('/src/index.ts')
  })

  test('prints nothing on stderr, also when the parts load later (no require() warning)', () => {
    expect(stderr).toBe('')
  })

  test('loads none of the heavy parts', () => {
    expect(heavyIn(report.firstRequest)).toEqual({})
  })

  test('reading livy.handlers loads msw, and nothing else heavy', () => {
    expect(report.handlers).toBeGreaterThan(0)
    expect(Object.keys(heavyIn(report.withHandlers))).toEqual(['msw'])
  })

  test('the first log line a session writes loads faker (the log is the same as if it had been loaded up front: test/model)', () => {
    expect(report.logLines).toBeGreaterThan(0)
    expect(Object.keys(heavyIn(report.withLog)).sort()).toEqual(['faker', 'msw'])
  })

  test('asking for the store collection loads @msw/data, and the collection holds the session', () => {
    expect(report.collected).toEqual([0])
    expect(Object.keys(heavyIn(report.withCollection)).sort()).toEqual([
      'faker',
      'msw',
      'the @msw/data mirror',
      'zod',
    ])
  })
})
