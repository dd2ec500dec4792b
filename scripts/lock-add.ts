/**
 * Adds packages to package.json and package-lock.json without rewriting the rest of the lock.
 *
 * A plain `npm install` here rewrites the whole lock and drops the optional entries of other
 * platforms that this registry does not serve (Biome's binaries: docs/decisions/0010), so a
 * clean clone elsewhere would fail `npm ci`. This script lets npm resolve the new packages in a
 * scratch copy (`--package-lock-only`, nothing installed), then copies back only the entries
 * that copy has and the real lock lacks, plus the root's new dependency ranges. An entry that
 * npm would have changed is reported and left as it is, and the script fails: resolve that by
 * hand.
 *
 *   node scripts/lock-add.ts [--dev] name@version [name@version …]
 *   npm ci   # then installs them
 *
 * @example
 * // node scripts/lock-add.ts --dev publint@0.3.25
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

interface LockEntry {
  [key: string]: unknown
}
interface Lock {
  packages: Record<string, LockEntry>
  [key: string]: unknown
}

const root = join(import.meta.dirname, '..')
const args = process.argv.slice(2)
const dev = args.includes('--dev')
const specs = args.filter((a) => a !== '--dev')
if (specs.length === 0) {
  console.error('usage: node scripts/lock-add.ts [--dev] name@version [name@version …]')
  process.exit(64)
}

const scratch = mkdtempSync(join(tmpdir(), 'lock-add-'))
try {
  for (const file of ['package.json', 'package-lock.json'])
    copyFileSync(join(root, file), join(scratch, file))
  execFileSync(
    'npm',
    [
      'install',
      '--package-lock-only',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      dev ? '--save-dev' : '--save-prod',
      '--save-exact=false',
      ...specs,
    ],
    { cwd: scratch, stdio: ['ignore', 'inherit', 'inherit'] },
  )
  const before = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lock
  const after = JSON.parse(readFileSync(join(scratch, 'package-lock.json'), 'utf8')) as Lock
  const manifest = JSON.parse(readFileSync(join(scratch, 'package.json'), 'utf8')) as Record<
    string,
    unknown
  >

  const added: string[] = []
  const changed: string[] = []
  for (const [key, entry] of Object.entries(after.packages)) {
    if (key === '') continue
    const old = before.packages[key]
    if (old === undefined) {
      before.packages[key] = entry
      added.push(key)
    } else if (JSON.stringify(old) !== JSON.stringify(entry)) {
      changed.push(key)
    }
  }
  // The root entry mirrors package.json: take only its dependency lists from the scratch copy.
  const field = dev ? 'devDependencies' : 'dependencies'
  const rootEntry = before.packages[''] as LockEntry
  rootEntry[field] = (after.packages[''] as LockEntry)[field]
  // Keep the lock's key order as npm writes it (paths sorted by localeCompare, root first).
  before.packages = Object.fromEntries(
    Object.entries(before.packages).sort(([a], [b]) => a.localeCompare(b, 'en')),
  )
  writeFileSync(join(root, 'package-lock.json'), `${JSON.stringify(before, null, 2)}\n`)
  const real = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<
    string,
    unknown
  >
  real[field] = manifest[field]
  writeFileSync(join(root, 'package.json'), `${JSON.stringify(real, null, 2)}\n`)

  console.log(`added ${added.length} lock entries:\n  ${added.join('\n  ')}`)
  if (changed.length > 0) {
    console.error(
      `npm would also have changed these existing entries (left as they were):\n  ${changed.join('\n  ')}`,
    )
    process.exitCode = 1
  }
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
