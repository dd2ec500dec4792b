import type { FaultListing, JournalEntry, RuleListing, Snapshot } from './types.ts'

/** A refusal of the control API, with the message it answered (shown next to the form). */
export class ControlApiError extends Error {
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.status = status
  }
}

/**
 * The control API as the page uses it: `base` is the `/__emulator/` URL the page was served
 * from. Writes send JSON, which is what the API's CSRF defence asks of a same-origin page.
 *
 * @example
 * const api = createControlClient(new URL('/__emulator/', location.href))
 * await api.post('clock/advance', { ms: 1000 })
 */
export function createControlClient(base: URL) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(new URL(path, base), {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      cache: 'no-store',
    })
    const text = await response.text()
    let json: unknown
    try {
      json = text === '' ? {} : JSON.parse(text)
    } catch {
      json = { error: text }
    }
    if (!response.ok) {
      const message = (json as { error?: unknown }).error
      throw new ControlApiError(
        response.status,
        typeof message === 'string' ? message : `${response.status} ${response.statusText}`,
      )
    }
    return json as T
  }
  return {
    base,
    /** `logs`: whose logs to include (`none`, `session:3`…); lists need none. */
    state: (logs = 'none') => call<Snapshot>('GET', `state?logs=${encodeURIComponent(logs)}`),
    requests: async () => (await call<{ requests: JournalEntry[] }>('GET', 'requests')).requests,
    outcomes: async () => (await call<{ rules: RuleListing[] }>('GET', 'outcomes')).rules,
    faults: () => call<FaultListing>('GET', 'faults'),
    post: <T = Record<string, unknown>>(path: string, body: unknown = {}) =>
      call<T>('POST', path, body),
    remove: (path: string) => call<Record<string, unknown>>('DELETE', path),
  }
}

export type ControlClient = ReturnType<typeof createControlClient>
