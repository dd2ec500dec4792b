import { html } from 'htm/preact'
import { useEffect, useState } from 'preact/hooks'
import { Field } from './field.ts'
import { clockTime, duration, isoTime } from './format.ts'
import type { PendingStep } from './types.ts'

/** Housekeeping steps (garbage collection, watchdogs) that would crowd the list. */
const HOUSEKEEPING = /GC|watchdog|housekeeping/i

/** The clock's reading now: a system clock runs on between messages, a manual one does not. */
export function useClockNow(clock: { now: number; kind: string; seenAt: number } | undefined) {
  const [tick, setTick] = useState(0)
  useEffect(() => {
    if (clock?.kind !== 'system') return
    // Only redraws the reading; nothing is fetched.
    const timer = setInterval(() => setTick((t) => t + 1), 1000)
    return () => clearInterval(timer)
  }, [clock?.kind])
  if (!clock) return undefined
  void tick
  return clock.kind === 'system' ? clock.now + (Date.now() - clock.seenAt) : clock.now
}

/** The bar on every view: virtual time and the quick moves. */
export function ClockBar({
  now,
  kind,
  onAdvance,
  act,
}: {
  now: number | undefined
  kind: string | undefined
  onAdvance: (by: number | 'next') => Promise<unknown>
  act: (label: string, run: () => Promise<unknown>) => void
}) {
  return html`<div class="clock-bar" role="group" aria-label="Virtual clock">
    <span>Virtual time <time class="clock-now" datetime=${now === undefined ? '' : isoTime(now)}>${now === undefined ? '…' : isoTime(now)}</time>${' '}
      <span class="muted">(${kind ?? '…'} clock)</span></span>
    ${[1000, 60_000, 600_000].map(
      (ms) =>
        html`<button type="button" onClick=${() => act(`advanced ${duration(ms)}`, () => onAdvance(ms))}>+${duration(ms)}</button>`,
    )}
    <button type="button" onClick=${() => act('ran the next step', () => onAdvance('next'))}>Next step</button>
  </div>`
}

/** The clock's page: advance by any amount, and the pending steps, manual ones runnable. */
export function ClockView({
  pending,
  now,
  onAdvance,
  onStep,
  act,
}: {
  pending: readonly PendingStep[]
  now: number | undefined
  onAdvance: (by: number | 'next') => Promise<unknown>
  onStep: (subject: string | null) => Promise<unknown>
  act: (label: string, run: () => Promise<unknown>) => void
}) {
  const [ms, setMs] = useState('5000')
  const [error, setError] = useState<string | undefined>()
  const timed = pending.filter((p) => p.at !== null && !HOUSEKEEPING.test(p.label))
  const manual = pending.filter((p) => p.at === null)
  const submit = (e: Event) => {
    e.preventDefault()
    const n = Number(ms)
    if (!/^\d+$/.test(ms.trim()) || !Number.isSafeInteger(n)) {
      setError('Give a whole number of milliseconds')
      return
    }
    setError(undefined)
    act(`advanced ${duration(n)}`, () => onAdvance(n))
  }
  return html`<section aria-labelledby="view-title">
    <h2 id="view-title" tabindex="-1">Clock and steps</h2>
    <form class="inline-form" onSubmit=${submit} aria-label="Advance the clock">
      <${Field} id="advance-ms" label="Advance by (ms)" error=${error}>
        <input id="advance-ms" inputmode="numeric" value=${ms} aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'advance-ms-error' : undefined}
          onInput=${(e: Event) => setMs((e.target as HTMLInputElement).value)} />
      </${Field}>
      <button type="submit">Advance</button>
      <button type="button" onClick=${() => act('ran the next step', () => onAdvance('next'))}>Next step</button>
    </form>
    <h3>Manual steps <span class="muted">(${manual.length})</span></h3>
    ${
      manual.length === 0
        ? html`<p class="empty">No manual step waits (they appear with <code>timing: 'manual'</code>).</p>`
        : html`<ul class="steps">${manual.map(
            (p, i) => html`<li key=${`${p.label}-${i}`}>${p.label}
              <button type="button" aria-label=${`Run step: ${p.label}`} onClick=${() => act(`ran ${p.label}`, () => onStep(p.subject))}>Run</button></li>`,
          )}</ul>`
    }
    <h3>Upcoming steps <span class="muted">(${timed.length})</span></h3>
    ${
      timed.length === 0
        ? html`<p class="empty">Nothing is scheduled.</p>`
        : html`<table class="list" aria-label="Upcoming steps"><thead><tr><th scope="col">Due</th><th scope="col">In</th><th scope="col">Step</th></tr></thead>
          <tbody>${timed.map(
            (
              p,
              i,
            ) => html`<tr key=${`${p.label}-${i}`}><td><time datetime=${isoTime(p.at as number)}>${clockTime(p.at as number)}</time></td>
              <td>${now === undefined ? '' : duration(Math.max(0, (p.at as number) - now))}</td><td>${p.label}</td></tr>`,
          )}</tbody></table>`
    }
  </section>`
}
