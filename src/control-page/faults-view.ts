import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import {
  EMPTY_FAULT,
  FAULT_FIELDS,
  FAULT_TYPES,
  type FaultFields,
  faultJson,
} from './fault-form.ts'
import { describedBy, Field } from './field.ts'
import type { FaultListing } from './types.ts'

const LABELS: Record<string, [string, string?]> = {
  method: ['Method'],
  path: ['Path', 'a glob: /sessions, /sessions/*/statements'],
  status: ['Status'],
  body: ['Body'],
  delayMs: ['Delay (ms, real time)'],
  count: ['Count', 'how many requests it answers'],
  sessionId: ['Session id'],
  batchId: ['Batch id'],
  exitCode: ['Exit code'],
  reason: ['Reason', 'shown in the log'],
}

/** Faults: HTTP faults (each removable), model faults waiting, and a form for any type. */
export function FaultsView({
  faults,
  onAdd,
  onRemove,
  onClear,
}: {
  faults: FaultListing
  onAdd: (json: Record<string, unknown>) => Promise<unknown>
  onRemove: (id: number) => Promise<unknown>
  onClear: () => Promise<unknown>
}) {
  const [f, setF] = useState<FaultFields>(EMPTY_FAULT)
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({})
  const [refusal, setRefusal] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const set = (key: keyof FaultFields) => (e: Event) =>
    setF({ ...f, [key]: (e.target as HTMLInputElement).value })
  const submit = async (e: Event) => {
    e.preventDefault()
    const result = faultJson(f)
    if (!result.ok) {
      setErrors(result.errors)
      setRefusal(undefined)
      return
    }
    setErrors({})
    setBusy(true)
    try {
      await onAdd(result.json)
      setRefusal(undefined)
      setF({ ...EMPTY_FAULT, type: f.type })
    } catch (err) {
      setRefusal((err as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const control = (key: keyof FaultFields) => {
    const [label, hint] = LABELS[key] ?? [key]
    const id = `fault-${key}`
    if (key === 'method')
      return html`<${Field} id=${id} label=${label}><select id=${id} value=${f.method} onChange=${set('method')}>
        <option value="">any</option>${['GET', 'POST', 'DELETE', 'PUT'].map((m) => html`<option value=${m}>${m}</option>`)}</select></${Field}>`
    return html`<${Field} id=${id} label=${label} error=${errors[key]} hint=${hint}>
      <input ...${describedBy(id, errors[key], hint !== undefined)} value=${f[key]} onInput=${set(key)} />
    </${Field}>`
  }
  return html`<section aria-labelledby="view-title">
    <h2 id="view-title" tabindex="-1">Faults</h2>
    <h3>HTTP faults <span class="muted">(${faults.faults.length})</span></h3>
    ${
      faults.faults.length === 0
        ? html`<p class="empty">No HTTP fault.</p>`
        : html`<table class="list" aria-label="HTTP faults"><thead><tr><th scope="col">Id</th><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Status</th><th scope="col">Delay</th><th scope="col">Left</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>${faults.faults.map(
        (
          x,
        ) => html`<tr key=${x.id}><td>${x.id}</td><td>${String(x.method ?? 'any')}</td><td><code>${x.path}</code></td>
          <td>${String(x.status ?? '—')}</td><td>${x.delayMs !== undefined ? `${x.delayMs} ms` : '—'}</td>
          <td>${String(x.count ?? x.remaining ?? '∞')}</td>
          <td><button type="button" aria-label=${`Remove fault ${x.id}`} onClick=${() => onRemove(x.id)}>Remove</button></td></tr>`,
      )}</tbody></table>`
    }
    <h3>Model faults waiting <span class="muted">(${faults.pending.length})</span></h3>
    ${
      faults.pending.length === 0
        ? html`<p class="empty">None.</p>`
        : html`<ul>${faults.pending.map(
            (p) =>
              html`<li><strong>${String(p.type)}</strong>: ${String(p.reason ?? '')} (${String(p.remaining)} left)</li>`,
          )}</ul>`
    }
    ${
      faults.faults.length + faults.pending.length > 0
        ? html`<p><button type="button" onClick=${onClear}>Remove every fault</button></p>`
        : null
    }
    <h3 id="fault-form-title">Add a fault</h3>
    <form class="card" aria-labelledby="fault-form-title" onSubmit=${submit} novalidate>
      <${Field} id="fault-type" label="Type">
        <select id="fault-type" value=${f.type} onChange=${set('type')}>
          ${FAULT_TYPES.map((t) => html`<option value=${t}>${t}</option>`)}
        </select>
      </${Field}>
      <div class="row">${FAULT_FIELDS[f.type].map((k) => control(k as keyof FaultFields))}</div>
      ${refusal ? html`<p class="refusal" role="alert">The API refused the fault: ${refusal}</p>` : null}
      <button type="submit" disabled=${busy}>Add fault</button>
    </form>
  </section>`
}
