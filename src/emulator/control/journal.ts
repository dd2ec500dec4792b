import type { EdgeFilter } from '../http/edge.ts'
import { andThen } from '../http/maybe-async.ts'
import type { EdgeRequest } from '../http/types.ts'
import {
  type JournalCriteria,
  type JournalExpectation,
  type JournalVerification,
  matchesCriteria,
  verifyJournal,
} from './journal-query.ts'

/** One request the emulator served. */
export interface JournalEntry {
  readonly seq: number
  readonly method: string
  readonly path: string
  readonly query: string
  readonly status: number
  /** Virtual time the request arrived at (epoch ms). */
  readonly time: number
  /**
   * The request body as text, credentials redacted, at most {@link BODY_CAP} characters
   * (absent when there was none; `<N bytes of binary data>` when it was not text).
   */
  readonly body?: string
  /** The body was longer than {@link BODY_CAP} and is cut (its full size is `bodySize`). */
  readonly bodyTruncated?: boolean
  /** Size of the body in bytes. */
  readonly bodySize?: number
}

/** The journal keeps the first 4 KiB of each request body: enough to assert on, bounded. */
export const BODY_CAP = 4096

/** The request journal behind `GET /__emulator/requests` (bounded, oldest dropped first). */
export interface Journal {
  readonly filter: EdgeFilter
  entries(): readonly JournalEntry[]
  /** The entries that meet `criteria`, oldest first. */
  find(criteria: JournalCriteria): readonly JournalEntry[]
  /**
   * How many requests meet the expectation's criteria, and whether that is the expected
   * count (`count`, or `atLeast`, default 1), with a readable message when it is not.
   *
   * @example
   * const v = livy.journal.verify({ method: 'POST', path: '/sessions/0/statements', body: { code: '1 + 1' } })
   * expect(v.ok, v.message).toBe(true)
   */
  verify(expectation: JournalExpectation): JournalVerification
  clear(): void
  /** Tells `listener` about each entry as it is recorded (the control page's live journal). */
  on(listener: (entry: JournalEntry) => void): () => void
}

/**
 * JSON members whose names say they hold a secret keep their name only (a Spark conf can carry
 * `spark.hadoop.fs.s3a.secret.key` or a keystore password).
 */
const SECRET_MEMBER =
  /("(?:[^"\\]|\\.)*(?:password|passwd|secret|token|credential|api[-_.]?key|access[-_.]?key|private[-_.]?key|auth)(?:[^"\\]|\\.)*"\s*:\s*)"(?:[^"\\]|\\.)*"/gi

// Stateless between calls (no `stream` option), so one decoder serves every request.
const LENIENT_UTF8 = new TextDecoder('utf-8', { fatal: false })

/** `text` in a string of its own (V8 makes a slice of a long string a view of it). */
const detached = (text: string): string => JSON.parse(JSON.stringify(text)) as string

/**
 * A body as the journal keeps it: text with secret JSON members redacted, cut at
 * {@link BODY_CAP}.
 *
 * @example
 * journalBody(request) // { body: '{"conf":{"spark.ssl.keyPassword":"***"}}', bodySize: 42 }
 */
export function journalBody(
  request: Pick<EdgeRequest, 'body' | 'text'>,
): Pick<JournalEntry, 'body' | 'bodyTruncated' | 'bodySize'> {
  const bytes = request.body
  if (bytes === null || bytes.length === 0) return {}
  const head =
    request.text !== undefined
      ? request.text.slice(0, BODY_CAP)
      : LENIENT_UTF8.decode(bytes.subarray(0, BODY_CAP * 4))
  // Text has no NUL and few replacement characters; anything else is an upload.
  if (/[\u0000\ufffd]/.test(head.slice(0, 512)))
    return { body: `<${bytes.length} bytes of binary data>`, bodySize: bytes.length }
  const truncated =
    head.length > BODY_CAP || bytes.length > BODY_CAP * 4 || (request.text ?? '').length > BODY_CAP
  const cut = head.slice(0, BODY_CAP)
  return {
    // A copy: a slice of a 10 MB body would keep all of it alive as long as the entry.
    body: detached(cut.replace(SECRET_MEMBER, '$1"***"')),
    ...(truncated ? { bodyTruncated: true } : {}),
    bodySize: bytes.length,
  }
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
 * A request as recorded, made a {@link JournalEntry} only when someone reads the journal:
 * most requests are never looked at, and decoding and redacting each body on the request
 * path cost as much as serving it. A body up to 16 KiB is copied (a Buffer may be a view of a
 * shared slab, and the copy is all that is kept); a longer one, or one an adapter decoded
 * already, is made an entry right away.
 */
class Recorded {
  readonly #seq: number
  readonly #method: string
  readonly #path: string
  readonly #query: string
  readonly #status: number
  readonly #time: number
  readonly #body: Uint8Array | null
  readonly #ready: Pick<JournalEntry, 'body' | 'bodyTruncated' | 'bodySize'> | undefined
  constructor(seq: number, request: EdgeRequest, status: number, time: number) {
    this.#seq = seq
    this.#method = request.method
    this.#path = request.path
    this.#query = request.query
    this.#status = status
    this.#time = time
    const bytes = request.body
    const small = request.text === undefined && (bytes === null || bytes.length <= BODY_CAP * 4)
    this.#body = small && bytes !== null && bytes.length > 0 ? new Uint8Array(bytes) : null
    this.#ready = small ? undefined : journalBody(request)
  }
  entry(): JournalEntry {
    return {
      seq: this.#seq,
      method: this.#method,
      path: this.#path,
      query: redactQuery(this.#query),
      status: this.#status,
      time: this.#time,
      ...(this.#ready ?? journalBody({ body: this.#body })),
    }
  }
}

/**
 * @example
 * const journal = createJournal(() => clock.now())
 */
export function createJournal(now: () => number, limit = 10_000): Journal {
  // A ring buffer: recording stays O(1) however long the server runs.
  let ring: (JournalEntry | Recorded | undefined)[] = new Array(limit)
  let seq = 0
  const listeners = new Set<(entry: JournalEntry) => void>()
  const entryAt = (i: number): JournalEntry => {
    let slot = ring[i % limit] as JournalEntry | Recorded
    if (slot instanceof Recorded) {
      slot = slot.entry()
      ring[i % limit] = slot
    }
    return slot
  }
  return {
    filter: (request, next) => {
      if (request.path.startsWith('/__emulator')) return next(request)
      const time = now()
      return andThen(next(request), (response) => {
        const recorded = new Recorded(seq, request, response.status, time)
        ring[seq % limit] = listeners.size > 0 ? recorded.entry() : recorded
        seq++
        if (listeners.size > 0) for (const listener of listeners) listener(entryAt(seq - 1))
        return response
      })
    },
    entries() {
      const count = Math.min(seq, limit)
      const out: JournalEntry[] = []
      for (let i = seq - count; i < seq; i++) out.push(entryAt(i))
      return out
    },
    find(criteria) {
      return this.entries().filter((entry) => matchesCriteria(entry, criteria))
    },
    verify(expectation) {
      return verifyJournal(this.entries(), expectation)
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
