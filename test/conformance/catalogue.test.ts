import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { BEHAVIOURS, CATALOGUE } from '../../src/conformance/catalogue.ts'
import { runScenarios } from '../../src/conformance/runner.ts'
import { SETUP_NAMES, SETUPS } from '../../src/conformance/setups.ts'
import { createSpecValidator } from '../../src/conformance/spec-validator.ts'
import {
  createHttpEmulatorTarget,
  createInProcessTarget,
} from '../../src/conformance/targets/emulator-targets.ts'
import type { Target } from '../../src/conformance/targets/target.ts'
import type { ScenarioResult } from '../../src/conformance/types.ts'

const validator = createSpecValidator()
const TARGETS: [string, typeof createInProcessTarget][] = [
  ['in-process (msw)', createInProcessTarget],
  ['HTTP server', createHttpEmulatorTarget],
]
const allResults: ScenarioResult[] = []
const RUNS = TARGETS.flatMap(([name, make]) =>
  SETUP_NAMES.map((setup) => [`${name}, set-up ${setup}`, make, setup] as const),
)

describe.each(RUNS)('the conformance catalogue on the emulator, %s', (_name, make, setup) => {
  const target: Target = make({}, SETUPS[setup])
  beforeAll(() => target.setup())
  afterAll(() => target.teardown())
  // The deployment suite has its own test (test/conformance/deployment.test.ts).
  const scenarios = CATALOGUE.filter(
    (s) => (s.setup ?? 'apache-0.9') === setup && (s.suite ?? 'conformance') === 'conformance',
  )

  test.each(scenarios.map((s) => [`${s.id} ${s.title}`, s] as const))(
    '%s',
    async (_title, scenario) => {
      const [result] = await runScenarios([scenario], target, { validator, setup })
      if (!result) throw new Error('no result')
      allResults.push(result)
      if (result.outcome === 'skipped') {
        // Only transport-level scenarios may skip on the emulator (e.g. gzip on the msw path).
        expect(result.skipReason).toMatch(/lacks wire/)
        return
      }
      expect(result.failure ?? '', `${scenario.id} failed`).toBe('')
      expect(result.outcome).toBe('passed')
    },
  )
})

describe('the catalogue', () => {
  test('has at least 60 scenarios, each with exactly one parity mark', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(60)
    for (const s of CATALOGUE)
      expect(['verified', 'documented', 'emulator-only', 'known-divergence']).toContain(
        s.parity.mark,
      )
  })

  test('every behaviour is checked by at least one scenario', () => {
    const covered = new Set(CATALOGUE.flatMap((s) => s.covers))
    expect(BEHAVIOURS.filter((b) => !b.retired && !covered.has(b.id)).map((b) => b.id)).toEqual([])
  })

  test('every spec operation is exercised by some scenario', () => {
    const touched = new Set(
      allResults.flatMap((r) => r.exchanges.map((e) => e.operationId)).filter(Boolean),
    )
    const untouched = validator.operations().filter((op) => !touched.has(op.id))
    expect(untouched.map((op) => `${op.method} ${op.template} (${op.id})`)).toEqual([])
  })
})
