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
  readonly how: string
  readonly cases: readonly SparkAnswer[]
}

/** The shared corpus when it is beside the repository (CI), else the copy kept with the tests. */
export function loadSparkAnswers(): SparkAnswers {
  const shared = fileURLToPath(
    new URL('../../../shared/spark/answers-livy-0.9.0-spark-3.5.json', import.meta.url),
  )
  const kept = fileURLToPath(
    new URL('../fixtures/answers-livy-0.9.0-spark-3.5.json', import.meta.url),
  )
  return JSON.parse(readFileSync(existsSync(shared) ? shared : kept, 'utf8')) as SparkAnswers
}

/**
 * Masks what differs between two runs of real Spark: object addresses, JVM hash codes,
 * application ids, and the session's name (the app name).
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

/** Status, error name and mime types: what a client branches on. */
export function shapeOf(output: Record<string, unknown>): unknown {
  const data = output.data as Record<string, unknown> | undefined
  return {
    status: output.status,
    ename: output.ename,
    mime: data ? Object.keys(data).sort() : undefined,
  }
}

export const sameOutput = (a: unknown, b: unknown): boolean => isDeepStrictEqual(a, b)
