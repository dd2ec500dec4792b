import { BEHAVIOURS } from './behaviours.ts'
import { validateCatalogue } from './runner.ts'
import { SERVER_SCENARIOS } from './scenarios/server.ts'
import type { Scenario } from './types.ts'

/**
 * Every scenario, in run order (the empty-server check first, so it can run on a fresh real
 * Livy before anything else creates sessions). Validated on load: the runner refuses a
 * catalogue with a missing parity mark or an unknown behaviour.
 */
export const CATALOGUE: readonly Scenario[] = [...SERVER_SCENARIOS]

validateCatalogue(CATALOGUE, BEHAVIOURS)

export { BEHAVIOURS }
