import type { ControlClient } from './api.ts'
import type { FaultListing, JournalEntry, RuleListing, Snapshot } from './types.ts'

/** The parts of the emulator the page shows, each fetched from its control endpoint. */
type Resource = 'state' | 'outcomes' | 'faults' | 'requests'
const ALL: readonly Resource[] = ['state', 'outcomes', 'faults', 'requests']

/** What the page knows, replaced (never mutated) on each change so views can compare. */
export interface LiveData {
  readonly state?: Snapshot
  readonly outcomes?: readonly RuleListing[]
  readonly faults?: FaultListing
  readonly requests?: readonly JournalEntry[]
  /** Virtual time at the last message, and the real time it arrived (a system clock runs on). */
  readonly clock?: { readonly now: number; readonly kind: string; readonly seenAt: number }
  readonly connection: 'connecting' | 'live' | 'reconnecting'
  /** The last failed fetch, shown in the status line. */
  readonly problem?: string
}

/** The journal's size on the server; the page keeps as many. */
const JOURNAL_LIMIT = 10_000

/**
 * The page's data, kept fresh by `GET /__emulator/events`: each event says which parts
 * changed, and those are fetched again (bursts coalesce into one fetch per part). Journal
 * entries come whole in their events and are appended. Nothing is polled.
 *
 * @example
 * const store = createLiveStore(api, (url) => new EventSource(url))
 * store.subscribe(() => render(store.get()))
 * store.start()
 */
export function createLiveStore(
  api: ControlClient,
  openEvents: (url: string) => EventSource = (url) => new EventSource(url),
) {
  let data: LiveData = { connection: 'connecting' }
  const listeners = new Set<() => void>()
  const set = (patch: Partial<LiveData>): void => {
    data = { ...data, ...patch }
    for (const listener of listeners) listener()
  }
  const dirty = new Set<Resource>()
  let running = false
  // Whose log the state should carry: the session or batch on screen, if any.
  let logsOf = 'none'

  const fetchOne = async (resource: Resource): Promise<Partial<LiveData>> => {
    switch (resource) {
      case 'state': {
        const state = await api.state(logsOf)
        return {
          state,
          clock: { now: state.clock.now, kind: state.clock.kind, seenAt: Date.now() },
        }
      }
      case 'outcomes':
        return { outcomes: await api.outcomes() }
      case 'faults':
        return { faults: await api.faults() }
      case 'requests':
        return { requests: await api.requests() }
    }
  }

  /**
   * Fetches what is dirty; changes that arrive meanwhile make one more round, not one each.
   * `now`: the first round starts at once (the page's first load has no burst to wait for).
   */
  const flush = async (now = false): Promise<void> => {
    if (running) return
    running = true
    try {
      for (let round = 0; dirty.size > 0; round++) {
        // One turn of the event loop gathers the events of a burst first.
        if (!now || round > 0) await new Promise((resolve) => setTimeout(resolve, 0))
        const batch = [...dirty]
        dirty.clear()
        // Each part is shown as soon as it arrives: the sessions need not wait for the journal.
        await Promise.all(
          batch.map((resource) =>
            fetchOne(resource).then(
              (patch) => set({ ...patch, problem: undefined }),
              (e: unknown) => set({ problem: String((e as Error)?.message ?? e) }),
            ),
          ),
        )
      }
    } finally {
      running = false
    }
  }
  const refresh = (...resources: readonly Resource[]): void => {
    for (const r of resources) dirty.add(r)
    void flush()
  }

  let source: EventSource | undefined
  const onMessage = (kind: string) => (message: MessageEvent<string>) => {
    let event: { now?: number; [key: string]: unknown }
    try {
      event = JSON.parse(message.data) as typeof event
    } catch {
      return
    }
    if (typeof event.now === 'number' && data.clock)
      set({ clock: { ...data.clock, now: event.now, seenAt: Date.now() } })
    if (kind === 'request') {
      const { now: _, ...entry } = event
      const requests = [...(data.requests ?? []), entry as JournalEntry]
      set({ requests: requests.length > JOURNAL_LIMIT ? requests.slice(-JOURNAL_LIMIT) : requests })
      // An HTTP fault's count goes down as it answers.
      refresh('faults')
    } else if (kind === 'model') {
      // A statement matching a rule counts as a use of it.
      refresh(
        'state',
        ...(String(event.type).startsWith('statement') ? (['outcomes'] as const) : []),
      )
    } else if (kind === 'changed') {
      const what = event.what
      if (what === 'reset') refresh(...ALL)
      else if (what === 'clock') refresh('state')
      else if (what === 'outcomes') refresh('outcomes')
      else if (what === 'faults') refresh('faults', 'state')
    }
  }

  return {
    get: (): LiveData => data,
    subscribe(listener: () => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    /**
     * Opens the event stream; every (re)connection fetches everything, since events were
     * missed. Resolves when the first answer for the state is in (or was refused).
     */
    start(): Promise<void> {
      const first = new Promise<void>((resolve) => {
        const stop = () => {
          if (data.state || data.problem) {
            listeners.delete(stop)
            resolve()
          }
        }
        listeners.add(stop)
      })
      // Shown at once, without waiting for the stream to open (the page's shell preloads the
      // state, so its answer may already be here).
      for (const r of ALL) dirty.add(r)
      void flush(true)
      source = openEvents(new URL('events', api.base).href)
      source.addEventListener('hello', () => {
        set({ connection: 'live' })
        refresh(...ALL)
      })
      source.addEventListener('model', onMessage('model'))
      source.addEventListener('request', onMessage('request'))
      source.addEventListener('changed', onMessage('changed'))
      source.addEventListener('error', () => set({ connection: 'reconnecting' }))
      return first
    },
    stop(): void {
      source?.close()
    },
    /** After an action of the page itself (its answer may come before the event). */
    refresh,
    /** Shows `subject`'s log (`session:3`, `batch:1`) from now on, or none (`none`). */
    focus(subject: string): void {
      if (subject === logsOf) return
      logsOf = subject
      refresh('state')
    },
  }
}

export type LiveStore = ReturnType<typeof createLiveStore>
