import { describe, expect, test } from 'vitest'
import { CATALOGUE } from '../../src/conformance/catalogue.ts'
import { runScenarios } from '../../src/conformance/runner.ts'
import { emulatorOptionsFor, SETUP_NAMES, SETUPS } from '../../src/conformance/setups.ts'
import {
  CONFORMANCE_EMULATOR,
  createInProcessTarget,
} from '../../src/conformance/targets/emulator-targets.ts'
import { createLivyEmulator } from '../../src/emulator/create-livy-emulator.ts'
import { createMemoryStateStorage } from '../../src/emulator/persistence/state-storage.ts'

/**
 * A snapshot without what a restart changes by design (states and their history, which records
 * the recovery, heartbeat and idle clocks, steps).
 */
function comparable(text: string): unknown {
  const state = JSON.parse(text) as Record<string, unknown>
  const drop = (item: Record<string, unknown>) => {
    const {
      state: _s,
      serverState: _ss,
      replState: _r,
      heartbeatDeadline: _h,
      lastActivity: _l,
      history: _hi,
      ...rest
    } = item
    return rest
  }
  return {
    clock: state.clock,
    counters: state.counters,
    sessions: (state.sessions as Record<string, unknown>[]).map(drop),
    batches: (state.batches as Record<string, unknown>[]).map(drop),
  }
}

// Every scenario of the conformance catalogue, recorded in a state file and replayed: the
// widest check that the model is deterministic given its log (a divergence names the record).
describe.each(SETUP_NAMES)(
  'the state file of every conformance scenario replays, set-up %s',
  (setup) => {
    const scenarios = CATALOGUE.filter((s) => (s.setup ?? 'apache-0.9') === setup)
    test(`${scenarios.length} scenarios`, async () => {
      const storage = createMemoryStateStorage()
      const target = createInProcessTarget({ stateStorage: storage }, SETUPS[setup])
      const replayed: string[] = []
      for (const scenario of scenarios) {
        const [result] = await runScenarios([scenario], target, { setup })
        if (result?.outcome !== 'passed') continue // judged elsewhere; only its log matters here
        const restarted = createLivyEmulator({
          ...emulatorOptionsFor(SETUPS[setup], CONFORMANCE_EMULATOR),
          stateStorage: createMemoryStateStorage(storage.bytes()),
          control: { token: 'replay' },
        })
        await expect(restarted.ready, scenario.id).resolves.toBeUndefined()
        const before = await target.send('GET', '/__emulator/state')
        const after = await restarted.fetch('/__emulator/state', {
          headers: { 'X-Emulator-Token': 'replay' },
        })
        expect(comparable(await after.text()), scenario.id).toEqual(comparable(before.text))
        replayed.push(scenario.id)
      }
      expect(replayed.length).toBeGreaterThan(scenarios.length / 2)
    }, 120_000)
  },
)
