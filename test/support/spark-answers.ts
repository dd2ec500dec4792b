import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  loadSparkAnswers as loadKept,
  type SparkAnswers,
} from '../../src/conformance/spark-answers/corpus.ts'

export {
  maskRun,
  type SparkAnswer,
  type SparkAnswers,
  sameOutput,
  shapeOf,
} from '../../src/conformance/spark-answers/corpus.ts'

/** The shared corpus when it is beside the repository (CI), else the copy the suite keeps. */
export function loadSparkAnswers(): SparkAnswers {
  const shared = fileURLToPath(
    new URL('../../../shared/spark/answers-livy-0.9.0-spark-3.5.json', import.meta.url),
  )
  return existsSync(shared) ? loadKept(shared) : loadKept()
}
