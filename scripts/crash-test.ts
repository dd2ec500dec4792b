/**
 * The crash test with as many cycles as you like: a `livy-emulator --state-file` server is
 * killed with SIGKILL at a random moment under concurrent writes, restarted on the same file,
 * and checked (every acknowledged write present, ids never reused). Build first.
 *
 * @example
 * npm run build && node scripts/crash-test.ts --cycles 200 --seed 42
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { runCrashCycles } from '../test/support/crash-cycles.ts'

const { values } = parseArgs({
  options: {
    cycles: { type: 'string', default: '100' },
    seed: { type: 'string' },
    clients: { type: 'string', default: '4' },
    'max-run-ms': { type: 'string', default: '400' },
  },
})
const cycles = Number(values.cycles)
const clients = Number(values.clients)
const maxRunMs = Number(values['max-run-ms'])
if (![cycles, clients, maxRunMs].every((n) => Number.isInteger(n) && n > 0)) {
  process.stderr.write(
    'usage: node scripts/crash-test.ts [--cycles N] [--seed S] [--clients N] [--max-run-ms N]\n',
  )
  process.exit(2)
}
const seed = values.seed ?? String(Date.now())
process.stdout.write(`crash test: ${cycles} cycles, ${clients} clients, seed ${seed}\n`)
const dir = await mkdtemp(join(tmpdir(), 'livy-crash-'))
const started = performance.now()
try {
  const report = await runCrashCycles({
    cycles,
    seed,
    dir,
    clients,
    maxRunMs,
    log: (line) => process.stdout.write(`${line}\n`),
  })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  process.stdout.write(`${JSON.stringify(report)}\nall ${cycles} cycles passed in ${seconds} s\n`)
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n(repeat with --seed ${seed})\n`)
  process.exitCode = 1
} finally {
  await rm(dir, { recursive: true, force: true })
}
