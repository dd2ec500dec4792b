import type { StatementKind } from '../model/outcomes/interpreters.ts'

/** How comments start in each interpreter's language (`line`) and whether `/* *\/` blocks exist. */
const COMMENTS: Readonly<Record<StatementKind, { line: readonly string[]; block: boolean }>> = {
  pyspark: { line: ['#'], block: false },
  sparkr: { line: ['#'], block: false },
  spark: { line: ['//'], block: true },
  sql: { line: ['--'], block: true },
}

const WORD = /[\p{L}\p{N}_$]/u

/**
 * The code with comments dropped and whitespace ignored, string literals kept as they are:
 * what replay matches on when the exact code was not recorded. Whitespace survives only as
 * one space between two word characters (`import os` must not become `importos`), so
 * `x=1  # set` and `x = 1` normalise alike.
 *
 * @example
 * normaliseCode('spark.range(10) .count()  # ten', 'pyspark') // 'spark.range(10).count()'
 */
export function normaliseCode(code: string, kind: StatementKind): string {
  const { line, block } = COMMENTS[kind]
  let out = ''
  let pendingSpace = false
  const emit = (text: string) => {
    if (pendingSpace && out.length > 0 && WORD.test(out.at(-1) ?? '') && WORD.test(text[0] ?? ''))
      out += ' '
    pendingSpace = false
    out += text
  }
  let i = 0
  while (i < code.length) {
    const c = code[i] as string
    if (/\s/.test(c)) {
      pendingSpace = true
      i++
      continue
    }
    const lineStart = line.find((m) => code.startsWith(m, i))
    if (lineStart) {
      const end = code.indexOf('\n', i)
      i = end < 0 ? code.length : end
      pendingSpace = true
      continue
    }
    if (block && code.startsWith('/*', i)) {
      const end = code.indexOf('*/', i + 2)
      i = end < 0 ? code.length : end + 2
      pendingSpace = true
      continue
    }
    if (c === '"' || c === "'" || c === '`') {
      // Python's and Scala's triple quotes, then a single-quoted literal with escapes.
      const quote = code.startsWith(c.repeat(3), i) && c !== '`' ? c.repeat(3) : c
      let j = i + quote.length
      while (j < code.length && !code.startsWith(quote, j)) j += code[j] === '\\' ? 2 : 1
      const end = Math.min(code.length, j + quote.length)
      emit(code.slice(i, end))
      i = end
      continue
    }
    emit(c)
    i++
  }
  return out
}
