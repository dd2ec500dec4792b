import { spawn } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect, test } from 'vitest'

const entry = pathToFileURL(join(import.meta.dirname, '../../src/index.ts')).href

/** Runs `body` as a module in a fresh Node process; resolves with its exit code, or 'hung'. */
async function exitOf(body: string, giveUpMs: number): Promise<number | 'hung'> {
  const dir = await mkdtemp(join(tmpdir(), 'idle-exit-'))
  const file = join(dir, 'script.mjs')
  await writeFile(file, `import { createLivyEmulator } from ${JSON.stringify(entry)}\n${body}`)
  const child = spawn(process.execPath, [file], { stdio: ['ignore', 'ignore', 'inherit'] })
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      resolve('hung')
    }, giveUpMs)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve(code ?? -1)
    })
  })
}

test('a process whose interpreter started but never ran anything ends when its work is done', async () => {
  // Creating a pyspark session starts an interpreter ahead of its first statement; waiting
  // for it to load makes sure it is there. Then nothing keeps the process: it ends.
  const code = await exitOf(
    `const livy = createLivyEmulator({ timing: 'fast' })
await livy.fetch('/sessions', { method: 'POST', body: '{"kind":"pyspark"}' })
await livy.advance(60_000)
await new Promise((r) => setTimeout(r, 4000))
console.error('done')`,
    30_000,
  )
  expect(code).toBe(0)
}, 40_000)
