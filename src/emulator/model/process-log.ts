/**
 * The output of a spark-submit process as Livy shows it: a `stdout: ` header, the stdout lines,
 * a `\nstderr: ` header and the stderr lines, each stream keeping only its last
 * `livy.cache-log.size` lines. Batches merge stderr into stdout, so their stderr part is empty.
 */
export interface ProcessLog {
  out(line: string): void
  err(line: string): void
  /** Extra trailing section such as `\nYARN Diagnostics: `. */
  diagnostics(header: string, lines: readonly string[]): void
  lines(): string[]
  /** The last `n` of {@link lines} without building them all (the `log` field). */
  tail(n: number): string[]
  /** Grows with every write: lets serialisers reuse what they wrote last time. */
  readonly version: number
}

/**
 * Lines are built from template literals: V8 keeps those as trees of string pieces, several
 * times the size of the text. Converting to a number flattens a string in place (the value is
 * thrown away), so a log holding thousands of lines costs what its text costs.
 */
const flatten = (line: string): string => {
  void Number(line)
  return line
}

/**
 * @example
 * const log = createProcessLog(200)
 * log.err('INFO SparkContext: Running Spark version 3.5.6')
 * log.lines() // ['stdout: ', '\nstderr: ', 'INFO SparkContext: …']
 */
export function createProcessLog(cap: number, mergeErrIntoOut = false): ProcessLog {
  const stdout: string[] = []
  const stderr: string[] = []
  let extra: { header: string; lines: string[] } | null = null
  let version = 0
  const push = (stream: string[], line: string): void => {
    version++
    stream.push(flatten(line))
    if (stream.length > cap) stream.splice(0, stream.length - cap)
  }
  return {
    out: (line) => push(stdout, line),
    err: (line) => push(mergeErrIntoOut ? stdout : stderr, line),
    diagnostics(header, lines) {
      version++
      extra = { header, lines: [...lines] }
    },
    get version() {
      return version
    },
    lines() {
      const all = ['stdout: ', ...stdout, '\nstderr: ', ...stderr]
      if (extra) all.push(extra.header, ...extra.lines)
      return all
    },
    tail(n) {
      const extraLines = extra ? extra.lines.length + 1 : 0
      const total = stdout.length + stderr.length + 2 + extraLines
      if (total <= n || extraLines >= n || stderr.length + extraLines < n) {
        return this.lines().slice(Math.max(0, total - n))
      }
      // The last n lines are all within stderr and the extra section.
      const out = stderr.slice(stderr.length - (n - extraLines))
      if (extra) out.push(extra.header, ...extra.lines)
      return out
    },
  }
}
