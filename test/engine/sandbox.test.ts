import { expect, test } from 'vitest'
import { createLivyEmulator } from '../../src/index.ts'

// biome-ignore lint/suspicious/noExplicitAny: JSON replies read loosely, compared exactly
type Json = Record<string, any>

test('statement code cannot reach the host through Pyodide’s JavaScript bridge', async () => {
  const livy = createLivyEmulator({ timing: 'fast' })
  await livy.fetch('/sessions', { method: 'POST', body: '{"kind":"pyspark"}' })
  await livy.advance(60_000)
  const run = async (code: string): Promise<Json> => {
    const posted = (await (
      await livy.fetch('/sessions/0/statements', { method: 'POST', body: JSON.stringify({ code }) })
    ).json()) as Json
    await livy.advance(1_000)
    return (await (await livy.fetch(`/sessions/0/statements/${posted.id}`)).json()) as Json
  }
  for (const code of [
    'import js',
    'from pyodide.code import run_js',
    'import pyodide_js',
    "import importlib\nimportlib.import_module('js')",
  ]) {
    const out = (await run(code)).output
    expect(out.ename, code).toBe('ModuleNotFoundError')
  }
  expect((await run("import sys\n'js' in sys.modules")).output.data['text/plain']).toBe('False')
  // What the engine itself took from the host before the bridge closed still works.
  await run("spark.conf.set('spark.sql.session.timeZone', 'America/New_York')")
  const json = await run(
    "import datetime\nspark.createDataFrame([(datetime.datetime(2024, 7, 2, 3, 4, 5),)], ['t']).toJSON().first()",
  )
  expect(json.output.data['text/plain']).toBe(`'{"t":"2024-07-02T03:04:05.000-04:00"}'`)
})
