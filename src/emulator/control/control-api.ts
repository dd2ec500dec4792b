import type { EdgeFilter } from '../http/edge.ts'
import type { MaybePromise } from '../http/maybe-async.ts'
import type { EdgeRequest, EdgeResponse } from '../http/types.ts'
import { type Clock, MAX_ADVANCE_MS } from '../model/clock.ts'
import type { ModelContext } from '../model/context.ts'
import { ModelError } from '../model/errors.ts'
import { checkTable, type SeededTables } from '../model/evaluation/tables.ts'
import type { JobValue } from '../model/jobs/job-value.ts'
import { STATEMENT_KINDS, type StatementKind } from '../model/outcomes/interpreters.ts'
import {
  isJobRule,
  type JobOutcomeRule,
  type OutcomeRule,
  type OutcomeRules,
  type StatementOutcomeRule,
} from '../model/outcomes/outcome.ts'
import { compileSafeRegex } from '../model/outcomes/safe-regex.ts'
import type { TaskHandle } from '../model/scheduler.ts'
import { type ControlChange, type ControlEventSource, eventStream } from './control-events.ts'
import { type ControlPageAssets, loadControlPageAssets, servePage } from './control-page.ts'
import type { HttpFault, HttpFaults } from './http-faults.ts'
import type { Journal } from './journal.ts'
import type { JournalCriteria, JournalExpectation } from './journal-query.ts'
import { type SnapshotOptions, snapshot } from './snapshot.ts'

/** What the control API drives; the emulator implements it. */
export interface ControlTarget {
  readonly clock: Clock
  readonly outcomes: OutcomeRules
  readonly tables: SeededTables
  /** Adds a rule that came as `json` (a state file keeps the JSON); `outcomes.add` otherwise. */
  addOutcome?(rule: OutcomeRule, json: Record<string, unknown>): ReturnType<OutcomeRules['add']>
  readonly httpFaults: HttpFaults
  readonly journal: Journal
  context(): ModelContext
  reset(): Promise<void>
  advance(ms: number): Promise<void>
  advanceToNext(): Promise<number>
  step(subject?: string): Promise<TaskHandle | undefined>
  /** Model faults waiting for their session or batch (they have no id of their own). */
  pendingFaults(): Record<string, unknown>[]
  clearPendingFaults(): void
  exclusive<T>(fn: () => MaybePromise<T>): Promise<T>
  sessionStartFails(reason: string, count: number): void
  interpreterDies(sessionId: number, reason: string): Promise<void>
  driverExits(sessionId: number, reason: string): Promise<void>
  batchFails(batchId: number, exitCode: number, reason: string): Promise<void>
  nextBatchesFail(exitCode: number, reason: string, count: number): void
  /** Model events, journal entries and changes, for `GET /__emulator/events`. */
  readonly watch?: ControlEventSource
  /** Tells the watchers that rules, faults or tables changed through this API. */
  changed?(what: ControlChange): void
  /** The page's bundle (default: the one `npm run build` wrote). */
  readonly pageAssets?: () => Promise<ControlPageAssets>
}

/** A control request the emulator refuses (answered 400 with `{"error": …}`). */
class ControlError extends Error {
  readonly status: number
  constructor(message: string, status = 400) {
    super(message)
    this.status = status
  }
}

const reply = (status: number, body: unknown, type = 'application/json'): EdgeResponse => ({
  status,
  headers: [
    ['Content-Type', type === 'application/json' ? 'application/json' : type],
    ['Cache-Control', 'no-store'],
  ],
  body:
    body === null
      ? null
      : typeof body === 'string' && type !== 'application/json'
        ? body
        : JSON.stringify(body),
})

const decoder = new TextDecoder()

function jsonBody(request: EdgeRequest): Record<string, unknown> {
  const text = request.body ? decoder.decode(request.body) : ''
  if (text.trim() === '') return {}
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    throw new ControlError(`body is not JSON: ${(e as Error).message}`)
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new ControlError('body must be a JSON object')
  return value as Record<string, unknown>
}

const str = (v: unknown, name: string, fallback?: string): string => {
  if (v === undefined && fallback !== undefined) return fallback
  if (typeof v !== 'string') throw new ControlError(`${name} must be a string`)
  return v
}
const int = (v: unknown, name: string, fallback?: number): number => {
  if (v === undefined && fallback !== undefined) return fallback
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw new ControlError(`${name} must be an integer`)
  return v
}

/** A pattern sent as data runs on a linear-time matcher; catastrophic ones are refused here. */
const regex = (source: unknown, flags: unknown, field = 'match'): RegExp => {
  const text = str(source, `${field}.regex`)
  const flagText = flags === undefined ? '' : str(flags, `${field}.flags`)
  try {
    return compileSafeRegex(text, flagText)
  } catch (e) {
    throw new ControlError(`${field}.regex cannot be used: ${(e as Error).message}`)
  }
}

/**
 * A JSON text matcher: a string, `{regex, flags}`, `{contains}` or `{exact}`. What a plain
 * string means is the caller's: a substring of a statement's code, a job's whole class name.
 */
function textMatcher(
  m: unknown,
  field: string,
): string | RegExp | { contains: string } | { exact: string } {
  if (typeof m === 'string') return m
  if (m && typeof m === 'object' && 'regex' in m)
    return regex((m as { regex: unknown }).regex, (m as { flags?: unknown }).flags, field)
  if (m && typeof m === 'object' && 'contains' in m)
    return { contains: str((m as { contains: unknown }).contains, `${field}.contains`) }
  if (m && typeof m === 'object' && 'exact' in m)
    return { exact: str((m as { exact: unknown }).exact, `${field}.exact`) }
  throw new ControlError(
    `${field} must be a string, {"regex": "..."}, {"contains": "..."} or {"exact": "..."}`,
  )
}

/**
 * A job rule as JSON: `job` matches the job's class name (a string, `{regex, flags}` or
 * `{contains}`).
 *
 * @example
 * {"job": "com.example.PiJob", "result": 3.14}
 */
function jobRuleFromJson(json: Record<string, unknown>): JobOutcomeRule {
  const allowed = ['job', 'sessionId', 'result', 'exception', 'durationMs', 'times']
  const unknown = Object.keys(json).filter((k) => !allowed.includes(k))
  if (unknown.length > 0)
    throw new ControlError(
      `unknown job rule field(s): ${unknown.join(', ')} (allowed: ${allowed.join(', ')})`,
    )
  const m = textMatcher(json.job, 'job')
  const e = json.exception
  if (e !== undefined && (e === null || typeof e !== 'object' || Array.isArray(e)))
    throw new ControlError('exception must be {"class": "...", "message": "..."}')
  return {
    job:
      typeof m === 'string' || m instanceof RegExp
        ? m
        : 'exact' in m
          ? m.exact
          : (c) => c.className.includes(m.contains),
    ...(json.sessionId !== undefined ? { sessionId: int(json.sessionId, 'sessionId') } : {}),
    ...('result' in json ? { result: json.result as JobValue } : {}),
    ...(e !== undefined ? { exception: e as { class: string; message?: string } } : {}),
    ...(json.durationMs !== undefined ? { durationMs: json.durationMs as number } : {}),
    ...(json.times !== undefined ? { times: json.times as number } : {}),
  }
}

/**
 * A rule as JSON: `match` is a string the code contains, or `{regex, flags}` / `{contains}` /
 * `{exact}` (the whole code, trimmed).
 *
 * @example
 * {"match": {"regex": "^spark\\.range"}, "kind": "spark", "output": {"text/plain": "res0: Long = 10\n"}}
 */
export function ruleFromJson(json: Record<string, unknown>): OutcomeRule {
  if ('job' in json) return jobRuleFromJson(json)
  const allowed = ['match', 'kind', 'sessionId', 'output', 'error', 'abort', 'durationMs', 'times']
  const unknown = Object.keys(json).filter((k) => !allowed.includes(k))
  if (unknown.length > 0)
    throw new ControlError(
      `unknown rule field(s): ${unknown.join(', ')} (allowed: ${allowed.join(', ')})`,
    )
  const m = textMatcher(json.match, 'match')
  if (typeof m === 'string' && m.trim() === '')
    throw new ControlError('match is empty: it would match every statement (use {"regex": ""})')
  const match: StatementOutcomeRule['match'] =
    typeof m === 'string' || m instanceof RegExp
      ? m
      : 'exact' in m
        ? { exact: m.exact }
        : (c) => c.code.includes(m.contains)
  const kinds =
    json.kind === undefined ? undefined : Array.isArray(json.kind) ? json.kind : [json.kind]
  if (kinds && !kinds.every((k) => (STATEMENT_KINDS as readonly unknown[]).includes(k))) {
    throw new ControlError(`kind must be one of ${STATEMENT_KINDS.join(', ')}`)
  }
  const rule: StatementOutcomeRule = {
    match,
    ...(kinds ? { kind: kinds as StatementKind[] } : {}),
    ...(json.sessionId !== undefined ? { sessionId: int(json.sessionId, 'sessionId') } : {}),
    ...(json.output !== undefined ? { output: json.output as Record<string, unknown> } : {}),
    ...(json.error !== undefined
      ? { error: json.error as { ename: string; evalue: string; traceback?: string[] } }
      : {}),
    ...(json.abort !== undefined ? { abort: str(json.abort, 'abort') } : {}),
    ...(json.durationMs !== undefined ? { durationMs: json.durationMs as number } : {}),
    ...(json.times !== undefined ? { times: json.times as number } : {}),
  }
  if (
    rule.output !== undefined &&
    (rule.output === null || typeof rule.output !== 'object' || Array.isArray(rule.output))
  ) {
    throw new ControlError('output must be an object of mime type → value')
  }
  return rule
}

/**
 * A fault as JSON: `path` is a glob or `{regex, flags}`.
 *
 * @example
 * faultFromJson({ method: 'POST', path: '/sessions', status: 503, count: 1 })
 */
export function faultFromJson(json: Record<string, unknown>): HttpFault {
  const path = json.path
  const fault: HttpFault = {
    path:
      typeof path === 'string'
        ? path
        : path && typeof path === 'object' && 'regex' in path
          ? regex((path as { regex: unknown }).regex, (path as { flags?: unknown }).flags)
          : str(path, 'path'),
    ...(json.method !== undefined ? { method: str(json.method, 'method').toUpperCase() } : {}),
    ...(json.status !== undefined ? { status: int(json.status, 'status') } : {}),
    ...(json.body !== undefined
      ? { body: typeof json.body === 'string' ? json.body : JSON.stringify(json.body) }
      : {}),
    ...(json.headers !== undefined ? { headers: json.headers as Record<string, string> } : {}),
    ...(json.delayMs !== undefined ? { delayMs: json.delayMs as number } : {}),
    ...(json.count !== undefined ? { count: int(json.count, 'count') } : {}),
  }
  return fault
}

/** A JSON-safe `JobValue` (a bigint becomes `{long: "…"}`). */
const jobValueJson = (v: JobValue): unknown =>
  typeof v === 'bigint' ? { long: v.toString() } : Array.isArray(v) ? v.map(jobValueJson) : v

/**
 * A job rule as the JSON the control API takes (a predicate shows as `"<function>"`).
 *
 * @example
 * describeJobRule({ job: /Pi/, result: 1n }) // { job: { regex: 'Pi', flags: '' }, result: { long: '1' } }
 */
export function describeJobRule(rule: JobOutcomeRule): Record<string, unknown> {
  const m = rule.job
  return {
    job:
      typeof m === 'string'
        ? m
        : m instanceof RegExp
          ? { regex: m.source, flags: m.flags }
          : '<function>',
    ...(rule.sessionId !== undefined ? { sessionId: rule.sessionId } : {}),
    ...(rule.result !== undefined ? { result: jobValueJson(rule.result) } : {}),
    ...(rule.exception !== undefined ? { exception: rule.exception } : {}),
    ...(rule.durationMs !== undefined ? { durationMs: rule.durationMs } : {}),
    ...(rule.times !== undefined ? { times: rule.times } : {}),
  }
}

/** Journal filters from a query string: `method`, `path` (glob), `status`, `since`, `bodyContains`. */
function criteriaOf(query: URLSearchParams): JournalCriteria {
  const number = (name: string): number | undefined => {
    const raw = query.get(name)
    if (raw === null) return undefined
    if (!/^\d+$/.test(raw)) throw new ControlError(`${name} must be a whole number`)
    return Number(raw)
  }
  const status = number('status')
  const since = number('since')
  return {
    ...(query.get('method') !== null ? { method: query.get('method') as string } : {}),
    ...(query.get('path') !== null ? { path: query.get('path') as string } : {}),
    ...(query.get('bodyContains') !== null
      ? { bodyContains: query.get('bodyContains') as string }
      : {}),
    ...(status !== undefined ? { status } : {}),
    ...(since !== undefined ? { since } : {}),
  }
}

/** A `verify` request: the criteria of {@link criteriaOf}, `body` (JSON subset), `count`/`atLeast`. */
function expectationOf(json: Record<string, unknown>): JournalExpectation {
  const allowed = ['method', 'path', 'status', 'since', 'bodyContains', 'body', 'count', 'atLeast']
  const unknown = Object.keys(json).filter((k) => !allowed.includes(k))
  if (unknown.length > 0)
    throw new ControlError(
      `unknown verify field(s): ${unknown.join(', ')} (allowed: ${allowed.join(', ')})`,
    )
  if (json.count !== undefined && json.atLeast !== undefined)
    throw new ControlError('give count or atLeast, not both')
  return {
    ...(json.method !== undefined ? { method: str(json.method, 'method') } : {}),
    ...(json.path !== undefined ? { path: str(json.path, 'path') } : {}),
    ...(json.bodyContains !== undefined
      ? { bodyContains: str(json.bodyContains, 'bodyContains') }
      : {}),
    ...(json.status !== undefined ? { status: int(json.status, 'status') } : {}),
    ...(json.since !== undefined ? { since: int(json.since, 'since') } : {}),
    ...(json.count !== undefined ? { count: int(json.count, 'count') } : {}),
    ...(json.atLeast !== undefined ? { atLeast: int(json.atLeast, 'atLeast') } : {}),
    ...('body' in json ? { body: json.body } : {}),
  }
}

/** The control API: `/__emulator/…`, never a Livy path. */
export function createControlApi(target: ControlTarget): EdgeFilter {
  // Rules registered here are listed as the JSON they came in; rules added from code are
  // described (a RegExp as {regex, flags}, a function as "<function>").
  const ruleJson = new WeakMap<OutcomeRule, Record<string, unknown>>()
  const describe = (rule: OutcomeRule): Record<string, unknown> => {
    const json = ruleJson.get(rule)
    if (json) return json
    const fn = '<function>'
    if (isJobRule(rule)) return describeJobRule(rule)
    const m = rule.match
    return {
      match:
        typeof m === 'string'
          ? m
          : m instanceof RegExp
            ? { regex: m.source, flags: m.flags }
            : typeof m === 'function'
              ? fn
              : { exact: m.exact },
      ...(rule.kind !== undefined ? { kind: rule.kind } : {}),
      ...(rule.sessionId !== undefined ? { sessionId: rule.sessionId } : {}),
      ...(rule.output !== undefined ? { output: rule.output } : {}),
      ...(rule.error !== undefined ? { error: rule.error } : {}),
      ...(rule.abort !== undefined ? { abort: rule.abort } : {}),
      ...(rule.respond !== undefined ? { respond: fn } : {}),
      ...(rule.durationMs !== undefined ? { durationMs: rule.durationMs } : {}),
      ...(rule.times !== undefined ? { times: rule.times } : {}),
    }
  }

  const changed = (what: ControlChange): void => target.changed?.(what)
  const loadPage = target.pageAssets ?? loadControlPageAssets

  const route = async (request: EdgeRequest): Promise<EdgeResponse> => {
    const path = request.path.replace(/\/$/, '') || '/'
    const key = `${request.method} ${path}`
    const page = await servePage(request, path, loadPage)
    if (page) return page
    switch (key) {
      case 'GET /__emulator/events': {
        if (!target.watch) return reply(404, { error: 'this emulator has no event stream' })
        const raw = new URLSearchParams(request.query).get('max')
        if (raw !== null && !/^[1-9]\d{0,5}$/.test(raw))
          throw new ControlError('max must be a whole number from 1 to 999999')
        return eventStream(
          target.watch,
          () => target.clock.now(),
          target.clock.kind,
          raw === null ? undefined : Number(raw),
        )
      }
      case 'POST /__emulator/reset':
        await target.reset()
        target.httpFaults.clear()
        target.journal.clear()
        changed('reset')
        return reply(200, { reset: true, now: target.clock.now() })
      case 'GET /__emulator/clock':
        return reply(200, {
          now: target.clock.now(),
          iso: new Date(target.clock.now()).toISOString(),
          kind: target.clock.kind,
        })
      case 'POST /__emulator/clock/advance': {
        const body = jsonBody(request)
        if (body.next === true && body.ms === undefined) {
          await target.advanceToNext()
        } else {
          const ms = body.ms
          if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0 || ms > MAX_ADVANCE_MS) {
            throw new ControlError(
              `give {"ms": N} with a whole N between 0 and ${MAX_ADVANCE_MS} (366 days), or {"next": true} to jump to the next scheduled step`,
            )
          }
          await target.advance(ms)
        }
        return reply(200, {
          now: target.clock.now(),
          iso: new Date(target.clock.now()).toISOString(),
          kind: target.clock.kind,
        })
      }
      case 'POST /__emulator/step': {
        const body = jsonBody(request)
        const task = await target.step(
          body.subject === undefined ? undefined : str(body.subject, 'subject'),
        )
        if (!task)
          return reply(404, {
            error: `no pending manual step${body.subject ? ` for ${body.subject}` : ''}`,
          })
        return reply(200, { ran: task.label })
      }
      case 'GET /__emulator/state': {
        const logs = new URLSearchParams(request.query).get('logs') ?? 'all'
        if (!/^(all|none|session:\d+|batch:\d+)$/.test(logs))
          throw new ControlError('logs must be all, none, session:<id> or batch:<id>')
        return reply(
          200,
          await target.exclusive(() =>
            snapshot(target.context(), { logs: logs as SnapshotOptions['logs'] }),
          ),
        )
      }
      case 'GET /__emulator/requests':
        return reply(200, {
          requests: target.journal.find(criteriaOf(new URLSearchParams(request.query))),
        })
      case 'POST /__emulator/requests/verify': {
        const { matched: _, ...verification } = target.journal.verify(
          expectationOf(jsonBody(request)),
        )
        return reply(200, verification)
      }
      case 'GET /__emulator/outcomes':
        return reply(200, {
          rules: target.outcomes
            .list()
            .map(({ id, rule, used }) => ({ id, ...describe(rule), used })),
        })
      case 'POST /__emulator/outcomes': {
        const body = jsonBody(request)
        const rule = ruleFromJson(body)
        let handle: ReturnType<OutcomeRules['add']>
        try {
          handle = target.addOutcome ? target.addOutcome(rule, body) : target.outcomes.add(rule)
        } catch (e) {
          throw new ControlError((e as Error).message)
        }
        ruleJson.set(rule, body)
        changed('outcomes')
        return reply(201, { id: handle.id })
      }
      case 'DELETE /__emulator/outcomes':
        target.outcomes.clear()
        changed('outcomes')
        return reply(200, { cleared: true })
      case 'GET /__emulator/faults':
        return reply(200, {
          faults: target.httpFaults.list().map((f) => ({ ...f, path: String(f.path) })),
          pending: target.pendingFaults(),
        })
      case 'DELETE /__emulator/faults':
        target.httpFaults.clear()
        target.clearPendingFaults()
        changed('faults')
        return reply(200, { cleared: true })
      case 'POST /__emulator/faults': {
        const added = await addFault(jsonBody(request))
        changed('faults')
        return reply(201, added)
      }
      case 'GET /__emulator/tables':
        return reply(200, {
          tables: target.tables.list().map((t) => ({
            name: t.name,
            schema: t.schema ?? null,
            rows: t.rows.length,
          })),
        })
      case 'POST /__emulator/tables': {
        let table: ReturnType<typeof checkTable>
        try {
          table = checkTable(jsonBody(request))
        } catch (e) {
          throw new ControlError((e as Error).message)
        }
        target.tables.define(table)
        changed('tables')
        return reply(201, { name: table.name, rows: table.rows.length })
      }
    }
    const tableName = /^DELETE \/__emulator\/tables\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(key)
    if (tableName) {
      const name = tableName[1] as string
      if (!target.tables.remove(name)) return reply(404, { error: `no table ${name}` })
      changed('tables')
      return reply(200, { removed: name })
    }
    const rule = /^DELETE \/__emulator\/outcomes\/(\d+)$/.exec(key)
    if (rule) {
      const id = Number(rule[1])
      if (!target.outcomes.remove(id)) return reply(404, { error: `no rule ${id}` })
      changed('outcomes')
      return reply(200, { removed: id })
    }
    const fault = /^DELETE \/__emulator\/faults\/(\d+)$/.exec(key)
    if (fault) {
      const id = Number(fault[1])
      if (!target.httpFaults.remove(id)) return reply(404, { error: `no fault ${id}` })
      changed('faults')
      return reply(200, { removed: id })
    }
    return reply(404, { error: `no control endpoint ${request.method} ${request.path}` })
  }

  const FAULT_FIELDS: Record<string, readonly string[]> = {
    http: ['method', 'path', 'status', 'body', 'headers', 'delayMs', 'count'],
    'session-start-fails': ['reason', 'count'],
    'interpreter-dies': ['sessionId', 'reason'],
    'driver-exits': ['sessionId', 'reason'],
    'batch-fails': ['batchId', 'exitCode', 'reason'],
    'next-batches-fail': ['exitCode', 'reason', 'count'],
  }

  const addFault = async (body: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const type = str(body.type, 'type')
    const allowed = FAULT_FIELDS[type]
    if (allowed) {
      const unknown = Object.keys(body).filter((k) => k !== 'type' && !allowed.includes(k))
      if (unknown.length > 0) {
        throw new ControlError(
          `unknown field(s) for a ${type} fault: ${unknown.join(', ')} (allowed: ${allowed.join(', ')})`,
        )
      }
    }
    const positive = (v: unknown, name: string): number => {
      const n = int(v, name, 1)
      if (n < 1) throw new ControlError(`${name} must be a positive integer`)
      return n
    }
    const reason = (fallback: string) => str(body.reason, 'reason', fallback)
    switch (type) {
      case 'http': {
        const { type: _, ...rest } = body
        try {
          const added = target.httpFaults.add(faultFromJson(rest))
          return { id: added.id, type }
        } catch (e) {
          throw e instanceof ControlError ? e : new ControlError((e as Error).message)
        }
      }
      case 'session-start-fails':
        target.sessionStartFails(
          reason('Failed to launch the Spark driver'),
          positive(body.count, 'count'),
        )
        return { type }
      case 'interpreter-dies':
        await wrap(() =>
          target.interpreterDies(
            int(body.sessionId, 'sessionId'),
            reason('Process exited with code 1'),
          ),
        )
        return { type }
      case 'driver-exits':
        await wrap(() =>
          target.driverExits(
            int(body.sessionId, 'sessionId'),
            reason('Spark driver exited unexpectedly'),
          ),
        )
        return { type }
      case 'batch-fails': {
        const exitCode = int(body.exitCode, 'exitCode', 1)
        await wrap(() =>
          target.batchFails(
            int(body.batchId, 'batchId'),
            exitCode,
            reason(`Application failed with exit code ${exitCode}`),
          ),
        )
        return { type }
      }
      case 'next-batches-fail': {
        const exitCode = int(body.exitCode, 'exitCode', 1)
        target.nextBatchesFail(
          exitCode,
          reason(`Application failed with exit code ${exitCode}`),
          int(body.count, 'count', 1),
        )
        return { type }
      }
      default:
        throw new ControlError(
          `unknown fault type "${type}" (http, session-start-fails, interpreter-dies, driver-exits, batch-fails, next-batches-fail)`,
        )
    }
  }

  const wrap = async (fn: () => Promise<void>): Promise<void> => {
    try {
      await fn()
    } catch (e) {
      if (e instanceof ControlError) throw e
      // An unknown session or batch is a 404; one in the wrong state a 409.
      const missing = e instanceof ModelError && e.kind === 'session-not-found'
      throw new ControlError((e as Error).message, missing ? 404 : 409)
    }
  }

  return (request, next) => {
    if (request.path !== '/__emulator' && !request.path.startsWith('/__emulator/'))
      return next(request)
    return route(request).catch((e: unknown) => {
      if (e instanceof ControlError) return reply(e.status, { error: e.message })
      throw e
    })
  }
}
