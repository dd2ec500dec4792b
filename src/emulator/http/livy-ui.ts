import type { LivyModel, SessionView } from '../model/livy-model.ts'
import type { EdgeRequest, EdgeResponse } from './types.ts'

/**
 * Livy's web UI at `/ui` (where `GET /` redirects): the sessions and batches pages, a
 * session's statements, and each one's log, as plain server-rendered HTML (no script, so the
 * security headers' Content-Security-Policy holds). Each page links to the emulator's own
 * control page, `/__emulator`, which shows and steers much more.
 */

const escapeHtml = (text: unknown): string =>
  String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

const page = (title: string, body: string): string =>
  `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)} - Livy</title></head>
<body>
<nav><a href="/ui">Livy</a> · <a href="/__emulator">control page (livy-emulator)</a></nav>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`

const table = (caption: string, head: readonly string[], rows: readonly string[][]): string =>
  rows.length === 0
    ? `<h2>${escapeHtml(caption)}</h2>\n<p>None.</p>`
    : `<table>\n<caption>${escapeHtml(caption)}</caption>\n<thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}\n</tbody>\n</table>`

function home(model: LivyModel): string {
  const sessions = model
    .listSessions(0, 100_000)
    .items.map((v) => [
      `<a href="/ui/session/${v.record.id}">${v.record.id}</a>`,
      escapeHtml(v.record.appId ?? ''),
      escapeHtml(v.record.name ?? ''),
      escapeHtml(v.record.owner ?? ''),
      escapeHtml(v.record.proxyUser ?? ''),
      escapeHtml(v.record.kind),
      escapeHtml(v.state),
      `<a href="/ui/session/${v.record.id}/log">session</a>`,
    ])
  const batches = model
    .listBatches(0, 100_000)
    .items.map((v) => [
      String(v.record.id),
      escapeHtml(v.record.appId ?? ''),
      escapeHtml(v.record.name ?? ''),
      escapeHtml(v.record.owner ?? ''),
      escapeHtml(v.record.proxyUser ?? ''),
      escapeHtml(v.record.state),
      `<a href="/ui/batch/${v.record.id}/log">session</a>`,
    ])
  return page(
    'Livy sessions',
    `${table(
      'Interactive Sessions',
      [
        'Session Id',
        'Application Id',
        'Name',
        'Owner',
        'Proxy User',
        'Session Kind',
        'State',
        'Logs',
      ],
      sessions,
    )}\n${table(
      'Batch Sessions',
      ['Batch Id', 'Application Id', 'Name', 'Owner', 'Proxy User', 'State', 'Logs'],
      batches,
    )}`,
  )
}

function session(model: LivyModel, record: SessionView): string {
  const id = record.record.id
  let statements: string
  try {
    const list = model.listStatements(record.record, undefined, undefined, undefined)
    statements = table(
      'Statements',
      ['Id', 'Code', 'State', 'Output'],
      list.statements.map((s) => [
        String(s.id),
        `<pre><code>${escapeHtml(s.code)}</code></pre>`,
        escapeHtml(s.state),
        `<pre>${escapeHtml(s.output ?? '')}</pre>`,
      ]),
    )
  } catch {
    statements = '<p>The session has no running interpreter: no statements to show.</p>'
  }
  return page(
    `Session ${id}`,
    `<p>Kind ${escapeHtml(record.record.kind)}, state ${escapeHtml(record.state)}, owner ${escapeHtml(record.record.owner ?? '(none)')}. <a href="/ui/session/${id}/log">Log</a>.</p>\n${statements}`,
  )
}

function log(title: string, lines: readonly string[]): string {
  return page(title, `<pre>${escapeHtml(lines.join('\n'))}</pre>`)
}

/**
 * The UI page for `request`, or `undefined` when its path is not one (or `livy.ui.enabled`
 * is false, as on a Livy started without its UI).
 *
 * @example
 * livyUi(model, request, (status, html) => ({ status, headers: [], body: html }))
 */
export function livyUi(
  model: LivyModel,
  request: EdgeRequest,
  respond: (status: number, html: string) => EdgeResponse,
): EdgeResponse | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined
  if ((model.config.raw['livy.ui.enabled'] ?? 'true').trim().toLowerCase() === 'false')
    return undefined
  const path = request.path.replace(/\/$/, '')
  if (path === '/ui') return respond(200, home(model))
  const m = /^\/ui\/(session|batch)\/(\d{1,9})(\/log)?$/.exec(path)
  if (!m) return undefined
  const id = Number(m[2])
  if (m[1] === 'session') {
    const views = model.listSessions(0, 100_000).items
    const view = views.find((v) => v.record.id === id)
    if (!view) return respond(404, page('Not found', `<p>Session ${id} does not exist.</p>`))
    if (m[3])
      return respond(200, log(`Session ${id} log`, model.sessionLog(view.record, 0, 100_000).log))
    return respond(200, session(model, view))
  }
  const batch = model.listBatches(0, 100_000).items.find((v) => v.record.id === id)
  if (!batch || !m[3]) return respond(404, page('Not found', `<p>Batch ${id} does not exist.</p>`))
  return respond(200, log(`Batch ${id} log`, model.batchLog(batch.record, 0, 100_000).log))
}
