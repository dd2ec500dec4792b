import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** An empty zip: the smallest valid jar. */
const EMPTY_JAR = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)])

/**
 * Files the scenarios reference under the target's whitelisted directory. A real server needs
 * them on its disk (the judge writes them before the run); the emulator only sees the paths.
 */
export const CONFORMANCE_FILES: Readonly<Record<string, string | Uint8Array>> = {
  'conformance.jar': EMPTY_JAR,
  'conformance_mod.py': 'VALUE = 42\n',
  'pi.py':
    'from pyspark.sql import SparkSession\n' +
    'spark = SparkSession.builder.appName("conformance-pi").getOrCreate()\n' +
    'total = spark.sparkContext.parallelize(range(1000), 2).map(lambda x: x * x).sum()\n' +
    'print("sum of squares", total)\n' +
    'spark.stop()\n',
  'fail.py': 'import sys\nprint("failing on purpose")\nsys.exit(1)\n',
  'sleep.py':
    'import time\n' +
    'from pyspark.sql import SparkSession\n' +
    'spark = SparkSession.builder.appName("conformance-sleep").getOrCreate()\n' +
    'time.sleep(300)\n',
}

/**
 * Writes {@link CONFORMANCE_FILES} into `dir` (the server's whitelisted directory).
 *
 * @example
 * await writeConformanceFiles('/tmp/livy-files')
 */
export async function writeConformanceFiles(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true })
  for (const [name, content] of Object.entries(CONFORMANCE_FILES))
    await writeFile(join(dir, name), content)
}
