/**
 * The package as a user gets it: `npm pack`, the tarball installed into a scratch project
 * (offline, from a lock made of the repository's: see `consumerLock`), then loaded with require() and import, type-checked by tsc, and its bin started.
 *
 * `CONSUMER_NODE` runs the consumers on another Node binary (the CI stage "package on Node 22"
 * points it at Node 22.12); by default they run on this process's Node. Needs `dist/` (npm
 * test builds it first).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { consumerLock } from '../support/consumer-lock.ts'

const run = promisify(execFile)
const ROOT = join(import.meta.dirname, '..', '..')
const CONSUMER_SOURCES = join(import.meta.dirname, 'consumer')
const NODE = process.env.CONSUMER_NODE ?? process.execPath

let scratch: string
let project: string
let packed: { filename: string; files: { path: string; size: number }[] }

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'src', 'index.js')))
    throw new Error('dist/ is missing: run `npm run build` first (npm test does)')
  scratch = await mkdtemp(join(tmpdir(), 'livy-consumer-'))
  // --ignore-scripts: `prepare` would rebuild dist, which the caller just built.
  const pack = await run(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  )
  const [info] = JSON.parse(pack.stdout) as (typeof packed)[]
  if (!info) throw new Error(`npm pack printed no package: ${pack.stdout}`)
  packed = info
  project = join(scratch, 'project')
  await mkdir(project)
  const { manifest, lock } = consumerLock(ROOT, `file:../${packed.filename}`)
  await writeFile(join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  await writeFile(join(project, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`)
  // --offline: the tarball is local, and the lock names every dependency by its integrity,
  // which npm ci already cached: no registry round trip at all.
  await run('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: project,
    maxBuffer: 16 * 1024 * 1024,
  })
  for (const file of await readdir(CONSUMER_SOURCES))
    await copyFile(join(CONSUMER_SOURCES, file), join(project, file))
}, 240_000)

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true })
})

/** Runs a consumer script on the consumer Node and returns what it printed as JSON. */
async function consumer(file: string): Promise<Record<string, unknown>> {
  const { stdout } = await run(NODE, [file], { cwd: project, timeout: 60_000 })
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>
}

describe('the tarball', () => {
  test('holds the built code, the engine and the Livy recipe, and no docs, sources or recordings', () => {
    const paths = packed.files.map((f) => f.path)
    for (const needed of [
      'package.json',
      'README.md',
      'bin/livy-emulator.js',
      'bin/livy-conformance.js',
      'bin/check-node.js',
      'dist/src/index.js',
      'dist/src/client.js',
      'dist/src/types.d.ts',
      'dist/generated/livy.d.ts',
      'dist/engine/python-bytecode.json',
      'src/engine/python/livy_repl/__init__.py',
      'src/conformance/livy-container/build-image.sh',
      'spec/openapi.yaml',
    ])
      expect(paths).toContain(needed)
    const unwanted = paths.filter(
      (p) =>
        p.startsWith('docs/') ||
        p.startsWith('src/fixtures/') ||
        p.startsWith('generated/') ||
        p.startsWith('test/') ||
        p.startsWith('src/engine/python/tests/') ||
        p.includes('/_tools/') ||
        p.endsWith('.map') ||
        (p.endsWith('.ts') && !p.endsWith('.d.ts')),
    )
    expect(unwanted).toEqual([])
  })
})

describe(`a consumer project on Node ${NODE === process.execPath ? process.version : NODE}`, () => {
  test('CommonJS require()s every Node entry point, serves a request and uses the typed client', async () => {
    const out = await consumer('consumer.cjs')
    expect(out).toEqual({
      format: 'commonjs',
      kind: 'spark',
      exports: {
        msw: expect.arrayContaining(['createLivyEmulator']),
        conformance: 'function',
        testcontainers: 'function',
      },
    })
  })

  test('an ES module imports it, drives a session through the typed client and a real server', async () => {
    expect(await consumer('consumer.mjs')).toEqual({ format: 'module', state: 'idle' })
  })

  test('tsc type-checks a CommonJS and an ES module file using livy-emulator/client and /types', async () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc')
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], {
      cwd: project,
    }).catch((e: { stdout: string; code: number }) => e)
    // tsc prints its diagnostics on stdout; an unused @ts-expect-error would be one too.
    expect(result.stdout).toBe('')
  })

  test('the installed bin starts a server that answers GET /sessions', async () => {
    const bin = join(project, 'node_modules', 'livy-emulator', 'bin', 'livy-emulator.js')
    const child = spawn(NODE, [bin, '--port', '0', '--evaluate', 'scripted'], {
      cwd: project,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      const url = await listeningUrl(child)
      const res = await fetch(`${url}/sessions`)
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({ from: 0, total: 0, sessions: [] })
    } finally {
      child.kill('SIGTERM')
    }
  })
})

/** The URL from the server's `livy-emulator listening on …` line. */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(
      () => reject(new Error(`no listening line in 30 s:\n${out}${err}`)),
      30_000,
    )
    child.stderr?.on('data', (c: Buffer) => {
      err += c.toString()
    })
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString()
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1]
      if (url) {
        clearTimeout(timer)
        resolve(url)
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the server exited (${code}) before listening:\n${out}${err}`))
    })
  })
}
