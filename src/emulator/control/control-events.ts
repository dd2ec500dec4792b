import type { EdgeResponse } from '../http/types.ts'
import type { ModelEvent } from '../model/context.ts'
import type { JournalEntry } from './journal.ts'

/** What changed besides the model and the journal (the page refetches that part). */
export type ControlChange = 'clock' | 'reset' | 'outcomes' | 'faults' | 'tables'

/** One thing `GET /__emulator/events` tells its clients about. */
export type ControlEvent =
  | { readonly kind: 'model'; readonly event: ModelEvent }
  | { readonly kind: 'request'; readonly entry: JournalEntry }
  | { readonly kind: 'changed'; readonly what: ControlChange }

/** Where control events come from: the emulator, which owns the model and the journal. */
export type ControlEventSource = (listener: (event: ControlEvent) => void) => () => void

/** Real milliseconds between keep-alive comments (proxies drop connections that stay quiet). */
const KEEP_ALIVE_MS = 25_000

/**
 * One event as server-sent-event text: its name, and its data as one JSON line with `now`.
 *
 * @example
 * sseMessage({ kind: 'changed', what: 'clock' }, 0) // 'event: changed\ndata: {"now":0,"what":"clock"}\n\n'
 */
export function sseMessage(event: ControlEvent, now: number): string {
  const data =
    event.kind === 'model'
      ? { now, ...event.event }
      : event.kind === 'request'
        ? { now, ...event.entry }
        : { now, what: event.what }
  // JSON.stringify never emits a raw newline, so one `data:` line holds the whole object.
  return `event: ${event.kind}\ndata: ${JSON.stringify(data)}\n\n`
}

/**
 * The `GET /__emulator/events` answer: a stream that subscribes to `source` while its client
 * listens, and lets go when the client leaves. Nothing is polled: every message is written as
 * the emulator reports the change.
 *
 * @example
 * const response = eventStream((listener) => emulator.watch(listener), () => clock.now(), 'manual')
 */
export function eventStream(
  source: ControlEventSource,
  now: () => number,
  clockKind: string,
  max?: number,
): EdgeResponse {
  return {
    status: 200,
    headers: [
      ['Content-Type', 'text/event-stream;charset=utf-8'],
      ['Cache-Control', 'no-store'],
      // Tells reverse proxies (nginx) not to buffer the stream.
      ['X-Accel-Buffering', 'no'],
    ],
    body: null,
    stream: {
      open(write, end) {
        // `?max=N` ends the stream after N events (the hello included): for scripts and checks
        // that want the next event, not a connection held open.
        let left = max ?? Number.POSITIVE_INFINITY
        let stop = (): void => undefined
        const send = (message: string): void => {
          if (left <= 0) return
          write(message)
          if (--left === 0) {
            stop()
            end()
          }
        }
        send(
          `retry: 2000\nevent: hello\ndata: ${JSON.stringify({ now: now(), kind: clockKind })}\n\n`,
        )
        if (left === 0) return () => undefined
        const unsubscribe = source((event) => send(sseMessage(event, now())))
        const timer = setInterval(() => write(': keep-alive\n\n'), KEEP_ALIVE_MS)
        // In Node the timer must not keep a process alive that is otherwise done.
        ;(timer as { unref?: () => void }).unref?.()
        stop = () => {
          clearInterval(timer)
          unsubscribe()
        }
        return stop
      },
    },
  }
}
