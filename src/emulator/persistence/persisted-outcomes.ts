import { ruleFromJson } from '../control/control-api.ts'
import { isPromise, type MaybePromise } from '../http/maybe-async.ts'
import {
  type OutcomeHandle,
  type OutcomeRule,
  type OutcomeRules,
  validateOutcomeRule,
} from '../model/outcomes/outcome.ts'
import type { ControlOp } from './control-ops.ts'

/** Runs a control operation in the emulator's serial section and logs it. */
export type RunControl = <T>(op: ControlOp, apply: () => MaybePromise<T>) => MaybePromise<T>

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
  if (typeof rule.match === 'function' || rule.respond !== undefined) {
    throw new TypeError(
      'with a state file, outcome rules must be data: match a string or a RegExp and answer with output, error, abort or durationMs (a function cannot be written to the file)',
    )
  }
  const m = rule.match
  return {
    match: typeof m === 'string' ? m : { regex: m.source, flags: m.flags },
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
  const handles = new Map<number, OutcomeHandle>()
  const publicIds = new Map<number, number>()
  const queued = new Set<number>()
  let nextId = firstId

  // Failures of deferred changes are reported by the state file (it stops the emulator).
  const settle = <T>(result: MaybePromise<T>, fallback: T): T => {
    if (!isPromise(result)) return result
    result.catch(() => undefined)
    return fallback
  }

  const add = (rule: OutcomeRule, json: Record<string, unknown>): OutcomeHandle => {
    validateOutcomeRule(rule)
    const id = nextId++
    queued.add(id)
    settle(
      run({ op: 'outcome-add', id, rule: json }, () => outcomes.register(id, rule)),
      undefined,
    )
    return {
      id,
      get used() {
        return handles.get(id)?.used ?? 0
      },
      remove: () => outcomes.remove(id),
    }
  }

  const outcomes: PersistedOutcomes = {
    add: (rule) => add(rule, ruleToJson(rule)),
    addFromJson: (rule, json) => add(rule, json),
    register(id, rule) {
      queued.delete(id)
      const handle = inner.add(rule)
      handles.set(id, handle)
      publicIds.set(handle.id, id)
      nextId = Math.max(nextId, id + 1)
    },
    unregister(id) {
      const handle = handles.get(id)
      if (!handle) return false
      handles.delete(id)
      publicIds.delete(handle.id)
      return handle.remove()
    },
    clearAll() {
      inner.clear()
      handles.clear()
      publicIds.clear()
    },
    get nextId() {
      return nextId
    },
    list: () =>
      inner.list().flatMap((entry) => {
        const id = publicIds.get(entry.id)
        return id === undefined ? [] : [{ ...entry, id }]
      }),
    remove(id) {
      if (!handles.has(id) && !queued.has(id)) return false
      return settle(
        run({ op: 'outcome-remove', id }, () => outcomes.unregister(id)),
        true,
      )
    },
    clear() {
      settle(
        run({ op: 'outcome-clear' }, () => outcomes.clearAll()),
        undefined,
      )
    },
    get size() {
      return inner.size
    },
    resolve: (context) => inner.resolve(context),
  }
  return outcomes
}
