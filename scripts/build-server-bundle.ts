/**
 * `npm run build` step: the server as one file plus the engine's runtime files, for runtimes
 * that carry no `node_modules` (the Python package `python/`, the locally built container
 * image). Writes `dist/server/`:
 *
 *   livy-emulator.js        the CLI, every dependency bundled (rolldown, which Vite already brings)
 *   node-worker.js          the engine's worker-thread entry (node-engine.ts loads it by this name)
 *   package.json            {"type":"module"}: both files are ES modules
 *   python/                 the engine's Python packages (their sources, tests left out)
 *   engine/                 the bytecode and compiled standard library of dist/engine/
 *   node_modules/pyodide/   Pyodide's runtime files: left external, because Pyodide finds its
 *                           .wasm and standard library next to its own module
 *
 * Run after `tsc` and `scripts/build-python-bytecode.ts` (dist/engine/ must exist).
 *
 *   node scripts/build-server-bundle.ts
 */
import { cp, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { rolldown } from 'rolldown'

const root = join(import.meta.dirname, '..')
const out = join(root, 'dist', 'server')
const started = performance.now()

await rm(out, { recursive: true, force: true })
await mkdir(out, { recursive: true })

// Pyodide's files (the loader, the .wasm, its standard library and lock file), nothing else.
const PYODIDE_FILES = [
  'package.json',
  'pyodide.mjs',
  'pyodide.asm.js',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
]

// One build per entry, each a single file: the CLI and the worker share a few modules, and
// a shared chunk would only add a third file for the launchers to carry.
for (const [name, input] of [
  ['livy-emulator', 'src/cli/server-entry.ts'],
  ['node-worker', 'src/engine/node-worker.ts'],
] as const) {
  const build = await rolldown({
    input: join(root, input),
    platform: 'node',
    external: [/^node:/, 'pyodide'],
    logLevel: 'warn',
  })
  await build.write({
    file: join(out, `${name}.js`),
    format: 'esm',
    codeSplitting: false,
    // Unminified: the server's stack traces stay readable in a user's test log.
    minify: false,
  })
  await build.close()
}

await writeFile(join(out, 'package.json'), '{ "type": "module", "private": true }\n')

const pyodideSource = dirname(join(root, 'node_modules', 'pyodide', 'package.json'))
const pyodideTarget = join(out, 'node_modules', 'pyodide')
await mkdir(pyodideTarget, { recursive: true })
for (const file of PYODIDE_FILES) await cp(join(pyodideSource, file), join(pyodideTarget, file))

const engineSource = join(root, 'dist', 'engine')
if (!(await stat(engineSource).catch(() => undefined)))
  throw new Error('dist/engine/ is missing: run scripts/build-python-bytecode.ts first')
await cp(engineSource, join(out, 'engine'), { recursive: true })
await cp(join(root, 'src', 'engine', 'python'), join(out, 'python'), {
  recursive: true,
  filter: (path) => !/(^|\/)(tests|__pycache__)(\/|$)/.test(path.slice(root.length)),
})

const files = await readdir(out, { recursive: true })
process.stdout.write(
  `server bundle: dist/server/ (${files.length} entries) in ${Math.round(performance.now() - started)} ms\n`,
)
