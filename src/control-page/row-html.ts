/** Markup whose every interpolated value was escaped by {@link rowHtml}: nothing else is. */
export type RowHtml = string & { readonly __rowHtml: true }

const SPECIAL = /[&<>"']/
const SPECIALS = /[&<>"']/g
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Text as it may stand in element content or a quoted attribute value.
 *
 * @example
 * escapeHtml('<b title="x">') // '&lt;b title=&quot;x&quot;&gt;'
 */
export function escapeHtml(text: string): string {
  // Most values (states, kinds, times) have nothing to escape: a test is cheaper than a replace.
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c] as string) : text
}

/**
 * A table row's markup from a template whose values are escaped (names, owners and files are
 * whatever clients sent). The template's own text is trusted: it is the page's source.
 *
 * @example
 * rowHtml`<tr><td>${session.name ?? ''}</td></tr>`
 */
export function rowHtml(
  strings: TemplateStringsArray,
  ...values: readonly (string | number)[]
): RowHtml {
  let out = strings[0] as string
  for (let i = 0; i < values.length; i++) {
    const value = values[i]
    out +=
      (typeof value === 'number' ? String(value) : escapeHtml(value as string)) + strings[i + 1]
  }
  return out as RowHtml
}
