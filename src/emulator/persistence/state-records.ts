import type { ControlOp } from './control-ops.ts'

/**
 * A Livy request as the servlets saw it (after the filters: the user is known), with the
 * virtual time it was served at and the status it got.
 */
export interface RequestRecord {
  readonly seq: number
  /** Virtual time the request was served at (before catching up with due steps). */
  readonly at: number
  readonly type: 'request'
  readonly method: string
  readonly path: string
  readonly query: string
  /** The headers the servlets read (see `REPLAYED_HEADERS`). */
  readonly headers: Readonly<Record<string, string>>
  /** Body as text, or base64 when `encoding` says so; null when there was none. */
  readonly body: string | null
  readonly encoding?: 'base64'
  /** Set by an authentication filter (the session owner). */
  readonly user?: string | null
  /** Set by a vendor profile's filter on a create request. */
  readonly annotations?: Readonly<Record<string, unknown>>
  /**
   * What the servlet answered. `null`: the request had to wait for a driver (LIVY-1013); what
   * it did before waiting counts, and it is served again (another record) once the driver is up.
   */
  readonly status: number | null
}

/** An operation that is not a Livy request (clock, steps, faults, rules, restart). */
export interface ControlRecord {
  readonly seq: number
  readonly at: number
  readonly type: 'control'
  readonly op: ControlOp
  /** What the replay must get again (see `resultSummary`). */
  readonly result?: string | number | null
}

/** One line of a state file after the header. */
export type StateRecord = RequestRecord | ControlRecord

/** A record before the log numbers it. */
export type NewStateRecord = Omit<RequestRecord, 'seq'> | Omit<ControlRecord, 'seq'>

/**
 * Why a parsed line is not the record expected next (`seq` continues, time never goes back),
 * or undefined when it is. A line with a good checksum can still be out of place (lines
 * duplicated or lost by a copy).
 *
 * @example
 * recordProblem({ seq: 3, at: 0, type: 'control', op: { op: 'advance', ms: 1 } }, 2, 0)
 * // 'record number 3 where 2 was expected'
 */
export function recordProblem(value: unknown, seq: number, notBefore: number): string | undefined {
  if (value === null || typeof value !== 'object') return 'not a record'
  const v = value as Record<string, unknown>
  if (v.seq !== seq) return `record number ${String(v.seq)} where ${seq} was expected`
  if (typeof v.at !== 'number' || !Number.isFinite(v.at)) return 'record without a time'
  if (v.at < notBefore) return `record time ${v.at} is before the previous one (${notBefore})`
  if (v.type === 'control') {
    const op = v.op as Record<string, unknown> | undefined
    return typeof op?.op === 'string' ? undefined : 'control record without an operation'
  }
  if (v.type !== 'request') return `unknown record type ${JSON.stringify(v.type)}`
  const ok =
    typeof v.method === 'string' &&
    typeof v.path === 'string' &&
    typeof v.query === 'string' &&
    typeof v.headers === 'object' &&
    v.headers !== null &&
    (v.body === null || typeof v.body === 'string') &&
    (v.status === null || typeof v.status === 'number')
  return ok ? undefined : 'malformed request record'
}
