import { html } from 'htm/preact'

/**
 * A labelled form control with its error message tied to it (`aria-describedby`,
 * `aria-invalid`), so a screen reader says what is wrong when the field gets focus.
 *
 * @example
 * html`<${Field} id="rule-match" label="Code" error=${errors.match}><input id="rule-match" /></${Field}>`
 */
export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string
  label: string
  error?: string | undefined
  hint?: string
  children: unknown
}) {
  return html`<div class=${error ? 'field field-invalid' : 'field'}>
    <label for=${id}>${label}</label>
    ${children}
    ${hint ? html`<small id=${`${id}-hint`} class="hint">${hint}</small>` : null}
    ${error ? html`<small id=${`${id}-error`} class="field-error">${error}</small>` : null}
  </div>`
}

/** The attributes that tie a control to its {@link Field}'s hint and error. */
export function describedBy(id: string, error: string | undefined, hint = false) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return {
    id,
    'aria-invalid': error ? 'true' : 'false',
    ...(ids ? { 'aria-describedby': ids } : {}),
  }
}
