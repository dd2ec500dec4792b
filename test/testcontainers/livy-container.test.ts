import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  artifactsFailure,
  DEFAULT_LIVY_IMAGE,
  ensureLivyImage,
  LivyArtifactsUnavailable,
  LivyContainer,
  livyConfLines,
  type ScriptResult,
  type StartedLivyContainer,
  versionsFromLog,
} from '../../src/testcontainers/index.ts'

const run = promisify(execFile)

/** What fetch-artifacts.sh prints on a machine whose Maven repositories lack Livy 0.9.0. */
const ARTIFACTS_STDERR = [
  'build-image: image with recipe hash 0123 missing',
  '[ERROR] Failed to execute goal on project real-livy-0.9.0-classpath: Could not resolve dependencies: org.apache.livy:livy-server:jar:0.9.0-incubating was not found in https://repo.maven.apache.org/maven2',
  'fetch-artifacts: hint: org.apache.livy 0.9.0-incubating was not found in the Maven repositories used.',
  'fetch-artifacts: ERROR: could not resolve the Livy classpath from Maven Central (https://repo.maven.apache.org/maven2); full log: /cache/mvn-resolve.log',
  'build-image: ERROR: fetch-artifacts.sh failed (exit 3); its ERROR line above says which registry',
  '',
].join('\n')

const missingImage = (result: ScriptResult) => {
  const calls: string[] = []
  return {
    calls,
    hooks: {
      exists: async () => false,
      build: async (image: string) => {
        calls.push(image)
        return result
      },
    },
  }
}

/** Runs `fn` with LIVY_IMAGE unset (or set to `value`). */
async function withLivyImageEnv<T>(value: string | undefined, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.LIVY_IMAGE
  if (value === undefined) delete process.env.LIVY_IMAGE
  else process.env.LIVY_IMAGE = value
  try {
    return await fn()
  } finally {
    if (saved === undefined) delete process.env.LIVY_IMAGE
    else process.env.LIVY_IMAGE = saved
  }
}

describe('LivyContainer options', () => {
  test('defaults: the local image, port 8998, host network, /tmp/livy-files mounted and whitelisted', async () => {
    await withLivyImageEnv(undefined, async () => {
      const spec = new LivyContainer().describe()
      expect(spec).toMatchObject({
        image: DEFAULT_LIVY_IMAGE,
        networkMode: 'host',
        port: 8998,
        localDir: '/tmp/livy-files',
        env: { LIVY_PORT: '8998', LIVY_FILES_DIR: '/tmp/livy-files/' },
        bindMounts: [{ source: '/tmp/livy-files', target: '/tmp/livy-files', mode: 'rw' }],
        livyConf: [],
        startupTimeoutMs: 180_000,
      })
      expect(spec.env).not.toHaveProperty('LIVY_CONF_EXTRA')
    })
  })

  test('LIVY_IMAGE names the image when none is given', async () => {
    await withLivyImageEnv('registry.example/livy:0.9', async () => {
      expect(new LivyContainer().describe().image).toBe('registry.example/livy:0.9')
      expect(new LivyContainer('mine:1').describe().image).toBe('mine:1')
    })
  })

  test('builder options become docker run arguments and livy.conf lines', () => {
    const container = new LivyContainer('img:1')
      .withPort(8997)
      .withLocalDir('/tmp/other-files/')
      .withStartupTimeout(5_000)
      .withLivyConf({ 'livy.server.csrf-protection.enabled': 'true' })
      .withLivyConf({ 'livy.server.session.state-retain.sec': '5s' })
    expect(container.describe().livyConf).toEqual([
      'livy.server.csrf-protection.enabled = true',
      'livy.server.session.state-retain.sec = 5s',
    ])
    expect(container.describe().startupTimeoutMs).toBe(5_000)
    expect(container.toDockerRunArgs()).toEqual([
      'run',
      '--rm',
      '--network',
      'host',
      '-e',
      'LIVY_PORT=8997',
      '-e',
      'LIVY_FILES_DIR=/tmp/other-files/',
      '-e',
      'LIVY_CONF_EXTRA=livy.server.csrf-protection.enabled = true\nlivy.server.session.state-retain.sec = 5s',
      '-v',
      '/tmp/other-files:/tmp/other-files:rw',
      'img:1',
    ])
  })

  test('emulator-only livy-emulator.* keys never reach livy.conf; livy.server.port sets the port', () => {
    const container = new LivyContainer('img:1').withLivyConf({
      'livy.spark.master': 'local[*]',
      'livy-emulator.spark-blacklist': 'spark.master',
      'livy-emulator.unavailable-interpreters': 'sparkr',
      'livy.server.port': '9001',
    })
    expect(container.describe().livyConf).toEqual(['livy.spark.master = local[*]'])
    expect(container.describe().port).toBe(9001)
    expect(livyConfLines({ 'livy-emulator.x': 'y', 'livy.a': 'b' })).toEqual(['livy.a = b'])
  })

  test('a line break in a conf entry and a bad port are refused', () => {
    expect(() => new LivyContainer().withLivyConf({ 'livy.a': 'b\nlivy.server.port = 1' })).toThrow(
      /line break/,
    )
    expect(() => new LivyContainer().withPort(70_000)).toThrow(/not a port/)
  })

  test('Spark and Java versions are read from the startup banner', () => {
    const log = [
      'INFO LineBufferedStream:    /___/ .__/\\_,_/_/ /_/\\_\\   version 3.5.9',
      'INFO LineBufferedStream: Using Scala version 2.12.18, OpenJDK 64-Bit Server VM, 17.0.19',
    ].join('\n')
    expect(versionsFromLog(log)).toEqual({ sparkVersion: '3.5.9', javaVersion: '17.0.19' })
    expect(versionsFromLog('')).toEqual({})
  })
})

describe('the image', () => {
  test('a missing image whose build cannot fetch the Livy artifacts is LivyArtifactsUnavailable with the exact error', async () => {
    const { calls, hooks } = missingImage({ code: 3, stdout: '', stderr: ARTIFACTS_STDERR })
    const error = await withLivyImageEnv(undefined, () =>
      ensureLivyImage(DEFAULT_LIVY_IMAGE, { hooks }).catch((e: unknown) => e),
    )
    expect(calls).toEqual([DEFAULT_LIVY_IMAGE])
    expect(error).toBeInstanceOf(LivyArtifactsUnavailable)
    const e = error as LivyArtifactsUnavailable
    expect(e.scriptError).toBe(
      'fetch-artifacts: ERROR: could not resolve the Livy classpath from Maven Central (https://repo.maven.apache.org/maven2); full log: /cache/mvn-resolve.log',
    )
    expect(e.message).toContain(e.scriptError)
    expect(e.scriptOutput).toBe(ARTIFACTS_STDERR)
  })

  test('start() throws LivyArtifactsUnavailable before touching Docker', async () => {
    const { hooks } = missingImage({ code: 3, stdout: '', stderr: ARTIFACTS_STDERR })
    await withLivyImageEnv(undefined, async () => {
      await expect(
        new LivyContainer().withImageHooks(hooks).withPort(0).start(),
      ).rejects.toBeInstanceOf(LivyArtifactsUnavailable)
    })
  })

  test('any other build failure is a plain error with the script output tail', async () => {
    const { hooks } = missingImage({
      code: 1,
      stdout: '',
      stderr: 'build-image: ERROR: no Docker engine answers (docker info failed)\n',
    })
    const error = await withLivyImageEnv(undefined, () =>
      ensureLivyImage(DEFAULT_LIVY_IMAGE, { hooks }).catch((e: unknown) => e),
    )
    expect(error).not.toBeInstanceOf(LivyArtifactsUnavailable)
    expect(String(error)).toContain('build-image: ERROR: no Docker engine answers')
    expect(artifactsFailure({ code: 1, stdout: '', stderr: 'x' })).toBeUndefined()
  })

  test('with LIVY_IMAGE set, or another image, nothing is built', async () => {
    const { calls, hooks } = missingImage({ code: 0, stdout: '', stderr: '' })
    await withLivyImageEnv('registry.example/livy:0.9', async () => {
      await expect(ensureLivyImage('registry.example/livy:0.9', { hooks })).rejects.toThrow(
        /does not exist locally/,
      )
    })
    await withLivyImageEnv(undefined, async () => {
      await expect(ensureLivyImage('other:1', { hooks })).rejects.toThrow(/does not exist locally/)
    })
    expect(calls).toEqual([])
  })

  test('an existing image is used as is; refresh runs the idempotent build', async () => {
    const calls: string[] = []
    const hooks = {
      exists: async () => true,
      build: async (image: string) => {
        calls.push(image)
        return {
          code: 0,
          stdout: `${image}\n`,
          stderr: 'build-image: image with recipe hash 1 exists; nothing to build\n',
        }
      },
    }
    await withLivyImageEnv(undefined, async () => {
      expect(await ensureLivyImage(DEFAULT_LIVY_IMAGE, { hooks })).toEqual({ built: false })
      expect(calls).toEqual([])
      expect(await ensureLivyImage(DEFAULT_LIVY_IMAGE, { hooks, refresh: true })).toEqual({
        built: false,
      })
      expect(calls).toEqual([DEFAULT_LIVY_IMAGE])
    })
  })
})

/** Why the real-container test cannot run here, or undefined when it can. */
async function realContainerUnavailable(): Promise<string | undefined> {
  try {
    await run('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 10_000 })
  } catch (e) {
    return `Docker does not answer (${(e as { stderr?: string }).stderr?.trim() || (e as Error).message}); run scripts/docker-up.sh`
  }
  const image = process.env.LIVY_IMAGE ?? DEFAULT_LIVY_IMAGE
  try {
    await run('docker', ['image', 'inspect', image], { timeout: 10_000 })
  } catch {
    return `the image ${image} does not exist; build it with npm run livy:image (needs the Livy 0.9.0 jars, see src/conformance/livy-container/README.md)`
  }
  return undefined
}

const skipReason = await realContainerUnavailable()
if (skipReason) console.log(`[livy-container.test] real-container test SKIPPED: ${skipReason}`)

interface Statement {
  state: string
  output: { status: string; data?: Record<string, unknown>; ename?: string; evalue?: string } | null
}

describe.skipIf(skipReason !== undefined)('a real Livy 0.9.0 container', () => {
  let livy: StartedLivyContainer
  let sessionId: number
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${livy.getBaseUrl()}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      json: (await res.json()) as Record<string, unknown>,
    }
  }
  const until = async <T>(
    probe: () => Promise<T | undefined>,
    what: string,
    timeoutMs = 180_000,
  ): Promise<T> => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const value = await probe()
      if (value !== undefined) return value
      if (Date.now() > deadline)
        throw new Error(
          `timed out waiting for ${what}; log tail:\n${(await livy.logs()).slice(-3000)}`,
        )
      await new Promise((r) => setTimeout(r, 500))
    }
  }
  const statement = async (code: string, kind: string): Promise<Statement> => {
    const created = await call('POST', `/sessions/${sessionId}/statements`, { code, kind })
    expect(created.status).toBe(201)
    return until(async () => {
      const s = (await call('GET', `/sessions/${sessionId}/statements/${created.json.id}`))
        .json as unknown as Statement
      return s.state === 'available' ? s : undefined
    }, `statement ${code}`)
  }

  beforeAll(async () => {
    livy = await new LivyContainer().withPort(0).start()
    // One shared session runs all three interpreters (statement-level kind), so only one driver starts.
    const created = await call('POST', '/sessions', {})
    expect(created.status).toBe(201)
    sessionId = created.json.id as number
    await until(async () => {
      const { state } = (await call('GET', `/sessions/${sessionId}/state`)).json
      if (state === 'dead' || state === 'error') throw new Error(`session went ${String(state)}`)
      return state === 'idle' ? state : undefined
    }, 'the session to be idle')
  }, 300_000)

  afterAll(async () => {
    await livy?.stop()
  }, 60_000)

  test('answers GET /sessions and logs its startup', async () => {
    expect(livy.getBaseUrl()).toBe(`http://127.0.0.1:${livy.getPort()}`)
    expect((await call('GET', '/version')).json.version).toBe('0.9.0-incubating')
    expect(await livy.logs()).toContain('WebServer: Starting server on')
  })

  test('Scala: 1 + 1 is res0: Int = 2', async () => {
    const s = await statement('1 + 1', 'spark')
    expect(s.output?.status).toBe('ok')
    expect(s.output?.data?.['text/plain']).toContain('res0: Int = 2')
  }, 180_000)

  test('Python: an undefined name is an available statement with output.status "error" (NameError)', async () => {
    const s = await statement('undefined_name', 'pyspark')
    expect(s.state).toBe('available')
    expect(s.output?.status).toBe('error')
    expect(s.output?.ename).toBe('NameError')
  }, 180_000)

  test('SQL: a SELECT answers application/json', async () => {
    const s = await statement('SELECT 1 AS one', 'sql')
    expect(s.output?.status).toBe('ok')
    expect(s.output?.data?.['application/json']).toMatchObject({ data: [[1]] })
  }, 180_000)
})
