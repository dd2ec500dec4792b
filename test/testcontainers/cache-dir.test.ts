/**
 * Where the Livy image build caches its ~700 MB (jars, Spark, the Debian rootfs): the user's
 * cache directory, so that `npm ci` (which deletes node_modules, and so an installed package's
 * own directory) does not throw it away on every CI run.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import {
  type BuildOptions,
  LivyArtifactsUnavailable,
  LivyContainer,
  livyCacheDir,
  runRecipeScript,
} from '../../src/testcontainers/livy-container.ts'

describe('livyCacheDir', () => {
  test('defaults to ~/.cache/livy-emulator/livy', () => {
    expect(livyCacheDir({ HOME: '/home/ada' })).toBe('/home/ada/.cache/livy-emulator/livy')
  })

  test('follows XDG_CACHE_HOME, ignoring a relative one as the XDG spec says', () => {
    expect(livyCacheDir({ HOME: '/home/ada', XDG_CACHE_HOME: '/var/cache/ada' })).toBe(
      '/var/cache/ada/livy-emulator/livy',
    )
    expect(livyCacheDir({ HOME: '/home/ada', XDG_CACHE_HOME: 'cache' })).toBe(
      '/home/ada/.cache/livy-emulator/livy',
    )
  })

  test('LIVY_CACHE_DIR overrides both', () => {
    expect(
      livyCacheDir({ HOME: '/home/ada', XDG_CACHE_HOME: '/x', LIVY_CACHE_DIR: '/ci/livy' }),
    ).toBe('/ci/livy')
  })
})

describe('LivyContainer', () => {
  const ARTIFACTS_MISSING = { code: 3, stdout: '', stderr: 'fetch-artifacts: ERROR: no jars\n' }

  /** Image hooks that record the build options and fail the build as missing jars do. */
  function recordingHooks() {
    const seen: BuildOptions[] = []
    return {
      seen,
      hooks: {
        exists: async () => false,
        build: async (_image: string, options: BuildOptions) => {
          seen.push(options)
          return ARTIFACTS_MISSING
        },
      },
    }
  }

  test('builds into the user cache directory by default', async () => {
    vi.stubEnv('LIVY_IMAGE', undefined)
    vi.stubEnv('LIVY_CACHE_DIR', '/from/env/livy')
    try {
      const { seen, hooks } = recordingHooks()
      await expect(new LivyContainer().withImageHooks(hooks).start()).rejects.toBeInstanceOf(
        LivyArtifactsUnavailable,
      )
      expect(seen.map((o) => o.cacheDir)).toEqual(['/from/env/livy'])
    } finally {
      vi.unstubAllEnvs()
    }
  })

  test('withCacheDir() wins over the environment', async () => {
    vi.stubEnv('LIVY_IMAGE', undefined)
    vi.stubEnv('LIVY_CACHE_DIR', '/from/env/livy')
    try {
      const { seen, hooks } = recordingHooks()
      await expect(
        new LivyContainer().withCacheDir('/opt/ci-cache/livy').withImageHooks(hooks).start(),
      ).rejects.toBeInstanceOf(LivyArtifactsUnavailable)
      expect(seen.map((o) => o.cacheDir)).toEqual(['/opt/ci-cache/livy'])
    } finally {
      vi.unstubAllEnvs()
    }
  })
})

describe('the recipe scripts run by hand', () => {
  let home: string
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'livy-cache-home-'))
  })
  afterAll(async () => {
    await rm(home, { recursive: true, force: true })
  })

  /** Runs fetch-artifacts.sh with a Maven that fails at once; its error names the cache used. */
  async function cacheUsedBy(env: Record<string, string>): Promise<string | undefined> {
    const result = await runRecipeScript('fetch-artifacts.sh', [], {
      onLog: () => {},
      env: { LIVY_CACHE_DIR: '', XDG_CACHE_HOME: '', HOME: home, MVN: 'false', ...env },
    })
    expect(result.code).toBe(3)
    return /full log: (\S+)\/mvn-resolve\.log/.exec(result.stderr)?.[1]
  }

  test('default to the same user cache directory as LivyContainer', async () => {
    expect(await cacheUsedBy({})).toBe(join(home, '.cache', 'livy-emulator', 'livy'))
    expect(await cacheUsedBy({ XDG_CACHE_HOME: join(home, 'xdg') })).toBe(
      join(home, 'xdg', 'livy-emulator', 'livy'),
    )
    expect(await cacheUsedBy({ LIVY_CACHE_DIR: join(home, 'mine') })).toBe(join(home, 'mine'))
  })
})
