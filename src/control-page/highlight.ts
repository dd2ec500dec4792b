/** A piece of code and what it is, for colouring. */
export interface Token {
  readonly text: string
  readonly type: 'keyword' | 'string' | 'number' | 'comment' | 'plain'
}

const KEYWORDS: Record<string, ReadonlySet<string>> = {
  pyspark: new Set(
    'and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield None True False print'.split(
      ' ',
    ),
  ),
  spark: new Set(
    'abstract case catch class def do else extends false final finally for if implicit import lazy match new null object override package private protected return sealed super this throw trait true try type val var while with yield'.split(
      ' ',
    ),
  ),
  sql: new Set(
    'select from where group by order having limit join left right inner outer full cross on as and or not in is null like between case when then else end union all distinct insert into values update set delete create table view temporary temp drop show tables databases describe with asc desc count sum avg min max cast true false'.split(
      ' ',
    ),
  ),
  sparkr: new Set(
    'if else repeat while function for in next break TRUE FALSE NULL Inf NaN NA library print'.split(
      ' ',
    ),
  ),
}

const COMMENT: Record<string, string> = { pyspark: '#', sparkr: '#', spark: '//', sql: '--' }

/**
 * Splits `code` of a statement `kind` into tokens: comments, strings, numbers, keywords.
 * A lexer, not a parser: it only has to colour what a developer reads at a glance.
 *
 * @example
 * highlight('x = 1  # one', 'pyspark').map((t) => t.type) // ['plain', 'number', 'plain', 'comment']
 */
export function highlight(code: string, kind: string): Token[] {
  const keywords = KEYWORDS[kind] ?? KEYWORDS.pyspark ?? new Set<string>()
  const comment = COMMENT[kind] ?? '#'
  const escaped = comment.replace(/[/]/g, '\\/')
  const lexer = new RegExp(
    [
      `(${escaped}[^\\n]*${kind === 'spark' ? '|\\/\\*[\\s\\S]*?\\*\\/' : ''})`,
      `("""[\\s\\S]*?"""|'''[\\s\\S]*?'''|"(?:\\\\.|[^"\\\\\\n])*"|'(?:\\\\.|[^'\\\\\\n])*'${kind === 'sql' ? '|`[^`]*`' : ''})`,
      '(\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?[lLfFdD]?\\b)',
      '([A-Za-z_][A-Za-z0-9_]*)',
    ].join('|'),
    'g',
  )
  const tokens: Token[] = []
  const push = (text: string, type: Token['type']) => {
    const last = tokens[tokens.length - 1]
    if (last && last.type === type) tokens[tokens.length - 1] = { text: last.text + text, type }
    else tokens.push({ text, type })
  }
  let at = 0
  for (const m of code.matchAll(lexer)) {
    const index = m.index ?? 0
    if (index > at) push(code.slice(at, index), 'plain')
    const [text, com, str, num, word] = m
    if (com !== undefined) push(text, 'comment')
    else if (str !== undefined) push(text, 'string')
    else if (num !== undefined) push(text, 'number')
    else if (word !== undefined)
      push(text, keywords.has(kind === 'sql' ? word.toLowerCase() : word) ? 'keyword' : 'plain')
    at = index + text.length
  }
  if (at < code.length) push(code.slice(at), 'plain')
  return tokens
}
