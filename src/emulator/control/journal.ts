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
}

export function createJournal(now: () => number, limit = 10_000): Journal {
  let entries: JournalEntry[] = []
  let seq = 0
  return {
    filter: (request, next) => {
      if (request.path.startsWith('/__emulator')) return next(request)
      const time = now()
      return andThen(next(request), (response) => {
        entries.push({ seq: seq++, method: request.method, path: request.path, query: request.query, status: response.status, time })
        if (entries.length > limit) entries = entries.slice(entries.length - limit)
        return response
      })
    },
    entries: () => entries,
    clear() {
      entries = []
    },
  }
}
