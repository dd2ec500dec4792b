import { html } from 'htm/preact'
import { CodeBlock } from './code-block.ts'
import { clockTime, duration, isoTime } from './format.ts'
import { StateTimeline } from './state-timeline.ts'
import { StatementOutput } from './statement-output.ts'
import type { SessionSnapshot, StatementSnapshot } from './types.ts'

const FINISHED = new Set(['error', 'dead', 'killed', 'success'])

function Statement({ s, sessionId }: { s: StatementSnapshot; sessionId: number }) {
  const label = `Statement ${s.id}`
  const took = s.completed > 0 && s.started > 0 ? duration(s.completed - s.started) : null
  return html`<li class="statement" id=${`statement-${sessionId}-${s.id}`}>
    <header>
      <h4>${label}</h4>
      <span class=${`state state-${s.state}`}>${s.state}</span>
      <span class="muted">${s.kind}${took ? ` · ran ${took}` : ''}</span>
    </header>
    <${CodeBlock} code=${s.code} kind=${s.kind} />
    <${StatementOutput} output=${s.output as Record<string, unknown> | null} label=${label} />
  </li>`
}

/** A session's page: what it is, its states on the virtual clock, its statements and its log. */
export function SessionView({
  session,
  id,
  now,
}: {
  session: SessionSnapshot | undefined
  id: string
  now: number
}) {
  if (!session)
    return html`<section aria-labelledby="view-title"><h2 id="view-title" tabindex="-1">Session ${id}</h2>
      <p>There is no session ${id} (deleted, expired, or the emulator was reset). <a href="#/sessions">All sessions</a></p></section>`
  const finished = FINISHED.has(session.state)
  const end = finished && session.finishedAt !== null ? session.finishedAt : now
  const facts: [string, unknown][] = [
    ['State', html`<span class=${`state state-${session.state}`}>${session.state}</span>`],
    ['Kind', session.kind],
    ['Name', session.name ?? '—'],
    ['Owner', session.owner ?? '—'],
    ['Proxy user', session.proxyUser ?? '—'],
    ['Application', session.appId ?? '—'],
    [
      'Server state',
      `${session.serverState}${session.replState ? ` (REPL ${session.replState})` : ''}`,
    ],
    [
      'Created',
      html`<time datetime=${isoTime(session.createdAt)}>${clockTime(session.createdAt)}</time>`,
    ],
  ]
  return html`<section aria-labelledby="view-title">
    <p><a href="#/sessions">← All sessions</a></p>
    <h2 id="view-title" tabindex="-1">Session ${session.id}${session.name ? ` — ${session.name}` : ''}</h2>
    <dl class="facts">${facts.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>
    <h3>State timeline</h3>
    <${StateTimeline} marks=${session.history} end=${end} final=${finished} />
    <h3>Statements <span class="muted">(${session.statements.length})</span></h3>
    ${
      session.statements.length === 0
        ? html`<p class="empty">No statement yet.</p>`
        : html`<ol class="statements" aria-label="Statements">${session.statements.map(
            (s) => html`<${Statement} key=${s.id} s=${s} sessionId=${session.id} />`,
          )}</ol>`
    }
    <h3>Log</h3>
    <pre class="log" tabindex="0" aria-label=${`Log of session ${session.id}`}>${session.log.join('\n')}</pre>
  </section>`
}
