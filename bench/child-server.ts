import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'

/** The first line a bench child prints once it listens. */
export interface Ready {
  url: string
  rssMb?: number
  heapMb?: number
  populateMs?: number
}

/**
 * Starts `script` (a file in bench/) in a Node process of its own and resolves with its
 * first stdout line, read as JSON, once it prints one.
 *
 * @example
 * const { proc, ready } = await child('emulator-server.js', ['0', '100', '0'])
 * await stop(proc)
 */
export function child(
  script: string,
  args: string[] = [],
  nodeArgs: string[] = [],
): Promise<{ proc: ChildProcess; ready: Ready }> {
  const proc = spawn(process.execPath, [...nodeArgs, join(import.meta.dirname, script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let buffer = ''
    proc.stdout?.on('data', (d: Buffer) => {
      buffer += d.toString()
      const line = buffer.split('\n')[0]
      if (buffer.includes('\n') && line) resolve({ proc, ready: JSON.parse(line) as Ready })
    })
    proc.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)))
  })
}

/** Stops a child with SIGTERM and resolves once it has exited. */
export const stop = (proc: ChildProcess): Promise<void> =>
  new Promise<void>((resolve) => {
    proc.removeAllListeners('exit')
    proc.on('exit', () => resolve())
    proc.kill('SIGTERM')
  })
