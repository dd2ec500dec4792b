import { boundedMemo } from '../bounded-memo.ts'
import { JsonDouble } from '../json-value.ts'
import {
  EvalFailure,
  type Expr,
  evaluate,
  javaDouble,
  type Keywords,
  ParseFailure,
  parseExpression,
  pythonFloat,
  type Semantics,
  type Value,
} from './expression.ts'
import type { StatementOutputBody } from './outcome.ts'

/** Interpreter kinds a statement can run on. */
export const STATEMENT_KINDS = ['spark', 'pyspark', 'sparkr', 'sql'] as const
export type StatementKind = (typeof STATEMENT_KINDS)[number]

/** Per-session interpreter memory: bound names and the Scala `resN` counter. */
export interface InterpreterMemory {
  scala: Map<string, Value>
  python: Map<string, Value>
  r: Map<string, Value>
  scalaResults: number
}

export function createInterpreterMemory(): InterpreterMemory {
  return { scala: new Map(), python: new Map(), r: new Map(), scalaResults: 0 }
}

const SCALA: Keywords = {
  trueWords: ['true'],
  falseWords: ['false'],
  nullWords: ['null'],
  notWords: [],
  wordOperators: [],
}
const PYTHON: Keywords = {
  trueWords: ['True'],
  falseWords: ['False'],
  nullWords: ['None'],
  notWords: ['not'],
  wordOperators: ['and', 'or'],
}
const R: Keywords = {
  trueWords: ['TRUE', 'T'],
  falseWords: ['FALSE', 'F'],
  nullWords: ['NULL'],
  notWords: [],
  wordOperators: [],
}
const SQL: Keywords = {
  trueWords: ['true', 'TRUE', 'True'],
  falseWords: ['false', 'FALSE', 'False'],
  nullWords: ['null', 'NULL', 'Null'],
  notWords: ['not', 'NOT'],
  wordOperators: ['and', 'or'],
}

const SCALA_SEM: Semantics = { integerDivision: true, wrap32: true, intsAreDoubles: false }
const PYTHON_SEM: Semantics = { integerDivision: false, wrap32: false, intsAreDoubles: false }
const R_SEM: Semantics = { integerDivision: false, wrap32: false, intsAreDoubles: true }
const SQL_SEM: Semantics = { integerDivision: false, wrap32: true, intsAreDoubles: false }

const ok = (data: Record<string, unknown>): StatementOutputBody => ({ status: 'ok', data })
const error = (ename: string, evalue: string, traceback: string[] = []): StatementOutputBody => ({
  status: 'error',
  ename,
  evalue,
  traceback,
})

/** Reads one expression of a language (a {@link ParseFailure} when it is not one). */
type Parse = (source: string, keywords: Keywords) => Expr | ParseFailure

const parseOnce: Parse = (source, keywords) => {
  try {
    return parseExpression(source, keywords)
  } catch (e) {
    if (e instanceof ParseFailure) return e
    throw e
  }
}

/** {@link runDefaultInterpreter}, with the parses of one emulator remembered. */
export interface ToyInterpreters {
  run(
    kind: StatementKind,
    code: string,
    memory: InterpreterMemory,
    sqlRowLimit: number,
  ): StatementOutputBody
}

/** Parses an emulator keeps (see {@link createToyInterpreters}); emptied when full. */
const PARSED_LIMIT = 512

/**
 * The default interpreters of one emulator, remembering the parses of code they saw before:
 * notebooks and polling clients send the same few lines again and again, and a parse is pure
 * (its tree is read-only).
 *
 * @example
 * const toys = createToyInterpreters()
 * toys.run('spark', '1 + 1', createInterpreterMemory(), 1000) // res0: Int = 2
 */
export function createToyInterpreters(): ToyInterpreters {
  const languages = new Map<Keywords, (source: string) => Expr | ParseFailure>()
  const parse: Parse = (source, keywords) => {
    let parses = languages.get(keywords)
    if (parses === undefined) {
      parses = boundedMemo(PARSED_LIMIT, (code: string) => parseOnce(code, keywords))
      languages.set(keywords, parses)
    }
    return parses(source)
  }
  // Scala code is read into steps once: the same line sent again only runs them.
  const steps = boundedMemo(PARSED_LIMIT, (code: string) => scalaSteps(code, parse))
  return {
    run: (kind, code, memory, sqlRowLimit) =>
      interpret(kind, code, memory, sqlRowLimit, parse, steps),
  }
}

// ---------------------------------------------------------------------------------- Scala

const scalaType = (v: Value): string =>
  ({
    int: 'Int',
    double: 'Double',
    decimal: 'BigDecimal',
    string: 'String',
    bool: 'Boolean',
    null: 'Null',
  })[v.type]

const scalaShow = (v: Value): string => {
  switch (v.type) {
    case 'double':
      return javaDouble(v.value)
    case 'decimal':
      return v.text
    case 'null':
      return 'null'
    default:
      return String(v.value)
  }
}

/** Where the Scala REPL reports a compile error; Livy's own setup lines come first. */
const SCALA_CONSOLE_LINE = 23

/** Splits Scala source into statements: lines, and `;` outside string literals. */
function scalaStatements(code: string): string[] {
  const out: string[] = []
  for (const line of code.split('\n')) {
    let current = ''
    let quote: string | null = null
    for (const c of line) {
      if (quote) {
        if (c === quote) quote = null
      } else if (c === '"') quote = c
      else if (c === ';') {
        out.push(current)
        current = ''
        continue
      }
      current += c
    }
    out.push(current)
  }
  return out
}

/**
 * What one line of Scala does, read once: echo text (an import, an empty `println()`), stop
 * with "incomplete statement", or evaluate an expression and show it as a declaration, a
 * print or a `resN`. Lines the toy REPL does not understand have no step: Spark would have
 * run them and said nothing.
 */
type ScalaStep =
  | { readonly op: 'text'; readonly text: string }
  | { readonly op: 'incomplete' }
  | {
      readonly op: 'value'
      readonly source: string
      readonly expr: Expr
      readonly decl: string | null
      readonly call: 'println' | 'print' | null
    }

/** Reads Scala source into the steps {@link runScala} runs (pure: the same code, the same steps). */
function scalaSteps(code: string, tryParse: Parse): readonly ScalaStep[] {
  const steps: ScalaStep[] = []
  for (const raw of scalaStatements(code)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('//') || /^Thread\.sleep\(/.test(line)) continue
    if (/^import\s+[\w.{}, _]+$/.test(line)) {
      steps.push({ op: 'text', text: `${line}\n` })
      continue
    }
    const decl = /^(val|var)\s+([A-Za-z_]\w*)(\s*:\s*\w+)?\s*=\s*(.+)$/.exec(line)
    const call = /^(println|print)\((.*)\)$/.exec(line)
    const source = decl ? (decl[4] as string) : call ? (call[2] as string) : line
    const callName = call ? (call[1] as 'println' | 'print') : null
    if (call && source.trim() === '') {
      steps.push({ op: 'text', text: callName === 'println' ? '\n' : '' })
      continue
    }
    const parsed = tryParse(source, SCALA)
    if (parsed instanceof ParseFailure) {
      if (parsed.incomplete) steps.push({ op: 'incomplete' })
      continue
    }
    steps.push({
      op: 'value',
      source,
      expr: parsed,
      decl: decl ? (decl[2] as string) : null,
      call: callName,
    })
  }
  return steps
}

function runScala(steps: readonly ScalaStep[], memory: InterpreterMemory): StatementOutputBody {
  let out = ''
  for (const step of steps) {
    if (step.op === 'text') {
      out += step.text
      continue
    }
    if (step.op === 'incomplete') return error('Error', 'incomplete statement')
    let value: Value
    try {
      value = evaluate(step.expr, memory.scala, SCALA_SEM)
    } catch (e) {
      if (!(e instanceof EvalFailure)) throw e
      const message = e.ename === 'NameError' ? `not found: value ${e.message}` : e.message
      if (e.ename === 'ZeroDivisionError') {
        return error('Error', 'java.lang.ArithmeticException: / by zero', ['  ... 37 elided\n'])
      }
      return error('Error', `<console>:${SCALA_CONSOLE_LINE}: error: ${message}`, [
        `       ${step.source}\n`,
        `       ^\n`,
      ])
    }
    if (step.decl !== null) {
      memory.scala.set(step.decl, value)
      out += `${step.decl}: ${scalaType(value)} = ${scalaShow(value)}\n`
    } else if (step.call !== null) {
      out += scalaShow(value) + (step.call === 'println' ? '\n' : '')
    } else {
      out += `res${memory.scalaResults++}: ${scalaType(value)} = ${scalaShow(value)}\n`
    }
  }
  return ok({ 'text/plain': out })
}

// --------------------------------------------------------------------------------- Python

const pythonRepr = (v: Value): string => {
  switch (v.type) {
    case 'double':
      return pythonFloat(v.value)
    case 'decimal':
      return `Decimal('${v.text}')`
    case 'string':
      return v.value.includes("'") && !v.value.includes('"')
        ? `"${v.value}"`
        : `'${v.value.replace(/'/g, "\\'")}'`
    case 'bool':
      return v.value ? 'True' : 'False'
    case 'null':
      return 'None'
    default:
      return String(v.value)
  }
}

const pythonStr = (v: Value): string => (v.type === 'string' ? v.value : pythonRepr(v))

const pythonTraceback = (ename: string, evalue: string): string[] => [
  'Traceback (most recent call last):\n',
  `${ename}: ${evalue}\n`,
]

function runPython(code: string, memory: InterpreterMemory, tryParse: Parse): StatementOutputBody {
  const lines = code
    .replace(/\s+$/, '')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'))
  let stdout = ''
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim()
    const last = index === lines.length - 1
    if (/^(import|from)\s/.test(line) || /^pass$/.test(line) || /^(time\.)?sleep\(/.test(line))
      continue
    const assign = /^([A-Za-z_]\w*)\s*=(?!=)\s*(.+)$/.exec(line)
    const print = /^print\((.*)\)$/.exec(line)
    const sources = assign ? [assign[2] as string] : print ? splitArgs(print[1] as string) : [line]
    const values: Value[] = []
    for (const source of sources) {
      const parsed = tryParse(source, PYTHON)
      if (parsed instanceof ParseFailure) {
        if (parsed.incomplete) {
          const evalue = 'unexpected EOF while parsing (<stdin>, line 1)'
          return error('SyntaxError', evalue, [
            `  File "<stdin>", line 1\n`,
            `SyntaxError: ${evalue}\n`,
          ])
        }
        // Beyond the toy interpreter (e.g. a Spark call): treat it as running quietly.
        values.length = 0
        break
      }
      try {
        values.push(evaluate(parsed, memory.python, PYTHON_SEM))
      } catch (e) {
        if (!(e instanceof EvalFailure)) throw e
        const [ename, evalue] =
          e.ename === 'NameError'
            ? ['NameError', `name '${e.message}' is not defined`]
            : [e.ename, e.message]
        return error(ename, evalue, pythonTraceback(ename, evalue))
      }
    }
    if (values.length !== sources.length) continue
    if (assign) memory.python.set(assign[1] as string, values[0] as Value)
    else if (print) stdout += `${values.map(pythonStr).join(' ')}\n`
    // The last expression is echoed by Python's display hook, after what was printed.
    else if (last && values[0] && values[0].type !== 'null') stdout += `${pythonRepr(values[0])}\n`
  }
  return ok({ 'text/plain': stdout.replace(/\s+$/, '') })
}

function splitArgs(args: string): string[] {
  const parts: string[] = []
  let depth = 0
  let quote: string | null = null
  let current = ''
  for (const c of args) {
    if (quote) {
      if (c === quote) quote = null
    } else if (c === '"' || c === "'") quote = c
    else if (c === '(') depth++
    else if (c === ')') depth--
    else if (c === ',' && depth === 0) {
      parts.push(current)
      current = ''
      continue
    }
    current += c
  }
  if (current.trim() !== '') parts.push(current)
  return parts
}

// -------------------------------------------------------------------------------------- R

const rShow = (v: Value): string => {
  switch (v.type) {
    case 'string':
      return `[1] "${v.value}"`
    case 'bool':
      return v.value ? '[1] TRUE' : '[1] FALSE'
    case 'null':
      return 'NULL'
    case 'decimal':
      return `[1] ${v.text}`
    default:
      return `[1] ${Number.isInteger(v.value) ? v.value : Number(v.value.toPrecision(7))}`
  }
}

function runR(code: string, memory: InterpreterMemory, tryParse: Parse): StatementOutputBody {
  const shown: string[] = []
  for (const raw of code.split('\n')) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const assign = /^([A-Za-z_.][\w.]*)\s*(<-|=)\s*(.+)$/.exec(line)
    const print = /^print\((.*)\)$/.exec(line)
    const source = assign ? (assign[3] as string) : print ? (print[1] as string) : line
    const parsed = tryParse(source, R)
    if (parsed instanceof ParseFailure) continue
    try {
      const value = evaluate(parsed, memory.r, R_SEM)
      if (assign) memory.r.set(assign[1] as string, value)
      else shown.push(rShow(value))
    } catch (e) {
      if (!(e instanceof EvalFailure)) throw e
      const evalue = e.ename === 'NameError' ? `object '${e.message}' not found` : e.message
      return error('Error', `Error: ${evalue}`)
    }
  }
  return ok({ 'text/plain': shown.join('\n') })
}

// ------------------------------------------------------------------------------------ SQL

interface SqlColumn {
  readonly name: string
  readonly type: string
  readonly nullable: boolean
  readonly value: unknown
}

const sqlName = (expr: Expr): string => {
  switch (expr.op) {
    case 'lit':
      return expr.value.type === 'null'
        ? 'NULL'
        : expr.value.type === 'bool'
          ? String(expr.value.value)
          : expr.text
    case 'name':
      return expr.name
    case 'neg':
      return `(- ${sqlName(expr.arg)})`
    case 'not':
      return `(NOT ${sqlName(expr.arg)})`
    case 'bin':
      return `(${sqlName(expr.left)} ${expr.operator.toUpperCase() === '==' ? '=' : expr.operator.toUpperCase()} ${sqlName(expr.right)})`
  }
}

/** Spark types a decimal literal such as `1.5` as `decimal(precision,scale)`. */
const decimalType = (text: string): string | null => {
  const m = /^(\d*)\.(\d*)$/.exec(text)
  if (!m) return null
  const whole = (m[1] as string).replace(/^0+/, '')
  const scale = (m[2] as string).length
  return `decimal(${Math.max(whole.length + scale, 1)},${scale})`
}

function sqlColumn(expr: Expr, alias: string | undefined): SqlColumn {
  // Spark types decimal literals as decimal(p,s); everything else follows the value.
  if (expr.op === 'lit' && expr.value.type === 'double' && !/[eEdDfF]/.test(expr.text)) {
    const type = decimalType(expr.text)
    if (type) return { name: alias ?? expr.text, type, nullable: false, value: Number(expr.text) }
  }
  const value = evaluate(expr, new Map(), SQL_SEM)
  const type =
    value.type === 'int'
      ? Math.abs(value.value) < 2 ** 31
        ? 'integer'
        : 'bigint'
      : value.type === 'double'
        ? 'double'
        : value.type === 'decimal'
          ? value.text
          : value.type === 'string'
            ? 'string'
            : value.type === 'bool'
              ? 'boolean'
              : 'void'
  return {
    name: alias ?? sqlName(expr),
    type,
    nullable: value.type === 'null',
    value: value.type === 'null' ? null : value.value,
  }
}

const EMPTY_RESULT = { schema: { type: 'struct', fields: [] }, data: [] }

function runSql(code: string, rowLimit: number, tryParse: Parse): StatementOutputBody {
  const text = code.trim().replace(/;\s*$/, '')
  const select = /^select\s+([\s\S]+)$/i.exec(text)
  if (!select || /\bfrom\b/i.test(select[1] as string)) {
    return ok({ 'application/json': EMPTY_RESULT })
  }
  const columns: SqlColumn[] = []
  for (const item of splitArgs(select[1] as string)) {
    const aliased = /^([\s\S]+?)\s+(?:as\s+)?([A-Za-z_]\w*)$/i.exec(item.trim())
    const source =
      aliased && !/^(null|true|false)$/i.test(aliased[2] as string)
        ? (aliased[1] as string)
        : item.trim()
    const alias = aliased && source !== item.trim() ? (aliased[2] as string) : undefined
    const parsed = tryParse(source, SQL)
    if (parsed instanceof ParseFailure) return ok({ 'application/json': EMPTY_RESULT })
    try {
      columns.push(sqlColumn(parsed, alias))
    } catch (e) {
      if (!(e instanceof EvalFailure)) throw e
      if (e.ename === 'NameError') {
        const evalue = `[UNRESOLVED_COLUMN.WITHOUT_SUGGESTION] A column or function parameter with name \`${e.message}\` cannot be resolved.`
        return error('org.apache.spark.sql.AnalysisException', evalue)
      }
      return ok({ 'application/json': EMPTY_RESULT })
    }
  }
  return ok({
    'application/json': {
      schema: {
        type: 'struct',
        fields: columns.map((c) => ({
          name: c.name,
          type: c.type,
          nullable: c.nullable,
          metadata: {},
        })),
      },
      data:
        rowLimit > 0
          ? [
              columns.map((c) =>
                c.type === 'double' && typeof c.value === 'number'
                  ? new JsonDouble(c.value)
                  : c.value,
              ),
            ]
          : [],
    },
  })
}

/** Longest code the small interpreters read (64 KiB); longer code quietly succeeds. */
export const TOY_CODE_LIMIT = 64 * 1024

/**
 * The default output of a statement when no registered rule matches: a small interpreter per
 * kind that answers simple code the way Spark's REPLs do, and stays quiet on the rest.
 *
 * @example
 * runDefaultInterpreter('spark', '1 + 1', createInterpreterMemory(), 1000)
 * // { status: 'ok', data: { 'text/plain': 'res0: Int = 2\n' } }
 */
export function runDefaultInterpreter(
  kind: StatementKind,
  code: string,
  memory: InterpreterMemory,
  sqlRowLimit: number,
): StatementOutputBody {
  return interpret(kind, code, memory, sqlRowLimit, parseOnce, (source) =>
    scalaSteps(source, parseOnce),
  )
}

function interpret(
  kind: StatementKind,
  code: string,
  memory: InterpreterMemory,
  sqlRowLimit: number,
  parse: Parse,
  steps: (code: string) => readonly ScalaStep[],
): StatementOutputBody {
  // The toy interpreters understand a few lines of trivial code; a megabyte of code is never
  // that, and reading it character by character would hold the server's thread for seconds.
  if (code.length > TOY_CODE_LIMIT) return { status: 'ok', data: { 'text/plain': '' } }
  switch (kind) {
    case 'spark':
      return runScala(steps(code), memory)
    case 'pyspark':
      return runPython(code, memory, parse)
    case 'sparkr':
      return runR(code, memory, parse)
    case 'sql':
      return runSql(code, sqlRowLimit, parse)
  }
}

const SLEEPS: Record<StatementKind, RegExp | null> = {
  spark: /\bThread\.sleep\(\s*(\d+)L?\s*\)/g,
  pyspark: /\b(?:time\.)?sleep\(\s*(\d+(?:\.\d+)?)\s*\)/g,
  sparkr: /\bSys\.sleep\(\s*(\d+(?:\.\d+)?)\s*\)/g,
  sql: null,
}

/**
 * How long the code itself keeps the interpreter busy: explicit sleeps
 * (`Thread.sleep(ms)`, `time.sleep(s)`, `Sys.sleep(s)`) take their time whatever the timing
 * profile, as they do on a cluster. `undefined` when the code has none.
 */
export function sleepDurationMs(kind: StatementKind, code: string): number | undefined {
  const re = SLEEPS[kind]
  // Nearly all code sleeps nowhere: no regex match (and its copy of the regex) for it.
  if (!re || !code.includes('sleep(')) return undefined
  let total = 0
  let found = false
  for (const m of code.matchAll(re)) {
    found = true
    total += kind === 'spark' ? Number(m[1]) : Number(m[1]) * 1000
  }
  return found ? total : undefined
}

/**
 * Whether the code runs Spark jobs: cancelling those cancels the job group and the statement
 * ends quickly with a `SparkException`; plain code keeps running until it returns.
 */
export function runsSparkJobs(code: string): boolean {
  return /\b(sc|spark|sqlContext|sqlCtx)\.\w+|\.(count|collect|show|take|foreach|toPandas|saveAs\w*|write)\b/.test(
    code,
  )
}
