import { log4jTime } from '../../fixtures/spark-logs.ts'
import type { Random } from './random.ts'

/** How a known example application runs: what it prints and how it exits. */
export interface ExampleRun {
  /** What the application prints (the batch log's stdout). */
  readonly stdout: readonly string[]
  /** Spark's log lines about it (the batch log's stderr), before the shutdown lines. */
  readonly stderr: readonly string[]
  readonly exitCode: number
  /** Why it failed (spark-submit's message), when it did. */
  readonly reason?: string
}

/** `spark-examples_2.12-3.5.1.jar` as a Spark distribution ships it (`examples/jars/`), any scheme or directory. */
const EXAMPLES_JAR = /(^|\/)spark-examples(_[\d.]+)?(-[\w.-]+)?\.jar$/

/** SparkSubmit's exit status when the main class cannot be loaded (`CLASS_NOT_FOUND_EXIT_STATUS`). */
const CLASS_NOT_FOUND_EXIT = 101

/**
 * Pi estimated as SparkPi does it (`slices` × 100 000 darts): a count drawn from the normal
 * approximation of its binomial distribution, so the estimate is as close to π as Spark's.
 */
function estimatePi(random: Random, darts: number): number {
  const p = Math.PI / 4
  // Box–Muller from the seeded source: the same seed gives the same estimate.
  const u = Math.max(random.next(), Number.MIN_VALUE)
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next())
  const hits = Math.round(darts * p + z * Math.sqrt(darts * p * (1 - p)))
  return (4 * hits) / darts
}

/** `Double.toString` for the values these examples print (always a fraction part). */
const javaDouble = (x: number): string => (Number.isInteger(x) ? `${x}.0` : String(x))

const piExample =
  (source: string) =>
  (args: readonly string[], random: Random, at: number): ExampleRun => {
    const slices = Number.parseInt(args[0] ?? '2', 10)
    if (!Number.isInteger(slices) || slices <= 0) {
      const message = `java.lang.NumberFormatException: For input string: "${args[0]}"`
      return {
        stdout: [],
        stderr: [`${log4jTime(at)} ERROR SparkSubmit: ${message}`],
        exitCode: 1,
        reason: message,
      }
    }
    const darts = Math.min(100_000 * slices, 2_147_483_647)
    const took = (0.4 + random.next() * 0.8 + slices * 0.02).toFixed(6)
    return {
      stdout: [`Pi is roughly ${javaDouble(estimatePi(random, darts))}`],
      stderr: [
        `${log4jTime(at)} INFO SparkContext: Starting job: reduce at ${source}`,
        `${log4jTime(at)} INFO DAGScheduler: Got job 0 (reduce at ${source}) with ${slices} output partitions`,
        `${log4jTime(at)} INFO DAGScheduler: Job 0 finished: reduce at ${source}, took ${took} s`,
      ],
      exitCode: 0,
    }
  }

/** Main classes of Spark's examples jar the emulator knows how to run. */
const KNOWN: Readonly<
  Record<string, (args: readonly string[], random: Random, at: number) => ExampleRun>
> = {
  'org.apache.spark.examples.SparkPi': piExample('SparkPi.scala:38'),
  'org.apache.spark.examples.JavaSparkPi': piExample('JavaSparkPi.java:54'),
}

/**
 * What a batch running Spark's examples jar does: a known main class (`SparkPi`,
 * `JavaSparkPi`) prints what the real one prints (`Pi is roughly 3.14…`) and exits 0; any
 * other class fails as spark-submit fails on a class the jar lacks (exit 101, `dead`).
 * Undefined for any other application (the generic spark-submit log applies).
 *
 * @example
 * exampleRun('local:///opt/spark/examples/jars/spark-examples_2.12-3.5.1.jar', 'org.apache.spark.examples.SparkPi', ['10'], random, now)
 * // { stdout: ['Pi is roughly 3.1413…'], stderr: [… 'Job 0 finished: reduce at SparkPi.scala:38, took 0.9 s'], exitCode: 0 }
 */
export function exampleRun(
  file: string | null,
  className: string | null,
  args: readonly string[],
  random: Random,
  at: number,
): ExampleRun | undefined {
  if (file === null || !EXAMPLES_JAR.test(file.split('?')[0] ?? '')) return undefined
  if (className === null) return undefined
  const known = KNOWN[className]
  if (known) return known(args, random, at)
  const reason = `Failed to load class ${className}.`
  return {
    stdout: [],
    stderr: [
      `Error: ${reason}`,
      `${log4jTime(at)} WARN SparkSubmit$$anon$2: Failed to load ${className}.`,
      `java.lang.ClassNotFoundException: ${className}`,
    ],
    exitCode: CLASS_NOT_FOUND_EXIT,
    reason: `Failed to load class ${className}.`,
  }
}
