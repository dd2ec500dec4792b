import { html } from 'htm/preact'
import { useMemo, useState } from 'preact/hooks'
import { clockOfIso, clockTime, isoTime } from './format.ts'
import { LongTable } from './long-table.ts'
import { rowHtml } from './row-html.ts'
import { StateTimeline } from './state-timeline.ts'
import type { BatchSnapshot } from './types.ts'

const BATCHES_HEAD = html`<tr><th scope="col">Id</th><th scope="col">Name</th><th scope="col">State</th><th scope="col">File</th><th scope="col">Application</th><th scope="col">Created</th></tr>`
const batchKey = (b: BatchSnapshot) => String(b.id)

/** One row of the list, drawn as markup like the sessions' (the list may be as long). */
function batchRow(b: BatchSnapshot) {
  const created = isoTime(b.createdAt)
  return rowHtml`<tr><td><a href="#/batches/${b.id}" aria-label="Batch ${b.id}">${b.id}</a></td><td>${b.name ?? ''}</td><td><span class="state state-${b.state}">${b.state}</span></td><td><code>${b.file ?? ''}</code></td><td>${b.appId ?? ''}</td><td><time datetime="${created}">${clockOfIso(created)}</time></td></tr>`
}

/** Batches with a state filter and a text search (id, name, file, app id). */
export function BatchesView({ batches }: { batches: readonly BatchSnapshot[] }) {
  const [text, setText] = useState('')
  const [state, setState] = useState('')
  const shown = useMemo(() => {
    const t = text.trim().toLowerCase()
    return batches.filter(
      (b) =>
        (state === '' || b.state === state) &&
        (t === '' ||
          [String(b.id), b.name, b.file, b.appId].some((v) => (v ?? '').toLowerCase().includes(t))),
    )
  }, [batches, text, state])
  const states = [...new Set(batches.map((b) => b.state))].sort()
  return html`<section aria-labelledby="view-title">
    <h2 id="view-title" tabindex="-1">Batches</h2>
    <form class="filters" role="search" aria-label="Filter batches" onSubmit=${(e: Event) => e.preventDefault()}>
      <div class="field"><label for="batch-text">Search</label>
        <input id="batch-text" type="search" placeholder="id, name, file, app id" value=${text}
          onInput=${(e: Event) => setText((e.target as HTMLInputElement).value)} /></div>
      <div class="field"><label for="batch-state">State</label>
        <select id="batch-state" value=${state} onChange=${(e: Event) => setState((e.target as HTMLSelectElement).value)}>
          <option value="">any</option>${states.map((s) => html`<option value=${s}>${s}</option>`)}
        </select></div>
    </form>
    <p class="count" aria-live="polite">${shown.length} of ${batches.length} batches</p>
    ${
      batches.length === 0
        ? html`<p class="empty">No batch yet. Submit one with <code>POST /batches</code>.</p>`
        : html`<div class="table-scroll"><${LongTable} label="Batches" class="list long batches" head=${BATCHES_HEAD}
            items=${shown} keyOf=${batchKey} row=${batchRow} /></div>`
    }
  </section>`
}

/** One batch: its timeline and its log. */
export function BatchView({
  batch,
  id,
  now,
}: {
  batch: BatchSnapshot | undefined
  id: string
  now: number
}) {
  if (!batch)
    return html`<section aria-labelledby="view-title"><h2 id="view-title" tabindex="-1">Batch ${id}</h2>
      <p>There is no batch ${id}. <a href="#/batches">All batches</a></p></section>`
  const final = batch.finishedAt !== null
  return html`<section aria-labelledby="view-title">
    <p><a href="#/batches">← All batches</a></p>
    <h2 id="view-title" tabindex="-1">Batch ${batch.id}${batch.name ? ` — ${batch.name}` : ''}</h2>
    <dl class="facts">
      <div><dt>State</dt><dd><span class=${`state state-${batch.state}`}>${batch.state}</span></dd></div>
      <div><dt>File</dt><dd><code>${batch.file ?? '—'}</code></dd></div>
      <div><dt>Application</dt><dd>${batch.appId ?? '—'}</dd></div>
      <div><dt>Created</dt><dd>${clockTime(batch.createdAt)}</dd></div>
    </dl>
    <h3>State timeline</h3>
    <${StateTimeline} marks=${batch.history} end=${final ? (batch.finishedAt ?? now) : now} final=${final} />
    <h3>Log</h3>
    <pre class="log" tabindex="0" aria-label=${`Log of batch ${batch.id}`}>${batch.log.join('\n')}</pre>
  </section>`
}
