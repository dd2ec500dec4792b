import { BEHAVIOURS } from './behaviours.ts'
import { validateCatalogue } from './runner.ts'
import { BATCH_SCENARIOS } from './scenarios/batches.ts'
import { EMULATOR_SCENARIOS } from './scenarios/emulator.ts'
import { JOB_SCENARIOS } from './scenarios/jobs.ts'
import { SERVER_SCENARIOS } from './scenarios/server.ts'
import { SESSION_SCENARIOS } from './scenarios/sessions.ts'
import { STATEMENT_SCENARIOS } from './scenarios/statements.ts'
import type { Scenario } from './types.ts'

/**
 * Every scenario, in run order (the empty-server check first, so it can run on a fresh real
 * Livy before anything else creates sessions). Validated on load: the runner refuses a
 * catalogue with a missing parity mark or an unknown behaviour.
 */
export const CATALOGUE: readonly Scenario[] = [
  ...SERVER_SCENARIOS,
  ...SESSION_SCENARIOS,
  ...STATEMENT_SCENARIOS,
  ...JOB_SCENARIOS,
  ...BATCH_SCENARIOS,
  ...EMULATOR_SCENARIOS,
]

validateCatalogue(CATALOGUE, BEHAVIOURS)

export { BEHAVIOURS }
