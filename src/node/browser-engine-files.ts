import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { compiledStdlibPath } from '../engine/python-sources-node.ts'

/**
 * Pyodide's runtime files that the browser engine fetches from its `indexURL` (default
 * `/pyodide/`). Python packages from Pyodide's repository are not used, so none is listed.
 */
export const BROWSER_ENGINE_FILE_NAMES = [
  'pyodide.mjs',
  'pyodide.asm.js',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
] as const

/** One file a page serves for the browser engine: its name under `/pyodide/`, and where it is. */
export interface BrowserEngineFile {
  readonly name: (typeof BROWSER_ENGINE_FILE_NAMES)[number]
  readonly path: string
}

/**
 * The files a page that uses `livy-emulator/browser` serves at `/pyodide/` (or its
 * `pyodideIndexURL`), from the `pyodide` package this package depends on. `python_stdlib.zip`
 * is the standard library the package's build compiled to bytecode when it is there (the
 * engine then starts about twice as fast: docs/decisions/0019), else Pyodide's own.
 *
 * @example
 * import { browserEngineFiles } from 'livy-emulator/node'
 * for (const file of browserEngineFiles()) await copyFile(file.path, `public/pyodide/${file.name}`)
 */
export function browserEngineFiles(): BrowserEngineFile[] {
  const require = createRequire(import.meta.url)
  const pyodide = dirname(require.resolve('pyodide/package.json'))
  const stdlib = compiledStdlibPath()
  return BROWSER_ENGINE_FILE_NAMES.map((name) => ({
    name,
    path: name === 'python_stdlib.zip' && stdlib !== undefined ? stdlib : join(pyodide, name),
  }))
}
