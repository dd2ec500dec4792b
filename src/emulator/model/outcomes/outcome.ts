import type { StatementKind } from './interpreters.ts'
import { catastrophicReason } from './safe-regex.ts'

/** A statement's `output` without `execution_count` (the model adds it). */
export type StatementOutputBody =
  | { readonly status: 'ok'; readonly data: Readonly<Record<string, unknown>> }
  | {
      readonly status: 'error'
      readonly ename: string
      readonly evalue: string
      readonly traceback: readonly string[]
    }

/** What a rule sees about the statement it may answer. */
export interface OutcomeContext {
  readonly sessionId: number
  readonly statementId: number
  /** The interpreter the statement runs on (statement kind, else the session kind). */
  readonly kind: StatementKind
  readonly code: string
}

/** Exact code (compared trimmed), a regular expression, or a predicate. */
export type OutcomeMatcher = string | RegExp | ((context: OutcomeContext) => boolean)

/**
 * A scripted statement outcome. The newest matching rule wins (like `server.use()` in msw).
 *
 * @example
 * emulator.outcomes.add({ match: /^spark\.range/, output: { 'text/plain': 'res0: Long = 10\n' } })
 * emulator.outcomes.add({ match: 'boom', error: { ename: 'RuntimeError', evalue: 'boom' } })
 * emulator.outcomes.add({ match: 'slow()', durationMs: 30_000 })
 */
export interface OutcomeRule {
  readonly match: OutcomeMatcher
  /** Only statements running on this interpreter kind (or kinds). */
  readonly kind?: StatementKind | readonly StatementKind[]
  /** Only statements of this session id. */
  readonly sessionId?: number
  /** A successful output: mime type → value (`text/plain`, `application/json`, `image/png`, …). */
  readonly output?: Readonly<Record<string, unknown>>
  /** A failed output (`status: "error"`); the statement still ends `available`. */
  readonly error?: {
    readonly ename: string
    readonly evalue: string
    readonly traceback?: readonly string[]
  }
  /** The interpreter dies while running it: output `Interpreter died:\n<message>`, REPL `error`. */
  readonly abort?: string
  /** Computes the output (wins over `output`/`error`). */
  readonly respond?: (context: OutcomeContext) => StatementOutputBody
  /** How long the statement runs (virtual ms); the timing profile's default otherwise. */
  readonly durationMs?: number
  /** How many statements the rule answers before it retires; unlimited by default. */
  readonly times?: number
}

/** What a matched rule decides; absent parts fall back to the defaults. */
export interface ResolvedOutcome {
  readonly body: StatementOutputBody | undefined
  readonly durationMs: number | undefined
  readonly abort: string | undefined
}

/** Handle to a registered rule. */
export interface OutcomeHandle {
  /** Stable id of the rule within its registry (what the control API lists). */
  readonly id: number
  /** How many statements the rule has answered. */
  readonly used: number
  /** Removes the rule; false when it was already gone (removed or retired). */
  remove(): boolean
}

/** A registered rule as listed: live rules only (retired ones have used up their `times`). */
export interface ListedRule {
  readonly id: number
  readonly rule: OutcomeRule
  readonly used: number
}

/** The registry of outcome rules of one emulator. */
export interface OutcomeRules {
  add(rule: OutcomeRule): OutcomeHandle
  /** Live rules, oldest first. */
  list(): readonly ListedRule[]
  remove(id: number): boolean
  clear(): void
  readonly size: number
  /** Finds the newest rule matching the statement and consumes one of its uses. */
  resolve(context: OutcomeContext): ResolvedOutcome | undefined
}

const matches = (rule: OutcomeRule, context: OutcomeContext): boolean => {
  if (rule.sessionId !== undefined && rule.sessionId !== context.sessionId) return false
  if (rule.kind !== undefined) {
    const kinds: readonly StatementKind[] = typeof rule.kind === 'string' ? [rule.kind] : rule.kind
    if (!kinds.includes(context.kind)) return false
  }
  const m = rule.match
  if (typeof m === 'string') return m.trim() === context.code.trim()
  if (m instanceof RegExp) {
    m.lastIndex = 0
    return m.test(context.code)
  }
  return m(context)
}

/** Checks a rule up front so a bad one fails where it is registered, not mid-statement. */
export function validateOutcomeRule(rule: OutcomeRule): void {
  const catastrophic =
    rule.match instanceof RegExp ? catastrophicReason(rule.match.source) : undefined
  if (catastrophic)
    throw new RangeError(
      `the match pattern is refused: ${catastrophic} (it can take exponential time)`,
    )
  const answers = [rule.output, rule.error, rule.abort, rule.respond].filter((x) => x !== undefined)
  if (answers.length > 1)
    throw new TypeError('an outcome rule gives at most one of output, error, abort, respond')
  if (answers.length === 0 && rule.durationMs === undefined) {
    throw new TypeError('an outcome rule needs output, error, abort, respond or durationMs')
  }
  if (
    rule.durationMs !== undefined &&
    !(Number.isFinite(rule.durationMs) && rule.durationMs >= 0)
  ) {
    throw new RangeError('durationMs must be a finite number >= 0')
  }
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times > 0)) {
    throw new RangeError('times must be a positive integer')
  }
  if (
    rule.error &&
    (typeof rule.error.ename !== 'string' || typeof rule.error.evalue !== 'string')
  ) {
    throw new TypeError('error needs string ename and evalue')
  }
}

/**
 * @example
 * const rules = createOutcomeRules()
 * rules.add({ match: '1 + 1', output: { 'text/plain': 'res0: Int = 2\n' } })
 */
export function createOutcomeRules(): OutcomeRules {
  const entries: { id: number; rule: OutcomeRule; used: number }[] = []
  let nextId = 1
  const remove = (id: number): boolean => {
    const i = entries.findIndex((e) => e.id === id)
    if (i < 0) return false
    entries.splice(i, 1)
    return true
  }
  return {
    add(rule) {
      validateOutcomeRule(rule)
      const entry = { id: nextId++, rule, used: 0 }
      entries.push(entry)
      return {
        id: entry.id,
        get used() {
          return entry.used
        },
        remove: () => remove(entry.id),
      }
    },
    list: () => entries.map(({ id, rule, used }) => ({ id, rule, used })),
    remove,
    clear() {
      entries.length = 0
    },
    get size() {
      return entries.length
    },
    resolve(context) {
      for (let i = entries.length - 1; i >= 0; i--) {
        const entry = entries[i]
        if (!entry || !matches(entry.rule, context)) continue
        entry.used++
        if (entry.rule.times !== undefined && entry.used >= entry.rule.times) entries.splice(i, 1)
        const { rule } = entry
        let body: StatementOutputBody | undefined
        if (rule.respond) body = rule.respond(context)
        else if (rule.output) body = { status: 'ok', data: rule.output }
        else if (rule.error) {
          body = {
            status: 'error',
            ename: rule.error.ename,
            evalue: rule.error.evalue,
            traceback: rule.error.traceback ?? [],
          }
        }
        return { body, durationMs: rule.durationMs, abort: rule.abort }
      }
      return undefined
    },
  }
}
