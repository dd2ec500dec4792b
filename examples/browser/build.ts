import { copyFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { browserEngineFiles } from 'livy-emulator/node'
import { build } from 'vite'

const here = import.meta.dirname

/**
 * Builds the example page with Vite into `outDir`, next to msw's service worker script and
 * the browser engine's files (Pyodide's runtime, in `outDir/pyodide/`). Everything comes from
 * the installed packages (`livy-emulator`, `msw`), as in an app of your own.
 *
 * @example
 * await buildExample('/tmp/example') // then: node examples/browser/serve.ts /tmp/example
 */
export async function buildExample(outDir: string): Promise<void> {
  await build({
    root: here,
    logLevel: 'warn',
    configFile: false,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      // The page bundle has its own budget (test/browser/example-bundle.test.ts), and the
      // engine's inlined Python (1.3 MB, loaded on the first statement) is big by design.
      chunkSizeWarningLimit: 1_400,
    },
    // The engine's worker imports Pyodide's loader, which has dynamic imports (its Node
    // branches): only the `es` worker format allows them.
    worker: { format: 'es' },
  })
  await mkdir(join(outDir, 'pyodide'), { recursive: true })
  await copyFile(
    fileURLToPath(import.meta.resolve('msw/mockServiceWorker.js')),
    join(outDir, 'mockServiceWorker.js'),
  )
  for (const file of browserEngineFiles())
    await copyFile(file.path, join(outDir, 'pyodide', file.name))
}

if (process.argv[1] === import.meta.filename) {
  const out = process.argv[2] ?? join(here, 'dist')
  await buildExample(out)
  console.log(`example built into ${out}; serve it with: node ${join(here, 'serve.ts')} ${out}`)
}
