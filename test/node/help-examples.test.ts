/**
 * The `Examples:` at the end of each CLI's `--help` are run as they are printed, so they
 * cannot rot. Only what a test must change is changed: ports become free ones (two test runs,
 * or a developer's own server on 8998, must not collide), and the run happens in a scratch
 * directory holding the one file an example names (`livy-preload.json`, the example preload).
 */
import { copyFile, mkdtemp, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { freePort, ROOT, type Spawned, spawnBin } from '../support/cli.ts'
import { type HelpExample, helpExamples, shellWords } from '../support/help-examples.ts'

const helpOf = async (bin: string): Promise<string> => {
  const p = spawnBin(bin, ['--help'])
  expect(await p.exited()).toBe(0)
  return p.stdout()
}

/** A scratch directory to run examples in, with the files they name. */
const scratch = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'i16-help-examples-'))
  await copyFile(
    join(ROOT, 'examples', 'preload', 'livy-preload.json'),
    join(dir, 'livy-preload.json'),
  )
  return dir
}

/** Runs a bin with `args` from `cwd`. */
const run = (bin: string, example: HelpExample, args: readonly string[], cwd: string): Spawned =>
  spawnBin(bin, args, example.env, cwd)

const EMULATOR_HELP = await helpOf('livy-emulator.js')
const CONFORMANCE_HELP = await helpOf('livy-conformance.js')

test('the help examples are parsed as a shell would', () => {
  expect(shellWords(`a 'b c' --grep 'S-X-00[1-3]' "d e" # comment`)).toEqual([
    'a',
    'b c',
    '--grep',
    'S-X-00[1-3]',
    'd e',
  ])
  expect(
    helpExamples('x\nExamples:\n  A=1 tool --y   # why\n\n  tool --not-an-example\n', 'tool'),
  ).toEqual([{ line: 'A=1 tool --y', env: { A: '1' }, args: ['--y'] }])
})

describe('livy-emulator --help examples', () => {
  const examples = helpExamples(EMULATOR_HELP, 'livy-emulator')
  let cwd: string
  beforeAll(async () => {
    cwd = await scratch()
  })

  test('there are examples, covering the environment and the preload too', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8)
    expect(examples.some((e) => Object.keys(e.env).length > 0)).toBe(true)
    expect(examples.some((e) => e.args.includes('--preload'))).toBe(true)
  })

  test.each(examples.map((e) => [e.line, e] as const))(
    '%s',
    async (_, example) => {
      if (example.args.includes('--version') || example.args.includes('--help')) {
        const p = run('livy-emulator.js', example, example.args, cwd)
        expect(await p.exited(), p.stderr()).toBe(0)
        expect(p.stdout()).toMatch(/^livy-emulator /)
        return
      }
      // Its own port, wherever the example put one (or 8998, by default).
      const port = String(await freePort())
      const args = [...example.args]
      const at = args.indexOf('--port')
      if (at >= 0) args[at + 1] = port
      else args.push('--port', port)
      const p = run('livy-emulator.js', example, args, cwd)
      try {
        const listening = await p.waitFor(/listening on (http:\/\/\S+)/, 30_000)
        expect(listening[1]).toBe(`http://127.0.0.1:${port}`)
        // It answers where it says to try it (a 401 where the example asks for credentials).
        const tryUrl = (await p.waitFor(/try: curl (\S+)/))[1] as string
        const res = await fetch(tryUrl)
        expect(res.status, await res.clone().text()).toBeLessThan(500)
        expect([200, 401]).toContain(res.status)
        expect((await res.text()).length).toBeGreaterThan(0)
      } finally {
        p.kill('SIGTERM')
      }
      expect(await p.exited(), p.stderr()).toBe(0)
      expect(p.stderr()).toBe('')
    },
    60_000,
  )
})

describe('livy-conformance --help examples', () => {
  const examples = helpExamples(CONFORMANCE_HELP, 'livy-conformance')
  let cwd: string
  let server: Spawned
  let url: string
  beforeAll(async () => {
    cwd = await scratch()
    // What the --url examples point at: a livy-emulator, started as its own help says.
    server = spawnBin('livy-emulator.js', ['--port', '0', '--evaluate', 'scripted'])
    url = (await server.waitFor(/listening on (http:\/\/\S+)/))[1] as string
  })
  afterAll(async () => {
    server?.kill('SIGTERM')
    await server?.exited()
  })

  test('there are examples: listing, a run in-process and on a URL with a report, a comparison', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4)
    for (const option of ['--list', '--target', '--url', '--report', '--compare'])
      expect(examples.some((e) => e.args.includes(option))).toBe(true)
  })

  test.each(examples.map((e) => [e.line, e] as const))(
    '%s',
    async (_, example) => {
      // A URL on this machine is the emulator started above, on its own port.
      const args = example.args.map((a) =>
        /^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(a) ? url : a,
      )
      const p = run('livy-conformance.js', example, args, cwd)
      expect(await p.exited(), `${p.stdout()}\n${p.stderr()}`).toBe(0)
      const out = p.stdout()
      if (args.includes('--list')) {
        expect(out).toMatch(/^\d+ of \d+ scenarios, covering \d+ of \d+ behaviours$/m)
        return
      }
      expect(out).toMatch(/^[1-9]\d* passed, 0 failed, \d+ skipped$/m)
      if (args.includes('--compare')) expect(out).toMatch(/^agreement: (\d+)\/\1 scenarios$/m)
      const report = args[args.indexOf('--report') + 1]
      if (args.includes('--report')) {
        const file = (report as string).slice((report as string).indexOf('=') + 1)
        expect((await stat(join(cwd, file))).size).toBeGreaterThan(0)
      }
    },
    120_000,
  )
})
