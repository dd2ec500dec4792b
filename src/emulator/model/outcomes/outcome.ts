import { type JavaValue, type JobValue, javaValueOf } from '../jobs/job-value.ts'
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

/**
 * A string the code contains (the string trimmed; docs/decisions/0026), `{ exact }` for the
 * whole code (both trimmed), a regular expression, or a predicate.
 */
export type OutcomeMatcher =
  | string
  | { readonly exact: string }
  | RegExp
  | ((context: OutcomeContext) => boolean)

/**
 * A scripted statement outcome. The newest matching rule wins (like `server.use()` in msw).
 *
 * @example
 * emulator.outcomes.add({ match: /^spark\.range/, output: { 'text/plain': 'res0: Long = 10\n' } })
 * emulator.outcomes.add({ match: 'boom', error: { ename: 'RuntimeError', evalue: 'boom' } }) // code containing boom
 * emulator.outcomes.add({ match: { exact: '1 + 1' }, output: { 'text/plain': '3' } })
 * emulator.outcomes.add({ match: 'slow()', durationMs: 30_000 })
 */
export interface StatementOutcomeRule {
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

/** What a job rule sees: the job's class name, read from its serialised bytes. */
export interface JobOutcomeContext {
  readonly sessionId: number
  readonly jobId: number
  readonly className: string
}

/** The job's class name, exact or a regular expression, or a predicate. */
export type JobMatcher = string | RegExp | ((context: JobOutcomeContext) => boolean)

/** A Java exception a job throws: how Livy's driver prints it becomes the job's `error`. */
export interface JobException {
  /** Fully qualified, e.g. `java.lang.IllegalStateException`. */
  readonly class: string
  /** `getMessage()`; absent for an exception without one. */
  readonly message?: string
}

/**
 * A scripted Job API outcome (`submit-job`, `run-job`), matched on the job's class name. The
 * job succeeds with `result` encoded as Livy's Kryo serializer would, or fails with
 * `exception`. Jobs without a matching rule succeed with `null`.
 *
 * @example
 * emulator.outcomes.add({ job: 'com.example.PiJob', result: 3.14159 })
 * emulator.outcomes.add({ job: /Count/, result: { long: 10 } })
 * emulator.outcomes.add({ job: 'com.example.Broken', exception: { class: 'java.lang.IllegalStateException', message: 'boom' } })
 */
export interface JobOutcomeRule {
  readonly job: JobMatcher
  /** Only jobs of this session id. */
  readonly sessionId?: number
  /** What `call()` returns (`null` when neither this nor `exception` is given). */
  readonly result?: JobValue
  /** What `call()` throws. */
  readonly exception?: JobException
  /** How long the job runs (virtual ms); the timing profile's default otherwise. */
  readonly durationMs?: number
  /** How many jobs the rule answers before it retires; unlimited by default. */
  readonly times?: number
}

/** A scripted outcome: for statements (`match`) or for Job API jobs (`job`). */
export type OutcomeRule = StatementOutcomeRule | JobOutcomeRule

/** Whether a rule scripts jobs rather than statements. */
export const isJobRule = (rule: OutcomeRule): rule is JobOutcomeRule => 'job' in rule

/** What a matched job rule decides. */
export interface ResolvedJobOutcome {
  /** The Java value to return; undefined when the job throws. */
  readonly result: JavaValue | undefined
  readonly exception: JobException | undefined
  readonly durationMs: number | undefined
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
  /** Finds the newest job rule matching the job and consumes one of its uses. */
  resolveJob(context: JobOutcomeContext): ResolvedJobOutcome | undefined
}

const matchesJob = (rule: JobOutcomeRule, context: JobOutcomeContext): boolean => {
  if (rule.sessionId !== undefined && rule.sessionId !== context.sessionId) return false
  const m = rule.job
  if (typeof m === 'string') return m === context.className
  if (m instanceof RegExp) {
    m.lastIndex = 0
    return m.test(context.className)
  }
  return m(context)
}

const matches = (rule: StatementOutcomeRule, context: OutcomeContext): boolean => {
  if (rule.sessionId !== undefined && rule.sessionId !== context.sessionId) return false
  if (rule.kind !== undefined) {
    const kinds: readonly StatementKind[] = typeof rule.kind === 'string' ? [rule.kind] : rule.kind
    if (!kinds.includes(context.kind)) return false
  }
  const m = rule.match
  if (typeof m === 'string') return context.code.includes(m.trim())
  if (m instanceof RegExp) {
    m.lastIndex = 0
    return m.test(context.code)
  }
  if (typeof m === 'function') return m(context)
  return m.exact.trim() === context.code.trim()
}

/** Checks a rule up front so a bad one fails where it is registered, not mid-statement. */
export function validateOutcomeRule(rule: OutcomeRule): void {
  const pattern = isJobRule(rule) ? rule.job : 'match' in rule ? rule.match : undefined
  const catastrophic = pattern instanceof RegExp ? catastrophicReason(pattern.source) : undefined
  if (catastrophic)
    throw new RangeError(
      `the match pattern is refused: ${catastrophic} (it can take exponential time)`,
    )
  if (isJobRule(rule)) {
    validateJobRule(rule)
    return
  }
  if (!('match' in rule))
    throw new TypeError('an outcome rule needs match (statements) or job (jobs)')
  if (typeof rule.match === 'string' && rule.match.trim() === '')
    throw new TypeError('an empty match would match every statement; use /(?:)/ if you mean it')
  if (
    rule.match !== null &&
    typeof rule.match === 'object' &&
    !(rule.match instanceof RegExp) &&
    typeof (rule.match as { exact?: unknown }).exact !== 'string'
  )
    throw new TypeError('match must be a string, {exact: string}, a RegExp or a function')
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

const JAVA_CLASS = /^[\p{L}_$][\p{L}\p{N}_$]*(\.[\p{L}_$][\p{L}\p{N}_$]*)*$/u

function validateJobRule(rule: JobOutcomeRule): void {
  const statementFields = ['match', 'kind', 'output', 'error', 'abort', 'respond'].filter(
    (k) => k in rule,
  )
  if (statementFields.length > 0)
    throw new TypeError(`a job rule cannot have ${statementFields.join(', ')} (statement fields)`)
  if (rule.result !== undefined && rule.exception !== undefined)
    throw new TypeError('a job rule gives result or exception, not both')
  if (rule.result !== undefined) javaValueOf(rule.result)
  if (rule.exception !== undefined) {
    const { class: name, message } = rule.exception
    if (typeof name !== 'string' || !JAVA_CLASS.test(name))
      throw new TypeError(
        'exception.class must be a Java class name (e.g. java.lang.IllegalStateException)',
      )
    if (message !== undefined && typeof message !== 'string')
      throw new TypeError('exception.message must be a string')
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
    resolveJob(context) {
      for (let i = entries.length - 1; i >= 0; i--) {
        const entry = entries[i]
        if (!entry || !isJobRule(entry.rule) || !matchesJob(entry.rule, context)) continue
        entry.used++
        if (entry.rule.times !== undefined && entry.used >= entry.rule.times) entries.splice(i, 1)
        const rule = entry.rule
        return {
          result: rule.exception === undefined ? javaValueOf(rule.result ?? null) : undefined,
          exception: rule.exception,
          durationMs: rule.durationMs,
        }
      }
      return undefined
    },
    resolve(context) {
      for (let i = entries.length - 1; i >= 0; i--) {
        const entry = entries[i]
        if (!entry || isJobRule(entry.rule) || !matches(entry.rule, context)) continue
        entry.used++
        if (entry.rule.times !== undefined && entry.used >= entry.rule.times) entries.splice(i, 1)
        const rule = entry.rule
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
