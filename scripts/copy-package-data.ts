/**
 * `npm run build` step: the data files runtime code reads next to its module, copied beside
 * the built module (tsc copies no JSON). Today the Spark answers corpus that
 * `livy-conformance --suite spark-answers` replays.
 *
 *   node scripts/copy-package-data.ts
 */
import { copyFile, mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'

const root = join(import.meta.dirname, '..')
const DATA = ['src/conformance/spark-answers/answers-livy-0.9.0-spark-3.5.json']

for (const file of DATA) {
  const target = join(root, 'dist', file)
  await mkdir(dirname(target), { recursive: true })
  await copyFile(join(root, file), target)
}
console.log(`package data: ${DATA.length} file(s) → dist/`)
