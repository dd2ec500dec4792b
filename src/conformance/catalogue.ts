import { BEHAVIOURS } from './behaviours.ts'
import { validateCatalogue } from './runner.ts'
import { BATCH_SCENARIOS } from './scenarios/batches.ts'
import { DEPLOYMENT_SCENARIOS } from './scenarios/deployment.ts'
import { EMULATOR_SCENARIOS } from './scenarios/emulator.ts'
import { JOB_SCENARIOS } from './scenarios/jobs.ts'
import { SECURED_SCENARIOS } from './scenarios/secured.ts'
import { SERVER_SCENARIOS } from './scenarios/server.ts'
import { SESSION_SCENARIOS } from './scenarios/sessions.ts'
import { SPARK_ANSWER_SCENARIOS } from './scenarios/spark-answers.ts'
import { STATEMENT_SCENARIOS } from './scenarios/statements.ts'
import { VENDOR_SCENARIOS } from './scenarios/vendors.ts'
import type { Scenario } from './types.ts'

/**
 * Every scenario, in run order (the empty-server check first, so it can run on a fresh real
 * Livy before anything else creates sessions). Each is written for one server set-up
 * (`apache-0.9` unless it says otherwise); a run selects the scenarios of its target's set-up. Validated on load: the runner refuses a
 * catalogue with a missing parity mark or an unknown behaviour.
 */
export const CATALOGUE: readonly Scenario[] = [
  ...SERVER_SCENARIOS,
  ...SESSION_SCENARIOS,
  ...STATEMENT_SCENARIOS,
  ...JOB_SCENARIOS,
  ...BATCH_SCENARIOS,
  ...EMULATOR_SCENARIOS,
  ...SECURED_SCENARIOS,
  ...VENDOR_SCENARIOS,
  // Their own suite (`--suite deployment`): real work on a cluster, judged by its results.
  ...DEPLOYMENT_SCENARIOS,
  // `--suite spark-answers`: the corpus of what Spark 3.5.9 answered, differences reported.
  ...SPARK_ANSWER_SCENARIOS,
]

validateCatalogue(CATALOGUE, BEHAVIOURS)

export { BEHAVIOURS }
