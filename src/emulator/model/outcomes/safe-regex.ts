import { RE2JS } from 're2js'

/**
 * Regular expressions that reach the emulator as data (outcome rules and HTTP faults posted to
 * the control API, a state file's rules) run on RE2's automaton (`re2js`), whose matching time
 * is linear in the input: no pattern can stall the server's single thread. Patterns whose
 * backtracking blows up on V8's engine (nested quantifiers, `(a+)+$`) are refused when the rule
 * is added, also for `RegExp` objects given in-process, which keep V8's engine.
 */

/**
 * Why a pattern can backtrack catastrophically, or undefined. Star height above 1: a group
 * that repeats (`*`, `+`, `{n,}`, `{n,m}` with m > 1) containing something that repeats too.
 * Backreferences are refused as well (no linear-time matcher has them).
 *
 * @example
 * catastrophicReason('(a+)+$') // 'nested quantifier: a repeated group "(a+)" repeats inside'
 * catastrophicReason('^spark\\.range\\(\\d+\\)') // undefined
 */
export function catastrophicReason(source: string): string | undefined {
  // One frame per open group: where it starts, and whether it holds a repeat.
  const stack: { start: number; repeats: boolean }[] = [{ start: 0, repeats: false }]
  let i = 0
  /** Reads a quantifier at `i`; returns whether it repeats more than once (and moves past it). */
  const quantifier = (): boolean | undefined => {
    const c = source[i]
    if (c === '*' || c === '+') {
      i++
      if (source[i] === '?') i++
      return true
    }
    if (c === '?') {
      i++
      if (source[i] === '?') i++
      return false
    }
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i))
      if (!m) return undefined
      i += m[0].length
      if (source[i] === '?') i++
      const max =
        m[2] === undefined ? Number(m[1]) : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3])
      return max > 1
    }
    return undefined
  }
  const noteRepeat = (): void => {
    const top = stack[stack.length - 1]
    if (top) top.repeats = true
  }
  while (i < source.length) {
    const c = source[i] as string
    if (c === '\\') {
      const next = source[i + 1] ?? ''
      if (/[1-9]/.test(next) || next === 'k') return `backreference "\\${next}"`
      i += 2
    } else if (c === '[') {
      i++
      if (source[i] === '^') i++
      if (source[i] === ']') i++
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1
      i++
    } else if (c === '(') {
      stack.push({ start: i, repeats: false })
      i++
      continue
    } else if (c === ')') {
      const group = stack.length > 1 ? stack.pop() : undefined
      i++
      if (!group) continue
      const text = source.slice(group.start, i)
      const repeated = quantifier()
      if (repeated && group.repeats)
        return `nested quantifier: a repeated group "${text}" repeats inside`
      if (repeated || group.repeats) noteRepeat()
      continue
    } else i++
    if (quantifier()) noteRepeat()
  }
  return undefined
}

const FLAG_BITS: Readonly<Record<string, number>> = {
  i: RE2JS.CASE_INSENSITIVE,
  m: RE2JS.MULTILINE,
  s: RE2JS.DOTALL,
  // RE2 is Unicode-aware already; `g`/`y` only matter to stateful matching, which rules never do.
  u: 0,
  g: 0,
  y: 0,
}

/**
 * A `RegExp` whose `test` runs on RE2 (linear time). It is still a `RegExp` (`source`,
 * `flags`, `instanceof`), so rules list and persist as before.
 */
class LinearRegExp extends RegExp {
  readonly #re2: RE2JS
  constructor(source: string, flags: string, re2: RE2JS) {
    super(source, flags)
    this.#re2 = re2
  }
  override test(text: string): boolean {
    return this.#re2.test(text)
  }
}

/**
 * Compiles a pattern that came as data, or throws a `RangeError` saying why it cannot be used
 * (a syntax error, a catastrophic pattern, or a feature RE2 lacks: lookaround, backreferences).
 *
 * @example
 * compileSafeRegex('^spark\\.range', 'i').test('SPARK.range(10)') // true
 * compileSafeRegex('(a+)+$', '') // throws RangeError: nested quantifier …
 */
export function compileSafeRegex(source: string, flags = ''): RegExp {
  const native = new RegExp(source, flags) // JavaScript's own syntax errors first
  const problem = catastrophicReason(source)
  if (problem) throw new RangeError(`${problem} (it can take exponential time)`)
  let bits = 0
  for (const f of flags) {
    const bit = FLAG_BITS[f]
    if (bit === undefined) throw new RangeError(`flag "${f}" is not supported (i, m, s, u)`)
    bits |= bit
  }
  let re2: RE2JS
  try {
    re2 = RE2JS.compile(RE2JS.translateRegExp(native.source), bits)
  } catch (e) {
    throw new RangeError(
      `not supported by the linear-time matcher (lookaround and backreferences are not): ${(e as Error).message}`,
    )
  }
  return new LinearRegExp(source, flags, re2)
}
