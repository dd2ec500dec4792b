/**
 * A state machine as data: the rows say what may happen, nothing here says when. Progression
 * (instant, after N ms of virtual time, manual) lives in the scheduler and timing profiles.
 */
export interface TransitionRow<S extends string, E extends string> {
  readonly from: S
  readonly event: E
  readonly to: S
}

/** A machine definition: its states, rows, initial state and terminal set. */
export interface StateMachine<S extends string, E extends string> {
  readonly name: string
  readonly states: readonly S[]
  readonly initial: S
  readonly rows: readonly TransitionRow<S, E>[]
  readonly terminal: ReadonlySet<S>
  /**
   * The rows by state, then event, each with its (shared, frozen) result: what
   * {@link defineMachine} derives so that {@link transition} neither scans nor allocates.
   */
  readonly index: ReadonlyMap<S, ReadonlyMap<E, TransitionResult<S>>>
}

/** Result of {@link transition}: the next state, or why the event is not allowed. */
export type TransitionResult<S extends string> =
  | { readonly ok: true; readonly state: S }
  | { readonly ok: false; readonly reason: string }

/**
 * Validates and freezes a machine: every row names known states, `from`+`event` is unique,
 * and terminal states have no way out.
 *
 * @example
 * const door = defineMachine({
 *   name: 'door', states: ['open', 'shut'], initial: 'open', terminal: [],
 *   rows: [{ from: 'open', event: 'close', to: 'shut' }, { from: 'shut', event: 'open', to: 'open' }],
 * })
 */
export function defineMachine<S extends string, E extends string>(spec: {
  name: string
  states: readonly S[]
  initial: S
  rows: readonly TransitionRow<S, E>[]
  terminal: readonly S[]
}): StateMachine<S, E> {
  const known = new Set<string>(spec.states)
  const seen = new Set<string>()
  if (!known.has(spec.initial))
    throw new Error(`${spec.name}: unknown initial state ${spec.initial}`)
  for (const row of spec.rows) {
    for (const s of [row.from, row.to]) {
      if (!known.has(s)) throw new Error(`${spec.name}: row uses unknown state ${s}`)
    }
    const key = `${row.from}\u0000${row.event}`
    if (seen.has(key)) throw new Error(`${spec.name}: ${row.from} has two rows for ${row.event}`)
    seen.add(key)
    if (spec.terminal.includes(row.from)) {
      throw new Error(`${spec.name}: terminal state ${row.from} has an outgoing row`)
    }
  }
  const index = new Map<S, Map<E, TransitionResult<S>>>()
  for (const row of spec.rows) {
    let byEvent = index.get(row.from)
    if (byEvent === undefined) {
      byEvent = new Map()
      index.set(row.from, byEvent)
    }
    byEvent.set(row.event, Object.freeze({ ok: true, state: row.to }))
  }
  return Object.freeze({
    name: spec.name,
    states: Object.freeze([...spec.states]),
    initial: spec.initial,
    rows: Object.freeze(spec.rows.map((r) => Object.freeze({ ...r }))),
    terminal: new Set(spec.terminal),
    index,
  })
}

/**
 * The one pure transition function: where does `event` take a machine in `state`?
 *
 * @example
 * transition(statementMachine, 'waiting', 'cancel') // { ok: true, state: 'cancelled' }
 * transition(statementMachine, 'available', 'cancel').ok // false
 */
export function transition<S extends string, E extends string>(
  machine: StateMachine<S, E>,
  state: S,
  event: E,
): TransitionResult<S> {
  const found = machine.index.get(state)?.get(event)
  if (found !== undefined) return found
  return {
    ok: false,
    reason: `${machine.name}: no transition from ${state} on ${event}`,
  }
}

/** Whether `state` is terminal (nothing can happen to it any more). */
export function isTerminal<S extends string, E extends string>(
  machine: StateMachine<S, E>,
  state: S,
): boolean {
  return machine.terminal.has(state)
}

/** The events that are allowed from `state`. */
export function allowedEvents<S extends string, E extends string>(
  machine: StateMachine<S, E>,
  state: S,
): E[] {
  return machine.rows.filter((r) => r.from === state).map((r) => r.event)
}

/**
 * Applies an event the caller has already established is allowed; a refusal means the model
 * itself is wrong, so it throws instead of being ignored.
 */
export function transitionOrThrow<S extends string, E extends string>(
  machine: StateMachine<S, E>,
  state: S,
  event: E,
): S {
  const result = transition(machine, state, event)
  if (!result.ok) throw new Error(result.reason)
  return result.state
}
