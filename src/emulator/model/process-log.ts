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
  const push = (stream: string[], line: string): void => {
    stream.push(line)
    if (stream.length > cap) stream.splice(0, stream.length - cap)
  }
  return {
    out: (line) => push(stdout, line),
    err: (line) => push(mergeErrIntoOut ? stdout : stderr, line),
    diagnostics(header, lines) {
      extra = { header, lines: [...lines] }
    },
    lines() {
      const all = ['stdout: ', ...stdout, '\nstderr: ', ...stderr]
      if (extra) all.push(extra.header, ...extra.lines)
      return all
    },
  }
}
