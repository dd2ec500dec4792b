import type { NormalisedExchange } from './normalise.ts'
import { renderSideBySide } from './reports/side-by-side.ts'

/**
 * One thing two targets answered differently: a JSON path of the body (`$.state`,
 * `$.sessions[0].log`), `status`, `header <name>`, `body line <n>` for a body that is not JSON,
 * or `request` when the scenarios made different requests. A side without the thing is
 * `undefined` (shown as `(absent)`).
 */
export interface FieldDifference {
  readonly field: string
  readonly a: string | undefined
  readonly b: string | undefined
}

/** The differences of one exchange (by position in the two transcripts). */
export interface ExchangeDivergence {
  /** The exchange's position in the transcripts (`#3`). */
  readonly index: number
  /** The request, as the first target's transcript has it (else the second's). */
  readonly request: string
  readonly fields: readonly FieldDifference[]
}

/** How a JSON value is shown in a difference: as JSON text, so strings keep their quotes. */
const shown = (value: unknown): string => JSON.stringify(value) ?? String(value)

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

const childPath = (path: string, key: string): string =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`

/**
 * The fields where two JSON values differ, by path. Livy's field order is part of its answer,
 * so an object whose fields are equal but in another order is a difference too.
 *
 * @example
 * jsonDifferences({ id: 0, state: 'idle' }, { id: 0, state: 'busy' })
 * // [{ field: '$.state', a: '"idle"', b: '"busy"' }]
 */
export function jsonDifferences(a: unknown, b: unknown, path = '$'): FieldDifference[] {
  if (isObject(a) && isObject(b)) {
    const out: FieldDifference[] = []
    const keysA = Object.keys(a)
    const keysB = Object.keys(b)
    for (const key of keysA) {
      if (!Object.hasOwn(b, key))
        out.push({ field: childPath(path, key), a: shown(a[key]), b: undefined })
      else out.push(...jsonDifferences(a[key], b[key], childPath(path, key)))
    }
    for (const key of keysB)
      if (!Object.hasOwn(a, key))
        out.push({ field: childPath(path, key), a: undefined, b: shown(b[key]) })
    const common = (keys: string[], other: Record<string, unknown>) =>
      keys.filter((k) => Object.hasOwn(other, k))
    const orderA = common(keysA, b)
    const orderB = common(keysB, a)
    if (orderA.some((k, i) => k !== orderB[i]))
      out.push({ field: `${path} (field order)`, a: orderA.join(', '), b: orderB.join(', ') })
    return out
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: FieldDifference[] = []
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const field = `${path}[${i}]`
      if (i >= a.length) out.push({ field, a: undefined, b: shown(b[i]) })
      else if (i >= b.length) out.push({ field, a: shown(a[i]), b: undefined })
      else out.push(...jsonDifferences(a[i], b[i], field))
    }
    return out
  }
  const x = shown(a)
  const y = shown(b)
  return x === y ? [] : [{ field: path, a: x, b: y }]
}

/** Above this many lines a side, text bodies are compared line by line without alignment. */
const MAX_ALIGNED_LINES = 2_000

/**
 * The lines where two texts differ, aligned on their longest common subsequence, so a line
 * inserted on one side shows as one difference rather than shifting every line after it.
 *
 * @example
 * lineDifferences('a\nb\nc', 'a\nc')
 * // [{ field: 'body line 2', a: 'b', b: undefined }]
 */
export function lineDifferences(a: string, b: string): FieldDifference[] {
  const x = a.split('\n')
  const y = b.split('\n')
  const field = (i: number, j: number) => `body line ${i < x.length ? i + 1 : j + 1}`
  if (x.length > MAX_ALIGNED_LINES || y.length > MAX_ALIGNED_LINES) {
    const out: FieldDifference[] = []
    for (let i = 0; i < Math.max(x.length, y.length); i++)
      if (x[i] !== y[i]) out.push({ field: field(i, i), a: x[i], b: y[i] })
    return out
  }
  // lcs[i][j]: the longest common subsequence of x[i..] and y[j..].
  const lcs = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0))
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--) {
      const row = lcs[i] as number[]
      row[j] =
        x[i] === y[j]
          ? ((lcs[i + 1] as number[])[j + 1] as number) + 1
          : Math.max((lcs[i + 1] as number[])[j] as number, row[j + 1] as number)
    }
  const out: FieldDifference[] = []
  let i = 0
  let j = 0
  // Lines only one side has, waiting to be paired with the other side's (a changed line).
  let onlyA: { i: number; line: string }[] = []
  let onlyB: { j: number; line: string }[] = []
  const flush = () => {
    for (let k = 0; k < Math.max(onlyA.length, onlyB.length); k++) {
      const l = onlyA[k]
      const r = onlyB[k]
      out.push({ field: field(l?.i ?? x.length, r?.j ?? 0), a: l?.line, b: r?.line })
    }
    onlyA = []
    onlyB = []
  }
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      flush()
      i++
      j++
    } else if (
      j >= y.length ||
      (i < x.length &&
        ((lcs[i + 1] as number[])[j] as number) >= ((lcs[i] as number[])[j + 1] as number))
    ) {
      onlyA.push({ i, line: x[i] as string })
      i++
    } else {
      onlyB.push({ j, line: y[j] as string })
      j++
    }
  }
  flush()
  return out
}

const parseJson = (text: string): { value: unknown } | undefined => {
  try {
    return { value: JSON.parse(text) }
  } catch {
    return undefined
  }
}

/**
 * How two normalised answers to the same request differ: status, compared headers, and the
 * body field by field (JSON) or line by line (anything else).
 *
 * @example
 * exchangeDifferences(
 *   { request: 'GET /sessions/S0', status: 200, headers: {}, body: '{"state":"idle"}' },
 *   { request: 'GET /sessions/S0', status: 200, headers: {}, body: '{"state":"busy"}' },
 * ) // [{ field: '$.state', a: '"idle"', b: '"busy"' }]
 */
export function exchangeDifferences(
  x: NormalisedExchange,
  y: NormalisedExchange,
): FieldDifference[] {
  const out: FieldDifference[] = []
  if (x.status !== y.status) out.push({ field: 'status', a: String(x.status), b: String(y.status) })
  for (const h of new Set([...Object.keys(x.headers), ...Object.keys(y.headers)])) {
    if (x.headers[h] !== y.headers[h])
      out.push({ field: `header ${h}`, a: x.headers[h], b: y.headers[h] })
  }
  if (x.body !== y.body) {
    const a = parseJson(x.body)
    const b = parseJson(y.body)
    if (a && b) out.push(...jsonDifferences(a.value, b.value))
    else if (!a && !b) out.push(...lineDifferences(x.body, y.body))
    else out.push({ field: 'body', a: x.body, b: y.body })
  }
  return out
}

/**
 * The exchanges where two normalised transcripts of the same scenario differ, each with its
 * differing fields. Once the requests themselves differ, the scenarios went separate ways and
 * comparing answers further says nothing: that exchange is the last one reported.
 *
 * @example
 * const divergences = transcriptDivergences(transcriptOf(livyResult), transcriptOf(emulatorResult))
 */
export function transcriptDivergences(
  a: readonly NormalisedExchange[],
  b: readonly NormalisedExchange[],
): ExchangeDivergence[] {
  const out: ExchangeDivergence[] = []
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const x = a[index]
    const y = b[index]
    if (!x || !y) {
      const request = (x ?? y)?.request ?? ''
      out.push({ index, request, fields: [{ field: 'request', a: x?.request, b: y?.request }] })
      continue
    }
    if (x.request !== y.request) {
      out.push({
        index,
        request: x.request,
        fields: [{ field: 'request', a: x.request, b: y.request }],
      })
      break
    }
    const fields = exchangeDifferences(x, y)
    if (fields.length > 0) out.push({ index, request: x.request, fields })
  }
  return out
}

/**
 * A divergence as text: `#3 GET /sessions/S0`, then its fields side by side (A, then B),
 * aligned, long values wrapped to `width` columns, never cut.
 *
 * @example
 * describeDivergence({ index: 0, request: 'GET /sessions/S0', fields: [{ field: 'status', a: '200', b: '404' }] })
 * // '#0 GET /sessions/S0\n  field   A    B\n  status  200  404'
 */
export function describeDivergence(
  d: ExchangeDivergence,
  options: { readonly width?: number; readonly names?: readonly [string, string] } = {},
): string {
  const width = options.width ?? 100
  const [nameA, nameB] = options.names ?? ['A', 'B']
  const table = renderSideBySide(
    d.fields.map((f) => [f.field, f.a ?? '(absent)', f.b ?? '(absent)']),
    { header: ['field', nameA, nameB], width: width - 2 },
  )
  return [`#${d.index} ${d.request}`, ...table.map((l) => `  ${l}`)].join('\n')
}

/**
 * Differences between two normalised transcripts of the same scenario, one text per exchange
 * that differs (see {@link describeDivergence}).
 *
 * @example
 * expect(diffTranscripts(recorded, transcriptOf(result))).toEqual([])
 */
export function diffTranscripts(
  a: readonly NormalisedExchange[],
  b: readonly NormalisedExchange[],
): string[] {
  return transcriptDivergences(a, b).map((d) => describeDivergence(d))
}
