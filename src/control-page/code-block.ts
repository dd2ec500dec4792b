import { html } from 'htm/preact'
import { highlight } from './highlight.ts'

/**
 * A statement's code, coloured by kind (the colours are decoration; the text reads the same
 * without them).
 *
 * @example
 * html`<${CodeBlock} code="1 + 1" kind="pyspark" />`
 */
export function CodeBlock({ code, kind }: { code: string; kind: string }) {
  return html`<pre class="code"><code>${highlight(code, kind).map((t) =>
    t.type === 'plain' ? t.text : html`<span class=${`tok-${t.type}`}>${t.text}</span>`,
  )}</code></pre>`
}
