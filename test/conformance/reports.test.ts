import { describe, expect, test } from 'vitest'
import { describeDivergence, type ExchangeDivergence } from '../../src/conformance/answer-diff.ts'
import type { Comparison } from '../../src/conformance/compare.ts'
import {
  agreementLine,
  createProgress,
  formatComparisons,
  formatResults,
  summaryLine,
} from '../../src/conformance/reports/console.ts'
import { buildJsonReport, renderJsonReport } from '../../src/conformance/reports/json.ts'
import { renderJUnit, xmlAttr, xmlText } from '../../src/conformance/reports/junit.ts'
import type { Exchange, Parity, Scenario, ScenarioResult } from '../../src/conformance/types.ts'
import { all, parseXml, type XmlNode } from '../support/xml.ts'

const scenario = (id: string, title: string, parity: Parity = { mark: 'verified' }): Scenario => ({
  id,
  title,
  covers: ['B-HTTP-001', 'B-SESSION-023'],
  tags: ['http', 'sessions'],
  parity,
  run: async () => {},
})

const exchange = (method: string, path: string, status: number, text: string): Exchange => ({
  method,
  path,
  requestBody: method === 'POST' ? '{"kind":"spark"}' : undefined,
  status,
  headers: new Headers({
    'content-type': 'application/json;charset=utf-8',
    date: 'Fri, 20 Nov 2026 12:00:00 GMT',
    location: '/sessions/0',
  }),
  text,
  json: () => JSON.parse(text),
  operationId: 'getSession',
  durationMs: 1.5,
})

const HOSTILE =
  'quote " apos \' <tag> & amp ]]> nul \u0000 bell \u0007 esc \u001b ffff \uFFFF lone \uD800 cr \r end'

const result = (
  s: Scenario,
  outcome: ScenarioResult['outcome'],
  extra: Partial<ScenarioResult> = {},
): ScenarioResult => ({
  scenario: s,
  target: 'emulator (in-process, msw)',
  outcome,
  durationMs: 120.4,
  assertions: outcome === 'skipped' ? 0 : 3,
  notes: [],
  exchanges: [],
  violations: [],
  ...extra,
})

const FAILURE =
  'DELETE /sessions/0 → 204: expected status 200, got 204; body ""\nsecond line of the message'

const RESULTS: ScenarioResult[] = [
  result(scenario('S-A-001', 'passes <cleanly> & "quietly"'), 'passed', {
    exchanges: [exchange('POST', '/sessions', 201, '{"id":0,"state":"starting"}')],
    notes: ['a note'],
  }),
  result(scenario('S-A-002', `fails with ${HOSTILE}`), 'failed', {
    failure: `${FAILURE}\n${HOSTILE}`,
    violations: [
      {
        operationId: 'getSession',
        request: 'GET /sessions/0',
        status: 200,
        path: '$.state',
        message: 'must be equal to one of the allowed values',
      },
    ],
  }),
  result(scenario('S-A-003', 'is skipped'), 'skipped', {
    durationMs: 0,
    skipReason: 'emulator (in-process, msw) lacks wire',
  }),
  result(scenario('S-A-004', 'passes too'), 'passed'),
]

describe('console report', () => {
  test('the summary line counts every outcome', () => {
    expect(summaryLine(RESULTS)).toBe('2 passed, 1 failed, 1 skipped')
    expect(summaryLine([])).toBe('0 passed, 0 failed, 0 skipped')
  })

  test('the final table lists every result, failures in full, and ends with the summary line', () => {
    const text = formatResults(RESULTS)
    const lines = text.trimEnd().split('\n')
    expect(lines.at(-1)).toBe('2 passed, 1 failed, 1 skipped')
    expect(lines[0]).toMatch(/^id\s+title\s+target\s+outcome\s+ms\s+reason$/)
    for (const r of RESULTS) {
      expect(lines.some((l) => l.startsWith(r.scenario.id) && l.includes(r.outcome))).toBe(true)
    }
    // The table shows the first line of the reason; the failures section shows all of it.
    expect(lines.find((l) => l.startsWith('S-A-002'))).toContain('DELETE /sessions/0 → 204')
    expect(lines.find((l) => l.startsWith('S-A-003'))).toContain('lacks wire')
    expect(text).toContain('    second line of the message')
    expect(text).toContain('spec violation: GET /sessions/0 → 200 (getSession): $.state:')
  })

  test('progress: one line per scenario on a pipe, updated in place on a terminal', () => {
    let pipe = ''
    const p = createProgress({ write: (s: string) => (pipe += s) })
    const [a, b, c] = RESULTS as [ScenarioResult, ScenarioResult, ScenarioResult]
    p.start(a.scenario, 0, 64)
    p.result(a, 0, 64)
    p.start(b.scenario, 1, 64)
    p.result(b, 1, 64)
    p.result(c, 2, 64)
    expect(pipe.split('\n')).toEqual([
      '[1/64] S-A-001 passes <cleanly> & "quietly" … passed (120 ms)',
      `[2/64] S-A-002 fails with ${HOSTILE} … failed (120 ms)`,
      '[3/64] S-A-003 is skipped … skipped (emulator (in-process, msw) lacks wire)',
      '',
    ])
    expect(pipe).not.toContain('\r\x1b')

    let tty = ''
    const t = createProgress({ write: (s: string) => (tty += s), isTTY: true, columns: 40 })
    t.start(a.scenario, 0, 64)
    expect(tty).toBe('\r\x1b[K[1/64] S-A-001 passes <cleanly> & "qui…') // 39 columns
    t.result(a, 0, 64)
    expect(
      tty.endsWith('\r\x1b[K[1/64] S-A-001 passes <cleanly> & "quietly" … passed (120 ms)\n'),
    ).toBe(true)
  })

  test('differential: divergences per scenario and agreement over compared scenarios only', () => {
    const comparisons = comparisonFixtures()
    expect(agreementLine(comparisons)).toBe('agreement: 1/3 scenarios')
    const text = formatComparisons(comparisons, { a: 'livy', b: 'emulator' })
    expect(text).toContain('A = livy')
    expect(text).toContain('#0 GET /sessions/S0')
    expect(text).toMatch(/^ {6}status +200 +404$/m)
    expect(text).toContain('same exchanges, but A passed and B failed')
    expect(text).not.toMatch(/^\s*S-C-003/m) // emulator-only: never compared
    expect(text).not.toMatch(/^\s*S-C-004/m) // skipped on one side
    expect(text.trimEnd().split('\n').at(-1)).toBe('agreement: 1/3 scenarios')
    let progress = ''
    const p = createProgress({ write: (s: string) => (progress += s) })
    comparisons.forEach((c, i) => {
      p.comparison(c, i, comparisons.length)
    })
    expect(progress).toContain(
      '[1/5] S-C-001 agrees … agree (A passed (120 ms), B passed (120 ms))',
    )
    expect(progress).toContain(
      '[2/5] S-C-002 diverges … DIVERGE (1) (A passed (120 ms), B passed (120 ms))',
    )
    expect(progress).toContain('[3/5] S-C-003 emulator only … not compared')
  })
})

function comparisonFixtures(): Comparison[] {
  const make = (
    s: Scenario,
    a: ScenarioResult['outcome'],
    b: ScenarioResult['outcome'],
    differences: ExchangeDivergence[],
    agree: boolean,
  ): Comparison => ({
    scenario: s,
    a: { ...result(s, a), target: 'livy' },
    b: { ...result(s, b), target: 'emulator' },
    transcriptA: [{ request: 'GET /sessions/S0', status: 200, headers: {}, body: '{}' }],
    transcriptB: [{ request: 'GET /sessions/S0', status: 404, headers: {}, body: '{}' }],
    compared: s.parity.mark !== 'emulator-only' && a !== 'skipped' && b !== 'skipped',
    differences,
    divergences: differences.map((d) => describeDivergence(d)),
    agree,
  })
  return [
    make(scenario('S-C-001', 'agrees'), 'passed', 'passed', [], true),
    make(
      scenario('S-C-002', 'diverges'),
      'passed',
      'passed',
      [
        {
          index: 0,
          request: 'GET /sessions/S0',
          fields: [{ field: 'status', a: '200', b: '404' }],
        },
      ],
      false,
    ),
    make(
      scenario('S-C-003', 'emulator only', { mark: 'emulator-only', reason: 'control API' }),
      'skipped',
      'passed',
      [],
      true,
    ),
    make(scenario('S-C-004', 'skipped on one side'), 'passed', 'skipped', [], true),
    make(scenario('S-C-005', 'fails on B'), 'passed', 'failed', [], false),
  ]
}

describe('JUnit report', () => {
  const xml = renderJUnit(
    [
      ...RESULTS,
      { ...result(scenario('S-A-001', 'on another target'), 'passed'), target: 'livy:8998' },
    ],
    {
      timestamp: new Date('2026-11-20T12:00:00Z'),
      targetProperties: { 'livy:8998': { 'target.kind': 'livy' } },
    },
  )

  test('is well-formed XML 1.0 with no character XML forbids, whatever the messages contain', () => {
    expect(() => parseXml(xml)).not.toThrow()
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/)
    expect(xml).not.toMatch(/[\uD800-\uDFFF]/)
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true)
  })

  test('one testsuite per target with tests/failures/skipped/time, one testcase per result', () => {
    const root = parseXml(xml)
    expect(root.name).toBe('testsuites')
    expect(root.attributes).toMatchObject({ tests: '5', failures: '1', errors: '0' })
    const suites = all(root, 'testsuite')
    expect(suites.map((s) => s.attributes.name)).toEqual([
      'emulator (in-process, msw)',
      'livy:8998',
    ])
    const [emu, livy] = suites as [XmlNode, XmlNode]
    expect(emu.attributes).toMatchObject({
      tests: '4',
      failures: '1',
      skipped: '1',
      errors: '0',
      time: '0.361',
    })
    expect(emu.attributes.timestamp).toBe('2026-11-20T12:00:00')
    expect(livy.attributes).toMatchObject({ tests: '1', failures: '0', skipped: '0' })
    const cases = all(emu, 'testcase')
    expect(cases).toHaveLength(4)
    expect(cases[0]?.attributes).toMatchObject({
      classname: 'emulator (in-process, msw)',
      name: 'S-A-001 passes <cleanly> & "quietly"',
      time: '0.120',
    })
    const suiteProps = Object.fromEntries(
      emu.children
        .filter((c) => c.name === 'properties')
        .flatMap((p) => p.children.map((c) => [c.attributes.name, c.attributes.value])),
    )
    // The skipped scenario covers the same behaviours, so they still count via the others.
    expect(suiteProps['behaviours.covered']).toBe('B-HTTP-001,B-SESSION-023')
    expect(suiteProps['behaviours.covered.count']).toBe('2')
    const livyProps = all(livy, 'property').map((p) => p.attributes.name)
    expect(livyProps).toContain('target.kind')
    const out = (cases[0] as XmlNode).children.find((c) => c.name === 'system-out')
    expect(out?.text).toContain('covers: B-HTTP-001, B-SESSION-023')
  })

  test('valid against junit-10.xsd: only the elements, children and attributes it allows', () => {
    // The schema Jenkins validates with (junit-10.xsd), as rules: children in order, and the
    // attributes each element may carry.
    const rules: Record<string, { children: string[]; attributes: string[]; required: string[] }> =
      {
        testsuites: {
          children: ['testsuite'],
          attributes: ['name', 'time', 'tests', 'failures', 'disabled', 'errors'],
          required: [],
        },
        testsuite: {
          children: ['properties', 'testcase', 'system-out', 'system-err'],
          attributes: [
            'name',
            'tests',
            'failures',
            'errors',
            'time',
            'disabled',
            'skipped',
            'timestamp',
            'hostname',
            'id',
            'package',
          ],
          required: ['name', 'tests'],
        },
        properties: { children: ['property'], attributes: [], required: [] },
        property: { children: [], attributes: ['name', 'value'], required: ['name', 'value'] },
        testcase: {
          children: ['skipped', 'error', 'failure', 'system-out', 'system-err'],
          attributes: ['name', 'assertions', 'time', 'classname', 'status'],
          required: ['name'],
        },
        skipped: { children: [], attributes: [], required: [] },
        failure: { children: [], attributes: ['type', 'message'], required: [] },
        error: { children: [], attributes: ['type', 'message'], required: [] },
        'system-out': { children: [], attributes: [], required: [] },
        'system-err': { children: [], attributes: [], required: [] },
      }
    const problems: string[] = []
    const check = (node: XmlNode): void => {
      const rule = rules[node.name]
      if (!rule) {
        problems.push(`<${node.name}> is not in the schema`)
        return
      }
      for (const a of Object.keys(node.attributes))
        if (!rule.attributes.includes(a)) problems.push(`<${node.name}> may not carry ${a}`)
      for (const a of rule.required)
        if (node.attributes[a] === undefined) problems.push(`<${node.name}> needs ${a}`)
      let at = 0
      for (const child of node.children) {
        const i = rule.children.indexOf(child.name)
        if (i < 0) problems.push(`<${child.name}> may not be inside <${node.name}>`)
        else if (i < at) problems.push(`<${child.name}> is out of order in <${node.name}>`)
        else at = i
        check(child)
      }
    }
    check(parseXml(xml))
    expect(problems).toEqual([])
  })

  test('failure carries the full message in its body and the first line as message; skips their reason', () => {
    const cases = all(parseXml(xml), 'testcase')
    const failed = cases.find((c) => c.attributes.name?.startsWith('S-A-002'))
    const failure = failed?.children.find((c) => c.name === 'failure')
    expect(failure?.attributes.type).toBe('ExpectationFailure')
    expect(failure?.attributes.message).toBe(
      'DELETE /sessions/0 → 204: expected status 200, got 204; body ""',
    )
    const expected = `${FAILURE}\n${HOSTILE}`.replace(
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`,
    )
    expect(failure?.text).toBe(expected)
    expect(failure?.text).toContain('nul \\u0000 bell \\u0007 esc \\u001B')
    expect(failure?.text).toContain('cr \r end') // CR survives as &#13;
    expect(failed?.attributes.name).toContain(`quote " apos ' <tag> & amp ]]>`)
    const out = failed?.children.find((c) => c.name === 'system-out')
    expect(out?.text).toContain('spec violation: GET /sessions/0 → 200 (getSession): $.state')
    const skipped = cases.find((c) => c.attributes.name?.startsWith('S-A-003'))
    expect(skipped?.children.find((c) => c.name === 'skipped')?.text).toBe(
      'emulator (in-process, msw) lacks wire',
    )
    const passed = cases.find((c) => c.attributes.name?.startsWith('S-A-004'))
    expect(passed?.children.map((c) => c.name)).toEqual(['system-out'])
  })

  test('escaping helpers', () => {
    expect(xmlText('a<b>&c')).toBe('a&lt;b&gt;&amp;c')
    expect(xmlAttr('"x"\n\ty\'')).toBe('&quot;x&quot;&#10;&#9;y&apos;')
    expect(xmlText('\u0001\uD83D\uDE00')).toBe('\\u0001\uD83D\uDE00') // a surrogate pair is fine
    expect(parseXml(`<a v="${xmlAttr('1\n2\t3 "q"')}"/>`).attributes.v).toBe('1\n2\t3 "q"')
  })

  test('an empty run is still a valid document', () => {
    const root = parseXml(renderJUnit([]))
    expect(root.attributes).toMatchObject({ tests: '0', failures: '0' })
    expect(all(root, 'testsuite')).toEqual([])
  })
})

describe('JSON report', () => {
  const input = {
    targets: [
      {
        name: 'emulator (in-process, msw)',
        kind: 'emulator' as const,
        description: 'msw',
        capabilities: ['control'],
      },
    ],
    results: RESULTS,
    catalogue: RESULTS.map((r) => r.scenario),
    behaviours: [{ id: 'B-HTTP-001' }, { id: 'B-SESSION-023' }, { id: 'B-UNCOVERED-001' }],
    selected: RESULTS.map((r) => r.scenario),
    selection: { tags: ['http'], grep: 'S-A' },
    startedAt: new Date('2026-11-20T12:00:00Z'),
    durationMs: 1234.5,
  }

  test('totals, catalogue counts and one entry per result with its exchanges', () => {
    const report = JSON.parse(renderJsonReport(input))
    expect(report).toMatchObject({
      tool: 'livy-conformance',
      mode: 'run',
      profile: 'apache-0.9',
      startedAt: '2026-11-20T12:00:00.000Z',
      selection: { tags: ['http'], grep: 'S-A' },
      targets: input.targets,
      totals: { results: 4, passed: 2, failed: 1, skipped: 1, assertions: 9 },
      catalogue: {
        scenarios: 4,
        behaviours: 3,
        behavioursCovered: 2,
        selectedScenarios: 4,
        behavioursExercised: 2,
      },
    })
    expect(report.comparison).toBeUndefined()
    expect(report.results).toHaveLength(4)
    expect(report.results[0]).toEqual({
      id: 'S-A-001',
      title: 'passes <cleanly> & "quietly"',
      covers: ['B-HTTP-001', 'B-SESSION-023'],
      tags: ['http', 'sessions'],
      parity: { mark: 'verified' },
      target: 'emulator (in-process, msw)',
      outcome: 'passed',
      durationMs: 120.4,
      assertions: 3,
      failure: null,
      skipReason: null,
      notes: ['a note'],
      violations: [],
      exchanges: [
        {
          method: 'POST',
          path: '/sessions',
          status: 201,
          operationId: 'getSession',
          requestBody: '{"kind":"spark"}',
          body: '{"id":0,"state":"starting"}',
          headers: { 'content-type': 'application/json;charset=utf-8', location: '/sessions/0' },
          durationMs: 1.5,
        },
      ],
    })
    expect(report.results[1].failure).toBe(`${FAILURE}\n${HOSTILE}`) // JSON keeps every character
    expect(report.results[1].violations[0]).toMatchObject({
      path: '$.state',
      request: 'GET /sessions/0',
    })
    expect(report.results[2]).toMatchObject({
      outcome: 'skipped',
      skipReason: 'emulator (in-process, msw) lacks wire',
    })
  })

  test('differential mode adds transcripts, divergences and the agreement', () => {
    const comparisons = comparisonFixtures()
    const report = buildJsonReport({
      ...input,
      targets: [
        { name: 'livy', kind: 'livy', description: 'http://livy:8998', capabilities: ['wire'] },
        { name: 'emulator', kind: 'emulator', description: 'msw', capabilities: ['control'] },
      ],
      results: comparisons.flatMap((c) => [c.a, c.b]),
      comparisons,
    })
    expect(report.mode).toBe('compare')
    expect(report.comparison).toMatchObject({ a: 'livy', b: 'emulator', agreed: 1, compared: 3 })
    expect(report.comparison?.scenarios.map((c) => [c.id, c.compared, c.agree])).toEqual([
      ['S-C-001', true, true],
      ['S-C-002', true, false],
      ['S-C-003', false, true],
      ['S-C-004', false, true],
      ['S-C-005', true, false],
    ])
    expect(report.comparison?.scenarios[1]).toMatchObject({
      divergences: [expect.stringMatching(/^#0 GET \/sessions\/S0\n.*\n {2}status +200 +404$/)],
      differences: [{ index: 0, fields: [{ field: 'status', a: '200', b: '404' }] }],
      transcripts: { a: [{ status: 200 }], b: [{ status: 404 }] },
      outcomes: { a: 'passed', b: 'passed' },
    })
  })
})
