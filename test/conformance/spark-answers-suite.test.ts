import { afterAll, describe, expect, test } from 'vitest'
import { CATALOGUE } from '../../src/conformance/catalogue.ts'
import { select } from '../../src/conformance/runner.ts'
import { type Spawned, spawnBin } from '../support/cli.ts'

const spawned: Spawned[] = []
afterAll(async () => {
  for (const p of spawned) {
    p.kill('SIGKILL')
    await p.exited()
  }
})

async function emulator(...args: string[]): Promise<string> {
  const p = spawnBin('livy-emulator.js', ['--port', '0', ...args])
  spawned.push(p)
  return (await p.waitFor(/listening on (http:\/\/\S+)/))[1] as string
}

async function conformance(...args: string[]) {
  const p = spawnBin('livy-conformance.js', args)
  const code = await p.exited()
  return { code, stdout: p.stdout() }
}

describe('the Spark answers corpus as a conformance suite (--suite spark-answers)', () => {
  test('is its own suite: one scenario per session kind of the corpus, none in a default run', () => {
    expect(select(CATALOGUE, { suite: 'spark-answers' }).map((s) => s.id)).toEqual([
      'S-ANSWERS-PYSPARK',
      'S-ANSWERS-SPARK',
      'S-ANSWERS-SQL',
    ])
    expect(select(CATALOGUE, {}).some((s) => s.tags.includes('spark-answers'))).toBe(false)
  })

  test("an emulator configured like the recording's server answers all 99 as Spark 3.5.9 did; a different one is reported, not failed", {
    timeout: 300_000,
  }, async () => {
    const url = await emulator('--conf', 'livy.spark.master=local[*]')
    const clean = await conformance('--suite', 'spark-answers', '--url', url)
    expect(clean.code).toBe(0)
    expect(clean.stdout).toContain('pyspark: exact 66/66, same shape 66/66')
    expect(clean.stdout).toContain('spark: exact 19/19')
    expect(clean.stdout).toContain('sql: exact 14/14')
    // A server on another master (the default `local`) answers `sc.master` otherwise.
    const other = await conformance('--suite', 'spark-answers', '--url', await emulator())
    expect(other.code).toBe(0)
    expect(other.stdout).toMatch(
      /py-probe-\d+ differs from Spark 3\.5\.9's answer:\n\s+code: +"sc\.master"/,
    )
    expect(other.stdout).toContain('pyspark: exact 63/66, same shape 66/66')
  })
})
