import { faultFromJson } from '../control/control-api.ts'
import {
  type ActiveFault,
  type HttpFault,
  type HttpFaults,
  validateHttpFault,
} from '../control/http-faults.ts'
import { isPromise, type MaybePromise } from '../http/maybe-async.ts'
import type { RunControl } from './persisted-outcomes.ts'

/** HTTP faults whose changes go to a state file. */
export interface PersistedHttpFaults extends HttpFaults {
  /** Applies a logged change without logging it (the live half of `add`, and the replay). */
  register(id: number, fault: HttpFault): void
  unregister(id: number): boolean
  clearAll(): void
  /** The id the next fault gets (a new log after a reset starts from it). */
  readonly nextId: number
}

/**
 * A fault as the JSON the control API accepts (a RegExp path as `{regex, flags}`).
 *
 * @example
 * faultToJson({ path: /^\/sessions/, status: 503 }) // { status: 503, path: { regex: '^\\/sessions', flags: '' } }
 */
export function faultToJson(fault: HttpFault): Record<string, unknown> {
  const { path, ...rest } = fault
  return {
    ...rest,
    path: typeof path === 'string' ? path : { regex: path.source, flags: path.flags },
  }
}

/**
 * The fault a logged `http-fault-add` stands for.
 *
 * @example
 * faultOfJson({ path: '/sessions', status: 503 })
 */
export const faultOfJson = (json: Record<string, unknown>): HttpFault => faultFromJson(json)

/**
 * Wraps the emulator's HTTP faults so adding, removing and clearing them is logged (in call
 * order, in the serial section). How many requests a fault with a `count` has already hit is
 * not kept: after a restart it applies `count` more times.
 *
 * @example
 * const faults = createPersistedHttpFaults(createHttpFaults(headers), run, 1)
 * faults.add({ path: '/sessions', method: 'POST', status: 503 }).id // 1
 */
export function createPersistedHttpFaults(
  inner: HttpFaults,
  run: RunControl,
  firstId: number,
): PersistedHttpFaults {
  const innerIds = new Map<number, number>()
  const publicIds = new Map<number, number>()
  const queued = new Set<number>()
  let nextId = firstId

  const settle = <T>(result: MaybePromise<T>, fallback: T): T => {
    if (!isPromise(result)) return result
    result.catch(() => undefined)
    return fallback
  }

  const faults: PersistedHttpFaults = {
    filter: (request, next) => inner.filter(request, next),
    add(fault): ActiveFault {
      validateHttpFault(fault)
      const json = faultToJson(fault)
      const id = nextId++
      queued.add(id)
      settle(
        run({ op: 'http-fault-add', id, fault: json }, () => faults.register(id, fault)),
        undefined,
      )
      return { ...fault, id, hits: 0 }
    },
    register(id, fault) {
      queued.delete(id)
      const added = inner.add(fault)
      innerIds.set(id, added.id)
      publicIds.set(added.id, id)
      nextId = Math.max(nextId, id + 1)
    },
    unregister(id) {
      const innerId = innerIds.get(id)
      if (innerId === undefined) return false
      innerIds.delete(id)
      publicIds.delete(innerId)
      return inner.remove(innerId)
    },
    clearAll() {
      inner.clear()
      innerIds.clear()
      publicIds.clear()
    },
    get nextId() {
      return nextId
    },
    list: () =>
      inner.list().flatMap((fault) => {
        const id = publicIds.get(fault.id)
        return id === undefined ? [] : [{ ...fault, id }]
      }),
    remove(id) {
      if (!innerIds.has(id) && !queued.has(id)) return false
      return settle(
        run({ op: 'http-fault-remove', id }, () => faults.unregister(id)),
        true,
      )
    },
    clear() {
      settle(
        run({ op: 'http-fault-clear' }, () => faults.clearAll()),
        undefined,
      )
    },
  }
  return faults
}
