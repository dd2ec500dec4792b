import type { EdgeFilter } from '../http/edge.ts'
import { andThen } from '../http/maybe-async.ts'

/** One request the emulator served. */
export interface JournalEntry {
  readonly seq: number
  readonly method: string
  readonly path: string
  readonly query: string
  readonly status: number
  /** Virtual time the request arrived at (epoch ms). */
  readonly time: number
}

/** The request journal behind `GET /__emulator/requests` (bounded, oldest dropped first). */
export interface Journal {
  readonly filter: EdgeFilter
  entries(): readonly JournalEntry[]
  clear(): void
  /** Tells `listener` about each entry as it is recorded (the control page's live journal). */
  on(listener: (entry: JournalEntry) => void): () => void
}

/**
 * Query parameters that carry credentials (Hadoop's pseudo auth takes the user's word from
 * `user.name`; tokens sometimes travel in the query). The journal keeps their names only.
 * Headers are never recorded, so `Authorization` and `Cookie` cannot leak through it.
 */
const CREDENTIAL_PARAMS = new Set([
  'user.name',
  'access_token',
  'token',
  'api_key',
  'apikey',
  'password',
  'secret',
  'sig',
  'signature',
])

/**
 * The query with credential values replaced by `***`.
 *
 * @example
 * redactQuery('user.name=alice&size=5') // 'user.name=***&size=5'
 */
export function redactQuery(query: string): string {
  if (query === '') return query
  return query
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=')
      if (eq < 0) return part
      let name = part.slice(0, eq)
      try {
        name = decodeURIComponent(name.replace(/\+/g, ' '))
      } catch {
        // A malformed name is kept as sent.
      }
      return CREDENTIAL_PARAMS.has(name.toLowerCase()) ? `${part.slice(0, eq)}=***` : part
    })
    .join('&')
}

/**
 * @example
 * const journal = createJournal(() => clock.now())
 */
export function createJournal(now: () => number, limit = 10_000): Journal {
  // A ring buffer: recording stays O(1) however long the server runs.
  let ring: (JournalEntry | undefined)[] = new Array(limit)
  let seq = 0
  const listeners = new Set<(entry: JournalEntry) => void>()
  return {
    filter: (request, next) => {
      if (request.path.startsWith('/__emulator')) return next(request)
      const time = now()
      return andThen(next(request), (response) => {
        const entry: JournalEntry = {
          seq,
          method: request.method,
          path: request.path,
          query: redactQuery(request.query),
          status: response.status,
          time,
        }
        ring[seq % limit] = entry
        seq++
        for (const listener of listeners) listener(entry)
        return response
      })
    },
    entries() {
      const count = Math.min(seq, limit)
      const out: JournalEntry[] = []
      for (let i = seq - count; i < seq; i++) out.push(ring[i % limit] as JournalEntry)
      return out
    },
    clear() {
      ring = new Array(limit)
      seq = 0
    },
    on(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
