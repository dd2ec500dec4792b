import type { SparkLogs } from '../../fixtures/spark-logs.ts'
import type { Caller } from './access.ts'
import { batchAppKilled, type CreateBatchInput, createBatch } from './batches.ts'
import type { ModelContext } from './context.ts'
import { ModelError } from './errors.ts'
import {
  type CreateSessionInput,
  cancel,
  createInteractiveSession,
  executeStatement,
  interpreterDies,
  sessionAppKilled,
  stopInteractive,
} from './interactive.ts'
import type { OutcomeRules, StatementOutputBody } from './outcomes/outcome.ts'
import { checkResources, resolveUri } from './resources.ts'
import type { SessionRecord } from './store/records.ts'
import { TIMING_PROFILES, type Timing } from './timing.ts'

/** States a preloaded session can be in when the emulator starts. */
export const PRELOAD_SESSION_STATES = [
  'starting',
  'idle',
  'busy',
  'error',
  'dead',
  'killed',
] as const
export type PreloadSessionState = (typeof PRELOAD_SESSION_STATES)[number]

/** States a preloaded batch can be in when the emulator starts. */
export const PRELOAD_BATCH_STATES = ['starting', 'running', 'success', 'dead', 'killed'] as const
export type PreloadBatchState = (typeof PRELOAD_BATCH_STATES)[number]

/**
 * A statement of a preloaded session: one that ran (`available`, with its output), one
 * cancelled before it ran, or one still to run (`waiting`: it runs once the emulator starts,
 * as a submitted statement does, through the outcome rules and the engine).
 */
export type PreloadStatement =
  | {
      readonly state: 'available'
      readonly code: string
      readonly kind: string | null
      readonly output: StatementOutputBody
    }
  | { readonly state: 'cancelled' | 'waiting'; readonly code: string; readonly kind: string | null }

/** A session to exist at start-up: the request that created it, and how far it got. */
export interface PreloadSession {
  readonly input: CreateSessionInput
  /** Who created it (the authenticated user of the request; null without authentication). */
  readonly owner: string | null
  readonly state: PreloadSessionState
  readonly statements: readonly PreloadStatement[]
  /** The driver's output lines instead of generated ones (its stderr, as Livy shows it). */
  readonly log?: readonly string[]
}

/** A batch to exist at start-up. */
export interface PreloadBatch {
  readonly input: CreateBatchInput
  readonly owner: string | null
  readonly state: PreloadBatchState
  /** spark-submit's output lines instead of generated ones. */
  readonly log?: readonly string[]
}

/** What a model is preloaded with (checked and typed by the preload format). */
export interface PreloadPlan {
  readonly sessions: readonly PreloadSession[]
  readonly batches: readonly PreloadBatch[]
}

/** A preload the model cannot take, with where (`sessions[1].proxyUser`). */
export interface PreloadProblem {
  readonly path: string
  readonly message: string
}

/** The ids the preloaded sessions and batches got, in the order given. */
export interface PreloadedIds {
  readonly sessions: readonly number[]
  readonly batches: readonly number[]
}

const problemOfProxyUser = (
  ctx: ModelContext,
  owner: string | null,
  proxyUser: string | null,
): string | undefined => {
  if (proxyUser === null) return undefined
  if (!ctx.config.impersonation)
    return "Livy keeps no proxy user unless livy.impersonation.enabled is true (a request's proxyUser would be dropped)"
  try {
    ctx.access.checkImpersonation(proxyUser, owner)
    return undefined
  } catch (e) {
    return (e as Error).message
  }
}

/**
 * What stops a plan from being applied to this model as it is now (its configuration, the
 * names already taken), before anything is created: a preload is applied whole or not at all.
 *
 * @example
 * preloadProblems(ctx, plan) // [{ path: 'sessions[0].proxyUser', message: 'Livy keeps no proxy user …' }]
 */
export function preloadProblems(ctx: ModelContext, plan: PreloadPlan): PreloadProblem[] {
  const out: PreloadProblem[] = []
  for (const [kind, list, store] of [
    ['sessions', plan.sessions, ctx.store.sessions],
    ['batches', plan.batches, ctx.store.batches],
  ] as const) {
    for (const [i, item] of list.entries()) {
      const name = item.input.name
      const holder = name === null ? undefined : store.getByName(name)
      if (holder)
        out.push({
          path: `${kind}[${i}].name`,
          message: `${JSON.stringify(name)} is taken by ${kind === 'sessions' ? 'session' : 'batch'} ${holder.id}`,
        })
      const proxy = problemOfProxyUser(ctx, item.owner, item.input.proxyUser)
      if (proxy) out.push({ path: `${kind}[${i}].proxyUser`, message: proxy })
      // What Livy checks against its configuration (blacklisted conf, local files outside the
      // whitelist): such a request is refused, so such an object never exists.
      try {
        checkResources(item.input, ctx.config)
        if ('file' in item.input && item.input.file !== null)
          resolveUri(item.input.file, ctx.config)
      } catch (e) {
        out.push({ path: `${kind}[${i}]`, message: (e as Error).message })
      }
    }
  }
  return out
}

/** Every step takes no time: a preloaded object gets where it is at the moment of the preload. */
const AT_ONCE: Timing = TIMING_PROFILES.instant

/** The fixture logs without their lines (a preload that brings its own log lines). */
const silent = (logs: SparkLogs): SparkLogs => ({
  ...logs,
  sessionLaunch: () => [],
  sessionReady: () => [],
  sessionStartFailure: () => [],
  sessionStop: () => [],
  interpreterDied: () => [],
  batchStart: () => [],
  batchOutput: () => [],
  batchEnd: () => [],
})

/** Outcome rules that answer exactly the statements given, at once, and nothing else. */
function answersOf(answers: ReadonlyMap<number, StatementOutputBody>): OutcomeRules {
  const none = (): never => {
    throw new Error('preload answers take no rules')
  }
  return {
    add: none,
    list: () => [],
    remove: () => false,
    clear: () => undefined,
    size: 0,
    resolve: (c) => {
      const body = answers.get(c.statementId)
      return body === undefined ? undefined : { body, durationMs: 0, abort: undefined }
    },
    resolveJob: () => undefined,
  }
}

/**
 * A context in which the object's life so far happens now: the model's own code creates it,
 * moves it and writes its log (so it is exactly what a request would have made), only with
 * every delay zero, scripted outputs, and faults of its own rather than the emulator's.
 */
const preloadContext = (
  ctx: ModelContext,
  overrides: {
    timing?: Partial<Timing>
    quiet: boolean
    outcomes?: OutcomeRules
    batchFailure?: { exitCode: number; reason: string }
  },
): ModelContext => ({
  ...ctx,
  timing: { ...AT_ONCE, ...overrides.timing },
  logs: overrides.quiet ? silent(ctx.logs) : ctx.logs,
  outcomes: overrides.outcomes ?? ctx.outcomes,
  faults: {
    sessionStartFailures: [],
    batchFailures: overrides.batchFailure ? [{ ...overrides.batchFailure, remaining: 1 }] : [],
  },
})

const current = (ctx: ModelContext, id: number): SessionRecord =>
  ctx.store.sessions.get(id) as SessionRecord

async function preloadSession(ctx: ModelContext, session: PreloadSession): Promise<number> {
  const caller: Caller = { user: session.owner, doAs: null }
  // A starting session is one just created: the emulator's own timing takes it from there.
  if (session.state === 'starting')
    return (await createInteractiveSession(ctx, session.input, caller)).id
  const answers = new Map<number, StatementOutputBody>()
  const quiet = session.log !== undefined
  const at = preloadContext(ctx, { quiet, outcomes: answersOf(answers) })
  const { id } = await createInteractiveSession(at, session.input, caller)
  await at.scheduler.runDue()
  for (const statement of session.statements) {
    if (statement.state === 'waiting') continue
    const entry = executeStatement(at, current(at, id), statement.code, statement.kind)
    if (statement.state === 'available') answers.set(entry.id, statement.output)
    else cancel(at, current(at, id), entry.id)
  }
  await at.scheduler.runDue()
  const runtime = ctx.sessions.get(id)
  for (const line of session.log ?? []) runtime?.log.err(line)
  if (session.state === 'error') interpreterDies(at, current(at, id), 'Process exited with code 1')
  else if (session.state === 'dead') await stopInteractive(at, id)
  else if (session.state === 'killed') await sessionAppKilled(at, id)
  // Statements still to run go to the session as requests would: rules, engine, real timing.
  for (const statement of session.statements)
    if (statement.state === 'waiting')
      executeStatement(ctx, current(ctx, id), statement.code, statement.kind)
  return id
}

async function preloadBatch(ctx: ModelContext, batch: PreloadBatch): Promise<number> {
  const caller: Caller = { user: batch.owner, doAs: null }
  if (batch.state === 'starting') return (await createBatch(ctx, batch.input, caller)).id
  const at = preloadContext(ctx, {
    quiet: batch.log !== undefined,
    // A running batch runs on from now for as long as the emulator's timing says; a killed one
    // is killed while it runs.
    ...(batch.state === 'running' ? { timing: { batchRun: ctx.timing.batchRun } } : {}),
    ...(batch.state === 'killed' ? { timing: { batchRun: 'manual' as const } } : {}),
    ...(batch.state === 'dead'
      ? { batchFailure: { exitCode: 1, reason: 'Application failed with exit code 1' } }
      : {}),
  })
  const { id } = await createBatch(at, batch.input, caller)
  await at.scheduler.runDue()
  if (batch.state === 'killed') await batchAppKilled(at, id)
  const log = ctx.batches.get(id)?.log
  for (const line of batch.log ?? []) log?.out(line)
  return id
}

/**
 * Creates the plan's sessions and batches, in order, with the ids Livy would give them next,
 * through the model's own code (creation, start-up, statements, stopping), so that each answers
 * over the API exactly as one made by requests would. Check {@link preloadProblems} first.
 *
 * @example
 * await applyPreload(ctx, { sessions: [{ input, owner: null, state: 'idle', statements: [] }], batches: [] })
 * // { sessions: [0], batches: [] }
 */
export async function applyPreload(ctx: ModelContext, plan: PreloadPlan): Promise<PreloadedIds> {
  const problems = preloadProblems(ctx, plan)
  if (problems.length > 0)
    throw new ModelError(
      'illegal-argument',
      problems.map((p) => `${p.path}: ${p.message}`).join('; '),
    )
  const sessions: number[] = []
  const batches: number[] = []
  for (const session of plan.sessions) sessions.push(await preloadSession(ctx, session))
  for (const batch of plan.batches) batches.push(await preloadBatch(ctx, batch))
  return { sessions, batches }
}
