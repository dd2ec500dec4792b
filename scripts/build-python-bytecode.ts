/**
 * `npm run build` step: compiles the engine's Python packages to bytecode inside Pyodide (the
 * CPython that runs them) and writes `dist/engine/python-bytecode.json`. Workers then import
 * without compiling: about four times faster on the engine's cold start. The `.pyc` files use
 * checked hashes, so a source changed since the build is simply compiled again, never stale.
 *
 * It also writes `dist/engine/python_stdlib-<pyodide version>.zip`: Pyodide's standard library
 * with a `.pyc` beside each `.py`. Pyodide ships sources only, and compiling them on every
 * start was two thirds of the engine's cold start (docs/decisions/0019).
 *
 *   node scripts/build-python-bytecode.ts
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { loadPyodide } from 'pyodide'
import { ENGINE_ROOT, writeSources } from '../src/engine/python-runtime.ts'
import {
  compiledStdlibName,
  installedPyodideVersion,
  readPythonSources,
} from '../src/engine/python-sources-node.ts'

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

// Python's own zipimport reads a `.pyc` before its `.py` and checks the source's hash, so the
// sources stay in the archive (tracebacks show their lines) and can never be shadowed by stale
// bytecode. The file names the code carries are where Pyodide mounts the archive.
const version = installedPyodideVersion()
if (version === undefined) throw new Error('the pyodide package is not installed')
const stdlib = pyodide.runPython(`
import io, zipfile, _imp
from importlib import _bootstrap_external as external
source = zipfile.ZipFile('/lib/python311.zip')
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, 'w', zipfile.ZIP_DEFLATED) as target:
    for info in source.infolist():
        data = source.read(info)
        target.writestr(info, data)
        if not info.filename.endswith('.py'):
            continue
        code = compile(data, '/lib/python311.zip/' + info.filename, 'exec', dont_inherit=True)
        pyc = external._code_to_hash_pyc(
            code, _imp.source_hash(external._RAW_MAGIC_NUMBER, data), checked=True)
        target.writestr(zipfile.ZipInfo(info.filename + 'c', date_time=info.date_time), pyc,
            compress_type=zipfile.ZIP_DEFLATED)
buffer.getvalue()
`) as { toJs(): Uint8Array; destroy(): void }
const stdlibOut = join(out, '..', compiledStdlibName(version))
await writeFile(stdlibOut, stdlib.toJs())
stdlib.destroy()
console.log(`python stdlib bytecode → ${stdlibOut}`)
