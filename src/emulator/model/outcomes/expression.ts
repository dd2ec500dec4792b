/**
 * A tiny expression language shared by the default interpreters: numbers, strings, booleans,
 * null, names, unary and binary arithmetic, comparisons and parentheses. It is enough to make
 * `1 + 1`, `x * 2` or `SELECT 1 AS a` answer like a real REPL; anything else is "unsupported"
 * and the interpreter falls back to a neutral output.
 */
export type Value =
  | { readonly type: 'int'; readonly value: number }
  | { readonly type: 'double'; readonly value: number }
  | { readonly type: 'decimal'; readonly value: number; readonly text: string }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'null' }

export type Expr =
  | { readonly op: 'lit'; readonly value: Value; readonly text: string }
  | { readonly op: 'name'; readonly name: string }
  | { readonly op: 'neg'; readonly arg: Expr }
  | { readonly op: 'not'; readonly arg: Expr }
  | { readonly op: 'bin'; readonly operator: string; readonly left: Expr; readonly right: Expr }

export class ParseFailure extends Error {
  /** True when the input simply ended too early (a REPL says "incomplete"). */
  readonly incomplete: boolean
  constructor(message: string, incomplete: boolean) {
    super(message)
    this.incomplete = incomplete
  }
}

interface Token {
  readonly kind: 'num' | 'str' | 'name' | 'op' | 'end'
  readonly text: string
}

const OPERATORS = [
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '//',
  '**',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '(',
  ')',
]

// Sticky: matched where the tokenizer stands, without slicing the rest of the source each time.
const NUMBER = /(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?[LlDdFf]?/y
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y
const SPACE = /\s/

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < source.length) {
    const c = source[i] as string
    if (SPACE.test(c)) {
      i++
      continue
    }
    NUMBER.lastIndex = i
    const num = NUMBER.exec(source)
    if (num) {
      tokens.push({ kind: 'num', text: num[0] })
      i += num[0].length
      continue
    }
    if (c === '"' || c === "'") {
      let j = i + 1
      let text = ''
      while (j < source.length && source[j] !== c) {
        if (source[j] === '\\' && j + 1 < source.length) {
          const esc = source[j + 1] as string
          text += esc === 'n' ? '\n' : esc === 't' ? '\t' : esc
          j += 2
        } else {
          text += source[j]
          j++
        }
      }
      if (j >= source.length) throw new ParseFailure('unterminated string', true)
      tokens.push({ kind: 'str', text })
      i = j + 1
      continue
    }
    NAME.lastIndex = i
    const name = NAME.exec(source)
    if (name) {
      tokens.push({ kind: 'name', text: name[0] })
      i += name[0].length
      continue
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i))
    if (op) {
      tokens.push({ kind: 'op', text: op })
      i += op.length
      continue
    }
    throw new ParseFailure(`unexpected character ${c}`, false)
  }
  tokens.push({ kind: 'end', text: '' })
  return tokens
}

const PRECEDENCE: Record<string, number> = {
  '||': 1,
  or: 1,
  '&&': 2,
  and: 2,
  '==': 3,
  '!=': 3,
  '=': 3,
  '<>': 3,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '//': 6,
  '%': 6,
  '**': 7,
}

/** Literal keywords per language family. */
export interface Keywords {
  readonly trueWords: readonly string[]
  readonly falseWords: readonly string[]
  readonly nullWords: readonly string[]
  readonly notWords: readonly string[]
  readonly wordOperators: readonly string[]
}

/**
 * Parses one expression; throws {@link ParseFailure} when the text is not one.
 *
 * @example
 * parseExpression('1 + 2 * 3', SCALA_KEYWORDS)
 */
export function parseExpression(source: string, keywords: Keywords): Expr {
  const tokens = tokenize(source)
  let pos = 0
  const peek = (): Token => tokens[pos] as Token
  const next = (): Token => tokens[pos++] as Token

  const binaryOperator = (t: Token): string | undefined => {
    if (t.kind === 'op' && t.text in PRECEDENCE) return t.text
    if (t.kind === 'name' && keywords.wordOperators.includes(t.text.toLowerCase())) {
      return t.text.toLowerCase()
    }
    return undefined
  }

  const primary = (): Expr => {
    const t = next()
    if (t.kind === 'end') throw new ParseFailure('unexpected end of input', true)
    if (t.kind === 'num') {
      const text = t.text.replace(/[LlDdFf]$/, '')
      const isDouble = /[.eE]/.test(text) || /[DdFf]$/.test(t.text)
      return {
        op: 'lit',
        text: t.text,
        value: isDouble
          ? { type: 'double', value: Number(text) }
          : { type: 'int', value: Number(text) },
      }
    }
    if (t.kind === 'str')
      return { op: 'lit', text: t.text, value: { type: 'string', value: t.text } }
    if (t.kind === 'name') {
      const lower = t.text
      if (keywords.trueWords.includes(lower))
        return { op: 'lit', text: t.text, value: { type: 'bool', value: true } }
      if (keywords.falseWords.includes(lower))
        return { op: 'lit', text: t.text, value: { type: 'bool', value: false } }
      if (keywords.nullWords.includes(lower))
        return { op: 'lit', text: t.text, value: { type: 'null' } }
      if (keywords.notWords.includes(lower)) return { op: 'not', arg: unary() }
      return { op: 'name', name: t.text }
    }
    if (t.text === '(') {
      const inner = expression(0)
      const close = next()
      if (close.kind === 'end') throw new ParseFailure('missing )', true)
      if (close.text !== ')') throw new ParseFailure('expected )', false)
      return inner
    }
    throw new ParseFailure(`unexpected ${t.text}`, false)
  }

  const unary = (): Expr => {
    const t = peek()
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      next()
      const arg = unary()
      return t.text === '-' ? { op: 'neg', arg } : arg
    }
    return primary()
  }

  const expression = (minPrecedence: number): Expr => {
    let left = unary()
    for (;;) {
      const operator = binaryOperator(peek())
      if (operator === undefined) break
      const precedence = PRECEDENCE[operator] as number
      if (precedence < minPrecedence) break
      next()
      const right = expression(operator === '**' ? precedence : precedence + 1)
      left = { op: 'bin', operator, left, right }
    }
    return left
  }

  const result = expression(0)
  const rest = peek()
  if (rest.kind !== 'end') throw new ParseFailure(`unexpected ${rest.text}`, false)
  return result
}

/** How a language does arithmetic. */
export interface Semantics {
  /** Integer `/` truncates (Scala) instead of producing a double (Python, R). */
  readonly integerDivision: boolean
  /** Ints are 32-bit and wrap (Scala `Int`). */
  readonly wrap32: boolean
  /** Int literals are doubles (R numerics). */
  readonly intsAreDoubles: boolean
}

export class EvalFailure extends Error {
  readonly ename: string
  constructor(ename: string, message: string) {
    super(message)
    this.ename = ename
  }
}

const numeric = (v: Value): v is Extract<Value, { value: number }> =>
  v.type === 'int' || v.type === 'double' || v.type === 'decimal'

/** Evaluates a parsed expression against named values. */
export function evaluate(expr: Expr, names: ReadonlyMap<string, Value>, sem: Semantics): Value {
  switch (expr.op) {
    case 'lit':
      if (sem.intsAreDoubles && expr.value.type === 'int')
        return { type: 'double', value: expr.value.value }
      if (sem.wrap32 && expr.value.type === 'int' && Math.abs(expr.value.value) > 2 ** 31) {
        throw new EvalFailure('Error', `integer number too large: ${expr.text}`)
      }
      return expr.value
    case 'name': {
      const value = names.get(expr.name)
      if (!value) throw new EvalFailure('NameError', expr.name)
      return value
    }
    case 'neg': {
      const v = evaluate(expr.arg, names, sem)
      if (!numeric(v)) throw new EvalFailure('TypeError', 'bad operand type for unary -')
      return v.type === 'int'
        ? { type: 'int', value: sem.wrap32 ? -v.value | 0 : -v.value }
        : { type: 'double', value: -v.value }
    }
    case 'not': {
      const v = evaluate(expr.arg, names, sem)
      return { type: 'bool', value: !truthy(v) }
    }
    case 'bin':
      return binary(
        expr.operator,
        evaluate(expr.left, names, sem),
        evaluate(expr.right, names, sem),
        sem,
      )
  }
}

function truthy(v: Value): boolean {
  if (v.type === 'null') return false
  if (v.type === 'string') return v.value.length > 0
  return Boolean(v.value)
}

function binary(op: string, a: Value, b: Value, sem: Semantics): Value {
  if (op === '&&' || op === 'and') return { type: 'bool', value: truthy(a) && truthy(b) }
  if (op === '||' || op === 'or') return { type: 'bool', value: truthy(a) || truthy(b) }
  if (op === '==' || op === '=' || op === '!=' || op === '<>') {
    const same =
      a.type === 'null' || b.type === 'null'
        ? a.type === b.type
        : 'value' in a && 'value' in b && a.value === b.value
    return { type: 'bool', value: op === '==' || op === '=' ? same : !same }
  }
  if (op === '+' && (a.type === 'string' || b.type === 'string')) {
    return { type: 'string', value: text(a) + text(b) }
  }
  if (!numeric(a) || !numeric(b)) {
    throw new EvalFailure('TypeError', `unsupported operand types for ${op}`)
  }
  if (['<', '>', '<=', '>='].includes(op)) {
    const r =
      op === '<'
        ? a.value < b.value
        : op === '>'
          ? a.value > b.value
          : op === '<='
            ? a.value <= b.value
            : a.value >= b.value
    return { type: 'bool', value: r }
  }
  const ints = a.type === 'int' && b.type === 'int'
  if ((op === '/' || op === '//' || op === '%') && b.value === 0) {
    throw new EvalFailure('ZeroDivisionError', 'division by zero')
  }
  let value: number
  switch (op) {
    case '+':
      value = a.value + b.value
      break
    case '-':
      value = a.value - b.value
      break
    case '*':
      value = a.value * b.value
      break
    case '**':
      value = a.value ** b.value
      break
    case '//':
      value = Math.floor(a.value / b.value)
      break
    case '%':
      value =
        ints && !sem.integerDivision ? ((a.value % b.value) + b.value) % b.value : a.value % b.value
      break
    default:
      value = ints && sem.integerDivision ? Math.trunc(a.value / b.value) : a.value / b.value
  }
  if (ints && op !== '/') return { type: 'int', value: sem.wrap32 ? value | 0 : value }
  if (ints && op === '/' && sem.integerDivision) return { type: 'int', value }
  return { type: 'double', value }
}

function text(v: Value): string {
  if (v.type === 'null') return 'null'
  if (v.type === 'decimal') return v.text
  return String(v.value)
}

/** Java's `Double.toString` for the values the toy REPLs produce. */
export function javaDouble(n: number): string {
  if (Number.isNaN(n)) return 'NaN'
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity'
  if (Number.isInteger(n) && Math.abs(n) < 1e7) return `${n}.0`
  const abs = Math.abs(n)
  if (abs >= 1e-3 && abs < 1e7) return String(n)
  const [mantissa, exponent] = n.toExponential().split('e') as [string, string]
  const m = mantissa.includes('.') ? mantissa : `${mantissa}.0`
  return `${m}E${Number(exponent)}`
}

/** Python's `repr(float)`. */
export function pythonFloat(n: number): string {
  if (Number.isNaN(n)) return 'nan'
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf'
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return `${n}.0`
  const s = String(n)
  return s.includes('e') ? s.replace(/e([+-])(\d)$/, 'e$10$2') : s
}
