import { STATEMENT_KINDS } from '../model/outcomes/interpreters.ts'
import type {
  RecordedBatch,
  RecordedExchange,
  RecordedStatement,
  Recording,
} from './recording-schema.ts'

export type { RecordedBatch, RecordedExchange, RecordedStatement, Recording }

/** The recording format's version; a reader refuses any other (the format is small and strict). */
export const RECORDING_VERSION = 1

/** A recording that cannot be used: not JSON, another version, or a field that is wrong. */
export class RecordingError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RecordingError'
  }
}

/** A problem found in a recording: where, and what. */
interface Issue {
  readonly path: readonly (string | number)[]
  readonly message: string
}

/**
 * Checks one value of the format and returns its copy (objects and arrays copied, as a parser
 * returns fresh ones), or notes what is wrong. The format's rules are those of
 * `recordingSchema` (recording-schema.ts, zod); a test holds the two to the same answers.
 */
type Check = (value: unknown, path: readonly (string | number)[], issues: Issue[]) => unknown

const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`

const refuse = (
  issues: Issue[],
  path: readonly (string | number)[],
  expected: string,
  value: unknown,
): undefined => {
  issues.push({ path, message: `expected ${expected}, got ${kindOf(value)}` })
  return undefined
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const string: Check = (value, path, issues) =>
  typeof value === 'string' ? value : refuse(issues, path, 'a string', value)

const stringOrNull: Check = (value, path, issues) =>
  value === null || typeof value === 'string'
    ? value
    : refuse(issues, path, 'a string or null', value)

const integer: Check = (value, path, issues) =>
  Number.isSafeInteger(value) ? value : refuse(issues, path, 'an integer', value)

const literal =
  (expected: string): Check =>
  (value, path, issues) =>
    value === expected ? value : refuse(issues, path, JSON.stringify(expected), value)

const arrayOf =
  (item: Check): Check =>
  (value, path, issues) =>
    Array.isArray(value)
      ? value.map((v: unknown, i) => item(v, [...path, i], issues))
      : refuse(issues, path, 'an array', value)

/** A map of `value`s by string key (a plain object, as JSON gives). */
const mapOf =
  (value: Check): Check =>
  (input, path, issues) => {
    const prototype = isObject(input) ? (Object.getPrototypeOf(input) as unknown) : undefined
    if (!isObject(input) || (prototype !== Object.prototype && prototype !== null))
      return refuse(issues, path, 'an object', input)
    const copy: Record<string, unknown> = {}
    for (const key of Object.keys(input)) {
      Object.defineProperty(copy, key, {
        value: value(input[key], [...path, key], issues),
        writable: true,
        enumerable: true,
        configurable: true,
      })
    }
    return copy
  }

const anything: Check = (value) => value

/** An object with exactly these fields (`optional` ones may be missing), no others. */
const strictObject =
  (fields: Readonly<Record<string, Check>>, optional: readonly string[] = []): Check =>
  (input, path, issues) => {
    if (!isObject(input)) return refuse(issues, path, 'an object', input)
    const copy: Record<string, unknown> = {}
    for (const [key, check] of Object.entries(fields)) {
      const value = input[key]
      if (value === undefined && optional.includes(key)) continue
      copy[key] = check(value, [...path, key], issues)
    }
    for (const key of Object.keys(input)) {
      if (!Object.hasOwn(fields, key))
        issues.push({ path, message: `unknown key ${JSON.stringify(key)}` })
    }
    return copy
  }

const okOutput = strictObject({ status: literal('ok'), data: mapOf(anything) })
const errorOutput = strictObject({
  status: literal('error'),
  ename: string,
  evalue: string,
  traceback: arrayOf(string),
})
const output: Check = (value, path, issues) => {
  const status = isObject(value) ? value.status : undefined
  if (status === 'ok') return okOutput(value, path, issues)
  if (status === 'error') return errorOutput(value, path, issues)
  if (!isObject(value)) return refuse(issues, path, 'an object', value)
  return refuse(issues, [...path, 'status'], '"ok" or "error"', status)
}

const statement = strictObject({ code: string, output })

const checkRecording = strictObject(
  {
    $schema: string,
    version: (value, path, issues) =>
      value === RECORDING_VERSION ? value : refuse(issues, path, String(RECORDING_VERSION), value),
    recordedFrom: string,
    recordedAt: string,
    statements: strictObject(
      Object.fromEntries(STATEMENT_KINDS.map((kind) => [kind, arrayOf(statement)])),
      STATEMENT_KINDS,
    ),
    batches: arrayOf(
      strictObject({
        file: stringOrNull,
        className: stringOrNull,
        args: arrayOf(string),
        state: string,
        log: arrayOf(string),
      }),
    ),
    exchanges: arrayOf(
      strictObject(
        {
          request: string,
          requestBody: string,
          status: integer,
          headers: mapOf(string),
          body: string,
        },
        ['requestBody'],
      ),
    ),
  },
  ['$schema'],
)

const pathOf = (path: readonly (string | number)[]): string =>
  path.length === 0
    ? '(top level)'
    : path
        .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
        .join('')

/**
 * Checks a recording (JSON text or an already parsed value) and returns it typed. Refuses
 * anything else with a {@link RecordingError} that names the source, the field and the problem.
 *
 * @example
 * const recording = parseRecording(readFileSync('staging.json', 'utf8'), 'staging.json')
 * recording.statements.pyspark?.[0]?.code // 'spark.range(10).count()'
 */
export function parseRecording(input: unknown, source = 'recording'): Recording {
  let value = input
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input)
    } catch (e) {
      throw new RecordingError(`${source}: not JSON (${(e as Error).message})`)
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new RecordingError(`${source}: a recording is a JSON object`)
  const version = (value as { version?: unknown }).version
  if (version !== RECORDING_VERSION) {
    throw new RecordingError(
      version === undefined
        ? `${source}: no "version" field: not a livy-emulator recording`
        : `${source}: recording version ${JSON.stringify(version)} is not supported (this livy-emulator reads version ${RECORDING_VERSION})`,
    )
  }
  const issues: Issue[] = []
  const recording = checkRecording(value, [], issues) as Recording
  if (issues.length > 0) {
    const problems = issues.slice(0, 5).map((issue) => `${pathOf(issue.path)}: ${issue.message}`)
    const more = issues.length > 5 ? ` (+${issues.length - 5} more)` : ''
    throw new RecordingError(`${source}: not a valid recording: ${problems.join('; ')}${more}`)
  }
  return recording
}

/** An empty recording of `recordedFrom`, started at `recordedAt`. */
export function emptyRecording(recordedFrom: string, recordedAt: string): Recording {
  return {
    version: RECORDING_VERSION,
    recordedFrom,
    recordedAt,
    statements: {},
    batches: [],
    exchanges: [],
  }
}
