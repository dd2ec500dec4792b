import type { JournalEntry } from './journal.ts'

/**
 * Which journal entries a query or a `verify` means. Every field given must hold: `method`
 * (any case), `path` (exact, or a glob where `*` is any run of characters), `status`,
 * `bodyContains` (a substring of the recorded, redacted request body), `body` (a JSON value
 * the request body contains: objects by subset, everything else equal), `since` (seq ≥).
 */
export interface JournalCriteria {
  readonly method?: string
  readonly path?: string
  readonly status?: number
  readonly bodyContains?: string
  readonly body?: unknown
  readonly since?: number
}

/** How many matching requests `verify` expects: exactly `count`, or at least `atLeast` (1). */
export interface JournalExpectation extends JournalCriteria {
  readonly count?: number
  readonly atLeast?: number
}

export interface JournalVerification {
  readonly ok: boolean
  readonly count: number
  /** What was expected and what was found, in words (a test's failure message). */
  readonly message: string
  /** The requests that matched. */
  readonly matched: readonly JournalEntry[]
  /** On a mismatch: up to 5 requests with the same method and path, the nearest misses. */
  readonly nearest: readonly JournalEntry[]
}

const globCache = new Map<string, RegExp>()

function pathMatches(pattern: string, path: string): boolean {
  if (!pattern.includes('*')) return pattern === path
  let re = globCache.get(pattern)
  if (!re) {
    // Only `*` is special; everything else is literal. Linear: one `.*` per star, no nesting.
    re = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`, 's')
    if (globCache.size > 256) globCache.clear()
    globCache.set(pattern, re)
  }
  return re.test(path)
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** `actual` contains `expected`: objects by subset (recursively), arrays and scalars equal. */
export function containsJson(actual: unknown, expected: unknown): boolean {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false
    return Object.entries(expected).every(
      ([key, value]) =>
        Object.hasOwn(actual, key) && containsJson((actual as Record<string, unknown>)[key], value),
    )
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((value, i) => containsJson(actual[i], value))
    )
  }
  return Object.is(actual, expected)
}

function parsedBody(entry: JournalEntry): unknown {
  if (entry.body === undefined || entry.bodyTruncated) return undefined
  try {
    return JSON.parse(entry.body)
  } catch {
    return undefined
  }
}

/**
 * Whether a journal entry meets the criteria.
 *
 * @example
 * matchesCriteria(entry, { method: 'POST', path: '/sessions/*\/statements', body: { code: '1 + 1' } })
 */
export function matchesCriteria(entry: JournalEntry, criteria: JournalCriteria): boolean {
  if (criteria.method !== undefined && entry.method.toUpperCase() !== criteria.method.toUpperCase())
    return false
  if (criteria.path !== undefined && !pathMatches(criteria.path, entry.path)) return false
  if (criteria.status !== undefined && entry.status !== criteria.status) return false
  if (criteria.since !== undefined && entry.seq < criteria.since) return false
  if (criteria.bodyContains !== undefined && !(entry.body ?? '').includes(criteria.bodyContains))
    return false
  if (criteria.body !== undefined && !containsJson(parsedBody(entry), criteria.body)) return false
  return true
}

function describe(criteria: JournalCriteria): string {
  const parts = [
    criteria.method?.toUpperCase() ?? 'any method',
    criteria.path ?? 'any path',
    ...(criteria.status !== undefined ? [`answered ${criteria.status}`] : []),
    ...(criteria.bodyContains !== undefined
      ? [`with a body containing ${JSON.stringify(criteria.bodyContains)}`]
      : []),
    ...(criteria.body !== undefined
      ? [`with a body containing ${JSON.stringify(criteria.body)}`]
      : []),
    ...(criteria.since !== undefined ? [`from request #${criteria.since}`] : []),
  ]
  return parts.join(' ')
}

const line = (e: JournalEntry): string =>
  `  #${e.seq} ${e.method} ${e.path}${e.query ? `?${e.query}` : ''} → ${e.status}${
    e.body !== undefined ? ` ${e.body.length > 200 ? `${e.body.slice(0, 200)}…` : e.body}` : ''
  }`

/**
 * WireMock's `verify` for the journal: how many requests matched, and a readable message when
 * that is not what was expected.
 *
 * @example
 * const v = verifyJournal(livy.journal.entries(), { method: 'POST', path: '/sessions', count: 1 })
 * if (!v.ok) throw new Error(v.message)
 */
export function verifyJournal(
  entries: readonly JournalEntry[],
  expectation: JournalExpectation,
): JournalVerification {
  const matched = entries.filter((e) => matchesCriteria(e, expectation))
  const count = matched.length
  const wanted =
    expectation.count !== undefined
      ? { ok: count === expectation.count, words: `exactly ${expectation.count}` }
      : {
          ok: count >= (expectation.atLeast ?? 1),
          words: `at least ${expectation.atLeast ?? 1}`,
        }
  const what = describe(expectation)
  if (wanted.ok)
    return { ok: true, count, message: `${count} request(s) ${what}`, matched, nearest: [] }
  const nearest = entries
    .filter(
      (e) =>
        !matched.includes(e) &&
        (expectation.method === undefined ||
          e.method.toUpperCase() === expectation.method.toUpperCase()) &&
        (expectation.path === undefined || pathMatches(expectation.path, e.path)),
    )
    .slice(-5)
  const message = [
    `expected ${wanted.words} request(s) ${what}, found ${count}`,
    ...(nearest.length > 0
      ? ['nearest requests that did not match:', ...nearest.map(line)]
      : entries.length > 0
        ? ['last requests:', ...entries.slice(-5).map(line)]
        : ['no request was recorded']),
  ].join('\n')
  return { ok: false, count, message, matched, nearest }
}
