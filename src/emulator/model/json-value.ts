/**
 * A double that must render the way Jackson/json4s write Java doubles (`2.0`, not `2`).
 *
 * @example
 * renderJson({ progress: new JsonDouble(1) }) // '{"progress":1.0}'
 */
export class JsonDouble {
  readonly value: number
  constructor(value: number) {
    this.value = value
  }
}

/**
 * JSON text produced elsewhere (the evaluation engine writes outputs as the JVM would), embedded
 * as it is.
 *
 * @example
 * renderJson({ data: new RawJson('{"x":2.0}') }) // '{"data":{"x":2.0}}'
 */
export class RawJson {
  readonly text: string
  constructor(text: string) {
    this.text = text
  }
}

/** Java's `Double.toString` as Jackson writes it in JSON. */
export function javaDoubleJson(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '"NaN"' : n > 0 ? '"Infinity"' : '"-Infinity"'
  if (Number.isInteger(n) && Math.abs(n) < 1e7) return `${n}.0`
  const abs = Math.abs(n)
  if (abs >= 1e-3 && abs < 1e7) return String(n)
  const [mantissa, exponent] = n.toExponential().split('e') as [string, string]
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`
}

/** Compact JSON like `JSON.stringify`, with {@link JsonDouble} rendered Java-style. */
export function renderJson(value: unknown): string {
  const json = render(value)
  // Built by concatenation, the text is a tree of small pieces several times its size; a
  // statement keeps its output as long as Livy keeps the statement. Converting it to a number
  // flattens it in place (the number is thrown away).
  void Number(json)
  return json
}

/** A key or string that `JSON.stringify` would escape (quote, backslash, control, surrogate). */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/

function render(value: unknown): string {
  // Every statement's output goes through here: string concatenation, no intermediate arrays,
  // and no JSON.stringify call (~150 ns each) where plain text or a number is written as is.
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'number':
      return Number.isFinite(value) ? `${value}` : 'null'
    case 'boolean':
      return value ? 'true' : 'false'
    case 'object':
      if (value === null) return 'null'
      break
    default:
      return JSON.stringify(value) ?? 'null'
  }
  if (value instanceof JsonDouble) return javaDoubleJson(value.value)
  if (value instanceof RawJson) return value.text
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i]
      out += `${i === 0 ? '' : ','}${v === undefined || typeof v === 'function' ? 'null' : render(v)}`
    }
    return `${out}]`
  }
  let out = '{'
  const record = value as Record<string, unknown>
  for (const k of Object.keys(record)) {
    const v = record[k]
    if (v === undefined || typeof v === 'function') continue
    out += `${out.length === 1 ? '' : ','}${ESCAPED.test(k) ? JSON.stringify(k) : `"${k}"`}:${typeof v === 'string' ? JSON.stringify(v) : render(v)}`
  }
  return `${out}}`
}
