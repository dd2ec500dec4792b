import { html } from 'htm/preact'
import { useMemo, useState } from 'preact/hooks'
import { clockOfIso, isoTime } from './format.ts'
import { LongTable } from './long-table.ts'
import { rowHtml } from './row-html.ts'
import type { SessionSnapshot } from './types.ts'

/**
 * Sessions that pass the filters: a state, a kind, and a text found in the id, name, owner,
 * proxy user or application id.
 *
 * @example
 * filterSessions(sessions, { text: 'etl', state: 'idle', kind: '' })
 */
export function filterSessions(
  sessions: readonly SessionSnapshot[],
  f: { text: string; state: string; kind: string },
): SessionSnapshot[] {
  const text = f.text.trim().toLowerCase()
  return sessions.filter(
    (s) =>
      (f.state === '' || s.state === f.state) &&
      (f.kind === '' || s.kind === f.kind) &&
      (text === '' ||
        [String(s.id), s.name, s.owner, s.proxyUser, s.appId].some((v) =>
          (v ?? '').toLowerCase().includes(text),
        )),
  )
}

const SESSIONS_HEAD = html`<tr><th scope="col">Id</th><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">State</th><th scope="col">Statements</th><th scope="col">Owner</th><th scope="col">Created</th></tr>`
const sessionKey = (s: SessionSnapshot) => String(s.id)

/** One row of the list (an idle list of 1,000 sessions draws 1,000 of these at once). */
function sessionRow(s: SessionSnapshot) {
  const created = isoTime(s.createdAt)
  return rowHtml`<tr><td><a href="#/sessions/${s.id}" aria-label="Session ${s.id}">${s.id}</a></td><td>${s.name ?? ''}</td><td>${s.kind}</td><td><span class="state state-${s.state}">${s.state}</span></td><td>${s.statements.length}</td><td>${s.owner ?? ''}</td><td><time datetime="${created}">${clockOfIso(created)}</time></td></tr>`
}

const distinct = (values: readonly string[]) => [...new Set(values)].sort()

/** The sessions list, with filters; a row's id links to the session's page. */
export function SessionsView({ sessions }: { sessions: readonly SessionSnapshot[] }) {
  const [text, setText] = useState('')
  const [state, setState] = useState('')
  const [kind, setKind] = useState('')
  const shown = useMemo(
    () => filterSessions(sessions, { text, state, kind }),
    [sessions, text, state, kind],
  )
  const states = distinct(sessions.map((s) => s.state))
  const kinds = distinct(sessions.map((s) => s.kind))
  return html`<section aria-labelledby="view-title">
    <h2 id="view-title" tabindex="-1">Sessions</h2>
    <form class="filters" role="search" aria-label="Filter sessions" onSubmit=${(e: Event) => e.preventDefault()}>
      <div class="field"><label for="session-text">Search</label>
        <input id="session-text" type="search" placeholder="id, name, owner, app id" value=${text}
          onInput=${(e: Event) => setText((e.target as HTMLInputElement).value)} /></div>
      <div class="field"><label for="session-state">State</label>
        <select id="session-state" value=${state} onChange=${(e: Event) => setState((e.target as HTMLSelectElement).value)}>
          <option value="">any</option>${states.map((s) => html`<option value=${s}>${s}</option>`)}
        </select></div>
      <div class="field"><label for="session-kind">Kind</label>
        <select id="session-kind" value=${kind} onChange=${(e: Event) => setKind((e.target as HTMLSelectElement).value)}>
          <option value="">any</option>${kinds.map((k) => html`<option value=${k}>${k}</option>`)}
        </select></div>
    </form>
    <p class="count" aria-live="polite">${shown.length} of ${sessions.length} sessions</p>
    ${
      sessions.length === 0
        ? html`<p class="empty">No session yet. Create one with <code>POST /sessions</code>.</p>`
        : html`<div class="table-scroll"><${LongTable} label="Sessions" class="list long sessions" head=${SESSIONS_HEAD}
            items=${shown} keyOf=${sessionKey} row=${sessionRow} /></div>`
    }
  </section>`
}
