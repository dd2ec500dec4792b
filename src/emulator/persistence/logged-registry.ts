import { isPromise, type MaybePromise } from '../http/maybe-async.ts'
import type { ControlOp } from './control-ops.ts'

/** Runs a control operation in the emulator's serial section and logs it. */
export type RunControl = <T>(op: ControlOp, apply: () => MaybePromise<T>) => MaybePromise<T>

/**
 * Public ids for entries of an inner registry (outcome rules, HTTP faults) whose changes go to
 * a state file. Ids are handed out here, in call order, so `add` can answer at once while the
 * change itself waits its turn in the serial section; a replay registers the same ids again.
 */
export interface LoggedRegistry<T, H> {
  /** Logs and applies an addition; answers the new entry's id at once. */
  add(item: T, json: Record<string, unknown>): number
  /** Applies a logged addition without logging it (the live half of `add`, and the replay). */
  register(id: number, item: T): void
  unregister(id: number): boolean
  clearAll(): void
  remove(id: number): boolean
  clear(): void
  /** The inner handle of a registered id. */
  handle(id: number): H | undefined
  /** Inner entries under their public ids (entries added elsewhere are left out). */
  publicEntries<E extends { readonly id: number }>(entries: readonly E[]): E[]
  /** The id the next entry gets (a new log after a reset starts from it). */
  readonly nextId: number
}

/**
 * @example
 * const faults = createLoggedRegistry({
 *   run, firstId: 1,
 *   ops: { add: (id, json) => ({ op: 'http-fault-add', id, fault: json }), remove: (id) => ({ op: 'http-fault-remove', id }), clear: () => ({ op: 'http-fault-clear' }) },
 *   attach: (fault) => { const a = inner.add(fault); return { innerId: a.id, handle: a.id } },
 *   detach: (innerId) => inner.remove(innerId),
 *   detachAll: () => inner.clear(),
 * })
 */
export function createLoggedRegistry<T, H>(options: {
  readonly run: RunControl
  readonly firstId: number
  readonly ops: {
    add(id: number, json: Record<string, unknown>): ControlOp
    remove(id: number): ControlOp
    clear(): ControlOp
  }
  attach(item: T): { readonly innerId: number; readonly handle: H }
  detach(handle: H): boolean
  detachAll(): void
}): LoggedRegistry<T, H> {
  const { run, ops } = options
  const handles = new Map<number, H>()
  const publicIds = new Map<number, number>()
  const queued = new Set<number>()
  let nextId = options.firstId

  // Failures of deferred changes are reported by the state file (it stops the emulator).
  const settle = <R>(result: MaybePromise<R>, fallback: R): R => {
    if (!isPromise(result)) return result
    result.catch(() => undefined)
    return fallback
  }

  const registry: LoggedRegistry<T, H> = {
    add(item, json) {
      const id = nextId++
      queued.add(id)
      settle(
        run(ops.add(id, json), () => registry.register(id, item)),
        undefined,
      )
      return id
    },
    register(id, item) {
      queued.delete(id)
      const { innerId, handle } = options.attach(item)
      handles.set(id, handle)
      publicIds.set(innerId, id)
      nextId = Math.max(nextId, id + 1)
    },
    unregister(id) {
      const handle = handles.get(id)
      if (handle === undefined) return false
      handles.delete(id)
      for (const [innerId, publicId] of publicIds) if (publicId === id) publicIds.delete(innerId)
      return options.detach(handle)
    },
    clearAll() {
      options.detachAll()
      handles.clear()
      publicIds.clear()
    },
    remove(id) {
      if (!handles.has(id) && !queued.has(id)) return false
      return settle(
        run(ops.remove(id), () => registry.unregister(id)),
        true,
      )
    },
    clear() {
      settle(
        run(ops.clear(), () => registry.clearAll()),
        undefined,
      )
    },
    handle: (id) => handles.get(id),
    publicEntries: (entries) =>
      entries.flatMap((entry) => {
        const id = publicIds.get(entry.id)
        return id === undefined ? [] : [{ ...entry, id }]
      }),
    get nextId() {
      return nextId
    },
  }
  return registry
}
