import type { ReportedState } from './machines/session-machines.ts'
import type { ProcessLog } from './process-log.ts'
import type { BatchRecord, SessionRecord } from './store/records.ts'

/** How many log lines a session or batch shows in its own JSON (Livy's `log` field). */
const SHOWN_LOG_LINES = 10

/**
 * A view whose `log` is read only when a serialiser asks for it: listing 100 sessions makes
 * 100 views, and most are answered from the serialiser's cache without reading any log. A
 * class, not an object literal with a getter: the getter lives once on the prototype instead
 * of being a new closure per view.
 */
abstract class LoggedView {
  readonly logKey: string
  readonly #log: ProcessLog | undefined | null
  /** `log` null: the caller may not see it (the field is then `[]`). */
  constructor(log: ProcessLog | undefined | null) {
    this.#log = log
    this.logKey = log === null ? 'hidden' : String(log?.version ?? -1)
  }
  get log(): readonly string[] {
    return this.#log?.tail(SHOWN_LOG_LINES) ?? []
  }
}

/**
 * @example
 * new SessionViewOf(record, 'idle', runtime.log) // .log: the last 10 lines
 */
export class SessionViewOf extends LoggedView {
  readonly record: SessionRecord
  readonly state: ReportedState
  constructor(record: SessionRecord, state: ReportedState, log: ProcessLog | undefined | null) {
    super(log)
    this.record = record
    this.state = state
  }
}

/**
 * @example
 * new BatchViewOf(record, null) // a caller without view access: .log is []
 */
export class BatchViewOf extends LoggedView {
  readonly record: BatchRecord
  constructor(record: BatchRecord, log: ProcessLog | undefined | null) {
    super(log)
    this.record = record
  }
}
