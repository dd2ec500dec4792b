import type { ExchangeDivergence } from '../answer-diff.ts'
import type { Comparison } from '../compare.ts'
import type { NormalisedExchange } from '../normalise.ts'
import type { Target } from '../targets/target.ts'
import type {
  Exchange,
  Outcome,
  Parity,
  Scenario,
  ScenarioResult,
  SpecViolation,
} from '../types.ts'
import { agreementOf, isCompared } from './console.ts'

/** Response headers kept in the JSON report (the rest vary by nature or are always the same). */
export const REPORTED_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'location',
  'allow',
  'www-authenticate',
] as const

/** A target as reports describe it. */
export interface ReportTarget {
  readonly name: string
  readonly kind: 'livy' | 'emulator'
  readonly description: string
  readonly capabilities: readonly string[]
}

export interface ReportExchange {
  readonly method: string
  readonly path: string
  readonly status: number
  readonly operationId: string | null
  readonly requestBody: string | null
  /** The response body text, exactly as received. */
  readonly body: string
  readonly headers: Readonly<Record<string, string>>
  readonly durationMs: number
}

export interface ReportViolation extends Omit<SpecViolation, 'operationId'> {
  readonly operationId: string | null
}

export interface ReportScenarioResult {
  readonly id: string
  readonly title: string
  readonly covers: readonly string[]
  readonly tags: readonly string[]
  readonly parity: Parity
  readonly target: string
  readonly outcome: Outcome
  readonly durationMs: number
  readonly assertions: number
  readonly failure: string | null
  readonly skipReason: string | null
  readonly notes: readonly string[]
  readonly violations: readonly ReportViolation[]
  readonly exchanges: readonly ReportExchange[]
}

export interface ReportComparison {
  readonly id: string
  readonly title: string
  readonly parity: Parity
  /** Ran on both targets and not emulator-only: counts towards agreement. */
  readonly compared: boolean
  readonly agree: boolean
  readonly outcomes: { readonly a: Outcome; readonly b: Outcome }
  /** One text per exchange answered differently (fields side by side). */
  readonly divergences: readonly string[]
  /** The same, as data: each exchange's differing fields with both sides' values. */
  readonly differences: readonly ExchangeDivergence[]
  readonly transcripts: {
    readonly a: readonly NormalisedExchange[]
    readonly b: readonly NormalisedExchange[]
  }
}

/** The machine-readable report (`--report json=FILE`). */
export interface JsonReport {
  readonly tool: 'livy-conformance'
  readonly reportVersion: 1
  readonly mode: 'run' | 'compare'
  readonly profile: string
  readonly startedAt: string
  readonly durationMs: number
  readonly selection: { readonly tags: readonly string[]; readonly grep: string | null }
  readonly targets: readonly ReportTarget[]
  readonly catalogue: {
    /** Scenarios in the catalogue, selected or not. */
    readonly scenarios: number
    /** Behaviours defined. */
    readonly behaviours: number
    /** Behaviours at least one catalogue scenario covers. */
    readonly behavioursCovered: number
    readonly selectedScenarios: number
    /** Behaviours covered by the scenarios that ran (not skipped) on some target. */
    readonly behavioursExercised: number
  }
  readonly totals: {
    readonly results: number
    readonly passed: number
    readonly failed: number
    readonly skipped: number
    readonly assertions: number
  }
  readonly results: readonly ReportScenarioResult[]
  readonly comparison?: {
    readonly a: string
    readonly b: string
    readonly agreed: number
    readonly compared: number
    readonly scenarios: readonly ReportComparison[]
  }
}

/** Describes a target (after `setup()`, when a URL target knows whether it is an emulator). */
export function reportTarget(target: Target): ReportTarget {
  return {
    name: target.name,
    kind: target.kind,
    description: target.description,
    capabilities: [...target.capabilities].sort(),
  }
}

export function reportExchange(e: Exchange): ReportExchange {
  const headers: Record<string, string> = {}
  for (const name of REPORTED_HEADERS) {
    const value = e.headers.get(name)
    if (value !== null) headers[name] = value
  }
  return {
    method: e.method,
    path: e.path,
    status: e.status,
    operationId: e.operationId ?? null,
    requestBody: e.requestBody ?? null,
    body: e.text,
    headers,
    durationMs: Math.round(e.durationMs * 1000) / 1000,
  }
}

export function reportResult(r: ScenarioResult): ReportScenarioResult {
  const s = r.scenario
  return {
    id: s.id,
    title: s.title,
    covers: s.covers,
    tags: s.tags,
    parity: s.parity,
    target: r.target,
    outcome: r.outcome,
    durationMs: Math.round(r.durationMs * 1000) / 1000,
    assertions: r.assertions,
    failure: r.failure ?? null,
    skipReason: r.skipReason ?? null,
    notes: r.notes,
    violations: r.violations.map((v) => ({ ...v, operationId: v.operationId ?? null })),
    exchanges: r.exchanges.map(reportExchange),
  }
}

export interface JsonReportInput {
  readonly targets: readonly ReportTarget[]
  readonly results: readonly ScenarioResult[]
  /** Differential mode. */
  readonly comparisons?: readonly Comparison[]
  readonly catalogue: readonly Scenario[]
  readonly behaviours: readonly { readonly id: string }[]
  readonly selected: readonly Scenario[]
  readonly selection?: { readonly tags?: readonly string[]; readonly grep?: string }
  readonly profile?: string
  readonly startedAt: Date
  readonly durationMs: number
}

export function buildJsonReport(input: JsonReportInput): JsonReport {
  const count = (outcome: Outcome) => input.results.filter((r) => r.outcome === outcome).length
  const exercised = new Set(
    input.results.filter((r) => r.outcome !== 'skipped').flatMap((r) => r.scenario.covers),
  )
  const known = new Set(input.behaviours.map((b) => b.id))
  const covered = new Set(input.catalogue.flatMap((s) => s.covers).filter((b) => known.has(b)))
  const comparisons = input.comparisons
  return {
    tool: 'livy-conformance',
    reportVersion: 1,
    mode: comparisons ? 'compare' : 'run',
    profile: input.profile ?? 'apache-0.9',
    startedAt: input.startedAt.toISOString(),
    durationMs: Math.round(input.durationMs),
    selection: { tags: input.selection?.tags ?? [], grep: input.selection?.grep ?? null },
    targets: input.targets,
    catalogue: {
      scenarios: input.catalogue.length,
      behaviours: input.behaviours.length,
      behavioursCovered: covered.size,
      selectedScenarios: input.selected.length,
      behavioursExercised: exercised.size,
    },
    totals: {
      results: input.results.length,
      passed: count('passed'),
      failed: count('failed'),
      skipped: count('skipped'),
      assertions: input.results.reduce((sum, r) => sum + r.assertions, 0),
    },
    results: input.results.map(reportResult),
    ...(comparisons
      ? {
          comparison: {
            a: input.targets[0]?.name ?? 'A',
            b: input.targets[1]?.name ?? 'B',
            ...agreementOf(comparisons),
            scenarios: comparisons.map(
              (c): ReportComparison => ({
                id: c.scenario.id,
                title: c.scenario.title,
                parity: c.scenario.parity,
                compared: isCompared(c),
                agree: c.agree,
                outcomes: { a: c.a.outcome, b: c.b.outcome },
                divergences: c.divergences,
                differences: c.differences,
                transcripts: { a: c.transcriptA, b: c.transcriptB },
              }),
            ),
          },
        }
      : {}),
  }
}

/** The report as pretty-printed JSON text. */
export function renderJsonReport(input: JsonReportInput): string {
  return `${JSON.stringify(buildJsonReport(input), null, 2)}\n`
}
