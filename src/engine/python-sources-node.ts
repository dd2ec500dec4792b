import { existsSync, readFileSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { PythonSource } from './protocol.ts'

/**
 * The engine's Python packages, read from the package's `src/engine/python` (next to this file
 * when running from source, three levels up from `dist/src/engine` when built).
 *
 * @example
 * const sources = await readPythonSources() // [{ path: 'livy_repl/entry.py', text: '…' }, …]
 */
export async function readPythonSources(
  options: { includeTests?: boolean; bytecode?: boolean } = {},
): Promise<PythonSource[]> {
  const root = await pythonRoot()
  const sources: PythonSource[] = []
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name === '__pycache__' || entry.name.startsWith('.')) continue
      if (entry.isDirectory()) {
        if (entry.name === 'tests' && !options.includeTests) continue
        await walk(`${dir}/${entry.name}`, `${prefix}${entry.name}/`)
      } else if (entry.name.endsWith('.py')) {
        sources.push({
          path: `${prefix}${entry.name}`,
          text: await readFile(`${dir}/${entry.name}`, 'utf8'),
        })
      }
    }
  }
  await walk(root, '')
  if (options.bytecode !== false) sources.push(...(await readBytecode()))
  return sources
}

/**
 * The bytecode `npm run build` compiled (`scripts/build-python-bytecode.ts`), if there is
 * some. Checked hashes make a stale file harmless: Python compiles that source again.
 */
async function readBytecode(): Promise<PythonSource[]> {
  // @vite-ignore: this module is Node-only, but a browser bundle of the package still sees
  // it (behind a dynamic import); without the comment Vite would copy these files into it.
  const candidates = [
    new URL(/* @vite-ignore */ '../../dist/engine/python-bytecode.json', import.meta.url),
    new URL(/* @vite-ignore */ '../../engine/python-bytecode.json', import.meta.url),
    // The one-file server bundle (`dist/server/`, the Python package, the container image).
    new URL(/* @vite-ignore */ './engine/python-bytecode.json', import.meta.url),
  ]
  for (const url of candidates) {
    const text = await readFile(url, 'utf8').catch(() => undefined)
    if (text === undefined) continue
    const { files } = JSON.parse(text) as { files: Record<string, string> }
    return Object.entries(files).map(([path, base64]) => ({
      path,
      text: '',
      bytes: new Uint8Array(Buffer.from(base64, 'base64')),
    }))
  }
  return []
}

async function pythonRoot(): Promise<string> {
  const candidates = [
    new URL(/* @vite-ignore */ './python', import.meta.url),
    new URL(/* @vite-ignore */ '../../../src/engine/python', import.meta.url),
  ]
  for (const url of candidates) {
    const path = fileURLToPath(url)
    if ((await stat(path).catch(() => undefined))?.isDirectory()) return path
  }
  throw new Error(`the engine's Python sources are missing (looked in ${candidates.join(', ')})`)
}

/** The file name of Pyodide's standard library compiled by `npm run build`, per Pyodide version. */
export function compiledStdlibName(pyodideVersion: string): string {
  return `python_stdlib-${pyodideVersion}.zip`
}

/**
 * Where `npm run build` left Pyodide's standard library with bytecode, for the installed
 * Pyodide only (another version's archive would be another standard library), or `undefined`:
 * Pyodide then uses its own, which compiles each module it imports.
 *
 * @example
 * const stdLibURL = compiledStdlibPath() // '/…/dist/engine/python_stdlib-0.25.1.zip'
 */
export function compiledStdlibPath(): string | undefined {
  const version = installedPyodideVersion()
  if (version === undefined) return undefined
  // The last one: next to the one-file server bundle (`scripts/build-server-bundle.ts`).
  for (const dir of ['../../dist/engine/', '../../engine/', './engine/']) {
    const path = fileURLToPath(new URL(dir + compiledStdlibName(version), import.meta.url))
    if (existsSync(path)) return path
  }
  return undefined
}

/** The version of the `pyodide` package this module resolves, if it resolves one. */
export function installedPyodideVersion(): string | undefined {
  try {
    const require = createRequire(import.meta.url)
    const manifest = readFileSync(require.resolve('pyodide/package.json'), 'utf8')
    return (JSON.parse(manifest) as { version: string }).version
  } catch {
    return undefined
  }
}
