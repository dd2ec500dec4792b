import { html } from 'htm/preact'

type Output = Record<string, unknown> | null | undefined

/** Cells as text: nulls shown as Spark shows them, nested values as JSON. */
const cell = (v: unknown): string =>
  v === null || v === undefined ? 'null' : typeof v === 'object' ? JSON.stringify(v) : String(v)

function Table({ headers, rows, label }: { headers: string[]; rows: unknown[][]; label: string }) {
  return html`<div class="table-scroll"><table class="result" aria-label=${label}>
    <thead><tr>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${rows.map((r) => html`<tr>${r.map((v) => html`<td>${cell(v)}</td>`)}</tr>`)}</tbody>
  </table></div>`
}

/**
 * Rows and column names of a tabular result, or undefined: Livy's `%table` magic
 * (`application/vnd.livy.table.v1+json`: `headers`, `data`) and a SQL result
 * (`application/json`: a Spark `schema` with `fields`, and `data`).
 *
 * @example
 * tableOf({ schema: { fields: [{ name: 'id' }] }, data: [[1]] }) // { headers: ['id'], rows: [[1]] }
 */
export function tableOf(value: unknown): { headers: string[]; rows: unknown[][] } | undefined {
  if (!value || typeof value !== 'object') return undefined
  const v = value as { headers?: unknown; schema?: { fields?: unknown }; data?: unknown }
  if (!Array.isArray(v.data) || !v.data.every(Array.isArray)) return undefined
  const columns = Array.isArray(v.headers) ? v.headers : v.schema?.fields
  if (!Array.isArray(columns)) return undefined
  return {
    headers: columns.map((c) => cell((c as { name?: unknown })?.name ?? c)),
    rows: v.data as unknown[][],
  }
}

/**
 * A statement's output as Livy's clients (sparkmagic, Zeppelin) render it: an error with its
 * traceback; otherwise each part of `data`, richest first: `image/png` as an image, tables,
 * other JSON pretty-printed, then `text/plain`. HTML is shown as source, never rendered: it
 * comes from statement code.
 *
 * @example
 * html`<${StatementOutput} output=${{ status: 'ok', data: { 'text/plain': '2' } }} label="#0" />`
 */
export function StatementOutput({ output, label }: { output: Output; label: string }) {
  if (!output) return null
  if (output.status === 'error') {
    const traceback = Array.isArray(output.traceback) ? (output.traceback as string[]) : []
    return html`<div class="output output-error" role="group" aria-label=${`${label} error`}>
      <p class="error-line"><strong>${cell(output.ename)}</strong>: ${cell(output.evalue)}</p>
      ${traceback.length > 0 ? html`<pre class="traceback">${traceback.join('')}</pre>` : null}
    </div>`
  }
  const data = (output.data ?? {}) as Record<string, unknown>
  const parts = []
  const png = data['image/png']
  if (typeof png === 'string')
    parts.push(
      html`<img class="output-image" src=${`data:image/png;base64,${png.replace(/\s+/g, '')}`} alt=${`${label} image output`} />`,
    )
  for (const type of ['application/vnd.livy.table.v1+json', 'application/json']) {
    if (!(type in data)) continue
    const table = tableOf(data[type])
    parts.push(
      table
        ? html`<${Table} ...${table} label=${`${label} result table`} />`
        : html`<pre class="output-json">${JSON.stringify(data[type], null, 2)}</pre>`,
    )
  }
  if (typeof data['text/html'] === 'string')
    parts.push(
      html`<pre class="output-text" title="text/html (shown as source)">${data['text/html']}</pre>`,
    )
  if (typeof data['text/plain'] === 'string')
    parts.push(html`<pre class="output-text">${data['text/plain']}</pre>`)
  return html`<div class="output" role="group" aria-label=${`${label} output`}>${parts}</div>`
}
