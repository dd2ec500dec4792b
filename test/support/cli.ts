import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'

export const ROOT = join(import.meta.dirname, '..', '..')

/** A spawned CLI with its output so far. */
export interface Spawned {
  readonly child: ChildProcess
  stdout(): string
  stderr(): string
  /** Resolves with the first stdout match of `pattern` (rejects on exit or timeout). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>
  exited(): Promise<number | null>
  kill(signal?: NodeJS.Signals): void
}

export function spawnBin(
  bin: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  cwd: string = ROOT,
): Spawned {
  const child = spawn(process.execPath, [join(ROOT, 'bin', bin), ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString()
  })
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString()
  })
  // 'close' (not 'exit'): all output has been read by then.
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitFor(pattern, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(new Error(`timed out waiting for ${pattern}; stdout: ${out}; stderr: ${err}`)),
          timeoutMs,
        )
        const check = () => {
          const m = pattern.exec(out)
          if (m) {
            clearTimeout(timer)
            child.stdout?.off('data', check)
            resolve(m)
          }
        }
        child.stdout?.on('data', check)
        exit.then((code) => {
          clearTimeout(timer)
          reject(new Error(`exited with ${code} before ${pattern}; stdout: ${out}; stderr: ${err}`))
        })
        check()
      })
    },
    exited: () => exit,
    kill: (signal = 'SIGTERM') => {
      child.kill(signal)
    },
  }
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const address = s.address()
      const port = typeof address === 'object' && address ? address.port : 0
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })
}
