import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { runCrashCycles } from '../support/crash-cycles.ts'

// Needs `npm run build` (the CLI runs from dist/). More cycles: node scripts/crash-test.ts --cycles 200
const CYCLES = Number(process.env.LIVY_CRASH_CYCLES ?? 25)
const SEED = process.env.LIVY_CRASH_SEED ?? String(Date.now())

test(`every acknowledged write survives kill -9 at a random moment, ${CYCLES} times, ids are never reused, a second server is refused, and mid-file damage is refused with the file untouched`, async () => {
  console.log(`crash test seed ${SEED} (set LIVY_CRASH_SEED=${SEED} to repeat its choices)`)
  const dir = await mkdtemp(join(tmpdir(), 'livy-crash-'))
  try {
    const report = await runCrashCycles({ cycles: CYCLES, seed: SEED, dir })
    console.log(report)
    expect(report.cycles).toBe(CYCLES)
    expect(report.acknowledged).toBeGreaterThan(CYCLES * 5)
    expect(report.cutOff).toBeGreaterThan(0)
    expect(report.secondServerRefused).toBe(true)
    expect(report.midFileDamage).toMatchObject({
      refused: true,
      untouched: true,
      backupIdentical: true,
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}, 120_000)
