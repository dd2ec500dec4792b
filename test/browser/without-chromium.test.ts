/**
 * A machine without Chromium: the browser tests fail at once with what to install, and their
 * `afterAll` hooks do not wait for servers their `beforeAll` never started (that used to hold
 * `npm test` for the whole 60 s hook timeout, then fail with a message about the hook).
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { ROOT } from '../support/cli.ts'

/** The test files that launch Chromium. */
const BROWSER_FILES = [
  'test/browser/control-page.test.ts',
  'test/browser/control-page-worker.test.ts',
  'test/browser/example-page.test.ts',
]

test('without Chromium the browser tests fail fast with what to install, and no hook times out', async () => {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...BROWSER_FILES],
    {
      cwd: ROOT,
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium', NO_COLOR: '1', CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString()
  })
  child.stderr.on('data', (d: Buffer) => {
    output += d.toString()
  })
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  expect(code, output).toBe(1)
  // Each file says why, naming the path it looked at and how to fix it.
  const reasons = output.match(/Chromium not found at \/nonexistent\/chromium: install/g) ?? []
  expect(reasons.length, output).toBeGreaterThanOrEqual(BROWSER_FILES.length)
  expect(output).toContain('CHROMIUM_PATH')
  // A hook that waited for a server that never started ends in vitest's timeout message.
  expect(output).not.toMatch(/Hook timed out/i)
  expect(output).not.toMatch(/timed out in \d+ms/i)
}, 120_000)
