import { relative } from 'node:path'
import { describe, expect, test } from 'vitest'
import { diffTranscripts } from '../../src/conformance/answer-diff.ts'
import { CATALOGUE } from '../../src/conformance/catalogue.ts'
import { transcriptOf } from '../../src/conformance/compare.ts'
import { RECORDING_PATH, readRecording } from '../../src/conformance/recording.ts'
import { runScenarios } from '../../src/conformance/runner.ts'
import { SETUPS } from '../../src/conformance/setups.ts'
import {
  createHttpEmulatorTarget,
  createInProcessTarget,
} from '../../src/conformance/targets/emulator-targets.ts'
import type { Scenario } from '../../src/conformance/types.ts'

/**
 * Offline replay of the real Livy 0.9.0 recording (written by `npm run test:livy`): each
 * recorded scenario runs on the in-process emulator and its normalised transcript must equal
 * the real one. A known divergence must still differ, so that a fix is noticed.
 */
const recording = readRecording()
const where = relative(process.cwd(), RECORDING_PATH)

describe('replay of the real Livy 0.9.0 recording', () => {
  if (!recording) {
    test('the recording exists', () => {
      expect.fail(
        `${where} is missing: run \`npm run test:livy\` (the judge, on a machine with Docker and the Livy 0.9.0 jars) to record the real Livy transcripts`,
      )
    })
    return
  }

  const byId = new Map(CATALOGUE.map((s) => [s.id, s]))
  const judged = (s: Scenario) =>
    SETUPS[s.setup ?? 'apache-0.9'].judged &&
    (s.parity.mark === 'verified' || s.parity.mark === 'known-divergence')
  const replayed: [string, Scenario][] = []
  for (const id of Object.keys(recording.scenarios).sort()) {
    const scenario = byId.get(id)
    if (scenario && judged(scenario)) replayed.push([id, scenario])
  }
  const unrecorded = CATALOGUE.filter((s) => judged(s) && !(s.id in recording.scenarios))

  test(`the recording (Livy ${recording.livyVersion}, Spark ${recording.sparkVersion}, ${recording.recordedAt}) covers the catalogue`, () => {
    expect(recording.livyVersion).toMatch(/^0\.9\.0/)
    if (unrecorded.length > 0) {
      console.log(
        `[replay] ${unrecorded.length} scenarios of the catalogue are not in ${where} (added since, or failing on real Livy): ${unrecorded.map((s) => s.id).join(', ')}; rerun npm run test:livy`,
      )
    }
    expect(replayed.length).toBeGreaterThan(0)
  })

  test.for(replayed)('%s replays like real Livy', async ([id, scenario], { skip }) => {
    // Scenarios that observe the wire (gzip framing, …) run on the emulator's HTTP server.
    const setup = SETUPS[scenario.setup ?? 'apache-0.9']
    const target = scenario.requires?.includes('wire')
      ? createHttpEmulatorTarget({}, setup)
      : createInProcessTarget({}, setup)
    await target.setup()
    try {
      const [result] = await runScenarios([scenario], target, { setup: setup.name })
      if (result?.outcome === 'skipped')
        skip(`${id} cannot run on ${target.name}: ${result.skipReason}`)
      expect(result?.outcome, result?.failure).toBe('passed')
      const recorded = recording.scenarios[id] ?? []
      const differences = diffTranscripts(recorded, transcriptOf(result!))
      if (scenario.parity.mark === 'known-divergence') {
        expect(
          differences.length,
          `${id} is marked known-divergence but now replays exactly like real Livy: mark it verified`,
        ).toBeGreaterThan(0)
      } else {
        expect(differences, `${id} differs from real Livy (first: real, second: emulator)`).toEqual(
          [],
        )
      }
    } finally {
      await target.teardown()
    }
  })
})
