import { z } from 'zod'
import { STATEMENT_KINDS, type StatementKind } from '../model/outcomes/interpreters.ts'

/** The recording format's version; a reader refuses any other (the format is small and strict). */
export const RECORDING_VERSION = 1

const output = z.union([
  z
    .object({
      status: z.literal('ok'),
      data: z.record(z.string(), z.unknown()),
    })
    .strict(),
  z
    .object({
      status: z.literal('error'),
      ename: z.string(),
      evalue: z.string(),
      traceback: z.array(z.string()),
    })
    .strict(),
])

const statement = z
  .object({
    /** The code exactly as the client sent it. */
    code: z.string(),
    /** The statement's `output` as the server answered it, without `execution_count`. */
    output,
  })
  .strict()

const batch = z
  .object({
    file: z.string().nullable(),
    className: z.string().nullable(),
    args: z.array(z.string()),
    /** `success`, `dead` or `killed`; a batch not seen finishing is recorded with its last state. */
    state: z.string(),
    /** The batch's whole log as the server kept it (`GET /batches/{id}/log?size=-1`). */
    log: z.array(z.string()),
  })
  .strict()

/** One exchange, in the transcript format of `src/fixtures/recorded/` (normalised). */
const exchange = z
  .object({
    request: z.string(),
    requestBody: z.string().optional(),
    status: z.number().int(),
    headers: z.record(z.string(), z.string()),
    body: z.string(),
  })
  .strict()

const statementsByKind = z
  .object(
    Object.fromEntries(STATEMENT_KINDS.map((k) => [k, z.array(statement).optional()])) as Record<
      StatementKind,
      z.ZodOptional<z.ZodArray<typeof statement>>
    >,
  )
  .strict()

/**
 * A recording of a real Livy (`livy-emulator --record-from URL --record-to FILE`): plain JSON,
 * keys sorted, meant to be reviewed and diffed in a pull request.
 */
export const recordingSchema = z
  .object({
    /** An editor's pointer to `spec/recording.schema.json` (ignored when read). */
    $schema: z.string().optional(),
    version: z.literal(RECORDING_VERSION),
    /** The upstream's origin and path (never credentials). */
    recordedFrom: z.string(),
    /** When recording started (ISO 8601). */
    recordedAt: z.string(),
    /** Statements per interpreter kind, in the order they completed. */
    statements: statementsByKind,
    batches: z.array(batch),
    /** Every exchange, normalised; identical consecutive polls are kept once. */
    exchanges: z.array(exchange),
  })
  .strict()

/** A parsed recording (see {@link recordingSchema}). */
export type Recording = z.infer<typeof recordingSchema>
export type RecordedStatement = z.infer<typeof statement>
export type RecordedBatch = z.infer<typeof batch>
export type RecordedExchange = z.infer<typeof exchange>

/** A recording that cannot be used: not JSON, another version, or a field that is wrong. */
export class RecordingError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RecordingError'
  }
}

const pathOf = (path: readonly PropertyKey[]): string =>
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
  const parsed = recordingSchema.safeParse(value)
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${pathOf(issue.path)}: ${issue.message}`)
    const more = parsed.error.issues.length > 5 ? ` (+${parsed.error.issues.length - 5} more)` : ''
    throw new RecordingError(`${source}: not a valid recording: ${problems.join('; ')}${more}`)
  }
  return parsed.data
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
