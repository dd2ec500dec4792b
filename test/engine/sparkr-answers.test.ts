import { describe, expect, test } from 'vitest'
import { createLivyEmulator, type LivyEmulator } from '../../src/index.ts'

/** A Livy reply, read loosely: the tests compare its fields with exact values. */
// biome-ignore lint/suspicious/noExplicitAny: JSON replies of several shapes
type Json = Record<string, any>

async function session(livy: LivyEmulator, kind: string): Promise<number> {
  const res = await livy.fetch('/sessions', { method: 'POST', body: JSON.stringify({ kind }) })
  const { id } = (await res.json()) as Json
  await livy.advance(60_000)
  return id as number
}

async function run(livy: LivyEmulator, id: number, code: string, kind?: string): Promise<Json> {
  const posted = await livy.fetch(`/sessions/${id}/statements`, {
    method: 'POST',
    body: JSON.stringify({ code, ...(kind ? { kind } : {}) }),
  })
  const { id: st } = (await posted.json()) as Json
  await livy.advance(1_000)
  const done = (await (await livy.fetch(`/sessions/${id}/statements/${st}`)).json()) as Json
  expect(done.state).toBe('available')
  return done.output as Json
}

const text = (output: Json): string => {
  expect(output.status).toBe('ok')
  return output.data['text/plain'] as string
}

describe('sparkr sessions are evaluated by the R emulation', () => {
  const livy = createLivyEmulator({ timing: 'fast' })

  test('the session probes answer as SparkR prints its JVM references', async () => {
    const id = await session(livy, 'sparkr')
    expect(text(await run(livy, id, 'spark'))).toBe(
      'Java ref type org.apache.spark.sql.SparkSession id 1 ',
    )
    expect(text(await run(livy, id, 'sc'))).toBe(
      'Java ref type org.apache.spark.api.java.JavaSparkContext id 0 ',
    )
    expect(text(await run(livy, id, 'sqlContext'))).toBe(
      'Java ref type org.apache.spark.sql.SQLContext id 2 ',
    )
  })

  test('values print in R formats and assignments print nothing', async () => {
    const id = await session(livy, 'sparkr')
    expect(text(await run(livy, id, '1 + 1'))).toBe('[1] 2')
    expect(text(await run(livy, id, '7 / 2'))).toBe('[1] 3.5')
    expect(text(await run(livy, id, '"a"'))).toBe('[1] "a"')
    expect(text(await run(livy, id, '1 / 0'))).toBe('[1] Inf')
    expect(text(await run(livy, id, 'x <- 5'))).toBe('')
    expect(text(await run(livy, id, 'print(x * 2L)'))).toBe('[1] 10')
    expect(text(await run(livy, id, '1:30'))).toBe(
      ' [1]  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25\n' +
        '[26] 26 27 28 29 30',
    )
    expect(text(await run(livy, id, 'cat(paste("n =", length(c(1, 2, 3))), "\\n")'))).toBe('n = 3 ')
    expect(text(await run(livy, id, 'data.frame(a = 1:2, b = c("x", NA))'))).toBe(
      '  a    b\n1 1    x\n2 2 <NA>',
    )
  })

  test('Spark SQL through SparkR: collect, head, showDF, count, printSchema', async () => {
    const id = await session(livy, 'sparkr')
    await run(livy, id, 'df <- sql("SELECT id, id * 1.5 AS half FROM range(3)")')
    expect(text(await run(livy, id, 'df'))).toBe('SparkDataFrame[id:bigint, half:decimal(23,1)]')
    expect(text(await run(livy, id, 'collect(df)'))).toBe(
      '  id half\n1  0  0.0\n2  1  1.5\n3  2  3.0',
    )
    expect(text(await run(livy, id, 'head(df, 2)'))).toBe('  id half\n1  0  0.0\n2  1  1.5')
    expect(text(await run(livy, id, 'showDF(df)'))).toBe(
      '+---+----+\n| id|half|\n+---+----+\n|  0| 0.0|\n|  1| 1.5|\n|  2| 3.0|\n+---+----+',
    )
    expect(text(await run(livy, id, 'count(df)'))).toBe('[1] 3')
    expect(
      text(
        await run(livy, id, 'printSchema(createDataFrame(data.frame(a = 1:2, b = c("x", "y"))))'),
      ),
    ).toBe('root\n |-- a: integer (nullable = true)\n |-- b: string (nullable = true)')
  })

  test("sparkmagic's %%sql code for R answers rows as JSON", async () => {
    const id = await session(livy, 'sparkr')
    await run(
      livy,
      id,
      'createOrReplaceTempView(createDataFrame(data.frame(name = c("a", "b"), n = c(1L, NA))), "t")',
    )
    const code =
      'for (yQeKOYBsFgLWWGWZJu3y in (jsonlite:::toJSON(take(sql("SELECT * FROM t ORDER BY name"),2500)))) {cat(yQeKOYBsFgLWWGWZJu3y)}'
    expect(text(await run(livy, id, code))).toBe('[{"name":"a","n":1},{"name":"b"}]')
  })

  test('errors come back as Livy reads them from R', async () => {
    const id = await session(livy, 'sparkr')
    expect(await run(livy, id, 'y')).toEqual({
      status: 'error',
      execution_count: 0,
      ename: 'Error',
      evalue: '[1] "Error in eval(parse(text = \\"y\\")): object \'y\' not found"',
      traceback: [],
    })
    expect((await run(livy, id, 'x[')).evalue).toBe(
      '[1] "Error in parse(text = \\"x[\\"): <text>:2:0: unexpected end of input\\n1: x[\\n   ^"',
    )
    expect((await run(livy, id, 'f <- function() stop("boom")\nf()')).evalue).toBe(
      '[1] "Error in f(): boom"',
    )
    const missing = await run(livy, id, 'sql("SELECT * FROM nope")')
    expect(missing.ename).toBe('Error')
    expect(missing.evalue).toMatch(
      /^\[1\] "Error in handleErrors\(returnStatus, conn\): org\.apache\.spark\.sql\.catalyst\.ExtendedAnalysisException: \[TABLE_OR_VIEW_NOT_FOUND\] The table or view `nope` cannot be found\./,
    )
    expect((await run(livy, id, 'groupBy(df, "a")')).evalue).toBe(
      '[1] "Error in groupBy(df, \\"a\\"): could not find function \\"groupBy\\""',
    )
  })

  test('a sparkr statement in a shared session runs on the same Spark session', async () => {
    const id = await session(livy, 'shared')
    await run(livy, id, 'spark.range(2).createOrReplaceTempView("two")', 'pyspark')
    expect(text(await run(livy, id, 'nrow(sql("SELECT * FROM two"))', 'sparkr'))).toBe('[1] 2')
  })

  test("evaluate: 'scripted' keeps the small interpreter for sparkr", async () => {
    const scripted = createLivyEmulator({ timing: 'fast', evaluate: 'scripted' })
    const id = await session(scripted, 'sparkr')
    expect(text(await run(scripted, id, '1 + 1'))).toBe('[1] 2')
    // The scripted interpreter knows no SparkR.
    expect((await run(scripted, id, 'spark')).data?.['text/plain']).not.toBe(
      'Java ref type org.apache.spark.sql.SparkSession id 1 ',
    )
  })
})
