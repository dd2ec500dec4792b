/**
 * Request-body binding the way Livy's Jackson `ObjectMapper` does it: a streaming read that
 * fails at the first problem in document order, strict about unknown properties, lenient
 * about scalar coercion (numbers for strings, numeric strings for ints), and with Jackson's
 * messages, because Livy sends those messages back verbatim as 400 bodies.
 */

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

  constructor(text: string) {
    this.text = text
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
    // Assumes the current char is '"'.
    this.pos++
    let out = ''
    for (;;) {
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
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        }
        if (e !== undefined && e in simple) {
          out += simple[e]
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
      if (c.charCodeAt(0) < 0x20) {
        throw new JacksonError(
          `Illegal unquoted character ((CTRL-CHAR, code ${c.charCodeAt(0)})): has to be escaped using backslash to be included in string value${at(this.location(this.pos + 1))}`,
        )
      }
      out += c
      this.pos++
    }
  }

  /** Reads any scalar or structure; returns a tagged value. */
  readValue(): Value {
    const c = this.peek()
    const start = this.location()
    if (c === undefined) {
      throw new JacksonError(
        `No content to map due to end-of-input${at({ line: this.line, column: this.pos - this.lineStart })}`,
      )
    }
    if (c === '"') return { kind: 'string', value: this.readString(), start }
    if (c === '{') return this.readObject()
    if (c === '[') return this.readArray()
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos))
    if (number && (c === '-' || (c >= '0' && c <= '9'))) {
      this.pos += number[0].length
      return { kind: 'number', value: number[0], integral: !number[2] && !number[3], start }
    }
    const word = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(this.pos))
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
   * Reads an object. `onField` runs where Jackson's bean deserializer sees each property: once
   * the first token of its value is read (strings lazily, after their opening quote), so an
   * unknown property is reported at that position, before a syntax error further on.
   */
  readObject(onField?: (name: string, valueAt: Location) => void): Value {
    const start = this.location()
    this.pos++
    const entries: [string, Value][] = []
    let afterComma = false
    for (;;) {
      const c = this.peek()
      if (c === undefined)
        return afterComma ? this.endWithin('Object') : this.endOfInput('Object', start)
      if (c === '}' && !afterComma) {
        this.pos++
        break
      }
      if (c !== '"') this.unexpected('was expecting double-quote to start field name')
      const name = this.readString()
      if (this.peek() === undefined) this.endWithin('Object')
      if (this.text[this.pos] !== ':')
        this.unexpected('was expecting a colon to separate field name and value')
      this.pos++
      const v = this.peek()
      if (v === undefined) this.endWithin('Object')
      let value: Value | undefined
      if (onField) {
        if (v === '"' || v === '{' || v === '[') {
          onField(name, this.location(this.pos + 1))
        } else {
          value = this.readValue()
          onField(name, this.location())
        }
      }
      entries.push([name, value ?? this.readValue()])
      const after = this.peek()
      if (after === undefined) this.endOfInput('Object', start)
      this.pos++
      if (after === '}') break
      if (after !== ',') {
        this.pos--
        this.unexpected('was expecting comma to separate Object entries')
      }
      afterComma = true
    }
    return { kind: 'object', entries, start }
  }

  readArray(): Value {
    const start = this.location()
    this.pos++
    const items: Value[] = []
    const first = this.peek()
    if (first === undefined) this.endOfInput('Array', start)
    if (first === ']') {
      this.pos++
      return { kind: 'array', items, start }
    }
    for (;;) {
      items.push(this.readValue())
      const after = this.peek()
      if (after === undefined) this.endOfInput('Array', start)
      this.pos++
      if (after === ']') break
      if (after !== ',') {
        this.pos--
        this.unexpected('was expecting comma to separate Array entries')
      }
      if (this.peek() === undefined) this.endWithin('Array')
    }
    return { kind: 'array', items, start }
  }
}

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
      if (value.kind === 'number') return Math.trunc(Number(value.value))
      if (value.kind === 'string' && /^\s*[+-]?\d+\s*$/.test(value.value))
        return Number(value.value.trim())
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
      const out: Record<string, string | null> = {}
      for (const [k, v] of value.entries) {
        const text = scalarText(v)
        if (text === undefined) mismatch(spec, field, 'string', v)
        out[k] = text
      }
      return out
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
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.replace(/=+$/, '').length % 4 === 1) {
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
export function readBean(body: string, spec: BeanSpec): Record<string, unknown> {
  const reader = new Reader(body)
  if (reader.eof()) {
    throw new JacksonError(
      `No content to map due to end-of-input${at({ line: reader.line, column: reader.pos - reader.lineStart })}`,
    )
  }
  const c = reader.peek()
  if (c !== '{') {
    const value = reader.readValue()
    throw new JacksonError(
      `Cannot construct instance of \`${spec.className}\` (although at least one Creator exists): no ${value.kind === 'string' ? 'String' : value.kind === 'number' ? 'int/Int' : value.kind === 'bool' ? 'boolean/Boolean' : 'delegate- or property-based Creator'}-argument constructor/factory method to deserialize from ${DESCRIPTION[value.kind]}${value.kind === 'string' ? ` ('${value.value}')` : ''}${at(value.start)}`,
    )
  }
  const result: Record<string, unknown> = {}
  const unrecognized = (name: string, where: Location): JacksonError => {
    const known = spec.knownOrder.map((p) => `"${p}"`).join(', ')
    return new JacksonError(
      `Unrecognized field "${name}" (class ${spec.className}), not marked as ignorable (${spec.knownOrder.length} known properties: ${known}])${at(where)}${chain(spec, name)}`,
    )
  }
  let buffered: string | undefined
  const object = reader.readObject((name, valueAt) => {
    if (name in spec.properties) return
    if (!spec.creator) throw unrecognized(name, valueAt)
    buffered ??= name
  })
  if (object.kind !== 'object') throw new Error('unreachable')
  for (const [name, value] of object.entries) {
    if (!(name in spec.properties)) continue
    result[name] = bindField(spec, name, spec.properties[name] as FieldType, value)
  }
  if (buffered !== undefined) throw unrecognized(buffered, reader.location())
  return result
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
