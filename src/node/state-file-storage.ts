import {
  closeSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { StateStorage } from '../emulator/persistence/state-storage.ts'
import { lockStateFile, type StateFileLock } from './state-file-lock.ts'

/** Makes a rename or a new file in `dir` durable (a no-op where directories cannot be synced). */
function syncDirectory(dir: string): void {
  let fd: number | undefined
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch {
    // Windows cannot open a directory; its rename is durable enough for an emulator.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset)
}

/** Options of {@link createFileStateStorage}. */
export interface FileStateStorageOptions {
  /**
   * Damage before the last line: keep the lines before it (the whole file is copied to
   * `<path>.damaged-<time>` first) instead of refusing to start (`--state-file-repair`).
   */
  readonly repair?: boolean
}

/**
 * A state file on disk: appended with `write` on a descriptor opened for appending, and made
 * durable with `fsync` before a write that must be is acknowledged. Survives `kill -9` (and,
 * with a disk that honours fsync, power loss). One process per file: the first read takes
 * `<path>.lock` (see `lockStateFile`), and `close` releases it.
 *
 * @example
 * import { createFileStateStorage } from 'livy-emulator/node'
 * const livy = createLivyEmulator({ clock: 'system', stateStorage: createFileStateStorage('livy.state') })
 * await livy.ready
 */
export function createFileStateStorage(
  path: string,
  options: FileStateStorageOptions = {},
): StateStorage {
  let fd: number | undefined
  let closed = false
  let lock: StateFileLock | undefined
  const locked = (): void => {
    if (closed) throw new Error(`state file ${path} is closed`)
    lock ??= lockStateFile(path)
  }
  const open = (): number => {
    locked()
    fd ??= openSync(path, 'a')
    return fd
  }
  return {
    name: path,
    ...(options.repair ? { repair: true } : {}),
    backup(bytes) {
      const copy = `${path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`
      const out = openSync(copy, 'wx')
      try {
        writeAll(out, bytes)
        fsyncSync(out)
      } finally {
        closeSync(out)
      }
      syncDirectory(dirname(path))
      return copy
    },
    read() {
      locked()
      try {
        return readFileSync(path)
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw e
      }
    },
    append(bytes, durable) {
      const handle = open()
      writeAll(handle, bytes)
      if (durable) fsyncSync(handle)
    },
    truncate(length) {
      const handle = open()
      ftruncateSync(handle, length)
      fsyncSync(handle)
    },
    replace(bytes) {
      locked()
      // Write aside, then rename over: a crash leaves either the old file or the new one.
      const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)
      const out = openSync(temporary, 'w')
      try {
        writeAll(out, bytes)
        fsyncSync(out)
      } finally {
        closeSync(out)
      }
      if (fd !== undefined) closeSync(fd)
      fd = undefined
      renameSync(temporary, path)
      syncDirectory(dirname(path))
    },
    close() {
      closed = true
      if (fd !== undefined) closeSync(fd)
      fd = undefined
      lock?.release()
      lock = undefined
    },
  }
}
