import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { clockTime, isoTime } from './format.ts'
import type { JournalEntry } from './types.ts'

/** Rows drawn at most; the filters reach the rest. */
const SHOWN = 500

/** The journal keeps each request's body (its first 4 KiB, secrets redacted). */
const BODY_FIELDS = ['body'] as const

const statusClass = (status: number) => `${Math.floor(status / 100)}xx`

/**
 * Journal entries that pass the filters, newest first.
 *
 * @example
 * filterJournal(entries, { method: 'POST', status: '5xx', path: '/sessions' })
 */
export function filterJournal(
  entries: readonly JournalEntry[],
  f: { method: string; status: string; path: string },
): JournalEntry[] {
  const path = f.path.trim()
  const out: JournalEntry[] = []
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i] as JournalEntry
    if (f.method !== '' && e.method !== f.method) continue
    if (f.status !== '' && statusClass(e.status) !== f.status) continue
    if (path !== '' && !`${e.path}?${e.query}`.includes(path)) continue
    out.push(e)
  }
  return out
}

function Detail({ entry }: { entry: JournalEntry }) {
  const bodies = BODY_FIELDS.filter((k) => entry[k] !== undefined)
  const known = new Set(['seq', 'method', 'path', 'query', 'status', 'time', ...BODY_FIELDS])
  const extra = Object.keys(entry).filter((k) => !known.has(k))
  return html`<section class="card" aria-labelledby="request-title">
    <h3 id="request-title" tabindex="-1">Request #${entry.seq}</h3>
    <dl class="facts">
      <div><dt>Request</dt><dd><code>${entry.method} ${entry.path}${entry.query ? `?${entry.query}` : ''}</code></dd></div>
      <div><dt>Status</dt><dd><span class=${`status status-${statusClass(entry.status)}`}>${entry.status}</span></dd></div>
      <div><dt>Virtual time</dt><dd><time datetime=${isoTime(entry.time)}>${isoTime(entry.time)}</time></dd></div>
      ${extra.map((k) => html`<div><dt>${k}</dt><dd><code>${JSON.stringify(entry[k])}</code></dd></div>`)}
    </dl>
    ${
      bodies.length > 0
        ? bodies.map(
            (k) =>
              html`<h4>Request body${entry.bodyTruncated ? ' (first 4 KiB)' : ''}</h4><pre class="log">${typeof entry[k] === 'string' ? entry[k] : JSON.stringify(entry[k], null, 2)}</pre>`,
          )
        : html`<p class="note">No request body.</p>`
    }
    ${html`<p class="note">The journal keeps the first 4 KiB of each body, with secret-looking JSON members as <code>***</code>, and never headers, so no credentials; credential-like query parameters show as <code>***</code>.</p>`}
    <p><a href="#/requests">← All requests</a></p>
  </section>`
}

/** The request journal: filters, the newest entries first, and one entry's detail. */
export function JournalView({
  entries,
  selected,
}: {
  entries: readonly JournalEntry[]
  selected?: string | undefined
}) {
  const [method, setMethod] = useState('')
  const [status, setStatus] = useState('')
  const [path, setPath] = useState('')
  const shown = filterJournal(entries, { method, status, path })
  const entry = selected === undefined ? undefined : entries.find((e) => String(e.seq) === selected)
  return html`<section aria-labelledby="view-title">
    <h2 id="view-title" tabindex="-1">Requests</h2>
    ${selected !== undefined ? (entry ? html`<${Detail} entry=${entry} />` : html`<p>Request #${selected} is not in the journal (it keeps the newest 10,000; a reset empties it).</p>`) : null}
    <form class="filters" role="search" aria-label="Filter requests" onSubmit=${(e: Event) => e.preventDefault()}>
      <div class="field"><label for="journal-method">Method</label>
        <select id="journal-method" value=${method} onChange=${(e: Event) => setMethod((e.target as HTMLSelectElement).value)}>
          <option value="">any</option>${['GET', 'POST', 'DELETE', 'PUT', 'HEAD'].map((m) => html`<option value=${m}>${m}</option>`)}
        </select></div>
      <div class="field"><label for="journal-status">Status</label>
        <select id="journal-status" value=${status} onChange=${(e: Event) => setStatus((e.target as HTMLSelectElement).value)}>
          <option value="">any</option>${['2xx', '3xx', '4xx', '5xx'].map((s) => html`<option value=${s}>${s}</option>`)}
        </select></div>
      <div class="field"><label for="journal-path">Path contains</label>
        <input id="journal-path" type="search" value=${path} onInput=${(e: Event) => setPath((e.target as HTMLInputElement).value)} /></div>
    </form>
    <p class="count" aria-live="polite">${shown.length} of ${entries.length} requests${shown.length > SHOWN ? `, newest ${SHOWN} shown` : ''}</p>
    ${
      entries.length === 0
        ? html`<p class="empty">No request yet.</p>`
        : html`<div class="table-scroll"><table class="list" aria-label="Requests">
      <thead><tr><th scope="col">#</th><th scope="col">Time</th><th scope="col">Request</th><th scope="col">Status</th></tr></thead>
      <tbody>${shown.slice(0, SHOWN).map(
        (e) => html`<tr key=${e.seq} class=${String(e.seq) === selected ? 'selected' : ''}>
          <td><a href=${`#/requests/${e.seq}`} aria-label=${`Request ${e.seq}: ${e.method} ${e.path}, ${e.status}`}>${e.seq}</a></td>
          <td><time datetime=${isoTime(e.time)}>${clockTime(e.time)}</time></td>
          <td><code>${e.method} ${e.path}${e.query ? `?${e.query}` : ''}</code></td>
          <td><span class=${`status status-${statusClass(e.status)}`}>${e.status}</span></td></tr>`,
      )}</tbody></table></div>`
    }
  </section>`
}
