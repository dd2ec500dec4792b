import { loadPyodide } from 'pyodide'
import { expect, test } from 'vitest'
import { ENGINE_ROOT, writeSources, zoneOffsetMinutes } from '../../src/engine/python-runtime.ts'
import { readPythonSources } from '../../src/engine/python-sources-node.ts'
import { loadSparkAnswers } from '../support/spark-answers.ts'

/**
 * The engine's Python unit tests (`src/engine/python/tests`), run where the engine really runs:
 * CPython 3.11 on WebAssembly (Pyodide), not the machine's Python.
 */
test('the Python unit tests pass inside Pyodide', { timeout: 300_000 }, async () => {
  const pyodide = await loadPyodide()
  // As the worker does: time zones come from the host's Intl.
  ;(globalThis as { livyZoneOffset?: typeof zoneOffsetMinutes }).livyZoneOffset = zoneOffsetMinutes
  const root = ENGINE_ROOT
  writeSources(pyodide, await readPythonSources({ includeTests: true }))
  // The tests that compare with the recorded corpus look for it beside the repository.
  pyodide.FS.mkdirTree('/shared/spark')
  pyodide.FS.writeFile(
    '/shared/spark/answers-livy-0.9.0-spark-3.5.json',
    JSON.stringify(loadSparkAnswers()),
  )
  const report = pyodide.runPython(`
import io, json, os, sys, unittest
os.chdir(${JSON.stringify(root)})
sys.path.insert(0, ${JSON.stringify(root)})
stream = io.StringIO()
suite = unittest.defaultTestLoader.discover(${JSON.stringify(`${root}/tests`)}, top_level_dir=${JSON.stringify(`${root}/tests`)})
result = unittest.TextTestRunner(stream=stream, verbosity=1).run(suite)
json.dumps({
    'run': result.testsRun,
    'failures': len(result.failures),
    'errors': len(result.errors),
    'skipped': len(result.skipped),
    'text': stream.getvalue()[-6000:],
})
`) as string
  const result = JSON.parse(report) as {
    run: number
    failures: number
    errors: number
    skipped: number
    text: string
  }
  console.log(
    `python unit tests in Pyodide: ${result.run} run, ${result.failures} failed, ${result.errors} errors, ${result.skipped} skipped`,
  )
  if (result.failures + result.errors > 0) console.log(result.text)
  expect(result.run).toBeGreaterThan(0)
  expect(result.failures + result.errors).toBe(0)
  expect(result.skipped).toBe(0)
})
