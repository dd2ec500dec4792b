/** Narrowest a value column gets, whatever the width asked for. */
const MIN_VALUE_WIDTH = 16
const GAP = '  '

/**
 * Splits `text` into lines of at most `width` characters without losing any: a line breaks
 * after the last space, comma or colon in its second half when there is one (JSON and log text
 * read better that way), else exactly at `width`. Newlines in `text` always break.
 *
 * @example
 * wrapText('{"a":1,"b":2}', 8) // ['{"a":1,', '"b":2}']
 */
export function wrapText(text: string, width: number): string[] {
  const size = Math.max(1, Math.floor(width))
  const out: string[] = []
  for (const line of text.split('\n')) {
    let rest = line
    while (rest.length > size) {
      const window = rest.slice(0, size)
      const soft = Math.max(
        window.lastIndexOf(' '),
        window.lastIndexOf(','),
        window.lastIndexOf(':'),
      )
      const cut = soft >= size / 2 ? soft + 1 : size
      out.push(rest.slice(0, cut))
      rest = rest.slice(cut)
    }
    out.push(rest)
  }
  return out
}

/**
 * Rows of three cells (a label, then the two sides) as aligned columns fitting `width`: the
 * label column as wide as its longest label (at most a third of the width), the two value
 * columns sharing the rest. Cells that do not fit wrap onto more lines; nothing is cut.
 *
 * @example
 * renderSideBySide([['$.state', '"idle"', '"busy"']], { header: ['field', 'A', 'B'], width: 60 })
 * // ['field    A       B', '$.state  "idle"  "busy"']
 */
export function renderSideBySide(
  rows: readonly (readonly [string, string, string])[],
  options: { readonly header: readonly [string, string, string]; readonly width: number },
): string[] {
  const all = [options.header, ...rows]
  const longest = (i: number) =>
    Math.max(...all.map((r) => Math.max(...(r[i] ?? '').split('\n').map((l) => l.length))))
  const labelWidth = Math.max(
    options.header[0].length,
    Math.min(longest(0), Math.floor(options.width / 3)),
  )
  const room = Math.max(2 * MIN_VALUE_WIDTH, options.width - labelWidth - 2 * GAP.length)
  // The first value column needs no more than its longest value; the second gets the rest.
  const aWidth = Math.max(MIN_VALUE_WIDTH, Math.min(longest(1), Math.floor(room / 2)))
  const bWidth = Math.max(MIN_VALUE_WIDTH, room - aWidth)
  const out: string[] = []
  for (const [label, a, b] of all) {
    const cells = [wrapText(label, labelWidth), wrapText(a, aWidth), wrapText(b, bWidth)]
    const height = Math.max(...cells.map((c) => c.length))
    for (let i = 0; i < height; i++) {
      const line = [
        (cells[0]?.[i] ?? '').padEnd(labelWidth),
        (cells[1]?.[i] ?? '').padEnd(aWidth),
        cells[2]?.[i] ?? '',
      ].join(GAP)
      out.push(line.trimEnd())
    }
  }
  return out
}
