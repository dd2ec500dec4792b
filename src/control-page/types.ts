import type { components } from '../../generated/livy.ts'

// The page reads what the control API answers: its types come from spec/openapi.yaml.
type Schemas = components['schemas']

export type Snapshot = Schemas['EmulatorState']
export type SessionSnapshot = Schemas['EmulatorSessionSnapshot']
export type StatementSnapshot = Schemas['EmulatorStatementSnapshot']
export type BatchSnapshot = Schemas['EmulatorBatchSnapshot']
export type PendingStep = Schemas['EmulatorPendingStep']
export type StateMark = Schemas['EmulatorStateMark']
export type JournalEntry = Schemas['EmulatorJournalEntry'] & Record<string, unknown>

/** An outcome rule as `GET /__emulator/outcomes` lists it (the JSON it was added with). */
export type RuleListing = { id: number; used: number } & Record<string, unknown>

/** `GET /__emulator/faults`: HTTP faults (with ids) and model faults waiting for a subject. */
export interface FaultListing {
  faults: ({ id: number; path: string } & Record<string, unknown>)[]
  pending: Record<string, unknown>[]
}
