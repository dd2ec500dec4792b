import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * Reads `livy.conf` as Livy does (java.util.Properties: `key = value`, `key: value` or
 * `key value`; `#` and `!` start comments; a trailing backslash continues the line;
 * `\\t`, `\\n`, `\\uXXXX` escapes).
 *
 * @example
 * parseLivyConf('livy.spark.master = yarn\n# a comment\n') // [['livy.spark.master', 'yarn']]
 */
export function parseLivyConf(text: string): [string, string][] {
  const entries: [string, string][] = []
  const lines = text.split(/\r\n|\r|\n/)
  for (let i = 0; i < lines.length; i++) {
    let line = (lines[i] ?? '').replace(/^[ \t\f]+/, '')
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue
    // An odd number of trailing backslashes joins the next line (its leading blanks dropped).
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + (lines[++i] ?? '').replace(/^[ \t\f]+/, '')
    }
    let k = 0
    let key = ''
    for (; k < line.length; k++) {
      const c = line[k] as string
      if (c === '\\') {
        key += line.slice(k, k + 2)
        k++
      } else if (c === '=' || c === ':' || c === ' ' || c === '\t' || c === '\f') break
      else key += c
    }
    let rest = line.slice(k).replace(/^[ \t\f]*/, '')
    if (rest.startsWith('=') || rest.startsWith(':')) rest = rest.slice(1).replace(/^[ \t\f]*/, '')
    entries.push([unescapeProperty(key), unescapeProperty(rest)])
  }
  return entries
}

function unescapeProperty(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e.length === 5) return String.fromCharCode(Number.parseInt(e.slice(1), 16))
    return e === 't' ? '\t' : e === 'n' ? '\n' : e === 'r' ? '\r' : e === 'f' ? '\f' : e
  })
}

/**
 * `spark-blacklist.conf` as Livy reads it: one key per line, `#` comments, blanks ignored.
 *
 * @example
 * parseSparkBlacklist('# no\nspark.master\n\nspark.submit.deployMode\n') // ['spark.master', 'spark.submit.deployMode']
 */
export function parseSparkBlacklist(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
}

/**
 * A Livy conf directory's settings for the emulator: `livy.conf`, and `spark-blacklist.conf`
 * beside it when there is one (as `livy-emulator.spark-blacklist`). Throws with the file named
 * when it cannot be read.
 *
 * @example
 * readLivyConfFile('/etc/livy/conf/livy.conf') // [['livy.spark.master', 'yarn'], …]
 */
export function readLivyConfFile(path: string): [string, string][] {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    throw new Error(
      `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    )
  }
  const entries = parseLivyConf(text)
  const blacklist = join(dirname(path), 'spark-blacklist.conf')
  if (existsSync(blacklist)) {
    entries.push([
      'livy-emulator.spark-blacklist',
      parseSparkBlacklist(readFileSync(blacklist, 'utf8')).join(','),
    ])
  }
  return entries
}
