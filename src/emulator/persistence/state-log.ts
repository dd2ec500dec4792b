import { StateFileError } from './state-file-error.ts'
import {
  identityDifferences,
  isStateHeader,
  newStateHeader,
  type StateHeader,
  type StateIdentity,
} from './state-header.ts'
import { createStateLines } from './state-lines.ts'

const NEWLINE = 0x0a

import { type NewStateRecord, recordProblem, type StateRecord } from './state-records.ts'
import type { StateStorage } from './state-storage.ts'

/** What opening a state file found (the emulator shows it as `emulator.stateFile.recovered`). */
export interface StateFileRecovery {
  /** The file did not exist or was empty: a new log was started. */
  readonly fresh: boolean
  /** Records kept and replayed. */
  readonly records: number
  /** Restarts the log had already been through (before this one). */
  readonly restarts: number
  /**
   * A torn or corrupt tail: where it started (line 1 is the header), why it was refused and how
   * many bytes were cut. Everything before it was kept.
   */
  readonly dropped?: { readonly line: number; readonly reason: string; readonly bytes: number }
  /**
   * Damage before the tail, dropped on request (`repair`): where it started, and where the
   * whole file was copied first.
   */
  readonly repaired?: { readonly offset: number; readonly backup: string }
}

/** An open state log: the header, the records to replay, and appends. */
export interface StateLog {
  readonly name: string
  readonly header: StateHeader
  readonly recovery: StateFileRecovery
  /** The records to replay (handed over once, so they are not kept in memory afterwards). */
  takeRecords(): StateRecord[]
  /** Appends a record; `durable` returns only once it is on disk. */
  append(record: NewStateRecord, durable: boolean): void
  /** Starts the log again with a new header (after a reset). */
  restartWith(header: StateHeader): void
  close(): void
}

/**
 * Opens a state log: starts it when the storage is empty; otherwise checks the header against
 * `identity`, verifies every line and cuts a torn or corrupt tail (so later appends are not
 * hidden behind it). Throws {@link StateFileError} when the header is unusable or differs.
 *
 * @example
 * const log = openStateLog(storage, identity, clock.now(), { outcomeRule: 1, httpFault: 1 })
 * log.recovery.records // how many records will be replayed
 */
export function openStateLog(
  storage: StateStorage,
  identity: StateIdentity,
  startedAt: number,
  nextIds: StateHeader['nextIds'],
): StateLog {
  const lines = createStateLines()
  const bytes = storage.read()
  let header: StateHeader
  let records: StateRecord[] = []
  let recovery: StateFileRecovery
  if (bytes === null || bytes.length === 0) {
    header = newStateHeader(identity, startedAt, nextIds)
    storage.replace(lines.encode(header))
    recovery = { fresh: true, records: 0, restarts: 0 }
  } else {
    const decoded = lines.decode(bytes)
    const first = decoded.values[0]
    if (!isStateHeader(first)) {
      const why =
        decoded.bad?.line === 1
          ? `its first line is damaged (${decoded.bad.reason})`
          : 'its first line is not a livy-emulator state header'
      throw new StateFileError(
        'unreadable',
        `${storage.name} is not a usable livy-emulator state file: ${why}. Nothing was changed; move it away to start afresh.`,
      )
    }
    header = first
    const differences = identityDifferences(header, identity)
    if (differences.length > 0) {
      throw new StateFileError(
        'mismatch',
        `${storage.name} was written by an emulator started with other options, so it cannot be replayed here:\n  ${differences.join('\n  ')}\nStart with the same options, or use another state file.`,
      )
    }
    let repairedFrom: { offset: number; backup: string } | undefined
    let bad = decoded.bad
    let goodLength = decoded.goodLength
    let at = header.startedAt
    for (let i = 1; i < decoded.values.length; i++) {
      const value = decoded.values[i]
      const problem = recordProblem(value, i, at)
      if (problem !== undefined) {
        // Well framed but out of place: cut there too (after the previous line).
        bad = { line: i + 1, reason: problem }
        goodLength = decoded.ends[i - 1] as number
        break
      }
      const record = value as StateRecord
      records.push(record)
      at = record.at
    }
    if (bad) {
      // A crash can only tear the line being appended, the last one. Damage with whole lines
      // after it is something else (a disk, an editor, a copy): dropping those lines would
      // silently lose acknowledged writes and hand their ids out again.
      const badEnd = bytes.indexOf(NEWLINE, goodLength)
      const tornTail = badEnd < 0 || badEnd === bytes.length - 1
      if (!tornTail) {
        if (!storage.repair || !storage.backup) {
          throw new StateFileError(
            'damaged',
            `${storage.name} is damaged at byte ${goodLength} (line ${bad.line}: ${bad.reason}), with ${bytes.length - badEnd - 1} more bytes after that line: not a torn tail a crash leaves. Nothing was changed. Restore it from a copy, or start with --state-file-repair to keep the ${goodLength} bytes before the damage (the whole file is copied aside first).`,
          )
        }
        const copy = storage.backup(bytes)
        repairedFrom = { offset: goodLength, backup: copy }
      }
      storage.truncate(goodLength)
    }
    recovery = {
      fresh: false,
      records: records.length,
      restarts: records.filter((r) => r.type === 'control' && r.op.op === 'server-restart').length,
      ...(bad ? { dropped: { ...bad, bytes: bytes.length - goodLength } } : {}),
      ...(repairedFrom ? { repaired: repairedFrom } : {}),
    }
  }
  let seq = records.length + 1
  let closed = false
  return {
    name: storage.name,
    get header() {
      return header
    },
    recovery,
    takeRecords() {
      const taken = records
      records = []
      return taken
    },
    append(record, durable) {
      if (closed) throw new StateFileError('failed', `${storage.name} is closed`)
      storage.append(lines.encode({ seq, ...record }), durable)
      seq++
    },
    restartWith(next) {
      storage.replace(lines.encode(next))
      header = next
      seq = 1
    },
    close() {
      closed = true
      storage.close()
    },
  }
}
