import { describe, expect, test } from 'vitest'
import { createLivyEmulator } from '../../src/emulator/create-livy-emulator.ts'

const JAR = 'local:///opt/spark/examples/jars/spark-examples_2.12-3.5.1.jar'

/** Runs a batch to its end on virtual time; answers its final state and log. */
async function runBatch(body: Record<string, unknown>, seed = 'examples') {
  const livy = createLivyEmulator({ timing: 'fast', seed, evaluate: 'scripted' })
  const created = await livy.fetch('/batches', { method: 'POST', body: JSON.stringify(body) })
  expect(created.status).toBe(201)
  await livy.advance(10_000)
  const batch = (await (await livy.fetch('/batches/0')).json()) as { state: string }
  const { log } = (await (await livy.fetch('/batches/0/log?from=0&size=1000')).json()) as {
    log: string[]
  }
  return { state: batch.state, log }
}

describe("Spark's examples jar runs as the real examples do", () => {
  test('SparkPi succeeds and prints Pi is roughly 3.14… (close to π, as 10 slices give)', async () => {
    const { state, log } = await runBatch({
      file: JAR,
      className: 'org.apache.spark.examples.SparkPi',
      args: ['10'],
    })
    expect(state).toBe('success')
    const pi = Number(
      /^Pi is roughly (3\.\d+)$/.exec(log.find((l) => l.startsWith('Pi')) ?? '')?.[1],
    )
    expect(Math.abs(pi - Math.PI)).toBeLessThan(0.02)
    expect(log.some((l) => l.includes('Job 0 finished: reduce at SparkPi.scala:38'))).toBe(true)
    expect(log.some((l) => l.includes('with 10 output partitions'))).toBe(true)
  })

  test('the same seed gives the same estimate', async () => {
    const body = { file: JAR, className: 'org.apache.spark.examples.JavaSparkPi' }
    const a = await runBatch(body, 's1')
    const b = await runBatch(body, 's1')
    expect(a.log.filter((l) => l.startsWith('Pi'))).toEqual(b.log.filter((l) => l.startsWith('Pi')))
    expect(a.log.some((l) => l.includes('JavaSparkPi.java:54'))).toBe(true)
  })

  test('a class the jar lacks fails as spark-submit does (exit 101): dead', async () => {
    const { state, log } = await runBatch({
      file: JAR,
      className: 'org.apache.spark.examples.Nope',
    })
    expect(state).toBe('dead')
    expect(log).toContain('Error: Failed to load class org.apache.spark.examples.Nope.')
    expect(log.some((l) => l.startsWith('Pi is roughly'))).toBe(false)
  })

  test('a bad slice count fails like SparkPi does', async () => {
    const { state } = await runBatch({
      file: JAR,
      className: 'org.apache.spark.examples.SparkPi',
      args: ['many'],
    })
    expect(state).toBe('dead')
  })

  test('any other application keeps the generic spark-submit log', async () => {
    const { state, log } = await runBatch({
      file: 'hdfs:///apps/etl.jar',
      className: 'com.example.Etl',
    })
    expect(state).toBe('success')
    expect(log.some((l) => l.includes('Submitted application: etl.jar'))).toBe(true)
  })
})
