import { z } from 'zod'
import { BATCH_STATES, SERVER_STATES } from '../machines/session-machines.ts'
import { SESSION_KINDS } from './records.ts'

/**
 * Zod schemas of the stored records: the `@msw/data` collections validate every write
 * against them. Loaded with the store backend, on the first write.
 */
const appInfo = z.object({
  driverLogUrl: z.string().nullable(),
  sparkUiUrl: z.string().nullable(),
  executorLogUrls: z.string().nullable(),
})

/**
 * A map of the user's keys, checked but kept as it is: `z.record` rebuilds the object and
 * drops a `__proto__` key, which Livy keeps like any other `conf` key.
 */
const userStringMap = z.custom<Record<string, string>>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string'),
  { message: 'expected a map of strings' },
)

/** Fields a session and a batch request share (echoed back as given). */
const common = {
  id: z.number().int().nonnegative(),
  name: z.string().nullable(),
  owner: z.string().nullable(),
  proxyUser: z.string().nullable(),
  appId: z.string().nullable(),
  appTag: z.string(),
  appInfo,
  driverMemory: z.string().nullable(),
  driverCores: z.number().int().nullable(),
  executorMemory: z.string().nullable(),
  executorCores: z.number().int().nullable(),
  numExecutors: z.number().int().nullable(),
  queue: z.string().nullable(),
  conf: userStringMap,
  jars: z.array(z.string()),
  pyFiles: z.array(z.string()),
  files: z.array(z.string()),
  archives: z.array(z.string()),
  createdAt: z.number(),
  /** When the session reached a finished state (retention runs from here). */
  finishedAt: z.number().nullable(),
  /** Opaque facts a vendor profile attached to the create request (null for plain Livy). */
  annotations: z.record(z.string(), z.unknown()).nullable(),
}

/**
 * What the server keeps about an interactive session (Livy's session object plus its
 * recovery metadata). Statements and the REPL state live in the driver, not here.
 */
export const sessionRecordSchema = z.object({
  ...common,
  kind: z.enum(SESSION_KINDS),
  serverState: z.enum(SERVER_STATES),
  ttl: z.string().nullable(),
  idleTimeout: z.string().nullable(),
  heartbeatTimeoutInSecond: z.number().int(),
  startedOn: z.number().nullable(),
})

/** What the server keeps about a batch. */
export const batchRecordSchema = z.object({
  ...common,
  state: z.enum(BATCH_STATES),
  file: z.string().nullable(),
  className: z.string().nullable(),
  args: z.array(z.string()),
  /** A batch whose spark-submit never started (rejected after registration): empty log. */
  zombie: z.boolean(),
})
