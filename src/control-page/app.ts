import { html } from 'htm/preact'
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { ControlClient } from './api.ts'
import { BatchesView, BatchView } from './batches-view.ts'
import { ClockBar, ClockView, useClockNow } from './clock-view.ts'
import { FaultsView } from './faults-view.ts'
import { JournalView } from './journal-view.ts'
import type { LiveData, LiveStore } from './live-store.ts'
import { useRoute } from './router.ts'
import { RulesView } from './rules-view.ts'
import { SessionView } from './session-view.ts'
import { SessionsView } from './sessions-view.ts'

/** The mark the bench reads: the first render that shows the emulator's state. */
export const FIRST_RENDER_MARK = 'livy-emulator:first-render'

const NAV: [string, string][] = [
  ['sessions', 'Sessions'],
  ['batches', 'Batches'],
  ['clock', 'Clock'],
  ['rules', 'Rules'],
  ['faults', 'Faults'],
  ['requests', 'Requests'],
]

function useLive(store: LiveStore): LiveData {
  const [data, setData] = useState(store.get())
  // Subscribed as the page commits, not after it paints, and caught up at once: an answer
  // that came in between must not wait for the next event to be shown.
  useLayoutEffect(() => {
    const unsubscribe = store.subscribe(() => setData(store.get()))
    setData(store.get())
    return unsubscribe
  }, [store])
  return data
}

/** The confirmation a reset needs: a modal dialog (Escape or Cancel keeps everything). */
function ResetDialog({ onReset }: { onReset: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  return html`<button type="button" class="danger" onClick=${() => dialog.current?.showModal()}>Reset…</button>
    <dialog ref=${dialog} aria-labelledby="reset-title" aria-describedby="reset-text">
      <form method="dialog" onSubmit=${(e: SubmitEvent) => {
        if ((e.submitter as HTMLButtonElement | null)?.value === 'reset') onReset()
      }}>
        <h2 id="reset-title">Reset the emulator?</h2>
        <p id="reset-text">Every session, statement, batch, rule, fault and journal entry is dropped; ids start from 0 and the clock goes back to its start.</p>
        <div class="row"><button value="cancel" autofocus>Cancel</button><button value="reset" class="danger">Reset</button></div>
      </form>
    </dialog>`
}

/**
 * The control page: a header with the clock and navigation, and the view the hash names.
 *
 * @example
 * render(html`<${App} api=${api} store=${store} />`, element)
 */
export function App({ api, store }: { api: ControlClient; store: LiveStore }) {
  const data = useLive(store)
  const route = useRoute()
  const [view = 'sessions', id] = route
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>()
  const now = useClockNow(data.clock)
  const marked = useRef(false)

  useEffect(() => {
    if (!marked.current && data.state) {
      marked.current = true
      performance.mark(FIRST_RENDER_MARK)
    }
  }, [data.state])
  // A new view takes the focus to its heading, as a page load would, for keyboard and screen readers.
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    document.getElementById('view-title')?.focus()
  }, [route.join('/')])

  // The state carries only the log on screen (a list of 1,000 sessions would be megabytes).
  useEffect(() => {
    store.focus(
      id !== undefined && (view === 'sessions' || view === 'batches')
        ? `${view.slice(0, -1)}:${id}`
        : 'none',
    )
  }, [view, id])

  const act = (label: string, run: () => Promise<unknown>) => {
    run().then(
      () => setMessage({ text: `Done: ${label}.`, error: false }),
      (e: unknown) =>
        setMessage({ text: `Refused (${label}): ${(e as Error).message}`, error: true }),
    )
  }
  const advance = (by: number | 'next') =>
    api.post('clock/advance', by === 'next' ? { next: true } : { ms: by })
  const state = data.state
  const main = () => {
    if (!state) return html`<p>Loading…</p>`
    switch (view) {
      case 'sessions':
        return id === undefined
          ? html`<${SessionsView} sessions=${state.sessions} />`
          : html`<${SessionView} id=${id} session=${state.sessions.find((s) => String(s.id) === id)} now=${now ?? state.clock.now} />`
      case 'batches':
        return id === undefined
          ? html`<${BatchesView} batches=${state.batches} />`
          : html`<${BatchView} id=${id} batch=${state.batches.find((b) => String(b.id) === id)} now=${now ?? state.clock.now} />`
      case 'clock':
        return html`<${ClockView} pending=${state.pending} now=${now} onAdvance=${advance} act=${act}
          onStep=${(subject: string | null) => api.post('step', subject === null ? {} : { subject })} />`
      case 'rules':
        return html`<${RulesView} rules=${data.outcomes ?? []}
          onAdd=${async (json: Record<string, unknown>) => {
            await api.post('outcomes', json)
            setMessage({ text: 'Rule added.', error: false })
          }}
          onRemove=${(ruleId: number) => act(`removed rule ${ruleId}`, () => api.remove(`outcomes/${ruleId}`))} />`
      case 'faults':
        return html`<${FaultsView} faults=${data.faults ?? { faults: [], pending: [] }}
          onAdd=${async (json: Record<string, unknown>) => {
            await api.post('faults', json)
            setMessage({ text: `Fault added (${String(json.type)}).`, error: false })
          }}
          onRemove=${(faultId: number) => act(`removed fault ${faultId}`, () => api.remove(`faults/${faultId}`))}
          onClear=${() => act('removed every fault', () => api.remove('faults'))} />`
      case 'requests':
        return html`<${JournalView} entries=${data.requests ?? []} selected=${id} />`
      default:
        return html`<h2 id="view-title" tabindex="-1">Not found</h2><p>No view “${view}”. <a href="#/sessions">Sessions</a></p>`
    }
  }
  return html`<header class="top">
      <h1>livy-emulator <span class="muted">control</span></h1>
      <${ClockBar} now=${now} kind=${data.clock?.kind} onAdvance=${advance} act=${act} />
      <${ResetDialog} onReset=${() => act('reset the emulator', () => api.post('reset'))} />
    </header>
    <nav aria-label="Views"><ul>${NAV.map(
      ([key, label]) =>
        html`<li><a href=${`#/${key}`} aria-current=${view === key ? 'page' : undefined}>${label}${
          key === 'sessions' && state
            ? html` <span class="badge">${state.sessions.length}</span>`
            : null
        }${key === 'batches' && state ? html` <span class="badge">${state.batches.length}</span>` : null}</a></li>`,
    )}</ul></nav>
    <div class="status-line">
      <span class=${`connection connection-${data.connection}`} role="status">${
        data.connection === 'live'
          ? 'Live'
          : data.connection === 'connecting'
            ? 'Connecting…'
            : 'Reconnecting…'
      }</span>
      <span role=${message?.error ? 'alert' : 'status'} class=${message?.error ? 'message message-error' : 'message'}>${message?.text ?? ''}</span>
      ${data.problem ? html`<span class="message message-error">${data.problem}</span>` : null}
    </div>
    <main>${main()}</main>`
}
