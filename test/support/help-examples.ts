/** A command line from the `Examples:` section of a CLI's `--help`. */
export interface HelpExample {
  /** The line as printed (without its comment). */
  readonly line: string
  /** `NAME=value` assignments in front of the command. */
  readonly env: Readonly<Record<string, string>>
  /** The arguments after the program name. */
  readonly args: readonly string[]
}

/**
 * Shell words of a line: single and double quotes group (and are dropped), an unquoted `#`
 * after a space starts a comment. Enough for help examples, which use nothing else.
 *
 * @example
 * shellWords(`a 'b c' "d" # note`) // ['a', 'b c', 'd']
 */
export function shellWords(line: string): string[] {
  const words: string[] = []
  let word: string | undefined
  let quote: "'" | '"' | undefined
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string
    if (quote) {
      if (c === quote) quote = undefined
      else word += c
    } else if (c === "'" || c === '"') {
      quote = c
      word ??= ''
    } else if (c === '#' && word === undefined) {
      break
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word)
      word = undefined
    } else {
      word = (word ?? '') + c
    }
  }
  if (quote) throw new Error(`unterminated quote in ${JSON.stringify(line)}`)
  if (word !== undefined) words.push(word)
  return words
}

/**
 * The command lines of the `Examples:` section of `help` (indented lines up to the next blank
 * line), for `program`.
 *
 * @example
 * helpExamples('Examples:\n  FOO=1 tool --x\n', 'tool') // [{ line: 'FOO=1 tool --x', env: { FOO: '1' }, args: ['--x'] }]
 */
export function helpExamples(help: string, program: string): HelpExample[] {
  const lines = help.split('\n')
  const start = lines.indexOf('Examples:')
  if (start < 0) throw new Error('the help has no Examples: section')
  const out: HelpExample[] = []
  for (const raw of lines.slice(start + 1)) {
    if (raw.trim() === '') break
    const words = shellWords(raw)
    const at = words.indexOf(program)
    if (at < 0) throw new Error(`an example that does not run ${program}: ${raw}`)
    const env: Record<string, string> = {}
    for (const assignment of words.slice(0, at)) {
      const eq = assignment.indexOf('=')
      if (eq <= 0) throw new Error(`not NAME=value before ${program}: ${raw}`)
      env[assignment.slice(0, eq)] = assignment.slice(eq + 1)
    }
    out.push({ line: raw.replace(/\s+#.*$/, '').trim(), env, args: words.slice(at + 1) })
  }
  return out
}
