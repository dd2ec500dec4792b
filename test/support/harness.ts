import { setupServer } from 'msw/node'
import { createLivyEmulator, type LivyEmulator, type LivyEmulatorOptions } from '../../src/index.ts'

/** A response read once: status, headers and exact body text. */
export interface Exchange {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  json<T = unknown>(): T
}

/** How behaviour tests reach an emulator: in-process through msw, or over real HTTP. */
export interface Harness {
  readonly name: string
  /** The emulator behind it (for clock, outcomes and faults). */
  readonly livy: LivyEmulator
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Exchange>
  close(): Promise<void>
}

export async function read(response: Response): Promise<Exchange> {
  const text = await response.text()
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: <T>() => JSON.parse(text) as T,
  }
}

const encode = (body: unknown): string | undefined =>
  body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)

/**
 * In-process harness: the emulator's msw handlers under `setupServer`, driven with `fetch`
 * exactly as a client under test would be.
 */
export async function mswHarness(options: LivyEmulatorOptions = {}): Promise<Harness> {
  const baseUrl = options.baseUrl ?? 'http://livy.test'
  const livy = createLivyEmulator({ ...options, baseUrl })
  const server = setupServer(...livy.handlers)
  server.listen({ onUnhandledFrame: 'error' })
  let closed = false
  return {
    name: 'msw',
    livy,
    async request(method, path, body, headers) {
      return read(await fetch(`${baseUrl}${path}`, { method, body: encode(body), headers }))
    },
    async close() {
      if (closed) return
      closed = true
      server.close()
    },
  }
}
