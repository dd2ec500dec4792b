import { copyFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from 'vite'

const here = import.meta.dirname

/**
 * Builds the example page with Vite into `outDir`, next to msw's service worker script.
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
  })
  await mkdir(outDir, { recursive: true })
  await copyFile(
    join(here, '..', '..', 'node_modules', 'msw', 'lib', 'mockServiceWorker.js'),
    join(outDir, 'mockServiceWorker.js'),
  )
}

if (process.argv[1] === import.meta.filename) {
  const out = process.argv[2] ?? join(here, 'dist')
  await buildExample(out)
  console.log(`example built into ${out}`)
}
