import type { Collection } from '@msw/data'
import type { z } from 'zod'
import type { BatchRecord, SessionRecord } from './records.ts'

/** A table of records keyed by Livy id, with Livy's name index and insertion order. */
export interface RecordTable<R extends { id: number; name: string | null }> {
  get(id: number): R | undefined
  getByName(name: string): R | undefined
  /** Records in insertion order (Livy's `LinkedHashMap`). */
  values(): IterableIterator<R>
  size(): number
  insert(record: R): Promise<R>
  update(id: number, change: (draft: R) => void): Promise<R>
  remove(id: number): Promise<boolean>
  clear(): void
}

/**
 * The emulator's data store: what Livy's `SessionManager`/`SessionStore` hold about sessions
 * and batches. The model talks only to this interface, so the backing store can be swapped.
 */
export interface LivyStore {
  readonly sessions: RecordTable<SessionRecord>
  readonly batches: RecordTable<BatchRecord>
  clear(): void
}

/**
 * A {@link RecordTable} on an `@msw/data` collection. `@msw/data` finds records by scanning,
 * so an id/name index sits beside it to keep lookups O(1) on the request path. The collection
 * (with zod and `@msw/data`) is loaded on the first write: an idle server never pays for it.
 */
function createMswDataTable<R extends { id: number; name: string | null }>(
  loadSchema: () => Promise<z.ZodType<R>>,
): RecordTable<R> {
  type Coll = Collection<z.ZodType<R>>
  let collection: Coll | undefined
  let loading: Promise<Coll> | undefined
  const load = (): Promise<Coll> => {
    loading ??= Promise.all([import('@msw/data'), loadSchema()]).then(
      ([{ Collection }, schema]) => {
        collection = new Collection({ schema })
        return collection
      },
    )
    return loading
  }
  const byId = new Map<number, R>()
  const byName = new Map<string, number>()
  type Stored = ReturnType<Coll['all']>[number]

  return {
    get: (id) => byId.get(id),
    getByName(name) {
      const id = byName.get(name)
      return id === undefined ? undefined : byId.get(id)
    },
    values: () => byId.values(),
    size: () => byId.size,
    async insert(record) {
      if (byId.has(record.id)) throw new Error(`record ${record.id} already exists`)
      const stored = (await (collection ?? (await load())).create(record)) as unknown as R
      byId.set(record.id, stored)
      if (record.name !== null) byName.set(record.name, record.id)
      return stored
    },
    async update(id, change) {
      const current = byId.get(id)
      if (!current) throw new Error(`record ${id} does not exist`)
      const next = (await (collection ?? (await load())).update(current as unknown as Stored, {
        data: (draft) => change(draft as unknown as R),
      })) as unknown as R | undefined
      if (!next) throw new Error(`record ${id} vanished during update`)
      if (next.id !== id || next.name !== current.name) {
        throw new Error('a record update must not change id or name')
      }
      byId.set(id, next)
      return next
    },
    async remove(id) {
      const current = byId.get(id)
      if (!current) return false
      collection?.delete(current as unknown as Stored)
      byId.delete(id)
      if (current.name !== null && byName.get(current.name) === id) byName.delete(current.name)
      return true
    },
    clear() {
      collection?.clear()
      byId.clear()
      byName.clear()
    },
  }
}

/**
 * Creates an isolated store backed by `@msw/data`.
 *
 * @example
 * const store = createStore()
 * await store.sessions.insert(record)
 * store.sessions.get(0)
 */
export function createStore(): LivyStore {
  const schemas = () => import('./record-schemas.ts')
  const sessions = createMswDataTable<SessionRecord>(
    async () => (await schemas()).sessionRecordSchema,
  )
  const batches = createMswDataTable<BatchRecord>(async () => (await schemas()).batchRecordSchema)
  return {
    sessions,
    batches,
    clear() {
      sessions.clear()
      batches.clear()
    },
  }
}
