/**
 * `npm run build` step: compiles the engine's Python packages to bytecode inside Pyodide (the
 * CPython that runs them) and writes `dist/engine/python-bytecode.json`. Workers then import
 * without compiling: about four times faster on the engine's cold start. The `.pyc` files use
 * checked hashes, so a source changed since the build is simply compiled again, never stale.
 *
 *   node scripts/build-python-bytecode.ts
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { loadPyodide } from 'pyodide'
import { ENGINE_ROOT, writeSources } from '../src/engine/python-runtime.ts'
import { readPythonSources } from '../src/engine/python-sources-node.ts'

const out = join(import.meta.dirname, '..', 'dist', 'engine', 'python-bytecode.json')

const pyodide = await loadPyodide()
writeSources(pyodide, await readPythonSources({ bytecode: false }))
pyodide.runPython(`
import compileall, py_compile
ok = compileall.compile_dir(${JSON.stringify(ENGINE_ROOT)}, quiet=1,
    invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
if not ok:
    raise SystemExit('compiling the engine failed')
`)
const files: Record<string, string> = {}
const walk = (dir: string): void => {
  for (const name of pyodide.FS.readdir(dir) as string[]) {
    if (name === '.' || name === '..') continue
    const path = `${dir}/${name}`
    if (pyodide.FS.isDir(pyodide.FS.stat(path).mode)) walk(path)
    else if (name.endsWith('.pyc'))
      files[path.slice(ENGINE_ROOT.length + 1)] = Buffer.from(pyodide.FS.readFile(path)).toString(
        'base64',
      )
  }
}
walk(ENGINE_ROOT)
await mkdir(join(out, '..'), { recursive: true })
await writeFile(out, JSON.stringify({ python: '3.11', files }))
console.log(`python bytecode: ${Object.keys(files).length} modules → ${out}`)
