import type { EdgeFilter } from '../http/edge.ts'
import { isHeaderName } from '../http/header-value.ts'
import type { EdgeResponse } from '../http/types.ts'
import { catastrophicReason } from '../model/outcomes/safe-regex.ts'

/**
 * An injected HTTP-level fault: requests matching `method` and `path` get `status` (and
 * `body`) instead of Livy's answer, optionally after `delayMs`, for `count` requests.
 *
 * @example
 * { method: 'POST', path: '/sessions/*\/statements', status: 503, count: 2 }
 * { path: '/sessions', status: 429, headers: { 'Retry-After': '3' } }
 */
export interface HttpFault {
  /** Method to match (any when absent). */
  readonly method?: string
  /** `*` matches one path segment, `**` anything; or a regular expression. */
  readonly path: string | RegExp
  /** Status to answer; omit with `delayMs` to only slow the real answer down. */
  readonly status?: number
  readonly body?: string
  readonly headers?: Readonly<Record<string, string>>
  /** Wall-clock delay before answering (ms). */
  readonly delayMs?: number
  /** How many matching requests it applies to (unlimited when absent). */
  readonly count?: number
}

export interface ActiveFault extends HttpFault {
  readonly id: number
  readonly hits: number
}

export interface HttpFaults {
  readonly filter: EdgeFilter
  add(fault: HttpFault): ActiveFault
  remove(id: number): boolean
  list(): readonly ActiveFault[]
  clear(): void
}

const globToRegex = (glob: string): RegExp =>
  new RegExp(
    `^${glob
      .split(/(\*\*|\*)/)
      .map((part) =>
        part === '**' ? '.*' : part === '*' ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('')}/?$`,
  )

export function validateHttpFault(fault: HttpFault): void {
  if (typeof fault.path !== 'string' && !(fault.path instanceof RegExp))
    throw new TypeError('fault.path must be a string or RegExp')
  const catastrophic =
    fault.path instanceof RegExp ? catastrophicReason(fault.path.source) : undefined
  if (catastrophic) throw new RangeError(`fault.path is refused: ${catastrophic}`)
  if (
    fault.status !== undefined &&
    !(Number.isInteger(fault.status) && fault.status >= 200 && fault.status <= 599)
  ) {
    // A 1xx is an interim response, never an answer: Node (and any HTTP/1.1 server) cannot
    // end a request with one.
    throw new RangeError('fault.status must be a final HTTP status (200-599)')
  }
  for (const [name, value] of Object.entries(fault.headers ?? {})) {
    if (!isHeaderName(name)) throw new TypeError(`fault header name "${name}" is not an HTTP token`)
    if (typeof value !== 'string') throw new TypeError(`fault header ${name} must be a string`)
  }
  if (fault.status === undefined && fault.delayMs === undefined)
    throw new TypeError('a fault needs a status or a delayMs')
  if (
    fault.delayMs !== undefined &&
    !(Number.isFinite(fault.delayMs) && fault.delayMs >= 0 && fault.delayMs <= 600_000)
  ) {
    throw new RangeError('fault.delayMs must be between 0 and 600000')
  }
  if (fault.count !== undefined && !(Number.isInteger(fault.count) && fault.count > 0)) {
    throw new RangeError('fault.count must be a positive integer')
  }
}

/**
 * @example
 * const faults = createHttpFaults(() => [['Content-Type', 'application/json;charset=utf-8']])
 * faults.add({ path: '/sessions', method: 'POST', status: 500, count: 1 })
 */
export function createHttpFaults(baseHeaders: () => [string, string][]): HttpFaults {
  const faults: { fault: HttpFault; id: number; hits: number; regex: RegExp }[] = []
  let nextId = 1
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
  const view = (f: (typeof faults)[number]): ActiveFault => ({ ...f.fault, id: f.id, hits: f.hits })
  return {
    filter(request, next) {
      const entry = faults.find(
        (f) =>
          (f.fault.method === undefined || f.fault.method.toUpperCase() === request.method) &&
          f.regex.test(request.path),
      )
      if (!entry) return next(request)
      entry.hits++
      if (entry.fault.count !== undefined && entry.hits >= entry.fault.count)
        faults.splice(faults.indexOf(entry), 1)
      const { status, body, headers, delayMs } = entry.fault
      const answer = async (): Promise<EdgeResponse> => {
        if (delayMs) await sleep(delayMs)
        if (status === undefined) return next(request)
        return {
          status,
          headers: [...baseHeaders(), ...Object.entries(headers ?? {})],
          body: body ?? null,
        }
      }
      return answer()
    },
    add(fault) {
      validateHttpFault(fault)
      const regex = typeof fault.path === 'string' ? globToRegex(fault.path) : fault.path
      const entry = { fault, id: nextId++, hits: 0, regex }
      faults.push(entry)
      return view(entry)
    },
    remove(id) {
      const i = faults.findIndex((f) => f.id === id)
      if (i < 0) return false
      faults.splice(i, 1)
      return true
    },
    list: () => faults.map(view),
    clear() {
      faults.length = 0
    },
  }
}
