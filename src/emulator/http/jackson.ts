/**
 * Request-body binding the way Livy's Jackson `ObjectMapper` does it: a streaming read that
 * fails at the first problem in document order, strict about unknown properties, lenient
 * about scalar coercion (numbers for strings, numeric strings for ints), and with Jackson's
 * messages, because Livy sends those messages back verbatim as 400 bodies.
 */

import { hasKey, userMap } from '../model/user-map.ts'
import { decodeUtf8 } from './utf8.ts'

const SOURCE = '(org.eclipse.jetty.server.HttpInputOverHTTP)'

/** A Jackson exception: its message is what Livy answers (form B, a bare JSON string). */
export class JacksonError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'JacksonError'
  }
}

/** How a bean property is read. */
export type FieldType =
  | 'string'
  | 'int'
  | 'optInt'
  | 'long'
  | 'stringList'
  | 'stringMap'
  | 'kind'
  | 'base64'

/** A Java/Scala request class as Jackson sees it. */
export interface BeanSpec {
  /** Fully qualified class name used in messages. */
  readonly className: string
  /** Each property's type (their order in messages is `knownOrder`). */
  readonly properties: Readonly<Record<string, FieldType>>
  /** Order of `properties` in Jackson's messages (its internal property map order). */
  readonly knownOrder: readonly string[]
  /**
   * A Scala case class, built through its constructor: Jackson buffers unknown properties
   * until the object ends, so it reports them at the position after the closing brace.
   */
  readonly creator?: boolean
}

interface Location {
  readonly line: number
  readonly column: number
}

const at = (loc: Location): string =>
  `\n at [Source: ${SOURCE}; line: ${loc.line}, column: ${loc.column}]`

/** Streaming JSON reader with Jackson-compatible positions (1-based line and column). */
class Reader {
  readonly text: string
  pos = 0
  line = 1
  lineStart = 0
  /** Where the text's control characters are, when known (see {@link indexControls}). */
  private readonly controls: readonly number[] | undefined
  /** Index in `controls` of the first one at or after the position read last. */
  private nextControl = 0
  /** The next `"` and `\\` at or after the position read last (-1: none left). */
  private nextQuote = -2
  private nextBackslash = -2

  constructor(text: string, controls?: readonly number[]) {
    this.text = text
    this.controls = controls
  }

  /**
   * Where the plain run starting at `from` ends: the next quote, backslash or control
   * character. With the controls indexed this is two `indexOf` scans (~0.3 ns a character);
   * otherwise one regex scan (~1.5 ns): 15 ms for a 10 MB string, in one turn.
   */
  private plainEnd(from: number): number {
    const controls = this.controls
    if (controls === undefined) {
      PLAIN_RUN.lastIndex = from
      PLAIN_RUN.test(this.text)
      return PLAIN_RUN.lastIndex
    }
    if (this.nextQuote !== -1 && this.nextQuote < from)
      this.nextQuote = this.text.indexOf('"', from)
    if (this.nextBackslash !== -1 && this.nextBackslash < from)
      this.nextBackslash = this.text.indexOf('\\', from)
    while (this.nextControl < controls.length && (controls[this.nextControl] as number) < from)
      this.nextControl++
    let end = this.text.length
    if (this.nextQuote !== -1) end = Math.min(end, this.nextQuote)
    if (this.nextBackslash !== -1) end = Math.min(end, this.nextBackslash)
    if (this.nextControl < controls.length)
      end = Math.min(end, controls[this.nextControl] as number)
    return end
  }

  location(offset = this.pos): Location {
    return { line: this.line, column: offset - this.lineStart + 1 }
  }

  skipWhitespace(): void {
    while (this.pos < this.text.length) {
      const c = this.text[this.pos]
      if (c === '\n') {
        this.pos++
        this.line++
        this.lineStart = this.pos
      } else if (c === ' ' || c === '\t' || c === '\r') this.pos++
      else break
    }
  }

  peek(): string | undefined {
    this.skipWhitespace()
    return this.text[this.pos]
  }

  eof(): boolean {
    return this.peek() === undefined
  }

  unexpected(expecting: string): never {
    const c = this.text[this.pos] as string
    const code = c.codePointAt(0) as number
    throw new JacksonError(
      `Unexpected character ('${c}' (code ${code})): ${expecting}${at(this.location(this.pos + 1))}`,
    )
  }

  /** EOF where the structure could have been closed (Jackson's `_handleEOF`). */
  endOfInput(what: string, start: Location): never {
    throw new JacksonError(
      `Unexpected end-of-input: expected close marker for ${what} (start marker at [Source: ${SOURCE}; line: ${start.line}, column: ${start.column}])${at(this.location())}`,
    )
  }

  /** EOF after a comma, a field name or a colon (Jackson's `_skipComma`/`_skipColon`). */
  endWithin(what: string): never {
    throw new JacksonError(
      `Unexpected end-of-input within/between ${what} entries${at(this.location())}`,
    )
  }

  readString(): string {
    // Assumes the current char is '"'. Runs of plain characters are copied in one slice: a
    // multi-megabyte `code` string costs one regex scan, not a concatenation per character.
    this.pos++
    let out = ''
    for (;;) {
      const end = this.plainEnd(this.pos)
      if (end > this.pos) {
        out += this.text.slice(this.pos, end)
        this.pos = end
      }
      const c = this.text[this.pos]
      if (c === undefined) {
        throw new JacksonError(
          `Unexpected end-of-input: was expecting closing quote for a string value${at(this.location())}`,
        )
      }
      if (c === '"') {
        this.pos++
        return out
      }
      if (c === '\\') {
        const e = this.text[this.pos + 1]
        const simple = e === undefined ? undefined : ESCAPES.get(e)
        if (simple !== undefined) {
          out += simple
          this.pos += 2
        } else if (
          e === 'u' &&
          /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))
        ) {
          out += String.fromCharCode(
            Number.parseInt(this.text.slice(this.pos + 2, this.pos + 6), 16),
          )
          this.pos += 6
        } else {
          this.pos++
          const bad = this.text[this.pos] ?? ''
          throw new JacksonError(
            `Unrecognized character escape '${bad}' (code ${bad.codePointAt(0)})${at(this.location(this.pos + 1))}`,
          )
        }
        continue
      }
      // Only a control character stops a plain run.
      throw new JacksonError(
        `Illegal unquoted character ((CTRL-CHAR, code ${c.charCodeAt(0)})): has to be escaped using backslash to be included in string value${at(this.location(this.pos + 1))}`,
      )
    }
  }

  /** A scalar (string, number, `true`/`false`/`null`), or the start of a structure (undefined). */
  private readScalar(): Value | undefined {
    const c = this.peek()
    const start = this.location()
    if (c === undefined) {
      throw new JacksonError(
        `No content to map due to end-of-input${at({ line: this.line, column: this.pos - this.lineStart })}`,
      )
    }
    if (c === '"') return { kind: 'string', value: this.readString(), start }
    if (c === '{' || c === '[') return undefined
    NUMBER.lastIndex = this.pos
    const number = NUMBER.exec(this.text)
    if (number && (c === '-' || (c >= '0' && c <= '9'))) {
      this.pos += number[0].length
      return { kind: 'number', value: number[0], integral: !number[2] && !number[3], start }
    }
    WORD.lastIndex = this.pos
    const word = WORD.exec(this.text)
    if (word) {
      this.pos += word[0].length
      if (word[0] === 'true' || word[0] === 'false')
        return { kind: 'bool', value: word[0] === 'true', start }
      if (word[0] === 'null') return { kind: 'null', start }
      throw new JacksonError(
        `Unrecognized token '${word[0]}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')${at(this.location())}`,
      )
    }
    return this.unexpected(
      "expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
    )
  }

  /**
   * Reads any value. Iterative, with its own stack: Jackson's streaming parser has no depth
   * limit, so 100,000 nested arrays are just a long value to it, never a stack overflow.
   */
  readValue(): Value {
    const stack: Frame[] = []
    for (;;) {
      let value = this.readScalar()
      if (value === undefined) {
        const start = this.location()
        if (this.text[this.pos] === '{') {
          this.pos++
          const frame: Frame = { kind: 'object', entries: [], start, name: '' }
          if (this.openField(frame, false)) value = { kind: 'object', entries: [], start }
          else {
            stack.push(frame)
            continue
          }
        } else {
          this.pos++
          const first = this.peek()
          if (first === undefined) this.endOfInput('Array', start)
          if (first === ']') {
            this.pos++
            value = { kind: 'array', items: [], start }
          } else {
            stack.push({ kind: 'array', items: [], start })
            continue
          }
        }
      }
      // Hand the value to the structures it closes, up to one that expects another value.
      for (;;) {
        const top = stack[stack.length - 1]
        if (top === undefined) return value
        const after = this.peek()
        if (top.kind === 'array') {
          top.items.push(value)
          if (after === undefined) this.endOfInput('Array', top.start)
          this.pos++
          if (after === ']') {
            stack.pop()
            value = { kind: 'array', items: top.items, start: top.start }
            continue
          }
          if (after !== ',') {
            this.pos--
            this.unexpected('was expecting comma to separate Array entries')
          }
          if (this.peek() === undefined) this.endWithin('Array')
          break
        }
        top.entries.push([top.name, value])
        if (after === undefined) this.endOfInput('Object', top.start)
        this.pos++
        if (after === '}') {
          stack.pop()
          value = { kind: 'object', entries: top.entries, start: top.start }
          continue
        }
        if (after !== ',') {
          this.pos--
          this.unexpected('was expecting comma to separate Object entries')
        }
        this.openField(top, true)
        break
      }
    }
  }

  /**
   * Reads a field name and its colon (true when, instead, the object closes: only allowed
   * right after `{`).
   */
  private openField(frame: Extract<Frame, { kind: 'object' }>, afterComma: boolean): boolean {
    const c = this.peek()
    if (c === undefined)
      return afterComma ? this.endWithin('Object') : this.endOfInput('Object', frame.start)
    if (c === '}' && !afterComma) {
      this.pos++
      return true
    }
    if (c !== '"') this.unexpected('was expecting double-quote to start field name')
    frame.name = this.readString()
    if (this.peek() === undefined) this.endWithin('Object')
    if (this.text[this.pos] !== ':')
      this.unexpected('was expecting a colon to separate field name and value')
    this.pos++
    if (this.peek() === undefined) this.endWithin('Object')
    return false
  }

  /**
   * Reads the top-level object. `onField` runs where Jackson's bean deserializer sees each
   * property: once the first token of its value is read (strings lazily, after their opening
   * quote), so an unknown property is reported at that position, before a syntax error
   * further on.
   */
  readObject(onField: (name: string, valueAt: Location) => void): Value {
    const start = this.location()
    this.pos++
    const frame: Extract<Frame, { kind: 'object' }> = {
      kind: 'object',
      entries: [],
      start,
      name: '',
    }
    if (this.openField(frame, false)) return { kind: 'object', entries: [], start }
    for (;;) {
      const name = frame.name
      const v = this.text[this.pos]
      let value: Value | undefined
      if (v === '"' || v === '{' || v === '[') {
        onField(name, this.location(this.pos + 1))
      } else {
        value = this.readValue()
        onField(name, this.location())
      }
      frame.entries.push([name, value ?? this.readValue()])
      const after = this.peek()
      if (after === undefined) this.endOfInput('Object', start)
      this.pos++
      if (after === '}') break
      if (after !== ',') {
        this.pos--
        this.unexpected('was expecting comma to separate Object entries')
      }
      this.openField(frame, true)
    }
    return { kind: 'object', entries: frame.entries, start }
  }
}

/** A structure being read by {@link Reader.readValue}. */
type Frame =
  | { kind: 'object'; entries: [string, Value][]; start: Location; name: string }
  | { kind: 'array'; items: Value[]; start: Location }

/** Characters a JSON string holds as they are (no quote, backslash or control character). */
const PLAIN_RUN = /[^"\\\u0000-\u001f]*/y
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y
const WORD = /[A-Za-z_$][\w$]*/y
const ESCAPES: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ['\\', '\\'],
  ['/', '/'],
  ['b', '\b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
])

type Value =
  | { kind: 'string'; value: string; start: Location }
  | { kind: 'number'; value: string; integral: boolean; start: Location }
  | { kind: 'bool'; value: boolean; start: Location }
  | { kind: 'null'; start: Location }
  | { kind: 'object'; entries: [string, Value][]; start: Location }
  | { kind: 'array'; items: Value[]; start: Location }

const TOKEN: Record<Value['kind'], string> = {
  string: 'JsonToken.VALUE_STRING',
  number: 'JsonToken.VALUE_NUMBER_INT',
  bool: 'JsonToken.VALUE_TRUE',
  null: 'JsonToken.VALUE_NULL',
  object: 'JsonToken.START_OBJECT',
  array: 'JsonToken.START_ARRAY',
}

const DESCRIPTION: Record<Value['kind'], string> = {
  string: 'String value',
  number: 'Integer value',
  bool: 'Boolean value',
  null: 'Null value',
  object: 'Object value',
  array: 'Array value',
}

const JAVA_TYPE: Record<FieldType, string> = {
  string: '`java.lang.String`',
  int: '`int`',
  optInt: '`java.lang.Object`',
  long: '`long`',
  stringList: '`scala.collection.immutable.List<java.lang.String>`',
  stringMap: '`scala.collection.immutable.Map<java.lang.String,java.lang.String>`',
  kind: '`org.apache.livy.sessions.Kind`',
  base64: '`byte[]`',
}

const chain = (spec: BeanSpec, field: string, index?: number): string =>
  ` (through reference chain: ${spec.className}["${field}"]${index === undefined ? '' : `->scala.collection.immutable.$colon$colon[${index}]`})`

function mismatch(
  spec: BeanSpec,
  field: string,
  type: FieldType,
  value: Value,
  index?: number,
): never {
  const tokenKind =
    value.kind === 'number' && !value.integral ? 'JsonToken.VALUE_NUMBER_FLOAT' : TOKEN[value.kind]
  const description =
    value.kind === 'number' && !value.integral ? 'Floating-point value' : DESCRIPTION[value.kind]
  throw new JacksonError(
    `Cannot deserialize value of type ${JAVA_TYPE[type]} from ${description} (token \`${tokenKind}\`)${at(value.start)}${chain(spec, field, index)}`,
  )
}

/** Java's `int` and `long` ranges (a long beyond 2^53 is still in range if Java says so). */
const RANGE = {
  int: { min: -(2 ** 31), max: 2 ** 31 - 1, lo: '-2147483648', hi: '2147483647' },
  long: {
    min: -(2 ** 63),
    max: 2 ** 63 - 1,
    lo: '-9223372036854775808',
    hi: '9223372036854775807',
  },
} as const

const inRange = (n: number, type: 'int' | 'long'): boolean =>
  Number.isFinite(n) && n >= RANGE[type].min && n <= RANGE[type].max

/**
 * Jackson's `InputCoercionException`, wrapped with the property path like every failure
 * inside a bean property; reported where the number token ends (the parser's position)
 * **(inferred: Jackson 2.12 `ParserBase.reportOverflowInt`)**.
 */
function outOfRange(
  spec: BeanSpec,
  field: string,
  type: 'int' | 'long',
  value: Extract<Value, { kind: 'number' }>,
): never {
  const end = { line: value.start.line, column: value.start.column + value.value.length }
  throw new JacksonError(
    `Numeric value (${value.value}) out of range of ${type} (${RANGE[type].lo} - ${RANGE[type].hi})${at(end)}${chain(spec, field)}`,
  )
}

const scalarText = (v: Value): string | null | undefined => {
  switch (v.kind) {
    case 'string':
      return v.value
    case 'number':
      return v.value
    case 'bool':
      return String(v.value)
    case 'null':
      return null
    default:
      return undefined
  }
}

/** Session kinds and aliases accepted by Livy's `Kind` deserializer. */
const KINDS: Record<string, string> = {
  spark: 'spark',
  scala: 'spark',
  pyspark: 'pyspark',
  python: 'pyspark',
  sparkr: 'sparkr',
  r: 'sparkr',
  shared: 'shared',
  sql: 'sql',
}

function bindField(spec: BeanSpec, field: string, type: FieldType, value: Value): unknown {
  switch (type) {
    case 'string': {
      const text = scalarText(value)
      if (text === undefined) mismatch(spec, field, type, value)
      return text
    }
    case 'int':
    case 'long': {
      if (value.kind === 'null') return 0
      if (value.kind === 'number') {
        // Jackson coerces a float to an int (ACCEPT_FLOAT_AS_INT) but never past the range:
        // `1e400` is Infinity to Java's parser, out of range like 99999999999.
        const n = Math.trunc(Number(value.value))
        if (!inRange(n, type)) outOfRange(spec, field, type, value)
        return n
      }
      if (value.kind === 'string' && /^\s*[+-]?\d+\s*$/.test(value.value)) {
        const n = Number(value.value.trim())
        if (!inRange(n, type)) {
          // `handleWeirdStringValue`'s format, `(%d -%d)` (inferred from Jackson 2.12).
          throw new JacksonError(
            `Cannot deserialize value of type \`${type}\` from String "${value.value}": Overflow: numeric value (${value.value.trim()}) out of range of ${type} (${RANGE[type].lo} -${RANGE[type].hi})${at(value.start)}${chain(spec, field)}`,
          )
        }
        return n
      }
      if (value.kind === 'string') {
        throw new JacksonError(
          `Cannot deserialize value of type \`${type}\` from String "${value.value}": not a valid \`${type}\` value${at(value.start)}${chain(spec, field)}`,
        )
      }
      return mismatch(spec, field, type, value)
    }
    case 'optInt': {
      // `Option[Int]` is erased to `Option[Object]`: Jackson takes any scalar as it is, and
      // the cast to Int fails later (a 500 ClassCastException, see the model).
      if (value.kind === 'null') return null
      if (value.kind === 'number')
        return value.integral
          ? Number(value.value)
          : { javaClass: 'java.lang.Double', text: value.value }
      if (value.kind === 'string') return { javaClass: 'java.lang.String', text: value.value }
      if (value.kind === 'bool')
        return { javaClass: 'java.lang.Boolean', text: String(value.value) }
      return mismatch(spec, field, type, value)
    }
    case 'stringList': {
      if (value.kind === 'null') return null
      if (value.kind !== 'array') return mismatch(spec, field, type, value)
      return value.items.map((item, i) => {
        const text = scalarText(item)
        if (text === undefined) mismatch(spec, field, 'string', item, i)
        return text
      })
    }
    case 'stringMap': {
      if (value.kind === 'null') return null
      if (value.kind !== 'object') return mismatch(spec, field, type, value)
      // Keys are the user's: a null-prototype map keeps `__proto__` as the key it is.
      return userMap(
        value.entries.map(([k, v]): [string, string | null] => {
          const text = scalarText(v)
          if (text === undefined) mismatch(spec, field, 'string', v)
          return [k, text]
        }),
      )
    }
    case 'kind': {
      if (value.kind === 'null') return null
      if (value.kind !== 'string') {
        throw new JacksonError(`requirement failed: Kind should be a string.${chain(spec, field)}`)
      }
      const kind = KINDS[value.value]
      if (!kind) throw new JacksonError(`Invalid kind: ${value.value}${chain(spec, field)}`)
      return kind
    }
    case 'base64': {
      if (value.kind === 'null') return null
      if (value.kind !== 'string') return mismatch(spec, field, type, value)
      const clean = value.value
      // Padding, when there is any, must end a whole quantum: "AB=" and "ABC==" leave the
      // decoder one character short or one over **(inferred from Jackson's Base64Variant)**.
      const padded = clean.endsWith('=')
      if (
        !/^[A-Za-z0-9+/]*={0,2}$/.test(clean) ||
        clean.replace(/=+$/, '').length % 4 === 1 ||
        (padded && clean.length % 4 !== 0)
      ) {
        throw new JacksonError(
          `Cannot deserialize value of type \`[B\` from String "${clean}": Failed to decode VALUE_STRING as base64 (MIME-NO-LINEFEEDS): Illegal character${at(value.start)}${chain(spec, field)}`,
        )
      }
      return clean
    }
  }
}

/**
 * Reads a request body into a bean, the way `mapper.readValue(stream, klass)` would.
 * Returns the properties that were present (absent ones keep the class defaults).
 *
 * @example
 * readBean('{"code":"1 + 1"}', EXECUTE_REQUEST) // { code: '1 + 1' }
 */
export function readBean(body: string, spec: BeanSpec, ahead?: ReadAhead): Record<string, unknown> {
  if (ahead?.text === body) return bindAhead(spec, ahead)
  return readFlat(body, spec) ?? readStreaming(body, spec)
}

/**
 * A bean's properties by name, each with the name as the spec spells it. A name read from a
 * body is a fresh string; used as a key on a null-prototype map, V8 looks it up in its string
 * table on every store (~2 µs). The spec's own string is the interned one.
 */
const PROPERTY_NAMES = new WeakMap<BeanSpec, ReadonlyMap<string, string>>()
function propertyName(spec: BeanSpec, name: string): string | undefined {
  let names = PROPERTY_NAMES.get(spec)
  if (names === undefined) {
    names = new Map(Object.keys(spec.properties).map((k) => [k, k]))
    PROPERTY_NAMES.set(spec, names)
  }
  return names.get(name)
}

/** Where a value read by {@link readFlat} is said to start: never shown (errors read again). */
const UNPLACED: Location = { line: 0, column: 0 }

/**
 * What nearly every client sends, a flat object of known properties with plain scalar values
 * (no escapes, no nesting, no repeated name), read in one pass without the streaming reader's
 * positions. Anything else, and every body that fails to bind, gives `undefined`: the
 * streaming read then answers it, with Jackson's positions and messages. Binding has no side
 * effects, so reading twice is safe. Exported for the test that holds it to the streaming read.
 */
export function readFlat(body: string, spec: BeanSpec): Record<string, unknown> | undefined {
  let i = 0
  const ws = (): void => {
    for (let c = body.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; )
      c = body.charCodeAt(++i)
  }
  /** A string without escapes or control characters, `i` on its opening quote. */
  const plain = (): string | undefined => {
    PLAIN_RUN.lastIndex = i + 1
    PLAIN_RUN.test(body)
    const end = PLAIN_RUN.lastIndex
    if (body.charCodeAt(end) !== 0x22) return undefined
    const text = body.slice(i + 1, end)
    i = end + 1
    return text
  }
  ws()
  if (body.charCodeAt(i) !== 0x7b) return undefined
  i++
  ws()
  if (body.charCodeAt(i) !== 0x22) return undefined
  const result = userMap<unknown>()
  try {
    for (;;) {
      const read = plain()
      const name = read === undefined ? undefined : propertyName(spec, read)
      if (name === undefined || hasKey(result, name)) return undefined
      ws()
      if (body.charCodeAt(i) !== 0x3a) return undefined
      i++
      ws()
      const c = body.charCodeAt(i)
      let value: Value
      if (c === 0x22) {
        const text = plain()
        if (text === undefined) return undefined
        value = { kind: 'string', value: text, start: UNPLACED }
      } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
        NUMBER.lastIndex = i
        const number = NUMBER.exec(body)
        if (!number) return undefined
        i += number[0].length
        value = {
          kind: 'number',
          value: number[0],
          integral: !number[2] && !number[3],
          start: UNPLACED,
        }
      } else if (body.startsWith('null', i)) {
        i += 4
        value = { kind: 'null', start: UNPLACED }
      } else if (body.startsWith('true', i)) {
        i += 4
        value = { kind: 'bool', value: true, start: UNPLACED }
      } else if (body.startsWith('false', i)) {
        i += 5
        value = { kind: 'bool', value: false, start: UNPLACED }
      } else return undefined
      // What follows a value is checked below: `nullx` or `01` end the one-pass read there.
      result[name] = bindField(spec, name, spec.properties[name] as FieldType, value)
      ws()
      const after = body.charCodeAt(i++)
      if (after === 0x7d) return result
      if (after !== 0x2c) return undefined
      ws()
      if (body.charCodeAt(i) !== 0x22) return undefined
    }
  } catch (e) {
    if (e instanceof JacksonError) return undefined
    throw e
  }
}

/** {@link readBean} by the streaming reader: every body, with Jackson's exact failures. */
export function readStreaming(body: string, spec: BeanSpec): Record<string, unknown> {
  const reader = new Reader(body)
  if (reader.eof()) {
    throw new JacksonError(
      `No content to map due to end-of-input${at({ line: reader.line, column: reader.pos - reader.lineStart })}`,
    )
  }
  const c = reader.peek()
  if (c !== '{') {
    // Jackson refuses a root that is not an object at its first token, unread.
    const value: Value =
      c === '[' ? { kind: 'array', items: [], start: reader.location() } : reader.readValue()
    throw new JacksonError(
      `Cannot construct instance of \`${spec.className}\` (although at least one Creator exists): no ${value.kind === 'string' ? 'String' : value.kind === 'number' ? 'int/Int' : value.kind === 'bool' ? 'boolean/Boolean' : 'delegate- or property-based Creator'}-argument constructor/factory method to deserialize from ${DESCRIPTION[value.kind]}${value.kind === 'string' ? ` ('${value.value}')` : ''}${at(value.start)}`,
    )
  }
  // Jackson's deserializer looks at each property as it reads it: an unknown one stops the
  // read there, before a syntax error further on.
  let buffered: string | undefined
  const object = reader.readObject((name, valueAt) => {
    if (!known(spec, name, valueAt)) buffered ??= name
  })
  return bindObject(spec, object, buffered, reader.location())
}

/**
 * A body read before its route (and so its bean) is known: a large one is read in a turn of
 * the event loop of its own, outside the serial section. Only a well-formed JSON object is
 * read ahead; anything else is read again, in order, by {@link readBean}, which reports it.
 */
export interface ReadAhead {
  readonly text: string
  readonly object: Value
  /** Each property with where Jackson sees it, in the order it reads them. */
  readonly fields: readonly (readonly [string, Location])[]
  readonly end: Location
  /**
   * JSON texts of its large strings, for answers that echo them (a statement echoes its
   * code): filled by {@link serialiseLarge} in a turn of its own, as `JSON.stringify` of 10 MB
   * takes ~30 ms.
   */
  readonly serialised: Map<string, string>
}

/**
 * Reads `text` ahead of its bean, or `undefined` when it is not a well-formed JSON object.
 * `controls`, where the text's control characters are ({@link indexControls}), lets a large
 * string be read without scanning it character by character in this turn.
 *
 * @example
 * readBean(text, EXECUTE_REQUEST, readAhead(text)) // same as readBean(text, EXECUTE_REQUEST)
 */
export function readAhead(text: string, controls?: readonly number[]): ReadAhead | undefined {
  const reader = new Reader(text, controls)
  if (reader.eof() || reader.peek() !== '{') return undefined
  const fields: [string, Location][] = []
  try {
    const object = reader.readObject((name, valueAt) => {
      fields.push([name, valueAt])
    })
    return { text, object, fields, end: reader.location(), serialised: new Map() }
  } catch {
    return undefined
  }
}

/** The strings over 1 MiB in a value, outermost first. */
function* largeStrings(value: Value): Generator<string> {
  const pending: Value[] = [value]
  for (let v = pending.pop(); v !== undefined; v = pending.pop()) {
    if (v.kind === 'string' && v.value.length > 1 << 20) yield v.value
    else if (v.kind === 'object') for (const [, item] of v.entries) pending.push(item)
    else if (v.kind === 'array') for (const item of v.items) pending.push(item)
  }
}

const CHUNK = 1 << 20

/**
 * Serialises the large strings of a body read ahead (see {@link ReadAhead.serialised}), a
 * megabyte at a time with `nextTurn()` in between, so that no turn of the event loop holds
 * the thread for long. Chunks never split a surrogate pair, so the pieces' JSON texts join
 * into exactly `JSON.stringify` of the whole.
 *
 * @example
 * await serialiseLarge(ahead, () => new Promise((r) => setImmediate(r)))
 * ahead.serialised.get(code) === JSON.stringify(code) // true
 */
export async function serialiseLarge(
  ahead: ReadAhead,
  nextTurn: () => Promise<void>,
): Promise<void> {
  for (const s of largeStrings(ahead.object)) {
    flatten(s)
    await nextTurn()
    const parts: string[] = []
    for (let start = 0; start < s.length; ) {
      let end = Math.min(start + CHUNK, s.length)
      const last = s.charCodeAt(end - 1)
      if (end < s.length && last >= 0xd800 && last <= 0xdbff) end--
      parts.push(JSON.stringify(s.slice(start, end)).slice(1, -1))
      start = end
      await nextTurn()
    }
    ahead.serialised.set(s, `"${parts.join('')}"`)
  }
}

/**
 * A string built piece by piece (read with escapes, or an answer put together) is a rope in V8
 * until its first search copies it flat (10 MB: ~10 ms). Searching it here does that copy
 * where the caller chooses: in a turn of its own, not inside the serial section or with other
 * work.
 *
 * @example
 * await nextTurn()
 * flatten(answer)
 */
export function flatten(s: string): void {
  s.includes('\u0000')
}

/** A control character, the only kind a JSON string may not hold unescaped. */
const CONTROL = /[\u0000-\u001f]/g

/**
 * Where `text`'s control characters are, found a megabyte per turn of the event loop
 * (`nextTurn()` in between): {@link readAhead} then reads a 10 MB string in a few
 * milliseconds. Whitespace between tokens counts too; a pretty-printed body has a few.
 *
 * @example
 * readAhead(text, await indexControls(text, () => new Promise((r) => setImmediate(r))))
 */
export async function indexControls(
  text: string,
  nextTurn: () => Promise<void>,
): Promise<number[]> {
  const found: number[] = []
  for (let start = 0; start < text.length; start += CHUNK) {
    const piece = text.slice(start, start + CHUNK)
    CONTROL.lastIndex = 0
    for (let m = CONTROL.exec(piece); m !== null; m = CONTROL.exec(piece))
      found.push(start + m.index)
    await nextTurn()
  }
  return found
}

function unrecognized(spec: BeanSpec, name: string, where: Location): JacksonError {
  const known = spec.knownOrder.map((p) => `"${p}"`).join(', ')
  return new JacksonError(
    `Unrecognized field "${name}" (class ${spec.className}), not marked as ignorable (${spec.knownOrder.length} known properties: ${known}])${at(where)}${chain(spec, name)}`,
  )
}

/**
 * A property as the deserializer meets it: true when the bean has it; false when a creator
 * buffers it (reported once the object is read); an error when nothing takes it.
 */
function known(spec: BeanSpec, name: string, valueAt: Location): boolean {
  if (hasKey(spec.properties, name)) return true
  if (!spec.creator) throw unrecognized(spec, name, valueAt)
  return false
}

/** What {@link readBean} does once the object is read, from the same facts in the same order. */
function bindAhead(spec: BeanSpec, ahead: ReadAhead): Record<string, unknown> {
  let buffered: string | undefined
  for (const [name, valueAt] of ahead.fields) if (!known(spec, name, valueAt)) buffered ??= name
  return bindObject(spec, ahead.object, buffered, ahead.end)
}

function bindObject(
  spec: BeanSpec,
  object: Value,
  buffered: string | undefined,
  end: Location,
): Record<string, unknown> {
  if (object.kind !== 'object') throw new Error('unreachable')
  const result = userMap<unknown>()
  for (const [read, value] of object.entries) {
    const name = propertyName(spec, read)
    if (name === undefined) continue
    result[name] = bindField(spec, name, spec.properties[name] as FieldType, value)
  }
  if (buffered !== undefined) throw unrecognized(spec, buffered, end)
  return result
}

/**
 * Reads a request body's bytes into a bean: Jackson's UTF-8 parser refuses malformed bytes
 * (400) rather than decoding them to U+FFFD. The column counts bytes, as the byte-based parser
 * does **(inferred)**.
 *
 * @example
 * readBeanBytes(new TextEncoder().encode('{"code":"1"}'), EXECUTE_REQUEST) // { code: '1' }
 */
export function readBeanBytes(body: Uint8Array | null, spec: BeanSpec): Record<string, unknown> {
  if (body === null || body.length === 0) return readBean('', spec)
  const text = decodeUtf8(body)
  if (typeof text === 'string') return readBean(text, spec)
  let line = 1
  let lineStart = 0
  for (let i = 0; i < text.offset; i++) {
    if (body[i] === 0x0a) {
      line++
      lineStart = i + 1
    }
  }
  const hex = text.byte < 0 ? 'end-of-input' : `0x${text.byte.toString(16)}`
  throw new JacksonError(
    `Invalid UTF-8 ${text.position} byte ${hex}${at({ line, column: text.offset - lineStart + 1 })}`,
  )
}

/** The properties `CreateInteractiveRequest` and `CreateBatchRequest` share. */
const SPARK_SUBMIT_PROPERTIES: Readonly<Record<string, FieldType>> = {
  jars: 'stringList',
  pyFiles: 'stringList',
  files: 'stringList',
  driverMemory: 'string',
  driverCores: 'optInt',
  executorMemory: 'string',
  executorCores: 'optInt',
  numExecutors: 'optInt',
  archives: 'stringList',
  queue: 'string',
  name: 'string',
  conf: 'stringMap',
}

/** `CreateInteractiveRequest`. */
export const CREATE_INTERACTIVE_REQUEST: BeanSpec = {
  className: 'org.apache.livy.server.interactive.CreateInteractiveRequest',
  properties: {
    kind: 'kind',
    proxyUser: 'string',
    ...SPARK_SUBMIT_PROPERTIES,
    heartbeatTimeoutInSecond: 'int',
    ttl: 'string',
    idleTimeout: 'string',
  },
  // Jackson's property-map order, as real Livy 0.9.0 prints it.
  knownOrder: [
    'executorCores',
    'conf',
    'driverMemory',
    'name',
    'driverCores',
    'idleTimeout',
    'pyFiles',
    'archives',
    'kind',
    'files',
    'jars',
    'proxyUser',
    'numExecutors',
    'heartbeatTimeoutInSecond',
    'ttl',
    'queue',
    'executorMemory',
  ],
}

/** `CreateBatchRequest`. */
export const CREATE_BATCH_REQUEST: BeanSpec = {
  className: 'org.apache.livy.server.batch.CreateBatchRequest',
  properties: {
    file: 'string',
    proxyUser: 'string',
    args: 'stringList',
    className: 'string',
    ...SPARK_SUBMIT_PROPERTIES,
  },
  knownOrder: [
    'executorCores',
    'className',
    'conf',
    'driverMemory',
    'name',
    'driverCores',
    'pyFiles',
    'archives',
    'executorMemory',
    'files',
    'jars',
    'proxyUser',
    'numExecutors',
    'file',
    'args',
    'queue',
  ],
}

/** `org.apache.livy.ExecuteRequest(code, kind)`; `msg_type` is inherited from `Content`. */
export const EXECUTE_REQUEST: BeanSpec = {
  className: 'org.apache.livy.ExecuteRequest',
  properties: { code: 'string', kind: 'string', msg_type: 'string' },
  knownOrder: ['msg_type', 'kind', 'code'],
  creator: true,
}

/** `org.apache.livy.CompletionRequest(code, kind, cursor)`. */
export const COMPLETION_REQUEST: BeanSpec = {
  className: 'org.apache.livy.CompletionRequest',
  properties: { code: 'string', kind: 'string', cursor: 'int' },
  knownOrder: ['kind', 'code', 'cursor'],
  creator: true,
}

/** `HttpMessages.SerializedJob`. */
export const SERIALIZED_JOB: BeanSpec = {
  className: 'org.apache.livy.client.common.HttpMessages$SerializedJob',
  properties: { job: 'base64', jobType: 'string' },
  knownOrder: ['job', 'jobType'],
}

/** `HttpMessages.AddResource`. */
export const ADD_RESOURCE: BeanSpec = {
  className: 'org.apache.livy.client.common.HttpMessages$AddResource',
  properties: { uri: 'string' },
  knownOrder: ['uri'],
}
