import { type FormResult, wholeNumber } from './rule-form.ts'

export const FAULT_TYPES = [
  'http',
  'session-start-fails',
  'interpreter-dies',
  'driver-exits',
  'batch-fails',
  'next-batches-fail',
] as const
export type FaultType = (typeof FAULT_TYPES)[number]

/** The fields each fault type takes, as the API lists them (`FAULT_FIELDS` in the API). */
export const FAULT_FIELDS: Readonly<Record<FaultType, readonly string[]>> = {
  http: ['method', 'path', 'status', 'body', 'delayMs', 'count'],
  'session-start-fails': ['reason', 'count'],
  'interpreter-dies': ['sessionId', 'reason'],
  'driver-exits': ['sessionId', 'reason'],
  'batch-fails': ['batchId', 'exitCode', 'reason'],
  'next-batches-fail': ['exitCode', 'reason', 'count'],
}

/** What the fault form holds. */
export interface FaultFields {
  type: FaultType
  method: string
  path: string
  status: string
  body: string
  delayMs: string
  count: string
  sessionId: string
  batchId: string
  exitCode: string
  reason: string
}

export const EMPTY_FAULT: FaultFields = {
  type: 'http',
  method: '',
  path: '',
  status: '503',
  body: '',
  delayMs: '',
  count: '1',
  sessionId: '',
  batchId: '',
  exitCode: '',
  reason: '',
}

/**
 * The JSON `POST /__emulator/faults` takes for the chosen type, with only that type's fields,
 * checked as the API checks them (whole numbers, an id where one is required, a path for an
 * HTTP fault).
 *
 * @example
 * faultJson({ ...EMPTY_FAULT, path: '/sessions' })
 * // { ok: true, json: { type: 'http', path: '/sessions', status: 503, count: 1 } }
 */
export function faultJson(f: FaultFields): FormResult {
  const errors: Record<string, string> = {}
  const json: Record<string, unknown> = { type: f.type }
  const fields = FAULT_FIELDS[f.type]
  const number = (field: keyof FaultFields, min: number, label: string, required = false) => {
    const n = wholeNumber(f[field], min)
    if (typeof n === 'string') errors[field] = `${label} ${n}`
    else if (n !== undefined) json[field] = n
    else if (required) errors[field] = `${label} is required`
  }
  for (const field of fields) {
    switch (field) {
      case 'method':
        if (f.method !== '') json.method = f.method
        break
      case 'path':
        if (f.path.trim() === '')
          errors.path = 'Say which path fails, e.g. /sessions or /sessions/*'
        else json.path = f.path.trim()
        break
      case 'status': {
        number('status', 200, 'Status')
        const s = json.status
        if (typeof s === 'number' && s > 599) errors.status = 'Status must be between 200 and 599'
        break
      }
      case 'body':
        if (f.body !== '') json.body = f.body
        break
      case 'delayMs':
        number('delayMs', 0, 'Delay')
        break
      case 'count':
        number('count', 1, 'Count')
        break
      case 'sessionId':
        number('sessionId', 0, 'Session id', true)
        break
      case 'batchId':
        number('batchId', 0, 'Batch id', true)
        break
      case 'exitCode':
        number('exitCode', 0, 'Exit code')
        break
      case 'reason':
        if (f.reason.trim() !== '') json.reason = f.reason
        break
    }
  }
  if (f.type === 'http' && json.status === undefined && json.delayMs === undefined)
    errors.status = 'Give a status, a delay, or both'
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, json }
}
