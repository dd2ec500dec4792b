import type { OutcomeContext, OutcomeRules, ResolvedOutcome } from './outcome.ts'

/**
 * Answers for statements that come from somewhere other than the user's rules (a recording
 * replayed, say). Sources are asked after every user rule and before the engine.
 */
export interface OutcomeSource {
  /** What it is, for messages (`replay of staging.json`). */
  readonly name: string
  /** The answer for this statement, or undefined to let the next source (then the engine) answer. */
  resolve(context: OutcomeContext): ResolvedOutcome | undefined
}

/**
 * The user's rules with sources behind them: `resolve` asks the rules first (the newest
 * matching rule wins, as always), then each source in order. Everything else (`add`, `list`,
 * the control API) is the rules' own, so sources never show up as rules.
 *
 * @example
 * const outcomes = withOutcomeSources(rules, [replaySource])
 * outcomes.resolve({ sessionId: 0, statementId: 0, kind: 'pyspark', code: '1 + 1' })
 */
export function withOutcomeSources(
  rules: OutcomeRules,
  sources: readonly OutcomeSource[],
): OutcomeRules {
  if (sources.length === 0) return rules
  return {
    add: (rule) => rules.add(rule),
    list: () => rules.list(),
    remove: (id) => rules.remove(id),
    clear: () => rules.clear(),
    get size() {
      return rules.size
    },
    resolveJob: (context) => rules.resolveJob(context),
    resolve(context) {
      const ruled = rules.resolve(context)
      if (ruled) return ruled
      for (const source of sources) {
        const answer = source.resolve(context)
        if (answer) return answer
      }
      return undefined
    },
  }
}
