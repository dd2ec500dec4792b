import { ModelError, nullPointer } from './errors.ts'

/**
 * An `Option[Int]` field as Jackson leaves it: type-erased, so any JSON scalar arrives and
 * only a later cast to `Int` fails (`javaClass` is what arrived instead of an Integer).
 */
export type ErasedInt = number | null | { readonly javaClass: string; readonly text: string }

/**
 * Livy casts erased `Option[Int]` values when it builds the spark-submit options; anything
 * but an integer is a `ClassCastException` (a 500).
 */
export function castInt(value: ErasedInt): number | null {
  if (value === null || typeof value === 'number') return value
  throw new ModelError(
    'internal',
    `class ${value.javaClass} cannot be cast to class java.lang.Integer (${value.javaClass} and java.lang.Integer are in module java.base of loader 'bootstrap')`,
    'java.lang.ClassCastException',
  )
}

/**
 * A JSON `null` inside a list (`"jars": [null]`, `"args": [null]`) or as a `conf` value: Jackson
 * binds it as it is (a Scala `List(null)`, `Map("a" -> null)`), and Livy fails later, building
 * the driver's options: `resolveURI(null)`, `java.util.Properties.put(key, null)` and
 * `ProcessBuilder.start` all throw a `NullPointerException` (a 500, form B)
 * **(inferred from Livy 0.9's `Session.prepareConf` and `LivyClientBuilder.setAll`)**.
 *
 * @example
 * rejectNulls([['jars', ['a.jar', null]]]) // throws java.lang.NullPointerException
 */
export function rejectNulls(
  values: Iterable<
    readonly [string, readonly (string | null)[] | Readonly<Record<string, string | null>>]
  >,
): void {
  for (const [, value] of values) {
    const items = Array.isArray(value) ? value : Object.values(value)
    if (items.some((item) => item === null)) throw nullPointer()
  }
}

/**
 * What both create requests (`CreateInteractiveRequest`, `CreateBatchRequest`) hand to
 * spark-submit, values as the client sent them.
 *
 * @example
 * const fields: SparkSubmitFields = { jars: [], pyFiles: [], files: [], archives: [],
 *   driverMemory: '1g', driverCores: 1, executorMemory: null, executorCores: null,
 *   numExecutors: null, queue: null, name: null, conf: {} }
 */
export interface SparkSubmitFields {
  readonly jars: readonly string[]
  readonly pyFiles: readonly string[]
  readonly files: readonly string[]
  readonly archives: readonly string[]
  readonly driverMemory: string | null
  readonly driverCores: ErasedInt
  readonly executorMemory: string | null
  readonly executorCores: ErasedInt
  readonly numExecutors: ErasedInt
  readonly queue: string | null
  readonly name: string | null
  readonly conf: Readonly<Record<string, string>>
}

/** The fields of a create request that sent none of them (what Jackson leaves as defaults). */
export const DEFAULT_SPARK_SUBMIT_FIELDS: SparkSubmitFields = Object.freeze({
  jars: [],
  pyFiles: [],
  files: [],
  archives: [],
  driverMemory: null,
  driverCores: null,
  executorMemory: null,
  executorCores: null,
  numExecutors: null,
  queue: null,
  name: null,
  conf: {},
})
