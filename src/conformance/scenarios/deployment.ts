import type { Parity, Scenario, ScenarioContext, SessionKindName, StatementJson } from '../types.ts'

/**
 * The deployment checks (`livy-conformance --suite deployment --url …`): light, real work on
 * the cluster behind a Livy, judged by its result, not its bytes. They create only small
 * sessions and batches of their own, delete them when done (on failure and Ctrl-C too), and
 * never reset or touch anything else, so they are safe to repeat on a shared cluster. The
 * emulator passes them too: its engine computes the answers.
 */

const parity: Parity = {
  mark: 'documented',
  source: "Spark 3.5's guides and examples; the results are Spark's, whatever the bytes",
}
const tags = ['deployment']
const suite = 'deployment' as const
/** A real cluster may queue the work: sessions and statements get minutes, not seconds. */
const TIMEOUT = 600_000

/** Output of a statement that must succeed: its `text/plain` (or JSON rows), else a clear failure. */
async function ok(
  ctx: ScenarioContext,
  kind: SessionKindName,
  code: string,
): Promise<{ text: string; rows: unknown }> {
  const session = await ctx.sharedSession(kind)
  const { statement } = await ctx.runStatement(session, code)
  const output = statement.output as Record<string, unknown> | null
  ctx.expect.that(
    statement.state === 'available' && output?.status === 'ok',
    `${kind}: ${JSON.stringify(code)} should succeed; it ended ${statement.state} with ${JSON.stringify(output).slice(0, 800)}`,
  )
  const data = (output?.data ?? {}) as Record<string, unknown>
  const json = data['application/json'] as { data?: unknown } | undefined
  return { text: String(data['text/plain'] ?? ''), rows: json?.data }
}

/** A statement that must fail with an error output (not a dead session). */
async function fails(
  ctx: ScenarioContext,
  kind: SessionKindName,
  code: string,
): Promise<StatementJson['output']> {
  const session = await ctx.sharedSession(kind)
  const { statement } = await ctx.runStatement(session, code)
  ctx.expect.that(
    statement.state === 'available' && statement.output?.status === 'error',
    `${kind}: ${JSON.stringify(code)} should answer status "error"; it ended ${statement.state} with ${JSON.stringify(statement.output).slice(0, 800)}`,
  )
  return statement.output
}

/** The session is still usable: idle, and it runs the next statement. */
async function stillUsable(
  ctx: ScenarioContext,
  kind: SessionKindName,
  code: string,
  expected: RegExp,
) {
  const session = await ctx.sharedSession(kind)
  await ctx.waitForSessionState(session, ['idle'], { timeoutMs: TIMEOUT })
  const { text, rows } = await ok(ctx, kind, code)
  const shown = rows === undefined ? text : JSON.stringify(rows)
  ctx.expect.that(
    expected.test(shown),
    `after the error, ${code} should give ${expected}; got ${shown}`,
  )
}

const batchState = async (ctx: ScenarioContext, id: number): Promise<string> =>
  (await ctx.get(`/batches/${id}/state`)).json<{ state: string }>().state

const untilFinished = (ctx: ScenarioContext, id: number) =>
  ctx.waitFor(
    async () => {
      const state = await batchState(ctx, id)
      return ['success', 'dead', 'killed', 'error'].includes(state) ? state : undefined
    },
    { timeoutMs: TIMEOUT, description: `batch ${id} to finish` },
  )

const SPARK_PI = 'org.apache.spark.examples.SparkPi'

export const DEPLOYMENT_SCENARIOS: readonly Scenario[] = [
  {
    id: 'S-DEPLOY-001',
    title: 'pyspark: spark.range(1000).count() is 1000, and spark.version is reported',
    covers: ['B-DEPLOY-001'],
    tags,
    suite,
    parity,
    timeoutMs: TIMEOUT,
    async run(ctx) {
      const { text } = await ok(ctx, 'pyspark', 'spark.range(1000).count()')
      ctx.expect.equal(text.trim(), '1000', 'spark.range(1000).count()')
      const version = (await ok(ctx, 'pyspark', 'spark.version')).text
      const v = /(\d+\.\d+\.\d+\S*?)'?$/.exec(version.trim())?.[1]
      ctx.expect.that(v !== undefined, `spark.version should be a version; got ${version}`)
      ctx.note(`Spark ${v}`)
    },
  },
  {
    id: 'S-DEPLOY-002',
    title: 'pyspark: an RDD map/sum over 4 partitions is 9900',
    covers: ['B-DEPLOY-002'],
    tags,
    suite,
    parity,
    timeoutMs: TIMEOUT,
    async run(ctx) {
      const { text } = await ok(
        ctx,
        'pyspark',
        'sc.parallelize(range(100), 4).map(lambda x: x * 2).sum()',
      )
      ctx.expect.equal(
        text.trim(),
        '9900',
        'sc.parallelize(range(100), 4).map(lambda x: x * 2).sum()',
      )
    },
  },
  {
    id: 'S-DEPLOY-003',
    title:
      'pyspark: a DataFrame groupBy().count() and SQL over a temporary view give the right rows',
    covers: ['B-DEPLOY-003'],
    tags,
    suite,
    parity,
    timeoutMs: TIMEOUT,
    async run(ctx) {
      const grouped = await ok(
        ctx,
        'pyspark',
        "df = spark.createDataFrame([(1, 'a'), (2, 'b'), (3, 'a')], ['n', 'k'])\nsorted((r['k'], r['count']) for r in df.groupBy('k').count().collect())",
      )
      ctx.expect.equal(grouped.text.trim(), "[('a', 2), ('b', 1)]", 'groupBy("k").count()')
      const sql = await ok(
        ctx,
        'pyspark',
        "spark.range(10).createOrReplaceTempView('livy_deploy_check')\nspark.sql('SELECT COUNT(*) AS n, SUM(id) AS s FROM livy_deploy_check').collect()[0].asDict()",
      )
      ctx.expect.equal(sql.text.trim(), "{'n': 10, 's': 45}", 'SQL over a temporary view')
    },
  },
  {
    id: 'S-DEPLOY-004',
    title: 'pyspark: a Python error answers status "error" and the session stays usable',
    covers: ['B-DEPLOY-004'],
    tags,
    suite,
    parity,
    timeoutMs: TIMEOUT,
    async run(ctx) {
      const output = await fails(ctx, 'pyspark', '1 / 0')
      ctx.expect.equal(
        (output as { ename?: string } | null)?.ename,
        'ZeroDivisionError',
        'the error name of 1 / 0',
      )
      await stillUsable(ctx, 'pyspark', '1 + 1', /^2$/)
    },
  },
  {
    id: 'S-DEPLOY-005',
    title:
      'spark (Scala): count, an RDD sum, groupBy and SQL over a temporary view; an error leaves the session usable',
    covers: ['B-DEPLOY-001', 'B-DEPLOY-002', 'B-DEPLOY-003', 'B-DEPLOY-004', 'B-DEPLOY-005'],
    tags,
    suite,
    parity,
    timeoutMs: TIMEOUT,
    async run(ctx) {
      const result = async (code: string, expected: RegExp) => {
        const { text } = await ok(ctx, 'spark', code)
        ctx.expect.that(expected.test(text), `Scala ${code} should show ${expected}; got ${text}`)
      }
      await result('spark.range(1000).count()', /=\s*1000\b/)
      await result('sc.parallelize(0 until 100, 4).map(_ * 2).sum()', /=\s*9900(\.0)?\b/)
      await result(
        'spark.range(10).groupBy(($"id" % 2).as("odd")).count().orderBy("odd").collect().mkString(",")',
        /\[0,5\],\[1,5\]/,
      )
      await result(
        'spark.range(10).createOrReplaceTempView("livy_deploy_scala")\nspark.sql("SELECT SUM(id) FROM livy_deploy_scala").first.getLong(0)',
        /=\s*45\b/,
      )
      const error = await fails(ctx, 'spark', '1 / 0')
      ctx.expect.that(
        JSON.stringify(error).includes('ArithmeticException'),
        `1 / 0 should fail with java.lang.ArithmeticException; got ${JSON.stringify(error)}`,
      )
      await stillUsable(ctx, 'spark', '1 + 1', /=\s*2\b/)
    },
  },
  {
    id: 'S-DEPLOY-006',
    title:
      'sql: a count, a temporary view, a GROUP BY; a bad column errors and the session stays usable',
    covers: ['B-DEPLOY-003', 'B-DEPLOY-004', 'B-DEPLOY-005'],
    tags,
    suite,
    parity,
    timeoutMs: TIMEOUT,
    async run(ctx) {
      const rows = async (code: string, expected: unknown) => {
        const { rows } = await ok(ctx, 'sql', code)
        ctx.expect.equal(rows, expected, `rows of ${code}`)
      }
      await rows('SELECT COUNT(*) AS n FROM range(1000)', [[1000]])
      await ok(
        ctx,
        'sql',
        'CREATE OR REPLACE TEMPORARY VIEW livy_deploy_v AS SELECT * FROM VALUES (1), (2), (3) AS t(x)',
      )
      await rows('SELECT SUM(x) AS total FROM livy_deploy_v', [[6]])
      await rows(
        'SELECT x % 2 AS odd, COUNT(*) AS n FROM livy_deploy_v GROUP BY x % 2 ORDER BY odd',
        [
          [0, 1],
          [1, 2],
        ],
      )
      await fails(ctx, 'sql', 'SELECT livy_no_such_column FROM livy_deploy_v')
      await stillUsable(ctx, 'sql', 'SELECT 1 + 1 AS two', /^\[\[2\]\]$/)
    },
  },
  {
    id: 'S-DEPLOY-007',
    title:
      "a batch running Spark's examples jar (SparkPi) ends success and its log says Pi is roughly 3.14…",
    covers: ['B-DEPLOY-006'],
    tags,
    suite,
    parity,
    timeoutMs: TIMEOUT,
    async run(ctx) {
      const { id } = await ctx.createBatch({
        file: ctx.deployment.examplesJar,
        className: SPARK_PI,
        args: ['10'],
      })
      const state = await untilFinished(ctx, id)
      const log = (await ctx.get(`/batches/${id}/log?from=0&size=10000`)).json<{ log: string[] }>()
        .log
      ctx.expect.equal(
        state,
        'success',
        `the SparkPi batch's final state (file ${ctx.deployment.examplesJar}; --examples-jar sets another); last log lines: ${JSON.stringify(log.slice(-8))}`,
      )
      ctx.expect.that(
        log.some((line) => /Pi is roughly 3\.1\d*/.test(line)),
        `the SparkPi batch's log should have "Pi is roughly 3.14…" (in YARN cluster mode the driver's stdout is in YARN's logs, not Livy's); last lines: ${JSON.stringify(log.slice(-8))}`,
      )
    },
  },
  {
    id: 'S-DEPLOY-008',
    title: 'a batch whose main class does not exist ends dead',
    covers: ['B-DEPLOY-006'],
    tags,
    suite,
    parity,
    timeoutMs: TIMEOUT,
    async run(ctx) {
      const { id } = await ctx.createBatch({
        file: ctx.deployment.examplesJar,
        className: 'org.apache.spark.examples.LivyDeploymentCheckNoSuchClass',
      })
      ctx.expect.equal(await untilFinished(ctx, id), 'dead', "the failing batch's final state")
    },
  },
  {
    id: 'S-DEPLOY-009',
    title: 'the configured credentials are accepted and wrong ones refused (401/403)',
    covers: ['B-DEPLOY-007'],
    tags,
    suite,
    parity,
    async run(ctx) {
      ctx.expect.status(await ctx.get('/sessions'), 200)
      const auth = ctx.deployment.auth
      if (auth === 'none') {
        ctx.note('no credentials configured (--auth): the endpoint answers without them')
        return
      }
      const wrong =
        auth === 'basic'
          ? `Basic ${btoa('livy-conformance-wrong:wrong-password')}`
          : 'Bearer livy-conformance-wrong-token'
      const refused = await ctx.get('/sessions', {
        headers: { Authorization: wrong },
        unvalidated: true,
      })
      ctx.expect.that(
        refused.status === 401 || refused.status === 403,
        `wrong ${auth} credentials should get 401 or 403; got ${refused.status}`,
      )
      const none = await ctx.get('/sessions', {
        headers: { Authorization: null },
        unvalidated: true,
      })
      ctx.expect.that(
        none.status === 401 || none.status === 403,
        `no credentials should get 401 or 403; got ${none.status}`,
      )
    },
  },
]
