import {
  createLivyEmulator,
  type LivyEmulator,
  type LivyEmulatorOptions,
} from '../../src/emulator/create-livy-emulator.ts'
import {
  createMemoryStateStorage,
  type MemoryStateStorage,
} from '../../src/emulator/persistence/state-storage.ts'

/** An emulator on an in-memory state file, and a way to "restart the process" on its bytes. */
export interface Durable {
  readonly emulator: LivyEmulator
  readonly storage: MemoryStateStorage
  /** A new emulator on a copy of what is stored (the old one is dropped, as by kill -9). */
  restart(options?: LivyEmulatorOptions): Promise<Durable>
}

export async function durable(options: LivyEmulatorOptions = {}): Promise<Durable> {
  return open(createMemoryStateStorage(), options)
}

async function open(storage: MemoryStateStorage, options: LivyEmulatorOptions): Promise<Durable> {
  const emulator = createLivyEmulator({ timing: 'fast', ...options, stateStorage: storage })
  await emulator.ready
  return {
    emulator,
    storage,
    restart: (over = options) => open(createMemoryStateStorage(storage.bytes()), over),
  }
}

/** Sends a request; JSON bodies are stringified. */
export async function call(
  emulator: LivyEmulator,
  method: string,
  path: string,
  body?: string | Uint8Array<ArrayBuffer> | Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; json: () => Record<string, unknown> }> {
  const json = body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)
  const res = await emulator.fetch(path, {
    method,
    // The control API takes JSON bodies only (a cross-site page can send text, not JSON).
    headers: json ? { 'Content-Type': 'application/json', ...headers } : headers,
    ...(body === undefined
      ? {}
      : {
          body:
            typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
        }),
  })
  const text = await res.text()
  return { status: res.status, text, json: () => JSON.parse(text) as Record<string, unknown> }
}
