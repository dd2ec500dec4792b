import {
  CATALOGUE,
  createHttpEmulatorTarget,
  createInProcessTarget,
  runScenarios,
  SETUP_NAMES,
  SETUPS,
  select,
} from '../dist/src/conformance/index.js'

/**
 * Times the conformance catalogue against the emulator, per set-up and path (the target is
 * the whole catalogue in under 5 s on each path). Timed here, not in a unit test.
 */
export async function catalogueTimes(): Promise<
  { setup: string; path: string; scenarios: number; ms: number; failed: number }[]
> {
  const out = []
  for (const [path, make] of [
    ['in-process (msw)', createInProcessTarget],
    ['HTTP server', createHttpEmulatorTarget],
  ] as const) {
    for (const setup of SETUP_NAMES) {
      const target = make({}, SETUPS[setup])
      await target.setup()
      const started = performance.now()
      const results = await runScenarios(CATALOGUE, target, { setup })
      const ms = performance.now() - started
      await target.teardown()
      out.push({
        setup,
        path,
        scenarios: select(CATALOGUE, { setup }).length,
        ms,
        failed: results.filter((r) => r.outcome === 'failed').length,
      })
    }
  }
  return out
}
