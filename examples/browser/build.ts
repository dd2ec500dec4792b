import { copyFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from 'vite'
import { compiledStdlibPath } from '../../src/engine/python-sources-node.ts'

const here = import.meta.dirname
const modules = join(here, '..', '..', 'node_modules')

/**
 * Pyodide's loader and runtime, fetched by the worker from `/pyodide/` (the engine's default `indexURL`)
 * on the first statement: about 12.5 MB, of which the wasm is 9 MB (compressed by a server
 * that gzips, ~3 MB). Python packages from Pyodide's repository are not used, so none is
 * copied.
 */
export const PYODIDE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.js',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
] as const

/**
 * Builds the example page with Vite into `outDir`, next to msw's service worker script and
 * Pyodide's runtime files (in `outDir/pyodide/`).
 *
 * @example
 * await buildExample('/tmp/example') // then serve /tmp/example/index.html
 */
export async function buildExample(outDir: string): Promise<void> {
  await build({
    root: here,
    logLevel: 'warn',
    configFile: false,
    build: { outDir, emptyOutDir: true, target: 'es2022' },
    // The engine's worker imports Pyodide's loader, which has dynamic imports (its Node
    // branches): only the `es` worker format allows them.
    worker: { format: 'es' },
  })
  await mkdir(join(outDir, 'pyodide'), { recursive: true })
  await copyFile(
    join(modules, 'msw', 'lib', 'mockServiceWorker.js'),
    join(outDir, 'mockServiceWorker.js'),
  )
  // The standard library `npm run build` compiled to bytecode replaces Pyodide's own, which
  // holds sources only: the engine then starts about twice as fast (docs/decisions/0019).
  const stdlib = compiledStdlibPath()
  for (const file of PYODIDE_FILES) {
    const from =
      file === 'python_stdlib.zip' && stdlib !== undefined ? stdlib : join(modules, 'pyodide', file)
    await copyFile(from, join(outDir, 'pyodide', file))
  }
}

if (process.argv[1] === import.meta.filename) {
  const out = process.argv[2] ?? join(here, 'dist')
  await buildExample(out)
  console.log(`example built into ${out}`)
}
