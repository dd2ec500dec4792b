import type { z } from 'zod'
import type { batchRecordSchema, sessionRecordSchema } from './record-schemas.ts'

/** Canonical interactive session kinds (the aliases `scala`, `python`, `r` map onto these). */
export const SESSION_KINDS = ['spark', 'pyspark', 'sparkr', 'sql', 'shared'] as const
export type SessionKind = (typeof SESSION_KINDS)[number]

/** An application's tracking URLs (Livy's `AppInfo`). */
export interface AppInfo {
  driverLogUrl: string | null
  sparkUiUrl: string | null
  executorLogUrls: string | null
}

/** A stored interactive session (see `sessionRecordSchema`). */
export type SessionRecord = z.infer<typeof sessionRecordSchema>

/** A stored batch (see `batchRecordSchema`). */
export type BatchRecord = z.infer<typeof batchRecordSchema>

/** A null `appInfo`, as Livy reports it until the cluster manager knows better. */
export const EMPTY_APP_INFO: AppInfo = Object.freeze({
  driverLogUrl: null,
  sparkUiUrl: null,
  executorLogUrls: null,
})
