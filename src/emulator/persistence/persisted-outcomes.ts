import { describeJobRule, ruleFromJson } from '../control/control-api.ts'
import {
  isJobRule,
  type OutcomeHandle,
  type OutcomeRule,
  type OutcomeRules,
  validateOutcomeRule,
} from '../model/outcomes/outcome.ts'
import { createLoggedRegistry, type RunControl } from './logged-registry.ts'

export type { RunControl } from './logged-registry.ts'

/** Outcome rules whose changes go to a state file. */
export interface PersistedOutcomes extends OutcomeRules {
  /** Adds a rule the control API built from `json` (the JSON is what the file keeps). */
  addFromJson(rule: OutcomeRule, json: Record<string, unknown>): OutcomeHandle
  /** Applies a logged change without logging it (the live half of `add`, and the replay). */
  register(id: number, rule: OutcomeRule): void
  unregister(id: number): boolean
  clearAll(): void
  /** The id the next rule gets (a new log after a reset starts from it). */
  readonly nextId: number
}

/**
 * A rule as JSON the control API accepts; functions (`respond`, a predicate) cannot be kept.
 *
 * @example
 * ruleToJson({ match: /^x/i, output: { 'text/plain': '1' } })
 * // { match: { regex: '^x', flags: 'i' }, output: { 'text/plain': '1' } }
 */
export function ruleToJson(rule: OutcomeRule): Record<string, unknown> {
  if (isJobRule(rule)) {
    if (typeof rule.job === 'function')
      throw new TypeError(
        'with a state file, job rules must be data: match the class name with a string or a RegExp',
      )
    return describeJobRule(rule)
  }
  if (typeof rule.match === 'function' || rule.respond !== undefined) {
    throw new TypeError(
      'with a state file, outcome rules must be data: match a string or a RegExp and answer with output, error, abort or durationMs (a function cannot be written to the file)',
    )
  }
  const m = rule.match
  return {
    match:
      typeof m === 'string'
        ? m
        : m instanceof RegExp
          ? { regex: m.source, flags: m.flags }
          : { exact: m.exact },
    ...(rule.kind !== undefined ? { kind: rule.kind } : {}),
    ...(rule.sessionId !== undefined ? { sessionId: rule.sessionId } : {}),
    ...(rule.output !== undefined ? { output: rule.output } : {}),
    ...(rule.error !== undefined ? { error: rule.error } : {}),
    ...(rule.abort !== undefined ? { abort: rule.abort } : {}),
    ...(rule.durationMs !== undefined ? { durationMs: rule.durationMs } : {}),
    ...(rule.times !== undefined ? { times: rule.times } : {}),
  }
}

/**
 * The rule a logged `outcome-add` stands for.
 *
 * @example
 * ruleOfJson({ match: { contains: 'x' }, durationMs: 10 })
 */
export const ruleOfJson = (json: Record<string, unknown>): OutcomeRule => ruleFromJson(json)

/**
 * Wraps the emulator's outcome rules so each change is applied in the serial section (after
 * the requests already in flight, in call order) and logged there. A change made while requests
 * are in flight takes effect after them; `add` still returns the rule's id at once, because ids
 * are handed out here, in call order.
 *
 * @example
 * const outcomes = createPersistedOutcomes(createOutcomeRules(), run, 1)
 * outcomes.add({ match: 'x', output: { 'text/plain': '1' } }).id // 1
 */
export function createPersistedOutcomes(
  inner: OutcomeRules,
  run: RunControl,
  firstId: number,
): PersistedOutcomes {
  const registry = createLoggedRegistry<OutcomeRule, OutcomeHandle>({
    run,
    firstId,
    ops: {
      add: (id, json) => ({ op: 'outcome-add', id, rule: json }),
      remove: (id) => ({ op: 'outcome-remove', id }),
      clear: () => ({ op: 'outcome-clear' }),
    },
    attach(rule) {
      const handle = inner.add(rule)
      return { innerId: handle.id, handle }
    },
    detach: (handle) => handle.remove(),
    detachAll: () => inner.clear(),
  })

  const add = (rule: OutcomeRule, json: Record<string, unknown>): OutcomeHandle => {
    validateOutcomeRule(rule)
    const id = registry.add(rule, json)
    return {
      id,
      get used() {
        return registry.handle(id)?.used ?? 0
      },
      remove: () => registry.remove(id),
    }
  }

  return {
    add: (rule) => add(rule, ruleToJson(rule)),
    addFromJson: (rule, json) => add(rule, json),
    register: (id, rule) => registry.register(id, rule),
    unregister: (id) => registry.unregister(id),
    clearAll: () => registry.clearAll(),
    get nextId() {
      return registry.nextId
    },
    list: () => registry.publicEntries(inner.list()),
    remove: (id) => registry.remove(id),
    clear: () => registry.clear(),
    get size() {
      return inner.size
    },
    resolve: (context) => inner.resolve(context),
    resolveJob: (context) => inner.resolveJob(context),
  }
}
