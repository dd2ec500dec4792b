/**
 * The bins' Node check: one range everywhere (engines `>=22.12`, README, CI on 22 and 24), and a
 * message on an older Node that helps someone who installed the package, not only this repo.
 */
import { execFile, execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'
import { MINIMUM_NODE, unsupportedNode } from '../../bin/check-node.js'

const run = promisify(execFile)
const ROOT = join(import.meta.dirname, '..', '..')

/** A Node older than 22.12 on this machine (Debian's is 20), for the real refusal; OLD_NODE wins. */
function findOldNode(): string | undefined {
  for (const candidate of [process.env.OLD_NODE, '/usr/bin/node', '/usr/local/bin/node']) {
    if (!candidate) continue
    try {
      const version = execFileSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' })
      if (unsupportedNode(version.trim(), 'x') !== undefined) return candidate
    } catch {}
  }
  return undefined
}
const oldNode = findOldNode()

describe('the Node range', () => {
  test('22.12 and later run; 22.11, 20 and 18 are refused', () => {
    for (const ok of ['22.12.0', '22.23.3', '23.0.0', '24.0.0', '24.21.0', '26.1.0'])
      expect(unsupportedNode(ok, 'livy-emulator')).toBeUndefined()
    for (const old of ['22.11.0', '21.7.3', '20.20.2', '18.20.0'])
      expect(unsupportedNode(old, 'livy-emulator')).toBeDefined()
  })

  test('engines says the same as the bins', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
    expect(pkg.engines.node).toBe(`>=${MINIMUM_NODE.replace(/\.0$/, '')}`)
  })

  test('the message names the needed versions, the running one, and a fix that works outside this repo', () => {
    const message = unsupportedNode('20.20.2', 'livy-conformance', '/usr/bin/node') ?? ''
    expect(message).toContain('livy-conformance needs Node.js 22.12 or later')
    expect(message).toContain('this is Node.js 20.20.2 (/usr/bin/node)')
    expect(message).toContain('npx -p node@24 livy-conformance --help')
    // Nothing that only makes sense inside this repository.
    expect(message).not.toMatch(/devDependenc|npm scripts|in the repo/)
  })
})

describe.skipIf(oldNode === undefined)(`the bins on an old Node (${oldNode})`, () => {
  for (const bin of ['livy-emulator', 'livy-conformance'])
    test(`${bin} exits 2 with the message, before loading the emulator`, async () => {
      const error = await run(oldNode as string, [join(ROOT, 'bin', `${bin}.js`), '--help']).catch(
        (e: { code: number; stdout: string; stderr: string }) => e,
      )
      expect(error).toMatchObject({ code: 2, stdout: '' })
      const { stderr } = error as { stderr: string }
      expect(stderr).toContain(`${bin} needs Node.js 22.12 or later`)
      expect(stderr).not.toContain('    at ') // no stack trace
    })
})
