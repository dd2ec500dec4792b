import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { StateFileError } from '../emulator/persistence/state-file-error.ts'

/** A held lock; `release` removes the lock file (idempotent). */
export interface StateFileLock {
  readonly path: string
  release(): void
}

interface Holder {
  readonly pid: number
  readonly host: string
  readonly since: string
}

function readHolder(path: string): Holder | undefined {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>
    if (typeof value.pid !== 'number') return undefined
    return { pid: value.pid, host: String(value.host ?? ''), since: String(value.since ?? '') }
  } catch {
    return undefined
  }
}

/** Whether process `pid` runs on this machine (EPERM: it does, as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes `<state file>.lock` exclusively (`O_CREAT|O_EXCL`), holding this process's pid: two
 * servers appending to one log would interleave their records and lose each other's writes.
 * A lock whose process is gone (a `kill -9`) is stale and taken over; a live holder, or one on
 * another machine (whose pid cannot be checked), makes this throw, naming it.
 *
 * @example
 * const lock = lockStateFile('/var/tmp/livy.state')
 * // … serve …
 * lock.release()
 */
export function lockStateFile(statePath: string): StateFileLock {
  const path = `${statePath}.lock`
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() }
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number
    try {
      fd = openSync(path, 'wx')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const holder = readHolder(path)
      const stale = holder === undefined ? false : holder.host === me.host && !alive(holder.pid)
      if (stale && attempt === 0) {
        try {
          unlinkSync(path)
        } catch {
          // Another starter took it over first; the next attempt sees its lock.
        }
        continue
      }
      const who = holder
        ? `process ${holder.pid} on ${holder.host}${holder.since ? `, since ${holder.since}` : ''}`
        : 'a process that left an unreadable lock file'
      throw new StateFileError(
        'locked',
        `${statePath} is in use by ${who} (lock file ${path}). One emulator per state file: stop that one, or use another file. If no such process runs, remove the lock file.`,
      )
    }
    try {
      writeSync(fd, `${JSON.stringify(me)}\n`)
    } finally {
      closeSync(fd)
    }
    let released = false
    return {
      path,
      release() {
        if (released) return
        released = true
        // Only our own lock: a takeover after a stale detection must not be undone by us.
        if (readHolder(path)?.pid === me.pid) {
          try {
            unlinkSync(path)
          } catch {
            // Already gone.
          }
        }
      },
    }
  }
  throw new StateFileError('locked', `${statePath}: could not take ${path}`)
}
