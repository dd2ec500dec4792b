import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { describedBy, Field } from './field.ts'
import { EMPTY_RULE, type RuleFields, ruleJson } from './rule-form.ts'
import type { RuleListing } from './types.ts'

/** A rule's matcher as one line (`contains "x"`, `/re/i`, the exact code). */
export function matcherText(m: unknown): string {
  if (typeof m === 'string')
    return m === '<function>' ? 'a function (added in code)' : `= ${JSON.stringify(m)}`
  if (m && typeof m === 'object') {
    const o = m as { regex?: string; flags?: string; contains?: string }
    if (o.regex !== undefined) return `/${o.regex}/${o.flags ?? ''}`
    if (o.contains !== undefined) return `contains ${JSON.stringify(o.contains)}`
  }
  return JSON.stringify(m)
}

/** What the rule answers, in a few words. */
function answerText(r: RuleListing): string {
  if (r.job !== undefined)
    return r.exception
      ? `throws ${(r.exception as { class?: string }).class}`
      : `result ${JSON.stringify(r.result ?? null)}`
  if (r.error) return `error ${(r.error as { ename?: string }).ename}`
  if (r.abort !== undefined) return `aborts: ${String(r.abort)}`
  if (r.respond) return 'computed (a function)'
  if (r.output) return `output ${Object.keys(r.output as object).join(', ')}`
  return 'evaluates the code'
}

/** Outcome rules: the list (newest wins), remove, and a form that validates like the API. */
export function RulesView({
  rules,
  onAdd,
  onRemove,
}: {
  rules: readonly RuleListing[]
  onAdd: (json: Record<string, unknown>) => Promise<unknown>
  onRemove: (id: number) => Promise<unknown>
}) {
  const [f, setF] = useState<RuleFields>(EMPTY_RULE)
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({})
  const [refusal, setRefusal] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const set = (key: keyof RuleFields) => (e: Event) =>
    setF({ ...f, [key]: (e.target as HTMLInputElement).value })
  const submit = async (e: Event) => {
    e.preventDefault()
    const result = ruleJson(f)
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
      setF(EMPTY_RULE)
    } catch (err) {
      setRefusal((err as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const input = (
    key: keyof RuleFields,
    label: string,
    extra: Record<string, unknown> = {},
    hint?: string,
  ) =>
    html`<${Field} id=${`rule-${key}`} label=${label} error=${errors[key]} hint=${hint}>
      <input ...${describedBy(`rule-${key}`, errors[key], hint !== undefined)} value=${f[key]} onInput=${set(key)} ...${extra} />
    </${Field}>`
  const area = (key: keyof RuleFields, label: string) =>
    html`<${Field} id=${`rule-${key}`} label=${label} error=${errors[key]}>
      <textarea ...${describedBy(`rule-${key}`, errors[key])} rows="3" value=${f[key]} onInput=${set(key)}></textarea>
    </${Field}>`
  return html`<section aria-labelledby="view-title">
    <h2 id="view-title" tabindex="-1">Outcome rules</h2>
    <p class="muted">The newest matching rule answers a statement; without one, the code is evaluated.</p>
    ${
      rules.length === 0
        ? html`<p class="empty">No rule.</p>`
        : html`<table class="list" aria-label="Outcome rules"><thead><tr><th scope="col">Id</th><th scope="col">Matches</th><th scope="col">Kind</th><th scope="col">Session</th><th scope="col">Answer</th><th scope="col">Used</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>${[...rules].reverse().map(
        (
          r,
        ) => html`<tr key=${r.id}><td>${r.id}</td><td><code>${matcherText(r.job ?? r.match)}</code>${r.job !== undefined ? html` <span class="muted">(job)</span>` : null}</td>
          <td>${Array.isArray(r.kind) ? r.kind.join(', ') : ((r.kind as string | undefined) ?? 'any')}</td>
          <td>${r.sessionId ?? 'any'}</td><td>${answerText(r)}</td>
          <td>${r.used}${r.times !== undefined ? ` of ${r.times}` : ''}</td>
          <td><button type="button" aria-label=${`Remove rule ${r.id}`} onClick=${() => onRemove(r.id)}>Remove</button></td></tr>`,
      )}</tbody></table>`
    }
    <h3 id="rule-form-title">Add a rule</h3>
    <form class="card" aria-labelledby="rule-form-title" onSubmit=${submit} novalidate>
      <div class="row">
        <${Field} id="rule-matchBy" label="Match code by">
          <select id="rule-matchBy" value=${f.matchBy} onChange=${set('matchBy')}>
            <option value="contains">containing</option><option value="exact">exact code</option><option value="regex">regular expression</option>
          </select>
        </${Field}>
        ${input('match', f.matchBy === 'regex' ? 'Pattern' : 'Code', { class: 'wide' })}
        ${f.matchBy === 'regex' ? input('flags', 'Flags', { size: 4 }) : null}
      </div>
      <div class="row">
        <${Field} id="rule-kind" label="Kind">
          <select id="rule-kind" value=${f.kind} onChange=${set('kind')}>
            <option value="">any</option>${['pyspark', 'spark', 'sql', 'sparkr'].map((k) => html`<option value=${k}>${k}</option>`)}
          </select>
        </${Field}>
        ${input('sessionId', 'Session id', { inputmode: 'numeric', size: 6 }, 'empty: any session')}
        ${input('durationMs', 'Runs for (ms)', { inputmode: 'numeric', size: 8 }, 'virtual time')}
        ${input('times', 'Times', { inputmode: 'numeric', size: 5 }, 'empty: always')}
      </div>
      <${Field} id="rule-answer" label="Answer with">
        <select id="rule-answer" value=${f.answer} onChange=${set('answer')}>
          <option value="text">text output</option><option value="json">JSON output (a table with schema and data)</option>
          <option value="error">an error</option><option value="abort">an abort</option>
        </select>
      </${Field}>
      ${f.answer === 'text' ? area('text', 'Text (text/plain)') : null}
      ${f.answer === 'json' ? area('json', 'JSON (application/json)') : null}
      ${f.answer === 'error' ? html`<div class="row">${input('ename', 'Error name')}${input('evalue', 'Error value', { class: 'wide' })}</div>${area('traceback', 'Traceback')}` : null}
      ${f.answer === 'abort' ? input('abort', 'Abort message', { class: 'wide' }) : null}
      ${refusal ? html`<p class="refusal" role="alert">The API refused the rule: ${refusal}</p>` : null}
      <button type="submit" disabled=${busy}>Add rule</button>
    </form>
  </section>`
}
