import { faultFromJson } from '../control/control-api.ts'
import {
  type ActiveFault,
  type HttpFault,
  type HttpFaults,
  validateHttpFault,
} from '../control/http-faults.ts'
import { createLoggedRegistry, type RunControl } from './logged-registry.ts'

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
  const registry = createLoggedRegistry<HttpFault, number>({
    run,
    firstId,
    ops: {
      add: (id, json) => ({ op: 'http-fault-add', id, fault: json }),
      remove: (id) => ({ op: 'http-fault-remove', id }),
      clear: () => ({ op: 'http-fault-clear' }),
    },
    attach(fault) {
      const added = inner.add(fault)
      return { innerId: added.id, handle: added.id }
    },
    detach: (innerId) => inner.remove(innerId),
    detachAll: () => inner.clear(),
  })
  return {
    filter: (request, next) => inner.filter(request, next),
    add(fault): ActiveFault {
      validateHttpFault(fault)
      const id = registry.add(fault, faultToJson(fault))
      return { ...fault, id, hits: 0 }
    },
    register: (id, fault) => registry.register(id, fault),
    unregister: (id) => registry.unregister(id),
    clearAll: () => registry.clearAll(),
    get nextId() {
      return registry.nextId
    },
    list: () => registry.publicEntries(inner.list()),
    remove: (id) => registry.remove(id),
    clear: () => registry.clear(),
  }
}
