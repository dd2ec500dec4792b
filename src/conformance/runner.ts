import { createScenarioContext, type RunState, ScenarioSkipped } from './context.ts'
import { type CreatedResources, createCreatedResources } from './created-resources.ts'
import {
  DEFAULT_DEPLOYMENT_SETTINGS,
  type DeploymentSettings,
  type SuiteName,
} from './deployment-settings.ts'
import { ExpectationFailure } from './expectations.ts'
import { SETUPS, type SetupName, sendAs } from './setups.ts'
import { createSpecValidator, type SpecValidator } from './spec-validator.ts'
import type { Target } from './targets/target.ts'
import type { Behaviour, Scenario, ScenarioContext, ScenarioResult } from './types.ts'

/** Which scenarios to run. */
export interface Selection {
  /** The set-up of the target: only scenarios written for it run (default `apache-0.9`). */
  readonly setup?: SetupName
  /** Run scenarios carrying any of these tags (all when empty). */
  readonly tags?: readonly string[]
  /** Run scenarios whose id or title matches. */
  readonly grep?: string | RegExp
  /** The suite (default `conformance`): only its scenarios run. */
  readonly suite?: SuiteName
}

export interface RunOptions extends Selection {
  /** Per-scenario time limit override (ms). */
  readonly timeoutMs?: number
  readonly validator?: SpecValidator
  /** Called before and after each scenario (for the live progress line). */
  readonly onStart?: (scenario: Scenario, index: number, total: number) => void
  readonly onResult?: (result: ScenarioResult, index: number, total: number) => void
  /** The cluster facts deployment checks use (default: {@link DEFAULT_DEPLOYMENT_SETTINGS}). */
  readonly deployment?: DeploymentSettings
  /**
   * Every session and batch the run creates, until it deletes them: whoever stops a run early
   * (Ctrl-C) deletes what is left with {@link deleteCreated}.
   */
  readonly created?: CreatedResources
  /**
   * Runs once before the scenarios, on a context of the run (its shared sessions too): the
   * deployment suite asks `spark.version` for the run's header there. Its errors are its own.
   */
  readonly prelude?: (ctx: ScenarioContext) => Promise<void>
}

/**
 * Refuses a catalogue the runner cannot trust: duplicate ids, a scenario without exactly one
 * parity mark, a known divergence without the observed response, or a behaviour id nobody defined.
 */
export function validateCatalogue(
  scenarios: readonly Scenario[],
  behaviours: readonly Behaviour[],
): void {
  const problems: string[] = []
  const ids = new Set<string>()
  const known = new Set(behaviours.map((b) => b.id))
  for (const s of scenarios) {
    if (ids.has(s.id)) problems.push(`${s.id}: duplicate scenario id`)
    ids.add(s.id)
    const parity = (s as { parity?: Scenario['parity'] }).parity
    if (
      !parity ||
      !['verified', 'documented', 'emulator-only', 'known-divergence'].includes(parity.mark)
    ) {
      problems.push(
        `${s.id}: needs exactly one parity mark (verified, documented, emulator-only or known-divergence)`,
      )
    } else if (parity.mark === 'documented' && !parity.source) {
      problems.push(`${s.id}: a documented scenario must name its source`)
    } else if (parity.mark === 'known-divergence' && (!parity.observed || !parity.reason)) {
      problems.push(
        `${s.id}: a known divergence must record the observed real response and a reason`,
      )
    } else if (parity.mark === 'emulator-only' && !parity.reason) {
      problems.push(`${s.id}: an emulator-only scenario must say why`)
    }
    if (s.covers.length === 0) problems.push(`${s.id}: covers no behaviour`)
    for (const b of s.covers)
      if (!known.has(b)) problems.push(`${s.id}: covers unknown behaviour ${b}`)
  }
  if (problems.length > 0)
    throw new Error(`the scenario catalogue is invalid:\n  ${problems.join('\n  ')}`)
}

export function select(scenarios: readonly Scenario[], selection: Selection): Scenario[] {
  const grep = typeof selection.grep === 'string' ? new RegExp(selection.grep, 'i') : selection.grep
  const setup = selection.setup ?? 'apache-0.9'
  const suite = selection.suite ?? 'conformance'
  return scenarios.filter(
    (s) =>
      (s.setup ?? 'apache-0.9') === setup &&
      (s.suite ?? 'conformance') === suite &&
      (!selection.tags?.length || s.tags.some((t) => selection.tags?.includes(t))) &&
      (!grep || grep.test(s.id) || grep.test(s.title)),
  )
}

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new ExpectationFailure(`${what} did not finish within ${ms} ms`)),
      ms,
    )
    promise.then(
      (v) => {
        clearTimeout(timer)
        resolve(v)
      },
      (e: unknown) => {
        clearTimeout(timer)
        reject(e)
      },
    )
  })

/** Why a scenario cannot run on a target (or undefined when it can). */
export function skipReason(scenario: Scenario, target: Target): string | undefined {
  const missing = (scenario.requires ?? []).filter((c) => !target.capabilities.has(c))
  if (missing.length > 0)
    return `${target.name} lacks ${missing.join(', ')}${missing.map((c) => HOW[c] ?? '').join('')}`
  return undefined
}

/** What to do about a missing capability, where the user can do something. */
const HOW: Partial<Record<import('./types.ts').Capability, string>> = {
  'frozen-time':
    ' (its clock is the wall clock, so exact times move between requests; start the emulator with --clock frozen to run these)',
}

/**
 * Runs scenarios one after the other on a started target. Every response is validated
 * against the spec; a scenario fails on a broken expectation, a spec violation, an error, a
 * timeout or when it asserted nothing.
 */
export async function runScenarios(
  scenarios: readonly Scenario[],
  target: Target,
  options: RunOptions = {},
): Promise<ScenarioResult[]> {
  const setup = SETUPS[options.setup ?? 'apache-0.9']
  const deployment = options.suite === 'deployment'
  const run: RunState = {
    target,
    setup,
    validator: options.validator ?? createSpecValidator(),
    shared: new Map(),
    deployment: options.deployment ?? DEFAULT_DEPLOYMENT_SETTINGS,
    created: options.created ?? createCreatedResources(),
    // Deployment checks create only small sessions and batches, named as theirs.
    ...(deployment
      ? { createDefaults: options.deployment?.resources ?? DEFAULT_DEPLOYMENT_SETTINGS.resources }
      : {}),
    reset: !deployment,
  }
  const results: ScenarioResult[] = []
  const chosen = select(scenarios, options)
  if (options.prelude && chosen.length > 0) {
    const { ctx, recording } = createScenarioContext(run)
    try {
      await options.prelude(ctx)
    } finally {
      for (const cleanup of recording.cleanups.reverse()) await cleanup().catch(() => undefined)
    }
  }
  for (const [index, scenario] of chosen.entries()) {
    options.onStart?.(scenario, index, chosen.length)
    const result = await runOne(scenario, run, options)
    results.push(result)
    options.onResult?.(result, index, chosen.length)
  }
  for (const [kind, pending] of run.shared) {
    const id = await pending.catch(() => undefined)
    if (id !== undefined)
      await sendAs(target, setup, 'DELETE', `/sessions/${id}`)
        .then(() => run.created.forget(`/sessions/${id}`))
        .catch(() => undefined)
    run.shared.delete(kind)
  }
  return results
}

async function runOne(
  scenario: Scenario,
  run: RunState,
  options: RunOptions,
): Promise<ScenarioResult> {
  const { target } = run
  const started = performance.now()
  const base = {
    scenario,
    target: target.name,
    notes: [] as string[],
    exchanges: [],
    violations: [],
    assertions: 0,
  }
  const skip = skipReason(scenario, target)
  if (skip) return { ...base, outcome: 'skipped', durationMs: 0, skipReason: skip }
  try {
    if (run.reset && target.capabilities.has('reset')) {
      // A fresh emulator per scenario: no scenario sees another's sessions.
      await target.send('POST', '/__emulator/reset')
      run.shared.clear()
    } else if (scenario.needsEmptyServer) {
      const sessions = await sendAs(target, run.setup, 'GET', '/sessions')
      const batches = await sendAs(target, run.setup, 'GET', '/batches')
      const total = (r: { text: string }) => (JSON.parse(r.text) as { total: number }).total
      if (total(sessions) > 0 || total(batches) > 0) {
        return {
          ...base,
          outcome: 'skipped',
          durationMs: 0,
          skipReason: 'needs an empty server (sessions or batches exist)',
        }
      }
    }
  } catch (e) {
    return {
      ...base,
      outcome: 'failed',
      durationMs: performance.now() - started,
      failure: `preparing the target failed: ${String(e)}`,
    }
  }
  const { ctx, recording } = createScenarioContext(run)
  let failure: string | undefined
  let skipped: string | undefined
  try {
    await withTimeout(
      scenario.run(ctx),
      options.timeoutMs ?? scenario.timeoutMs ?? 300_000,
      scenario.id,
    )
  } catch (e) {
    if (e instanceof ScenarioSkipped) skipped = e.reason
    else
      failure =
        e instanceof ExpectationFailure
          ? e.message
          : e instanceof Error
            ? `${e.name}: ${e.message}`
            : String(e)
  }
  for (const cleanup of recording.cleanups.reverse()) {
    await cleanup().catch((e: unknown) => recording.notes.push(`cleanup failed: ${String(e)}`))
  }
  if (skipped !== undefined && recording.violations.length === 0)
    return {
      ...base,
      outcome: 'skipped',
      durationMs: performance.now() - started,
      skipReason: skipped,
      notes: recording.notes,
      exchanges: recording.exchanges,
    }
  if (!failure && recording.violations.length > 0) {
    const v = recording.violations[0]
    failure = `spec violation in ${v?.request} → ${v?.status} (${v?.operationId}): ${v?.path}: ${v?.message}${recording.violations.length > 1 ? ` (+${recording.violations.length - 1} more)` : ''}`
  }
  if (!failure && recording.assertions() === 0) failure = 'the scenario asserted nothing'
  return {
    scenario,
    target: target.name,
    outcome: failure ? 'failed' : 'passed',
    durationMs: performance.now() - started,
    assertions: recording.assertions(),
    notes: recording.notes,
    exchanges: recording.exchanges,
    violations: recording.violations,
    ...(failure ? { failure } : {}),
  }
}
