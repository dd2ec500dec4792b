import type { z } from 'zod'
import { ruleFromJson } from '../control/control-api.ts'
import { lazyModule } from '../lazy-module.ts'
import type { CreateBatchInput } from '../model/batches.ts'
import { checkTable, type TableDefinition } from '../model/evaluation/tables.ts'
import type { CreateSessionInput } from '../model/interactive.ts'
import { type OutcomeRule, validateOutcomeRule } from '../model/outcomes/outcome.ts'
import {
  PRELOAD_BATCH_STATES,
  PRELOAD_SESSION_STATES,
  type PreloadBatch,
  type PreloadBatchState,
  type PreloadPlan,
  type PreloadSession,
  type PreloadSessionState,
  type PreloadStatement,
} from '../model/preload.ts'
import { isAllDigits } from '../model/session-name.ts'
import type { SessionKind } from '../model/store/records.ts'
import { parseTimeAsMs } from '../model/time-string.ts'

/** A statement's output as Livy answers it (`execution_count`, when given, is its id). */
export type PreloadOutput =
  | {
      readonly status: 'ok'
      readonly execution_count?: number
      /** Mime type → value: `text/plain`, `application/json`, `image/png`, … */
      readonly data: Readonly<Record<string, unknown>>
    }
  | {
      readonly status: 'error'
      readonly execution_count?: number
      readonly ename: string
      readonly evalue: string
      readonly traceback?: readonly string[]
    }

/**
 * A statement of a preloaded session. With `output` it ran (`available`); `state: 'cancelled'`
 * was cancelled before it ran; without either it is still to run (`waiting`) and runs once the
 * emulator starts, as a submitted statement does (outcome rules, then the engine).
 */
export interface PreloadStatementData {
  readonly code: string
  /** The statement's kind (`spark`, `pyspark`, `sparkr`, `sql`, or an alias); the session's by default. */
  readonly kind?: string
  readonly output?: PreloadOutput
  readonly state?: 'available' | 'cancelled' | 'waiting'
}

/** What `POST /sessions` and `POST /batches` both take, plus who made the request. */
interface CreatedData {
  readonly name?: string | null
  /** The user whose request created it (what an authenticated request records). */
  readonly owner?: string | null
  /** Needs `livy.impersonation.enabled`, as on Livy. */
  readonly proxyUser?: string | null
  readonly conf?: Readonly<Record<string, string>>
  readonly jars?: readonly string[]
  readonly pyFiles?: readonly string[]
  readonly files?: readonly string[]
  readonly archives?: readonly string[]
  readonly driverMemory?: string | null
  readonly driverCores?: number | null
  readonly executorMemory?: string | null
  readonly executorCores?: number | null
  readonly numExecutors?: number | null
  readonly queue?: string | null
}

/** A session to exist at start-up. */
export interface PreloadSessionData extends CreatedData {
  /** `spark`, `pyspark`, `sparkr`, `sql`, `shared` (default, as on Livy) or an alias. */
  readonly kind?: string
  /** Default `idle`, or `busy` when a statement is still to run. */
  readonly state?: PreloadSessionState
  readonly heartbeatTimeoutInSecond?: number
  readonly ttl?: string | null
  readonly idleTimeout?: string | null
  /** In order: their ids are 0, 1, 2, … */
  readonly statements?: readonly PreloadStatementData[]
  /** The driver's output lines, instead of the generated ones. */
  readonly log?: readonly string[]
}

/** A batch to exist at start-up. */
export interface PreloadBatchData extends CreatedData {
  readonly file: string
  readonly className?: string | null
  readonly args?: readonly string[]
  /** Default `success`. */
  readonly state?: PreloadBatchState
  /** spark-submit's output lines, instead of the generated ones. */
  readonly log?: readonly string[]
}

/**
 * What exists when the emulator starts (`createLivyEmulator({ preload })`, `--preload FILE`):
 * sessions with their statements, batches, outcome rules and tables. Sessions and batches get
 * Livy's ids in the order given, and answer exactly as if requests had made them.
 *
 * @example
 * const data: PreloadData = {
 *   sessions: [{ kind: 'pyspark', name: 'etl', statements: [
 *     { code: '1 + 1', output: { status: 'ok', data: { 'text/plain': '2' } } },
 *   ] }],
 *   batches: [{ file: 'local:///jobs/report.py', state: 'dead' }],
 * }
 */
export interface PreloadData {
  /** An editor's pointer to a JSON schema (ignored). */
  readonly $schema?: string
  readonly sessions?: readonly PreloadSessionData[]
  readonly batches?: readonly PreloadBatchData[]
  /** Outcome rules as `POST /__emulator/outcomes` takes them. */
  readonly outcomes?: readonly Readonly<Record<string, unknown>>[]
  /** Tables every session's SQL sees, as `POST /__emulator/tables` takes them. */
  readonly tables?: readonly TableDefinition[]
}

/** A preload file, checked: what the model creates, and the rules and tables beside it. */
export interface Preload {
  /** Where it came from (a file's path), for messages. */
  readonly source: string
  readonly plan: PreloadPlan
  /** Each rule with the JSON it came as (what the control API lists). */
  readonly outcomes: readonly {
    readonly rule: OutcomeRule
    readonly json: Record<string, unknown>
  }[]
  readonly tables: readonly TableDefinition[]
}

/** A preload that cannot be used: not JSON/YAML, or a field that is wrong (named by its path). */
export class PreloadError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PreloadError'
  }
}

/** Livy's `Kind` names and aliases. */
const SESSION_KINDS: Readonly<Record<string, SessionKind>> = {
  spark: 'spark',
  scala: 'spark',
  pyspark: 'pyspark',
  python: 'pyspark',
  sparkr: 'sparkr',
  r: 'sparkr',
  sql: 'sql',
  shared: 'shared',
}
const STATEMENT_KINDS = Object.keys(SESSION_KINDS).filter((k) => k !== 'shared')

/**
 * zod, loaded when a preload is first parsed: the root entry and a first request do not pay
 * for it (docs/decisions/0032). Outside Node nothing hands it over: a page passes a preload as
 * data that `parsePreload` checked in Node, or none.
 */
const zodModule = lazyModule<{ readonly z: typeof z }>(
  'zod',
  'outside Node a preload cannot be parsed: pass what parsePreload returned in Node',
)

function buildSchemas(z: typeof import('zod').z) {
  const text = z.string().nullable().optional()
  const count = z.number().int().nullable().optional()
  const created = {
    name: text,
    owner: text,
    proxyUser: text,
    conf: z.record(z.string(), z.string()).optional(),
    jars: z.array(z.string()).optional(),
    pyFiles: z.array(z.string()).optional(),
    files: z.array(z.string()).optional(),
    archives: z.array(z.string()).optional(),
    driverMemory: text,
    driverCores: count,
    executorMemory: text,
    executorCores: count,
    numExecutors: count,
    queue: text,
  }
  const executionCount = z.number().int().nonnegative().optional()
  const output = z.discriminatedUnion('status', [
    z
      .object({
        status: z.literal('ok'),
        execution_count: executionCount,
        data: z.record(z.string(), z.unknown()),
      })
      .strict(),
    z
      .object({
        status: z.literal('error'),
        execution_count: executionCount,
        ename: z.string(),
        evalue: z.string(),
        traceback: z.array(z.string()).optional(),
      })
      .strict(),
  ])
  const statement = z
    .object({
      code: z.string(),
      kind: z.enum(STATEMENT_KINDS as [string, ...string[]]).optional(),
      output: output.optional(),
      state: z.enum(['available', 'cancelled', 'waiting']).optional(),
    })
    .strict()
  const session = z
    .object({
      kind: z.enum(Object.keys(SESSION_KINDS) as [string, ...string[]]).optional(),
      state: z.enum(PRELOAD_SESSION_STATES).optional(),
      ...created,
      heartbeatTimeoutInSecond: z.number().int().nonnegative().optional(),
      ttl: text,
      idleTimeout: text,
      statements: z.array(statement).optional(),
      log: z.array(z.string()).optional(),
    })
    .strict()
  const batch = z
    .object({
      file: z.string(),
      className: text,
      args: z.array(z.string()).optional(),
      state: z.enum(PRELOAD_BATCH_STATES).optional(),
      ...created,
      log: z.array(z.string()).optional(),
    })
    .strict()
  const preloadSchema = z
    .object({
      $schema: z.string().optional(),
      sessions: z.array(session).optional(),
      batches: z.array(batch).optional(),
      outcomes: z.array(z.record(z.string(), z.unknown())).optional(),
      tables: z.array(z.unknown()).optional(),
    })
    .strict()
  return { session, batch, preloadSchema }
}

type Schemas = ReturnType<typeof buildSchemas>
let built: Schemas | undefined
const schemas = (): Schemas => {
  built ??= buildSchemas(zodModule.get().z)
  return built
}

type ParsedSession = z.infer<Schemas['session']>
type ParsedBatch = z.infer<Schemas['batch']>

const pathOf = (path: readonly PropertyKey[]): string =>
  path.length === 0
    ? '(top level)'
    : path
        .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
        .join('')

/** A problem and where it is. */
interface Problem {
  readonly path: string
  readonly message: string
}

/** A zod issue in the file's terms: an unknown field by its own path, a missing one as missing. */
function problemsOfIssue(issue: z.core.$ZodIssue): Problem[] {
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => ({
      path: pathOf([...issue.path, key]),
      message: 'unknown field',
    }))
  const missing = /^Invalid input: expected (.+), received undefined$/.exec(issue.message)
  return [
    {
      path: pathOf(issue.path),
      message: missing ? `missing (expected ${missing[1]})` : issue.message,
    },
  ]
}

const fail = (source: string, problems: readonly Problem[]): never => {
  const shown = problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`)
  const more = problems.length > 5 ? ` (+${problems.length - 5} more)` : ''
  throw new PreloadError(`${source}: not a valid preload file: ${shown.join('; ')}${more}`)
}

const createdFields = (raw: ParsedSession | ParsedBatch) => ({
  jars: raw.jars ?? [],
  pyFiles: raw.pyFiles ?? [],
  files: raw.files ?? [],
  archives: raw.archives ?? [],
  driverMemory: raw.driverMemory ?? null,
  driverCores: raw.driverCores ?? null,
  executorMemory: raw.executorMemory ?? null,
  executorCores: raw.executorCores ?? null,
  numExecutors: raw.numExecutors ?? null,
  queue: raw.queue ?? null,
  name: raw.name ?? null,
  conf: raw.conf ?? {},
})

/** Where a session's statements disagree with one another or with the session's state. */
function statementProblems(raw: ParsedSession, at: string, kind: SessionKind): Problem[] {
  const out: Problem[] = []
  const statements = raw.statements ?? []
  let firstWaiting: number | undefined
  for (const [j, s] of statements.entries()) {
    const path = `${at}.statements[${j}]`
    const state = s.state ?? (s.output ? 'available' : 'waiting')
    if (s.output && state !== 'available')
      out.push({
        path: `${path}.state`,
        message: `a statement with an output is available, not ${state}`,
      })
    if (!s.output && state === 'available')
      out.push({ path: `${path}.output`, message: 'an available statement needs its output' })
    if (s.output?.execution_count !== undefined && s.output.execution_count !== j)
      out.push({
        path: `${path}.output.execution_count`,
        message: `is the statement's id, ${j} (statements are numbered from 0 in the order given)`,
      })
    if (s.kind === undefined && kind === 'shared')
      out.push({
        path: `${path}.kind`,
        message: 'a statement of a shared session needs a kind (spark, pyspark, sparkr or sql)',
      })
    if (state === 'waiting') firstWaiting ??= j
    else if (firstWaiting !== undefined)
      out.push({
        path: `${path}.state`,
        message: `a statement that ran cannot follow one still to run (statements[${firstWaiting}])`,
      })
  }
  const state = raw.state ?? (firstWaiting === undefined ? 'idle' : 'busy')
  if (state === 'starting') {
    if (statements.length > 0)
      out.push({
        path: `${at}.statements`,
        message: 'a starting session has none yet (its driver is not up)',
      })
    if (raw.log !== undefined)
      out.push({ path: `${at}.log`, message: "a starting session's log is written as it starts" })
  } else if (state === 'busy' && firstWaiting === undefined) {
    out.push({
      path: `${at}.state`,
      message: 'a busy session runs a statement: give one without output (state waiting)',
    })
  } else if (state !== 'busy' && firstWaiting !== undefined) {
    out.push({
      path: `${at}.statements[${firstWaiting}]`,
      message:
        state === 'idle'
          ? 'has no output, so it runs at start-up and the session is busy: give its output, or say state busy'
          : `has no output, but a session in state ${state} runs nothing: give its output, or state cancelled`,
    })
  }
  return out
}

/** Names Livy refuses, or that two preloaded objects share. */
function nameProblems(
  list: readonly { name?: string | null | undefined }[],
  kind: string,
): Problem[] {
  const out: Problem[] = []
  const seen = new Map<string, number>()
  for (const [i, item] of list.entries()) {
    const name = item.name
    if (name === null || name === undefined) continue
    if (isAllDigits(name))
      out.push({
        path: `${kind}[${i}].name`,
        message: `${JSON.stringify(name)} is all digits: it would read as an id, and Livy refuses it`,
      })
    const first = seen.get(name)
    if (first !== undefined)
      out.push({
        path: `${kind}[${i}].name`,
        message: `${JSON.stringify(name)} is already the name of ${kind}[${first}]`,
      })
    else seen.set(name, i)
  }
  return out
}

function sessionOf(raw: ParsedSession): PreloadSession {
  const kind = SESSION_KINDS[raw.kind ?? 'shared'] as SessionKind
  const statements = (raw.statements ?? []).map((s): PreloadStatement => {
    const kindOf = s.kind ?? null
    if (s.output) {
      const o = s.output
      return {
        state: 'available',
        code: s.code,
        kind: kindOf,
        output:
          o.status === 'ok'
            ? { status: 'ok', data: o.data }
            : { status: 'error', ename: o.ename, evalue: o.evalue, traceback: o.traceback ?? [] },
      }
    }
    return { state: s.state === 'cancelled' ? 'cancelled' : 'waiting', code: s.code, kind: kindOf }
  })
  const input: CreateSessionInput = {
    kind,
    proxyUser: raw.proxyUser ?? null,
    ...createdFields(raw),
    heartbeatTimeoutInSecond: raw.heartbeatTimeoutInSecond ?? 0,
    ttl: raw.ttl ?? null,
    idleTimeout: raw.idleTimeout ?? null,
    annotations: null,
  }
  return {
    input,
    owner: raw.owner ?? null,
    state: raw.state ?? (statements.some((s) => s.state === 'waiting') ? 'busy' : 'idle'),
    statements,
    ...(raw.log === undefined ? {} : { log: raw.log }),
  }
}

function batchOf(raw: ParsedBatch): PreloadBatch {
  const input: CreateBatchInput = {
    file: raw.file,
    proxyUser: raw.proxyUser ?? null,
    className: raw.className ?? null,
    args: raw.args ?? [],
    ...createdFields(raw),
    annotations: null,
  }
  return {
    input,
    owner: raw.owner ?? null,
    state: raw.state ?? 'success',
    ...(raw.log === undefined ? {} : { log: raw.log }),
  }
}

/**
 * Checks a preload (JSON text or an already parsed value, such as a YAML file read) and
 * returns it typed. Refuses anything else with a {@link PreloadError} naming the source, the
 * path of each bad field and what is wrong with it.
 *
 * @example
 * const preload = parsePreload('{"sessions":[{"kind":"pyspark"}]}', 'fixtures/livy.json')
 * preload.plan.sessions[0]?.state // 'idle'
 */
export function parsePreload(input: unknown, source = 'preload'): Preload {
  let value = input
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input)
    } catch (e) {
      throw new PreloadError(`${source}: not JSON (${(e as Error).message})`)
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new PreloadError(
      `${source}: a preload is an object with sessions, batches, outcomes and tables`,
    )
  const { preloadSchema } = schemas()
  const parsed = preloadSchema.safeParse(value)
  if (!parsed.success) fail(source, parsed.error.issues.flatMap(problemsOfIssue))
  const data = (parsed as { data: z.infer<typeof preloadSchema> }).data
  const sessions = data.sessions ?? []
  const batches = data.batches ?? []
  const problems: Problem[] = [
    ...nameProblems(sessions, 'sessions'),
    ...nameProblems(batches, 'batches'),
  ]
  for (const [i, s] of sessions.entries()) {
    problems.push(
      ...statementProblems(s, `sessions[${i}]`, SESSION_KINDS[s.kind ?? 'shared'] as SessionKind),
    )
    for (const key of ['ttl', 'idleTimeout'] as const) {
      const time = s[key]
      if (time === null || time === undefined) continue
      try {
        parseTimeAsMs(time)
      } catch (e) {
        problems.push({ path: `sessions[${i}].${key}`, message: (e as Error).message })
      }
    }
  }
  for (const [i, b] of batches.entries())
    if (b.log !== undefined && b.state === 'starting')
      problems.push({
        path: `batches[${i}].log`,
        message: "a starting batch's log is written as it starts",
      })
  const outcomes: Preload['outcomes'][number][] = []
  for (const [i, json] of (data.outcomes ?? []).entries()) {
    try {
      const rule = ruleFromJson(json)
      validateOutcomeRule(rule)
      outcomes.push({ rule, json })
    } catch (e) {
      problems.push({ path: `outcomes[${i}]`, message: (e as Error).message })
    }
  }
  const tables: TableDefinition[] = []
  for (const [i, table] of (data.tables ?? []).entries()) {
    try {
      tables.push(checkTable(table))
    } catch (e) {
      problems.push({ path: `tables[${i}]`, message: (e as Error).message })
    }
  }
  if (problems.length > 0) fail(source, problems)
  return {
    source,
    plan: { sessions: sessions.map(sessionOf), batches: batches.map(batchOf) },
    outcomes,
    tables,
  }
}

/**
 * Checks the text of a preload file: YAML when its name ends in `.yaml` or `.yml` (parsed by
 * `parseYaml`), JSON otherwise.
 *
 * @example
 * parsePreloadText('sessions:\n  - kind: pyspark\n', 'livy.yaml', (t) => YAML.parse(t))
 */
export function parsePreloadText(
  text: string,
  path: string,
  parseYaml: (text: string) => unknown,
): Preload {
  if (!/\.ya?ml$/i.test(path)) return parsePreload(text, path)
  let value: unknown
  try {
    value = parseYaml(text)
  } catch (e) {
    throw new PreloadError(`${path}: not YAML (${(e as Error).message})`)
  }
  return parsePreload(value, path)
}

/**
 * Whether a `preload` option is an already checked preload (what {@link parsePreload} returns)
 * rather than data to check: data cannot have a `plan` field.
 */
export const isCheckedPreload = (value: unknown): value is Preload =>
  typeof value === 'object' && value !== null && 'plan' in value && 'source' in value
