import type { ScenarioResult } from '../types.ts'

/**
 * Characters XML 1.0 cannot carry, not even as character references: C0 controls other than
 * tab, LF and CR, lone surrogates, U+FFFE and U+FFFF.
 */
const INVALID_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Replaces characters XML 1.0 forbids with a visible `\uXXXX`. */
export function xmlSafe(text: string): string {
  return text.replace(
    INVALID_XML,
    (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0').toUpperCase()}`,
  )
}

/** Escapes element text (CR kept as a reference, so parsers do not fold it into LF). */
export function xmlText(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
}

/** Escapes an attribute value (quotes, and whitespace that attribute normalisation would eat). */
export function xmlAttr(text: string): string {
  return xmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;')
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3)
const firstLine = (text: string | undefined): string => (text ?? '').split('\n', 1)[0] ?? ''

export interface JUnitOptions {
  /** Name of the `<testsuites>` element (default `livy-conformance`). */
  readonly name?: string
  /** When the run started (the `timestamp` of each suite). */
  readonly timestamp?: Date
  /** Extra suite properties per target name (e.g. its URL and kind). */
  readonly targetProperties?: Readonly<Record<string, Readonly<Record<string, string>>>>
}

const property = (name: string, value: string) =>
  `<property name="${xmlAttr(name)}" value="${xmlAttr(value)}"/>`

function testcase(r: ScenarioResult): string {
  const s = r.scenario
  // junit-10.xsd (Jenkins') allows no properties in a testcase: what the scenario covers goes
  // to its system-out, after the notes.
  const lines = [
    `    <testcase classname="${xmlAttr(r.target)}" name="${xmlAttr(`${s.id} ${s.title}`)}" time="${seconds(r.durationMs)}" assertions="${r.assertions}">`,
  ]
  if (r.outcome === 'failed') {
    const message = r.failure ?? 'failed'
    lines.push(
      `      <failure message="${xmlAttr(firstLine(message))}" type="ExpectationFailure">${xmlText(message)}</failure>`,
    )
  } else if (r.outcome === 'skipped') {
    // junit-10.xsd's skipped is text only (no message attribute).
    lines.push(`      <skipped>${xmlText(r.skipReason ?? 'skipped')}</skipped>`)
  }
  const out = [
    ...r.notes.map((n) => `note: ${n}`),
    `covers: ${s.covers.join(', ')}`,
    `parity: ${s.parity.mark}`,
    `tags: ${s.tags.join(', ')}`,
    ...r.violations.map(
      (v) =>
        `spec violation: ${v.request} → ${v.status} (${v.operationId ?? 'no operation'}): ${v.path}: ${v.message}`,
    ),
  ]
  lines.push(`      <system-out>${xmlText(out.join('\n'))}</system-out>`)
  lines.push('    </testcase>')
  return lines.join('\n')
}

/**
 * JUnit XML: one `<testsuite>` per target (tests, failures, skipped, time), one `<testcase>`
 * per scenario named `<id> <title>` with the target as classname, `<failure>` carrying the
 * full message, `<skipped>` with the reason, and properties naming the behaviours covered.
 *
 * @example
 * writeFileSync('conformance.xml', renderJUnit(results))
 */
export function renderJUnit(
  results: readonly ScenarioResult[],
  options: JUnitOptions = {},
): string {
  const byTarget = new Map<string, ScenarioResult[]>()
  for (const r of results) {
    const list = byTarget.get(r.target) ?? []
    list.push(r)
    byTarget.set(r.target, list)
  }
  const count = (list: readonly ScenarioResult[], outcome: ScenarioResult['outcome']) =>
    list.filter((r) => r.outcome === outcome).length
  const time = (list: readonly ScenarioResult[]) =>
    seconds(list.reduce((sum, r) => sum + r.durationMs, 0))
  const stamp = options.timestamp
    ? ` timestamp="${options.timestamp.toISOString().slice(0, 19)}"`
    : ''
  const suites: string[] = []
  for (const [target, list] of byTarget) {
    const covered = [
      ...new Set(list.filter((r) => r.outcome !== 'skipped').flatMap((r) => r.scenario.covers)),
    ].sort()
    const extra = options.targetProperties?.[target] ?? {}
    suites.push(
      [
        `  <testsuite name="${xmlAttr(target)}" tests="${list.length}" failures="${count(list, 'failed')}" errors="0" skipped="${count(list, 'skipped')}" time="${time(list)}"${stamp}>`,
        '    <properties>',
        ...Object.entries(extra).map(([k, v]) => `      ${property(k, v)}`),
        `      ${property('behaviours.covered.count', String(covered.length))}`,
        `      ${property('behaviours.covered', covered.join(','))}`,
        '    </properties>',
        ...list.map(testcase),
        '  </testsuite>',
      ].join('\n'),
    )
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // junit-10.xsd allows no skipped count on testsuites (each testsuite has its own).
    `<testsuites name="${xmlAttr(options.name ?? 'livy-conformance')}" tests="${results.length}" failures="${count(results, 'failed')}" errors="0" time="${time(results)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n')
}
