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
  const send = async (method: string, path: string, body?: unknown): Promise<string> => {
    const response = await fetch(new URL(path, base), {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      cache: 'no-store',
    })
    const text = await response.text()
    if (!response.ok) {
      let message: unknown
      try {
        message = (JSON.parse(text) as { error?: unknown }).error
      } catch {
        message = text
      }
      throw new ControlApiError(
        response.status,
        typeof message === 'string' && message !== ''
          ? message
          : `${response.status} ${response.statusText}`,
      )
    }
    return text
  }
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const text = await send(method, path, body)
    try {
      return (text === '' ? {} : JSON.parse(text)) as T
    } catch {
      return { error: text } as T
    }
  }
  let lastState: { text: string; state: Snapshot } | undefined
  return {
    base,
    /**
     * `logs`: whose logs to include (`none`, `session:3`…); lists need none. An answer that
     * reads as the last one is the same object, so the views can tell nothing changed (the
     * page refetches when its event stream opens, which mostly finds what it already has).
     */
    state: async (logs = 'none') => {
      const text = await send('GET', `state?logs=${encodeURIComponent(logs)}`)
      if (lastState?.text !== text) lastState = { text, state: JSON.parse(text) as Snapshot }
      return lastState.state
    },
    requests: async () => (await call<{ requests: JournalEntry[] }>('GET', 'requests')).requests,
    outcomes: async () => (await call<{ rules: RuleListing[] }>('GET', 'outcomes')).rules,
    faults: () => call<FaultListing>('GET', 'faults'),
    post: <T = Record<string, unknown>>(path: string, body: unknown = {}) =>
      call<T>('POST', path, body),
    remove: (path: string) => call<Record<string, unknown>>('DELETE', path),
  }
}

export type ControlClient = ReturnType<typeof createControlClient>
