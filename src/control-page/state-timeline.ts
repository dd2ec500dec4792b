import { html } from 'htm/preact'
import { clockTime, duration, isoTime } from './format.ts'
import type { StateMark } from './types.ts'

/** Each mark with how long it lasted (the last one until `end`). */
export function spans(marks: readonly StateMark[], end: number) {
  return marks.map((m, i) => {
    const until = marks[i + 1]?.at ?? Math.max(end, m.at)
    return { state: m.state, at: m.at, ms: until - m.at, last: i === marks.length - 1 }
  })
}

/**
 * The states a session or batch went through on the virtual clock: a bar whose parts are as
 * long as each state lasted (decoration), and the same as a list (what assistive technology
 * reads).
 *
 * @example
 * html`<${StateTimeline} marks=${[{ state: 'starting', at: 0 }]} end=${1000} />`
 */
export function StateTimeline({
  marks,
  end,
  final = false,
}: {
  marks: readonly StateMark[]
  end: number
  /** The last state is for good (the session or batch finished). */
  final?: boolean
}) {
  if (marks.length === 0) return html`<p>No state recorded.</p>`
  const parts = spans(marks, end)
  const total = parts.reduce((t, p) => t + p.ms, 0) || 1
  return html`<div class="timeline">
    <div class="timeline-bar" aria-hidden="true">
      ${parts.map(
        (p) =>
          html`<span class=${`seg state-bg-${p.state}`} style=${{ flexGrow: Math.max(p.ms / total, 0.04) }} title=${`${p.state} ${duration(p.ms)}`}>${p.state}</span>`,
      )}
    </div>
    <ol class="timeline-list">
      ${parts.map(
        (p) =>
          html`<li><span class=${`state state-${p.state}`}>${p.state}</span> at <time datetime=${isoTime(p.at)}>${clockTime(p.at)}</time>, ${p.last ? (final ? 'final' : `for ${duration(p.ms)} so far`) : `for ${duration(p.ms)}`}</li>`,
      )}
    </ol>
  </div>`
}
