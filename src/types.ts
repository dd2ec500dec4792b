/**
 * `livy-emulator/types`: the TypeScript types generated from the emulator's OpenAPI spec
 * (`spec/openapi.yaml`, by openapi-typescript): Livy 0.9's REST API and the `/__emulator`
 * control API. Types only; importing this module at run time gives an empty module.
 *
 * @example
 * import type { components, paths, Session } from 'livy-emulator/types'
 * type Created = paths['/sessions']['post']['responses'][201]['content']['application/json']
 * const idle = (s: Session) => s.state === 'idle'
 */
import type { components } from '../generated/livy.ts'

export type { components, operations, paths, webhooks } from '../generated/livy.ts'

/**
 * A schema of the spec by its name.
 *
 * @example
 * type Log = LivySchema<'LogResponse'>
 */
export type LivySchema<Name extends keyof components['schemas']> = components['schemas'][Name]

/** An interactive session, as `GET /sessions/{sessionId}` answers it. */
export type Session = LivySchema<'Session'>
/** A batch, as `GET /batches/{batchId}` answers it. */
export type Batch = LivySchema<'Batch'>
/** A statement of an interactive session. */
export type Statement = LivySchema<'Statement'>
/** The body of `POST /sessions`. */
export type CreateSessionRequest = LivySchema<'CreateSessionRequest'>
/** The body of `POST /batches`. */
export type CreateBatchRequest = LivySchema<'CreateBatchRequest'>
/** The body of `POST /sessions/{sessionId}/statements`. */
export type ExecuteRequest = LivySchema<'ExecuteRequest'>
/** A statement's `output` when its code ran without error. */
export type StatementOutputOk = LivySchema<'StatementOutputOk'>
/** A statement's `output` when its code raised. */
export type StatementOutputError = LivySchema<'StatementOutputError'>
