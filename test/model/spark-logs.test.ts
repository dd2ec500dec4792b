import { describe, expect, test } from 'vitest'
import { createRandom } from '../../src/emulator/model/random.ts'
import { createFixtureFaker } from '../../src/fixtures/faker.ts'
import {
  createLazySparkLogs,
  createSparkLogs,
  SPARK_LOGS_SET_UP_DRAWS,
  type SparkLogs,
} from '../../src/fixtures/spark-logs.ts'

const subject = { id: 3, appTag: 'livy-session-3-abcdefgh', user: 'alice', appId: null }

/** Everything the logs write in a session's and a batch's life, and the draws after each. */
function transcript(logs: SparkLogs, random: { next(): number }): unknown[] {
  const at = Date.UTC(2026, 0, 1)
  return [
    random.next(),
    logs.sessionLaunch(at, subject),
    random.next(),
    logs.sessionReady(at + 1_000, subject),
    logs.yarnAppId(at, 1),
    logs.yarnAppInfo('application_1_0001', 'alice'),
    logs.interpreterDied(at + 2_000, subject, 'Process exited with code 1', 'pyspark'),
    logs.sessionStop(at + 3_000, subject),
    logs.batchStart(at, subject, 'local:/opt/spark/examples/src/main/python/pi.py'),
    logs.batchOutput(at, subject),
    logs.batchEnd(at, subject, 1, 'boom'),
    logs.host,
    random.next(),
  ]
}

describe("the Spark logs' faker, loaded on the first line (docs/decisions/0032)", () => {
  test.each(['livy-emulator', 'a', '42', 'seed with spaces'])(
    'seed %j: the same lines and the same later draws as with faker loaded up front',
    (seed) => {
      const eagerRandom = createRandom(seed)
      const eager = createSparkLogs(createFixtureFaker(eagerRandom))
      const lazyRandom = createRandom(seed)
      const lazy = createLazySparkLogs(lazyRandom)
      // Something else draws before the first line is asked for, as a request would.
      expect(lazyRandom.next()).toBe(eagerRandom.next())
      expect(transcript(lazy, lazyRandom)).toEqual(transcript(eager, eagerRandom))
    },
  )

  test("faker's set-up draws are the ones the lazy logs take up front", () => {
    const random = createRandom('count')
    let drawn = 0
    const counted = {
      next: () => {
        drawn++
        return random.next()
      },
    }
    createSparkLogs(createFixtureFaker(counted))
    expect(drawn).toBe(SPARK_LOGS_SET_UP_DRAWS)
  })
})
