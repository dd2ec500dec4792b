import type { Collection } from '@msw/data'
import type { z } from 'zod'
import { frozenNested } from './frozen-nested.ts'
import { copySharingStrings, standInForLarge } from './large-values.ts'
import type { BatchRecord, SessionRecord } from './records.ts'

/** A table of records keyed by Livy id, with Livy's name index and insertion order. */
export interface RecordTable<R extends { id: number; name: string | null }> {
  get(id: number): R | undefined
  getByName(name: string): R | undefined
  /** Records in insertion order (Livy's `LinkedHashMap`). */
  values(): IterableIterator<R>
  size(): number
  insert(record: R): Promise<R>
  /**
   * A new version of the record: `change` sets fields of a draft that starts as a shallow copy
   * of the current one. Nested objects and arrays are shared between versions and frozen, so
   * replace them (`draft.appInfo = {...}`), never change them in place.
   */
  update(id: number, change: (draft: R) => void): Promise<R>
  remove(id: number): Promise<boolean>
  clear(): void
  /**
   * The table as an `@msw/data` collection (the default store only; a swapped-in store need
   * not have one). Loaded on the first call, filled with every record the table holds, then
   * written behind every later write, in order. Each call resolves once the writes made
   * before it have reached the collection. A string over 64 KiB is held there as a short
   * stand-in (docs/decisions/0015); records read from the collection are its copies.
   *
   * @example
   * const sessions = await livy.model.context.store.sessions.collection?.()
   * sessions?.findMany((q) => q.where({ kind: 'pyspark' }))
   */
  collection?(): Promise<Collection<z.ZodType<R>>>
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
 * A {@link RecordTable} whose id and name index answers every read and write, with an
 * `@msw/data` collection mirroring it on demand. `@msw/data` finds records by scanning, and
 * it (with zod) takes ~0.4-0.8 s to import: es-toolkit's compat build is hundreds of modules.
 * So nothing loads it until someone asks for {@link RecordTable.collection}: then it is
 * filled from the index and receives every later write in order (docs/decisions/0032).
 */
function createMswDataTable<R extends { id: number; name: string | null }>(
  loadSchema: () => Promise<z.ZodType<R>>,
): RecordTable<R> & { collection(): Promise<Collection<z.ZodType<R>>> } {
  type Coll = Collection<z.ZodType<R>>
  type Stored = ReturnType<Coll['all']>[number]
  // Reads come from here (the records as written); the collection holds each record with its
  // large strings stood in for (see large-values.ts), and `kept` its copy of each.
  const byId = new Map<number, R>()
  const byName = new Map<string, number>()
  const kept = new Map<number, Stored>()
  // Writes to the collection, one after the other, in the order they were made; undefined
  // until the first `collection()` call, and then never again.
  let mirrored: Promise<Coll> | undefined
  let generation = 0
  const mirror = (write: (coll: Coll) => Promise<unknown> | unknown): void => {
    if (!mirrored) return
    const at = generation
    mirrored = mirrored.then(async (coll) => {
      try {
        if (at === generation) await write(coll)
      } catch (e) {
        console.error('livy-emulator: the record store refused a write', e)
      }
      return coll
    })
    // A failed load rejects `collection()`'s callers, not the writes nobody awaits.
    mirrored.catch(() => undefined)
  }
  const activate = (): Promise<Coll> => {
    // What the table holds now, taken now: every later write queues behind the filling.
    const initial = [...byId.values()].map((record) => standInForLarge(record))
    const at = generation
    mirrored = Promise.all([import('@msw/data'), loadSchema()]).then(
      async ([{ Collection }, schema]) => {
        const coll = new Collection({ schema })
        for (const standIn of initial) {
          if (at !== generation) break
          try {
            kept.set(standIn.id, (await coll.create(standIn)) as Stored)
          } catch (e) {
            console.error('livy-emulator: the record store refused a write', e)
          }
        }
        return coll
      },
    )
    mirrored.catch(() => undefined)
    return mirrored
  }

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
      const stored = frozenNested(copySharingStrings(record))
      byId.set(record.id, stored)
      if (record.name !== null) byName.set(record.name, record.id)
      if (mirrored) {
        const standIn = standInForLarge(record)
        mirror(async (coll) => kept.set(record.id, (await coll.create(standIn)) as Stored))
      }
      return stored
    },
    async update(id, change) {
      const current = byId.get(id)
      if (!current) throw new Error(`record ${id} does not exist`)
      // Shallow: a version costs its top-level fields, not a copy of every conf map and list.
      const next = { ...current }
      change(next)
      frozenNested(next)
      if (next.id !== id || next.name !== current.name) {
        throw new Error('a record update must not change id or name')
      }
      byId.set(id, next)
      if (mirrored) {
        const standIn = standInForLarge(next) as Record<string, unknown>
        mirror(async (coll) => {
          const inCollection = kept.get(id)
          if (!inCollection) return
          const updated = (await coll.update(inCollection, {
            data: (draft) => {
              const target = draft as Record<string, unknown>
              for (const key of Object.keys(target)) if (!(key in standIn)) delete target[key]
              for (const [key, value] of Object.entries(standIn)) target[key] = value
            },
          })) as Stored | undefined
          if (updated) kept.set(id, updated)
        })
      }
      return next
    },
    async remove(id) {
      const current = byId.get(id)
      if (!current) return false
      byId.delete(id)
      if (current.name !== null && byName.get(current.name) === id) byName.delete(current.name)
      mirror((coll) => {
        const inCollection = kept.get(id)
        if (inCollection) coll.delete(inCollection)
        kept.delete(id)
      })
      return true
    },
    clear() {
      byId.clear()
      byName.clear()
      // Writes still queued (and a filling still running) belong to the records just cleared.
      generation++
      mirror((coll) => {
        coll.clear()
        kept.clear()
      })
    },
    // The chain as it stands: the collection once the writes made before this call are in it.
    collection: () => mirrored ?? activate(),
  }
}

/**
 * Creates an isolated store: an id and name index per table, with an `@msw/data` collection
 * loaded on demand (`await store.sessions.collection()`).
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
