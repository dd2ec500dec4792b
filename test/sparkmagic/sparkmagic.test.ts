/**
 * sparkmagic 0.23 (from PyPI) against the emulator, with no outcome rules: every statement is
 * evaluated by the engine. The Python driver (drive_sparkmagic.py) uses sparkmagic's library
 * layer and its kernel magics in-process and asserts on what sparkmagic returns; this test runs
 * it against an in-process server and fails with its output.
 *
 * The driver runs in the venv scripts/sparkmagic-venv.sh creates (.ci/run does it before
 * `npm test`); SPARKMAGIC_VENV points elsewhere.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type LivyServer, startLivyServer } from '../../src/node/index.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const VENV = resolve(
  ROOT,
  process.env.SPARKMAGIC_VENV ??
    join(
      process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
      'livy-emulator',
      'sparkmagic-venv',
    ),
)
const PYTHON = join(VENV, 'bin', 'python')
const DRIVER = join(ROOT, 'test', 'sparkmagic', 'drive_sparkmagic.py')
const DRIVER_TIMEOUT_MS = 240_000

let server: LivyServer | undefined

beforeAll(async () => {
  if (!existsSync(PYTHON)) {
    throw new Error(
      `The sparkmagic venv is missing (no ${PYTHON}). Create it with scripts/sparkmagic-venv.sh ` +
        '(needs Python >= 3.11 and pip reaching PyPI; .ci/run does this before npm test).',
    )
  }
  server = await startLivyServer({ port: 0, clock: 'system', timing: 'fast' })
})

afterAll(async () => {
  await server?.close()
})

/** Runs the driver without blocking the event loop: the server answers it from this process. */
function runDriver(url: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(PYTHON, ['-u', DRIVER, url], {
      cwd: ROOT,
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    const timer = setTimeout(() => {
      output += `\n[the driver did not finish in ${DRIVER_TIMEOUT_MS / 1000}s: killed]`
      child.kill('SIGKILL')
    }, DRIVER_TIMEOUT_MS)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolvePromise({ code, output })
    })
  })
}

test(
  'sparkmagic 0.23 drives the emulator: session start, %%sql/%%spark -o, configure, info, logs, cleanup, cancel',
  async () => {
    const { code, output } = await runDriver(server!.url)
    if (code !== 0) {
      throw new Error(`the sparkmagic driver failed (exit ${code}):\n${output}`)
    }
    expect(output).toMatch(/^\d+ passed, 0 failed/m)
  },
  DRIVER_TIMEOUT_MS + 30_000,
)
