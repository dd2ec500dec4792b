import {
  describeDivergence,
  type ExchangeDivergence,
  transcriptDivergences,
} from './answer-diff.ts'
import { createNormaliser, type NormalisedExchange } from './normalise.ts'
import { type RunOptions, runScenarios, select } from './runner.ts'
import { createSpecValidator } from './spec-validator.ts'
import type { Target } from './targets/target.ts'
import type { Scenario, ScenarioResult } from './types.ts'

/** One scenario run on two targets, with the differences of their normalised exchanges. */
export interface Comparison {
  readonly scenario: Scenario
  readonly a: ScenarioResult
  readonly b: ScenarioResult
  readonly transcriptA: readonly NormalisedExchange[]
  readonly transcriptB: readonly NormalisedExchange[]
  /** Whether the exchanges were compared (not for emulator-only or skipped scenarios). */
  readonly compared: boolean
  /** The exchanges answered differently (after normalisation), with each differing field. */
  readonly differences: readonly ExchangeDivergence[]
  /** {@link differences} as text, one per exchange; empty when both targets answered the same. */
  readonly divergences: readonly string[]
  /** Both passed and nothing diverged (a known divergence is expected to diverge). */
  readonly agree: boolean
}

/**
 * Normalises the exchanges of a result. Control-API calls (only the emulator has them) are
 * left out, and of a run of polls of the same request only the last one counts (the answer
 * that ended the wait): which intermediate states a poll catches depends on the server's
 * speed and the poll interval, not on what the server does.
 */
export function transcriptOf(result: ScenarioResult): NormalisedExchange[] {
  const normaliser = createNormaliser()
  const out: NormalisedExchange[] = []
  let previousPoll: string | undefined
  for (const e of result.exchanges) {
    if (e.path.startsWith('/__emulator')) continue
    const n = normaliser.exchange(e)
    if (e.poll && n.request === previousPoll) out.pop()
    previousPoll = e.poll ? n.request : undefined
    out.push(n)
  }
  return out
}

/**
 * Differential mode: every scenario runs on target A, then on target B (both already set
 * up), and their normalised exchanges are diffed. Emulator-only scenarios run on whichever
 * target can run them and are not compared.
 *
 * @example
 * const comparisons = await compareTargets(CATALOGUE, realLivy, emulator)
 * const agreement = comparisons.filter((c) => c.agree).length
 */
export async function compareTargets(
  scenarios: readonly Scenario[],
  a: Target,
  b: Target,
  options: RunOptions & {
    onComparison?: (c: Comparison, index: number, total: number) => void
  } = {},
): Promise<Comparison[]> {
  const validator = options.validator ?? createSpecValidator()
  const chosen = select(scenarios, options)
  const out: Comparison[] = []
  for (const [index, scenario] of chosen.entries()) {
    options.onStart?.(scenario, index, chosen.length)
    const [ra] = await runScenarios([scenario], a, {
      ...options,
      validator,
      onStart: undefined,
      onResult: undefined,
    })
    const [rb] = await runScenarios([scenario], b, {
      ...options,
      validator,
      onStart: undefined,
      onResult: undefined,
    })
    if (!ra || !rb) continue
    const transcriptA = transcriptOf(ra)
    const transcriptB = transcriptOf(rb)
    const compared =
      scenario.parity.mark !== 'emulator-only' &&
      ra.outcome !== 'skipped' &&
      rb.outcome !== 'skipped'
    const differences = compared ? transcriptDivergences(transcriptA, transcriptB) : []
    const divergences = differences.map((d) => describeDivergence(d))
    const expectedToDiverge = scenario.parity.mark === 'known-divergence'
    const agree =
      ra.outcome !== 'failed' &&
      rb.outcome !== 'failed' &&
      (expectedToDiverge || divergences.length === 0)
    const comparison = {
      scenario,
      a: ra,
      b: rb,
      transcriptA,
      transcriptB,
      compared,
      differences,
      divergences,
      agree,
    }
    out.push(comparison)
    options.onResult?.(rb, index, chosen.length)
    options.onComparison?.(comparison, index, chosen.length)
  }
  return out
}
