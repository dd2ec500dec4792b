/**
 * The conformance suite as a library: the catalogue, targets, runner and differential mode.
 *
 * @example
 * import { CATALOGUE, createUrlTarget, runScenarios } from 'livy-emulator/conformance'
 * const target = createUrlTarget({ url: 'http://localhost:8998' })
 * await target.setup()
 * const results = await runScenarios(CATALOGUE, target)
 */

export {
  describeDivergence,
  diffTranscripts,
  type ExchangeDivergence,
  type FieldDifference,
  transcriptDivergences,
} from './answer-diff.ts'
export { BEHAVIOURS, CATALOGUE } from './catalogue.ts'
export { type Comparison, compareTargets, transcriptOf } from './compare.ts'
export { createNormaliser, type NormalisedExchange } from './normalise.ts'
export { type RunOptions, runScenarios, select, validateCatalogue } from './runner.ts'
export {
  type ConformanceSetup,
  SECURED_LIVY_CONF,
  SECURED_USERS,
  SETUP_NAMES,
  SETUPS,
  type SetupName,
  setupNamed,
} from './setups.ts'
export { createSpecValidator, type SpecValidator } from './spec-validator.ts'
export {
  CONFORMANCE_EMULATOR,
  createHttpEmulatorTarget,
  createInProcessTarget,
} from './targets/emulator-targets.ts'
export {
  JUDGE_LIVY_CONF,
  JUDGE_LOCAL_DIR,
  type RawResponse,
  type Target,
} from './targets/target.ts'
export { createUrlTarget, type UrlTargetOptions } from './targets/url-target.ts'
export type * from './types.ts'
