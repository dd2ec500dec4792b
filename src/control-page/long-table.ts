import { html } from 'htm/preact'
import { useLayoutEffect, useRef } from 'preact/hooks'
import type { RowHtml } from './row-html.ts'

/**
 * Rows per `<tbody>`: each group is one box the browser may skip while it is off screen
 * (styles.css, `table.long tbody`, counts on this number). Groups of 25 to 50 rows drew
 * 1,000 rows with a third of the style and layout work that one box per row took.
 */
const GROUP = 50

interface Drawn {
  html: RowHtml
  row: HTMLTableRowElement
}

/** One row's markup as an element (a template parses `<tr>` outside a table). */
function parseRow(markup: RowHtml): HTMLTableRowElement {
  const template = document.createElement('template')
  template.innerHTML = markup
  return template.content.firstElementChild as HTMLTableRowElement
}

/**
 * Brings `drawn` (what is on screen) to `fresh` in place: only the cells that differ are
 * swapped, so a focused link in an unchanged cell keeps the focus through a live update.
 */
function patchRow(drawn: HTMLTableRowElement, fresh: HTMLTableRowElement): void {
  if (drawn.className !== fresh.className) drawn.className = fresh.className
  const cells = [...fresh.children]
  cells.forEach((cell, i) => {
    const old = drawn.children[i]
    if (!old) drawn.append(cell)
    else if (!old.isEqualNode(cell)) old.replaceWith(cell)
  })
  while (drawn.children.length > cells.length) drawn.lastElementChild?.remove()
}

/** Makes `table`'s row groups hold the rows of `items`, in order, reusing those drawn. */
function syncRows<T>(
  table: HTMLTableElement,
  drawn: Map<string, Drawn>,
  items: readonly T[],
  keyOf: (item: T) => string,
  row: (item: T) => RowHtml,
): Map<string, Drawn> {
  const next = new Map<string, Drawn>()
  const groups = table.tBodies
  const count = Math.ceil(items.length / GROUP)
  if (drawn.size === 0 && groups.length === 0) {
    // The first fill is one parse of all the rows: the browser's HTML parser builds them many
    // times faster than script creating each element, on a page whose script is not yet warm.
    const markup = items.map(row)
    let text = ''
    for (let g = 0; g < count; g++)
      text += `<tbody>${markup.slice(g * GROUP, (g + 1) * GROUP).join('')}</tbody>`
    table.insertAdjacentHTML('beforeend', text)
    let i = 0
    for (const group of groups) {
      for (const element of group.rows) {
        next.set(keyOf(items[i] as T), { html: markup[i] as RowHtml, row: element })
        i++
      }
    }
  } else {
    while (groups.length < count) table.append(document.createElement('tbody'))
    for (let g = 0; g < count; g++) {
      const group = groups[g] as HTMLTableSectionElement
      let cursor = group.firstChild
      for (let i = g * GROUP; i < Math.min(items.length, (g + 1) * GROUP); i++) {
        const item = items[i] as T
        const key = keyOf(item)
        const markup = row(item)
        let entry = drawn.get(key)
        if (!entry) entry = { html: markup, row: parseRow(markup) }
        else if (entry.html !== markup) {
          patchRow(entry.row, parseRow(markup))
          entry.html = markup
        }
        next.set(key, entry)
        if (entry.row === cursor) cursor = cursor.nextSibling
        else group.insertBefore(entry.row, cursor)
      }
      // What is left after the group's last row belongs further down, or is no longer listed
      // (filtered out or gone): a later group takes back what it lists.
      while (cursor) {
        const after: ChildNode | null = cursor.nextSibling
        cursor.remove()
        cursor = after
      }
    }
    while (groups.length > count) groups[groups.length - 1]?.remove()
  }
  // The last group's size while it is skipped: its own number of rows, not a full group's.
  for (const group of groups) group.style.removeProperty('--rows')
  const last = groups[groups.length - 1]
  if (last) last.style.setProperty('--rows', String(items.length - (count - 1) * GROUP))
  return next
}

/**
 * A table for a list that may hold thousands of rows (sessions, batches): its rows are written
 * as markup into the DOM, keyed, instead of through Preact's virtual DOM, which costs several
 * times more for the first render of 1,000 rows; and they come in groups the browser skips
 * while off screen (docs/decisions/0031). Updates touch only the rows whose markup changed, and
 * move or drop the others. `row` must draw an item from the item alone: a list that is the
 * same array as before is not drawn again.
 *
 * @example
 * html`<${LongTable} label="Sessions" class="list long sessions" head=${html`<tr><th scope="col">Id</th></tr>`}
 *   items=${sessions} keyOf=${(s) => String(s.id)} row=${(s) => rowHtml`<tr><td>${s.id}</td></tr>`} />`
 */
export function LongTable<T>({
  label,
  class: className,
  head,
  items,
  keyOf,
  row,
}: {
  label: string
  class: string
  head: unknown
  items: readonly T[]
  keyOf: (item: T) => string
  row: (item: T) => RowHtml
}) {
  const table = useRef<HTMLTableElement>(null)
  const drawn = useRef(new Map<string, Drawn>())
  // Before the browser paints: the rows belong to the same frame as the rest of the view.
  useLayoutEffect(() => {
    if (table.current) drawn.current = syncRows(table.current, drawn.current, items, keyOf, row)
  }, [items])
  // Preact owns the head only; the row groups after it are this component's.
  return html`<table class=${className} aria-label=${label} ref=${table}><thead>${head}</thead></table>`
}
