import { z } from 'zod'
import { STATEMENT_KINDS, type StatementKind } from '../model/outcomes/interpreters.ts'
import { RECORDING_VERSION } from './recording-format.ts'

/**
 * The recording format as a zod schema: where `spec/recording.schema.json` comes from
 * (recording-json-schema.ts) and what `parseRecording`'s own checks are tested against
 * (test/recording/recording-units.test.ts). Not loaded to read a recording: zod is ~0.1 s of
 * start-up that a test replaying nothing should not pay (docs/decisions/0032).
 */
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
