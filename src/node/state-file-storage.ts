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

/**
 * A state file on disk: appended with `write` on a descriptor opened for appending, and made
 * durable with `fsync` before a write that must be is acknowledged. Survives `kill -9` (and,
 * with a disk that honours fsync, power loss). One process per file.
 *
 * @example
 * import { createFileStateStorage } from 'livy-emulator/node'
 * const livy = createLivyEmulator({ clock: 'system', stateStorage: createFileStateStorage('livy.state') })
 * await livy.ready
 */
export function createFileStateStorage(path: string): StateStorage {
  let fd: number | undefined
  let closed = false
  const open = (): number => {
    if (closed) throw new Error(`state file ${path} is closed`)
    fd ??= openSync(path, 'a')
    return fd
  }
  return {
    name: path,
    read() {
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
      if (closed) throw new Error(`state file ${path} is closed`)
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
    },
  }
}
