import type { Exchange, Expectations } from './types.ts'

/** A failed expectation: the message says what was expected, what came, and where. */
export class ExpectationFailure extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ExpectationFailure'
  }
}

const where = (e: Exchange) => `${e.method} ${e.path} → ${e.status}`
const show = (v: unknown): string => {
  const s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v)
  // Whole: a failure says everything it compared. Only a body beyond 64 KiB is cut.
  return s === undefined
    ? String(v)
    : s.length > 65_536
      ? `${s.slice(0, 65_536)}… (${s.length - 65_536} more characters)`
      : s
}

/** Partial deep match: objects need the listed keys, arrays and scalars must be equal. */
export function mismatch(actual: unknown, shape: unknown, path = '$'): string | undefined {
  if (shape instanceof RegExp) {
    return typeof actual === 'string' && shape.test(actual)
      ? undefined
      : `${path}: expected a string matching ${shape}, got ${show(actual)}`
  }
  if (typeof shape === 'function') {
    return (shape as (v: unknown) => boolean)(actual)
      ? undefined
      : `${path}: ${show(actual)} does not satisfy ${shape.name || 'the predicate'}`
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(actual)) return `${path}: expected an array, got ${show(actual)}`
    if (actual.length !== shape.length)
      return `${path}: expected ${shape.length} items, got ${actual.length}: ${show(actual)}`
    for (let i = 0; i < shape.length; i++) {
      const m = mismatch(actual[i], shape[i], `${path}[${i}]`)
      if (m) return m
    }
    return undefined
  }
  if (shape !== null && typeof shape === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
      return `${path}: expected an object, got ${show(actual)}`
    for (const [k, v] of Object.entries(shape)) {
      if (!(k in actual))
        return `${path}.${k}: missing (got keys ${Object.keys(actual).join(', ')})`
      const m = mismatch((actual as Record<string, unknown>)[k], v, `${path}.${k}`)
      if (m) return m
    }
    return undefined
  }
  return Object.is(actual, shape)
    ? undefined
    : `${path}: expected ${show(shape)}, got ${show(actual)}`
}

/** A pattern matching strings that start with `text` (taken literally). */
export const startsWith = (text: string): RegExp =>
  new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)

/** Predicates usable inside {@link Expectations.json} shapes. */
export const any = {
  int: Object.assign((v: unknown) => Number.isInteger(v), { toString: () => 'any int' }),
  string: Object.assign((v: unknown) => typeof v === 'string', { toString: () => 'any string' }),
  stringOrNull: Object.assign((v: unknown) => v === null || typeof v === 'string', {
    toString: () => 'string or null',
  }),
  epochMs: Object.assign((v: unknown) => typeof v === 'number' && v > 1e12, {
    toString: () => 'epoch ms',
  }),
  array: Object.assign((v: unknown) => Array.isArray(v), { toString: () => 'any array' }),
}

/** Expectations that count themselves (a scenario with zero assertions fails). */
export function createExpectations(): Expectations & { readonly count: number } {
  let count = 0
  const fail = (message: string): never => {
    throw new ExpectationFailure(message)
  }
  const parse = (e: Exchange): unknown => {
    try {
      return JSON.parse(e.text)
    } catch {
      return fail(`${where(e)}: body is not JSON: ${show(e.text)}`)
    }
  }
  const matches = (text: string, pattern: string | RegExp) =>
    typeof pattern === 'string' ? text === pattern : pattern.test(text)
  return {
    get count() {
      return count
    },
    status(e, status) {
      count++
      if (e.status !== status)
        fail(`${where(e)}: expected status ${status}, got ${e.status}; body ${show(e.text)}`)
    },
    body(e, text) {
      count++
      if (e.text !== text) fail(`${where(e)}: expected body\n  ${text}\ngot\n  ${e.text}`)
    },
    json(e, shape) {
      count++
      const m = mismatch(parse(e), shape)
      if (m) fail(`${where(e)}: ${m}`)
    },
    bareString(e, pattern) {
      count++
      const body = parse(e)
      if (typeof body !== 'string')
        fail(`${where(e)}: expected a bare JSON string (error form B), got ${show(e.text)}`)
      if (!matches(body as string, pattern))
        fail(`${where(e)}: bare string ${show(body)} does not match ${pattern}`)
    },
    message(e, pattern) {
      count++
      const body = parse(e) as Record<string, unknown>
      if (body === null || typeof body !== 'object' || Object.keys(body).join() !== 'msg') {
        fail(`${where(e)}: expected {"msg": …} (error form A), got ${show(e.text)}`)
      }
      if (!matches(String(body.msg), pattern))
        fail(`${where(e)}: msg ${show(body.msg)} does not match ${pattern}`)
    },
    empty(e) {
      count++
      if (e.text !== '') fail(`${where(e)}: expected an empty body (form C), got ${show(e.text)}`)
    },
    header(e, name, value) {
      count++
      const actual = e.headers.get(name)
      if (value === null) {
        if (actual !== null) fail(`${where(e)}: expected no ${name} header, got ${show(actual)}`)
        return
      }
      if (actual === null) fail(`${where(e)}: expected header ${name}, none sent`)
      if (!matches(actual as string, value))
        fail(`${where(e)}: header ${name} is ${show(actual)}, expected ${value}`)
    },
    keys(e, keys, at) {
      count++
      const body = parse(e)
      const target = at ? at(body) : body
      const actual = target && typeof target === 'object' ? Object.keys(target) : []
      if (actual.join() !== keys.join())
        fail(`${where(e)}: expected keys in order [${keys.join(', ')}], got [${actual.join(', ')}]`)
    },
    that(condition, message) {
      count++
      if (!condition) fail(message)
    },
    equal(actual, expected, what) {
      count++
      const m = mismatch(actual, expected)
      if (m) fail(`${what}: ${m.replace(/^\$: /, '')}`)
    },
  }
}
