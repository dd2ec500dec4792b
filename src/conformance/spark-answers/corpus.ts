import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual } from 'node:util'

/** One recorded statement of `answers-livy-0.9.0-spark-3.5.json`. */
export interface SparkAnswer {
  readonly id: string
  /** The session kind it ran in. */
  readonly session: 'pyspark' | 'spark' | 'sql' | 'sparkr'
  /** The statement's own kind, when it had one. */
  readonly kind?: string
  readonly code: string
  readonly answer: { readonly state: string; readonly output: Record<string, unknown> }
}

export interface SparkAnswers {
  readonly livy: string
  readonly spark: string
  readonly how: string
  readonly cases: readonly SparkAnswer[]
}

/**
 * What a real Livy 0.9.0 on Spark 3.5.9 (Python 3.11) answered to 99 statements clients send,
 * kept with the conformance suite (`--suite spark-answers`).
 *
 * @example
 * const { cases } = loadSparkAnswers() // cases[0].code === 'spark'
 */
export function loadSparkAnswers(path?: string): SparkAnswers {
  return JSON.parse(readFileSync(path ?? keptCorpus(), 'utf8')) as SparkAnswers
}

/** Beside this module, from source and from the build (`scripts/copy-package-data.ts`). */
function keptCorpus(): string {
  const name = 'answers-livy-0.9.0-spark-3.5.json'
  const candidates = [new URL(`./${name}`, import.meta.url)].map((url) => fileURLToPath(url))
  const found = candidates.find((file) => existsSync(file))
  if (!found)
    throw new Error(`the Spark answers corpus is missing (looked in ${candidates.join(', ')})`)
  return found
}

/**
 * Masks what differs between two runs of real Spark: object addresses, JVM hash codes,
 * application ids, and the session's name (the app name).
 *
 * @example
 * maskRun({ text: '<x object at 0x7f63>' }, []) // { text: '<x object at 0x…>' }
 */
export function maskRun(output: unknown, sessionNames: readonly (string | RegExp)[]): unknown {
  let text = JSON.stringify(output)
  for (const name of sessionNames)
    text =
      typeof name === 'string'
        ? text.split(name).join('<session-name>')
        : text.replace(new RegExp(name.source, 'g'), '<session-name>')
  text = text
    .replace(/ at 0x[0-9a-f]+>/g, ' at 0x…>')
    .replace(/@[0-9a-f]{1,8}\b/g, '@…')
    .replace(/local-\d{10,}/g, 'local-…')
    .replace(/application_\d+_\d+/g, 'application_…')
  return JSON.parse(text)
}

/**
 * Status, error name and mime types: what a client branches on.
 *
 * @example
 * shapeOf({ status: 'ok', data: { 'text/plain': '2' } }) // { status: 'ok', ename: undefined, mime: ['text/plain'] }
 */
export function shapeOf(output: Record<string, unknown>): unknown {
  const data = output.data as Record<string, unknown> | undefined
  return {
    status: output.status,
    ename: output.ename,
    mime: data ? Object.keys(data).sort() : undefined,
  }
}

export const sameOutput = (a: unknown, b: unknown): boolean => isDeepStrictEqual(a, b)

/** Statements the recording ran between cases (see the corpus's `how`): replayed as fillers. */
export const FILLER: Readonly<Record<string, string>> = {
  pyspark: '_ = 0',
  spark: '()',
  sql: 'SELECT 1',
}

/** The recording named its sessions `corpus-<kind>-<n>`. */
export const RECORDED_SESSION_NAME = /corpus-[a-z]+-\d+/
