/// <reference types="vite/client" />
import type { PythonSource } from './protocol.ts'

/**
 * The engine's Python packages, inlined into the bundle by Vite at build time (about 0.8 MB of
 * text, gzip shrinks it to a fraction): a worker receives them in its init message, so no
 * file is fetched one by one from a server that may not even serve them.
 *
 * The second pattern is for the published package: there this module is
 * `dist/src/engine/browser-python-sources.js`, and the sources stay in `src/engine/python`.
 * Whichever layout is absent matches nothing.
 */
const modules = import.meta.glob<string>(
  ['./python/**/*.py', '../../../src/engine/python/**/*.py', '!**/tests/**', '!**/__pycache__/**'],
  { query: '?raw', import: 'default', eager: true },
)

/**
 * The engine's Python sources, paths below the engine's root (as `readPythonSources` in Node).
 *
 * @example
 * const sources = bundledPythonSources() // [{ path: 'livy_repl/entry.py', text: '…' }, …]
 */
export function bundledPythonSources(): PythonSource[] {
  const sources: PythonSource[] = []
  for (const [key, text] of Object.entries(modules)) {
    const at = key.indexOf('/python/')
    if (at >= 0) sources.push({ path: key.slice(at + '/python/'.length), text })
  }
  return sources.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
