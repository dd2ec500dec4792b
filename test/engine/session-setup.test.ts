import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { createLivyEmulator, type LivyEmulator, type LivyEmulatorOptions } from '../../src/index.ts'
import { readTableFile } from '../../src/node/table-file.ts'

// biome-ignore lint/suspicious/noExplicitAny: JSON replies read loosely, compared exactly
type Json = Record<string, any>

async function sessionOf(
  options: LivyEmulatorOptions,
  kind = 'pyspark',
  body: Json = {},
): Promise<{ livy: LivyEmulator; run(code: string, kind?: string): Promise<Json> }> {
  const livy = createLivyEmulator({ timing: 'fast', ...options })
  const { id } = (await (
    await livy.fetch('/sessions', { method: 'POST', body: JSON.stringify({ kind, ...body }) })
  ).json()) as Json
  await livy.advance(60_000)
  return {
    livy,
    async run(code, statementKind) {
      const posted = (await (
        await livy.fetch(`/sessions/${id}/statements`, {
          method: 'POST',
          body: JSON.stringify({ code, ...(statementKind ? { kind: statementKind } : {}) }),
        })
      ).json()) as Json
      await livy.advance(1_000)
      return (await (await livy.fetch(`/sessions/${id}/statements/${posted.id}`)).json()) as Json
    },
  }
}

const text = (statement: Json): unknown => statement.output?.data?.['text/plain']

describe("the session's Spark application", () => {
  test('the app name is the session name, the version and master come from Livy configuration', async () => {
    const { run } = await sessionOf(
      {
        livyConf: { 'livy.spark.master': 'yarn', 'livy-emulator.spark.version': '3.4.1' },
      },
      'pyspark',
      { name: 'nightly-report' },
    )
    expect(text(await run('spark.version'))).toBe("'3.4.1'")
    expect(text(await run("spark.conf.get('spark.app.name')"))).toBe("'nightly-report'")
    expect(text(await run('sc.master'))).toBe("'yarn'")
    expect(text(await run('sc.applicationId'))).toMatch(/^'application_\d+_\d{4}'$/)
  })

  test('without a name the app is livy-session-N, on a local master with local-<start> ids', async () => {
    const { run } = await sessionOf({ livyConf: { 'livy.spark.master': 'local[4]' } })
    expect(text(await run('sc'))).toBe('<SparkContext master=local[4] appName=livy-session-0>')
    expect(text(await run('sc.defaultParallelism'))).toBe('4')
    expect(text(await run('sc.applicationId'))).toMatch(/^'local-\d+'$/)
  })

  test("the session's conf is what spark.conf.get answers", async () => {
    const { run } = await sessionOf({}, 'pyspark', {
      conf: { 'spark.sql.shuffle.partitions': '7', 'spark.my.key': 'v' },
    })
    expect(text(await run("spark.conf.get('spark.my.key')"))).toBe("'v'")
    expect(text(await run("spark.conf.get('spark.sql.shuffle.partitions')"))).toBe("'7'")
  })
})

describe('seeded tables', () => {
  test('tables given at creation are seen by every kind of every session', async () => {
    const { run } = await sessionOf({
      tables: [
        {
          name: 'fruit',
          schema: 'name STRING, kg DOUBLE',
          rows: [
            ['apple', 1.5],
            ['fig', 0.25],
          ],
        },
      ],
    })
    expect(text(await run("spark.table('fruit').agg({'kg': 'sum'}).first()[0]"))).toBe('1.75')
    const sql = await run('SELECT name FROM fruit ORDER BY kg', 'sql')
    expect(sql.output.data['application/json'].data).toEqual([['fig'], ['apple']])
  })

  test('sample data is generated from the seed: the same seed gives the same rows', async () => {
    const a = await sessionOf({ sampleData: true, seed: 'demo' })
    const b = await sessionOf({ sampleData: true, seed: 'demo' })
    const c = await sessionOf({ sampleData: true, seed: 'other' })
    const query = 'spark.sql("SELECT count(*) AS n, max(name) AS last FROM people").collect()'
    const first = text(await a.run(query))
    expect(first).toMatch(/^\[Row\(n=50, last='.+'\)\]$/)
    expect(text(await b.run(query))).toBe(first)
    expect(text(await c.run(query))).not.toBe(first)
    const orders = await a.run(
      'spark.sql("SELECT count(*) FROM orders o JOIN people p ON o.person_id = p.id").first()[0]',
    )
    expect(text(orders)).toBe('200')
  })

  test('a table added through the emulator is seen by sessions already running', async () => {
    const { livy, run } = await sessionOf({})
    livy.tables.define({ name: 'late', rows: [{ x: 1 }, { x: 2 }] })
    expect(text(await run("spark.table('late').count()"))).toBe('2')
  })

  test('--table reads a CSV file with a header, inferring column types', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'livy-table-'))
    const path = join(dir, 'people.csv')
    await writeFile(path, 'id,name,score,joined\n1,"Ann, A.",31.5,2024-01-02\n2,Bob,,2024-02-03\n')
    const table = await readTableFile('people', path)
    expect(table.schema).toBe('`id` INT, `name` STRING, `score` DOUBLE, `joined` TIMESTAMP')
    expect(table.rows).toEqual([
      [1, 'Ann, A.', 31.5, '2024-01-02'],
      [2, 'Bob', null, '2024-02-03'],
    ])
    await expect(readTableFile('x', join(dir, 'x.txt'))).rejects.toThrow(/\.csv or \.json/)
  })
})
