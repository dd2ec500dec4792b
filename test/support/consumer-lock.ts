import { readFileSync } from 'node:fs'
import { join } from 'node:path'

interface LockEntry {
  readonly version?: string
  readonly link?: boolean
  readonly dependencies?: Readonly<Record<string, string>>
  readonly optionalDependencies?: Readonly<Record<string, string>>
  readonly peerDependencies?: Readonly<Record<string, string>>
  readonly peerDependenciesMeta?: Readonly<Record<string, { optional?: boolean }>>
  readonly [field: string]: unknown
}

/** Fields that say how an entry relates to the repository's root, not to a consumer's. */
const RELATION_FIELDS = new Set(['dev', 'peer', 'devOptional', 'optional'])

/**
 * A package-lock.json for a scratch project that depends on the packed tarball only, made from
 * the repository's own lock: the tarball's entry, and every package its dependencies and
 * required peers reach, at the versions and integrities the repository installed.
 *
 * Why: `npm install <tarball> --offline` needs each dependency's registry metadata, which `npm
 * ci` never caches (it installs from the lock), so it fails here with ENOTCACHED. `npm ci
 * --offline` from this lock needs only the tarballs, which `npm ci` did cache.
 *
 * @example
 * const { manifest, lock } = consumerLock(repoRoot, '../livy-emulator-0.1.0.tgz')
 */
export function consumerLock(
  repoRoot: string,
  tarballSpec: string,
): { manifest: Record<string, unknown>; lock: Record<string, unknown> } {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as LockEntry & {
    name: string
  }
  const repoLock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>
  }
  const entries = repoLock.packages

  /** Node's lookup: the nearest node_modules/<name> walking up from the requiring package. */
  const resolveFrom = (from: string, name: string): string | undefined => {
    let base = from
    for (;;) {
      const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`
      const entry = entries[candidate]
      if (entry !== undefined && !entry.link) return candidate
      if (base === '') return undefined
      const at = base.lastIndexOf('/node_modules/')
      base = at < 0 ? '' : base.slice(0, at)
    }
  }

  const packages: Record<string, unknown> = {}
  const queue: [from: string, entry: LockEntry][] = [['', pkg]]
  while (queue.length > 0) {
    const [from, entry] = queue.shift() as [string, LockEntry]
    const optionalPeers = entry.peerDependenciesMeta ?? {}
    const wanted = [
      ...Object.keys(entry.dependencies ?? {}).map((n) => [n, true] as const),
      ...Object.keys(entry.optionalDependencies ?? {}).map((n) => [n, false] as const),
      ...Object.keys(entry.peerDependencies ?? {})
        .filter((n) => !optionalPeers[n]?.optional)
        .map((n) => [n, true] as const),
    ]
    for (const [name, required] of wanted) {
      const path = resolveFrom(from, name)
      if (path === undefined) {
        // Another platform's optional binary is listed without being installable here.
        if (required) throw new Error(`${name} (needed by ${from || pkg.name}) is not in the lock`)
        continue
      }
      if (path in packages) continue
      const found = entries[path] as LockEntry
      packages[path] = Object.fromEntries(
        Object.entries(found).filter(([field]) => !RELATION_FIELDS.has(field)),
      )
      queue.push([path, found])
    }
  }

  const own: Record<string, unknown> = { version: pkg.version, resolved: tarballSpec }
  for (const field of ['license', 'dependencies', 'peerDependencies', 'peerDependenciesMeta'])
    if (pkg[field] !== undefined) own[field] = pkg[field]
  if (pkg.bin !== undefined) own.bin = pkg.bin
  if (pkg.engines !== undefined) own.engines = pkg.engines

  const manifest = {
    name: 'consumer',
    version: '1.0.0',
    private: true,
    dependencies: { [pkg.name]: tarballSpec },
  }
  const lock = {
    name: 'consumer',
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'consumer', version: '1.0.0', dependencies: manifest.dependencies },
      [`node_modules/${pkg.name}`]: own,
      ...Object.fromEntries(Object.entries(packages).sort(([a], [b]) => a.localeCompare(b, 'en'))),
    },
  }
  return { manifest, lock }
}
