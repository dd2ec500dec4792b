/**
 * Where an emulator's state log lives: an append-only byte sequence. Every call is synchronous
 * so that a write can finish inside the request that caused it, before its response goes out.
 * `livy-emulator/node` has a file implementation (`createFileStateStorage`); this module has an
 * in-memory one, for tests and for the browser.
 *
 * @example
 * const storage = createMemoryStateStorage()
 * const emulator = createLivyEmulator({ stateStorage: storage })
 * await emulator.ready
 */
export interface StateStorage {
  /** What to call it in messages (a file path). */
  readonly name: string
  /** Everything stored so far, or `null` when nothing was ever stored. */
  read(): Uint8Array | null
  /** Appends `bytes`; with `durable`, returns only once they and all before them are on disk. */
  append(bytes: Uint8Array, durable: boolean): void
  /** Keeps only the first `length` bytes (durably): drops a torn or corrupt tail. */
  truncate(length: number): void
  /** Replaces everything with `bytes`, atomically and durably (a new log after a reset). */
  replace(bytes: Uint8Array): void
  /** Releases the storage (a file descriptor, its lock); later writes fail. */
  close(): void
  /**
   * Keep the good lines before damage found in the middle of the log (after a
   * {@link StateStorage.backup}) instead of refusing to open it (`--state-file-repair`).
   */
  readonly repair?: boolean
  /** Keeps a copy of `bytes` beside the storage, durably; returns where. */
  backup?(bytes: Uint8Array): string
}

/** An in-memory {@link StateStorage}; `bytes()` is what a file would hold. */
export interface MemoryStateStorage extends StateStorage {
  /** A copy of the stored bytes (what a process restarted on this storage would read). */
  bytes(): Uint8Array
  /** How many durable writes were asked for. */
  readonly syncs: number
  /** The copies {@link StateStorage.backup} kept. */
  readonly backups: readonly Uint8Array[]
}

/**
 * @example
 * const storage = createMemoryStateStorage()
 * const first = createLivyEmulator({ stateStorage: storage })
 * // … later, a "restart" on the same bytes:
 * const second = createLivyEmulator({ stateStorage: createMemoryStateStorage(storage.bytes()) })
 */
export function createMemoryStateStorage(
  initial: Uint8Array | null = null,
  name = 'memory',
  options: { readonly repair?: boolean } = {},
): MemoryStateStorage {
  const backups: Uint8Array[] = []
  let content: Uint8Array | null = initial ? initial.slice() : null
  let length = content?.length ?? 0
  let syncs = 0
  let closed = false
  const writable = (): Uint8Array => {
    if (closed) throw new Error(`state storage ${name} is closed`)
    return content ?? new Uint8Array(0)
  }
  const reserve = (extra: number): Uint8Array => {
    const current = writable()
    if (length + extra <= current.length) return current
    const grown = new Uint8Array(Math.max(1024, (length + extra) * 2))
    grown.set(current.subarray(0, length))
    content = grown
    return grown
  }
  return {
    name,
    read: () => (content === null ? null : content.slice(0, length)),
    append(bytes, durable) {
      reserve(bytes.length).set(bytes, length)
      length += bytes.length
      if (durable) syncs++
    },
    truncate(to) {
      writable()
      length = Math.min(length, to)
      syncs++
    },
    replace(bytes) {
      writable()
      content = bytes.slice()
      length = bytes.length
      syncs++
    },
    close() {
      closed = true
    },
    bytes: () => (content ?? new Uint8Array(0)).slice(0, length),
    ...(options.repair ? { repair: true } : {}),
    backup(bytes) {
      backups.push(bytes.slice())
      return `${name} backup ${backups.length}`
    },
    backups,
    get syncs() {
      return syncs
    },
  }
}
