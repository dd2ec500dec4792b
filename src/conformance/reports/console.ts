import { describeDivergence } from '../answer-diff.ts'
import type { Comparison } from '../compare.ts'
import type { Outcome, Scenario, ScenarioResult } from '../types.ts'

/** Where the console report writes (process.stdout, a test buffer, …). */
export interface ReportStream {
  write(text: string): unknown
  /** `\r` updates of the progress line are used only on a terminal. */
  readonly isTTY?: boolean
  readonly columns?: number
}

const ms = (durationMs: number): string => String(Math.round(durationMs))
const firstLine = (text: string | undefined): string => (text ?? '').split('\n', 1)[0] ?? ''

const clip = (text: string, width: number): string =>
  text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`

/** `N passed, N failed, N skipped` (counting every result, of every target). */
export function summaryLine(results: readonly ScenarioResult[]): string {
  const count = (outcome: Outcome) => results.filter((r) => r.outcome === outcome).length
  return `${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`
}

/** A comparison counts towards agreement when `compareTargets` compared it. */
export function isCompared(c: Comparison): boolean {
  return c.compared
}

/** Scenarios that agree out of those compared on both targets. */
export function agreementOf(comparisons: readonly Comparison[]): {
  agreed: number
  compared: number
} {
  const compared = comparisons.filter(isCompared)
  return { agreed: compared.filter((c) => c.agree).length, compared: compared.length }
}

/** `agreement: N/M scenarios`. */
export function agreementLine(comparisons: readonly Comparison[]): string {
  const { agreed, compared } = agreementOf(comparisons)
  return `agreement: ${agreed}/${compared} scenarios`
}

/**
 * The live progress line: `[12/64] S-SESSION-003 creating a session … passed (120 ms)`.
 * One line per scenario; on a terminal the line appears when the scenario starts and is
 * completed in place (`\r`) when it ends.
 */
export function createProgress(stream: ReportStream) {
  const tty = stream.isTTY === true
  const head = (scenario: Scenario, index: number, total: number) =>
    `[${index + 1}/${total}] ${scenario.id} ${scenario.title} …`
  const pending = (line: string) => {
    if (!tty) return
    const width = Math.max(20, (stream.columns ?? 80) - 1)
    stream.write(`\r\x1b[K${clip(line, width)}`)
  }
  const done = (line: string) => stream.write(`${tty ? '\r\x1b[K' : ''}${line}\n`)
  const outcomeOf = (r: ScenarioResult) =>
    r.outcome === 'skipped'
      ? `skipped (${firstLine(r.skipReason)})`
      : `${r.outcome} (${ms(r.durationMs)} ms)`
  return {
    /** `RunOptions.onStart`. */
    start(scenario: Scenario, index: number, total: number): void {
      pending(head(scenario, index, total))
    },
    /** `RunOptions.onResult`. */
    result(result: ScenarioResult, index: number, total: number): void {
      done(`${head(result.scenario, index, total)} ${outcomeOf(result)}`)
    },
    /** `compareTargets`' `onComparison`: both outcomes and whether they agree. */
    comparison(c: Comparison, index: number, total: number): void {
      const verdict = !isCompared(c)
        ? 'not compared'
        : c.agree
          ? 'agree'
          : c.divergences.length > 0
            ? `DIVERGE (${c.divergences.length})`
            : 'DISAGREE'
      done(
        `${head(c.scenario, index, total)} ${verdict} (A ${outcomeOf(c.a)}, B ${outcomeOf(c.b)})`,
      )
    },
  }
}

/** Left-aligned columns, separated by two spaces; the last column is not padded. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n')

/**
 * The final report: a table of every result (id, title, target, outcome, ms, first line of
 * the failure or skip reason), then each failure in full (with its spec violations and notes),
 * then the summary line `N passed, N failed, N skipped`.
 */
export function formatResults(results: readonly ScenarioResult[]): string {
  const rows = results.map((r) => [
    r.scenario.id,
    clip(r.scenario.title, 60),
    r.target,
    r.outcome,
    r.outcome === 'skipped' ? '-' : ms(r.durationMs),
    clip(firstLine(r.failure ?? r.skipReason), 100),
  ])
  const out = [formatTable(['id', 'title', 'target', 'outcome', 'ms', 'reason'], rows)]
  const failed = results.filter((r) => r.outcome === 'failed')
  if (failed.length > 0) {
    out.push('', 'Failures:')
    for (const r of failed) {
      out.push('', `  ${r.scenario.id} ${r.scenario.title} [${r.target}]`)
      out.push(indent(r.failure ?? '(no message)', '    '))
      for (const v of r.violations) {
        out.push(
          `    spec violation: ${v.request} → ${v.status} (${v.operationId ?? 'no operation'}): ${v.path}: ${v.message}`,
        )
      }
      for (const note of r.notes) out.push(indent(`note: ${note}`, '    '))
    }
  }
  // What passed scenarios found worth saying (a deployment's Spark version, the Spark answers'
  // differences from Spark 3.5.9) is printed too: it is the point of those suites.
  const noted = results.filter((r) => r.outcome === 'passed' && r.notes.length > 0)
  if (noted.length > 0) {
    out.push('', 'Notes:')
    for (const r of noted) {
      out.push('', `  ${r.scenario.id} [${r.target}]`)
      for (const note of r.notes) out.push(indent(note, '    '))
    }
  }
  out.push('', summaryLine(results))
  return `${out.join('\n')}\n`
}

/**
 * The differential part: a table of the scenarios where the targets disagree, then under each
 * one every exchange answered differently, its differing fields side by side (JSON paths,
 * status, headers, body lines; A's answer, then B's), wrapped to `width` columns, never cut;
 * then `agreement: N/M scenarios`.
 */
export function formatComparisons(
  comparisons: readonly Comparison[],
  names: { readonly a: string; readonly b: string },
  options: { readonly width?: number } = {},
): string {
  const width = Math.max(60, options.width ?? 100)
  const out: string[] = [`A = ${names.a}`, `B = ${names.b}`]
  const differing = comparisons.filter(
    (c) => isCompared(c) && (!c.agree || c.divergences.length > 0),
  )
  if (differing.length === 0) {
    out.push('', 'No divergences.')
  } else {
    const rows = differing.map((c) => [
      c.scenario.id,
      clip(c.scenario.title, 60),
      c.scenario.parity.mark,
      c.a.outcome,
      c.b.outcome,
      String(c.divergences.length),
      c.agree ? 'yes (known divergence)' : 'no',
    ])
    out.push(
      '',
      'Divergences:',
      formatTable(['id', 'title', 'parity', 'A', 'B', 'divergences', 'agree'], rows),
    )
    for (const c of differing) {
      out.push('', `  ${c.scenario.id} ${c.scenario.title}`)
      if (c.divergences.length === 0) {
        out.push(`    same exchanges, but A ${c.a.outcome} and B ${c.b.outcome}`)
      }
      for (const d of c.differences)
        out.push(indent(describeDivergence(d, { width: width - 4 }), '    '))
    }
  }
  out.push('', agreementLine(comparisons))
  return `${out.join('\n')}\n`
}
