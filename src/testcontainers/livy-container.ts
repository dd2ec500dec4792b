/**
 * A real Apache Livy 0.9.0 server (Spark 3.5, local mode) in Docker, as a testcontainers module.
 *
 * The image is built locally by `src/conformance/livy-container/build-image.sh` (nothing is
 * pulled). Livy's drivers call back to the server on ports it picks, so the container uses
 * host networking: the port set with {@link LivyContainer.withPort} is a port of this host.
 *
 * testcontainers is imported lazily, inside {@link LivyContainer.start}, after
 * `TESTCONTAINERS_RYUK_DISABLED=true` and `TESTCONTAINERS_HOST_OVERRIDE=localhost` have been
 * set (unless the caller set them): the Ryuk and alpine helper images cannot be pulled on
 * machines without a registry. Set them yourself, before your first testcontainers call, if
 * you import testcontainers elsewhere too.
 *
 * @example
 * import { LivyContainer } from 'livy-emulator/testcontainers'
 * const livy = await new LivyContainer().withPort(8998).start()
 * const res = await fetch(`${livy.getBaseUrl()}/sessions`)
 * await livy.stop()
 */
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { homedir } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { StartedTestContainer } from 'testcontainers'

/** The image `build-image.sh` produces. */
export const DEFAULT_LIVY_IMAGE = 'livy-emulator/livy:0.9.0-spark3.5'
export const DEFAULT_LIVY_PORT = 8998
/** The directory whitelisted for local files (`livy.file.local-dir-whitelist`) by default. */
export const DEFAULT_LIVY_LOCAL_DIR = '/tmp/livy-files'
/** Livy plus a first Spark version check take 3–10 s; a cold JVM on a busy machine longer. */
export const DEFAULT_STARTUP_TIMEOUT_MS = 180_000
/** Label put on every container this module starts (value: one id per `start()`). */
export const LIVY_CONTAINER_LABEL = 'livy-emulator.livy-container'
/** Exit code of `build-image.sh` / `fetch-artifacts.sh` / `run-local.sh` when artifacts are missing. */
export const ARTIFACTS_EXIT_CODE = 3

/**
 * The Livy 0.9.0 jars (or Spark) could not be obtained, so the image cannot be built: Livy
 * 0.8/0.9 are not on Maven Central. `scriptError` is the script's error text, verbatim.
 */
export class LivyArtifactsUnavailable extends Error {
  override readonly name = 'LivyArtifactsUnavailable'
  /** The `fetch-artifacts: ERROR: …` line(s), exactly as the script printed them. */
  readonly scriptError: string
  /** Everything the script wrote to stderr. */
  readonly scriptOutput: string

  constructor(scriptError: string, scriptOutput: string) {
    super(`the Livy 0.9.0 artifacts are unavailable: ${scriptError}`)
    this.scriptError = scriptError
    this.scriptOutput = scriptOutput
  }
}

/** What a build script run produced. */
export interface ScriptResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** How the image is looked up and built (replaceable in tests). */
export interface ImageHooks {
  exists?(image: string): Promise<boolean>
  build?(image: string, options: BuildOptions): Promise<ScriptResult>
}

export interface BuildOptions {
  /** Rebuild even when an image with the recipe hash exists (`--force`). */
  readonly force?: boolean
  /**
   * Where the build keeps Livy's jars, Spark and the Debian rootfs (about 700 MB); default
   * {@link livyCacheDir}.
   */
  readonly cacheDir?: string
  /** Receives the build's log lines (stderr) as they come; default: this process's stderr. */
  readonly onLog?: (line: string) => void
  readonly env?: Readonly<Record<string, string>>
}

export interface EnsureImageOptions extends BuildOptions {
  readonly hooks?: ImageHooks
  /**
   * Run the (idempotent) build even when the default image exists, so that an image built
   * from an older recipe is rebuilt (about 0.1 s when the recipe hash matches). The judge does.
   */
  readonly refresh?: boolean
}

/**
 * Where the image build caches what it downloads: `$LIVY_CACHE_DIR` when set, else
 * `$XDG_CACHE_HOME/livy-emulator/livy` (`~/.cache/livy-emulator/livy`). The user's cache
 * directory, not the package's: an installed copy sits in `node_modules`, which every
 * `npm ci` deletes, and a rebuild from nothing takes minutes (docs/decisions/0025).
 *
 * @example
 * livyCacheDir({ HOME: '/home/ada' }) // '/home/ada/.cache/livy-emulator/livy'
 */
export function livyCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LIVY_CACHE_DIR) return resolve(env.LIVY_CACHE_DIR)
  // The XDG spec says to ignore a relative XDG_CACHE_HOME.
  const xdg = env.XDG_CACHE_HOME
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.cache')
  return join(base, 'livy-emulator', 'livy')
}

/** Sets the testcontainers environment this module needs, unless the caller chose otherwise. */
export function prepareTestcontainersEnv(env: NodeJS.ProcessEnv = process.env): void {
  env.TESTCONTAINERS_RYUK_DISABLED ??= 'true'
  env.TESTCONTAINERS_HOST_OVERRIDE ??= 'localhost'
}

async function loadTestcontainers() {
  prepareTestcontainersEnv()
  return import('testcontainers')
}

/** The recipe directory, from `src/testcontainers/` and from `dist/src/testcontainers/`. */
export function livyRecipeDir(): string {
  const candidates = ['../conformance/livy-container', '../../../src/conformance/livy-container']
  for (const c of candidates) {
    const dir = fileURLToPath(new URL(c, import.meta.url))
    if (existsSync(resolve(dir, 'build-image.sh'))) return dir
  }
  throw new Error(
    `the Livy image recipe (build-image.sh) was not found next to ${fileURLToPath(import.meta.url)}`,
  )
}

/** Runs a recipe script with bash; stderr lines go to `onLog` as they arrive. */
export function runRecipeScript(
  script: string,
  args: readonly string[],
  options: BuildOptions = {},
): Promise<ScriptResult> {
  const onLog = options.onLog ?? ((line: string) => process.stderr.write(`${line}\n`))
  return new Promise((done, fail) => {
    const child = spawn('bash', [resolve(livyRecipeDir(), script), ...args], {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let pending = ''
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8')
    })
    child.stderr.on('data', (c: Buffer) => {
      const text = c.toString('utf8')
      stderr += text
      pending += text
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) onLog(line)
    })
    child.on('error', fail)
    child.on('close', (code, signal) => {
      if (pending) onLog(pending)
      done({ code: code ?? (signal ? 128 : 1), stdout, stderr })
    })
  })
}

/**
 * The artifacts error in a recipe script's stderr, or undefined when the failure was
 * something else. Recognised by the `fetch-artifacts: ERROR:` lines (exit code 3).
 */
export function artifactsFailure(result: ScriptResult): LivyArtifactsUnavailable | undefined {
  const errors = result.stderr.split('\n').filter((l) => l.startsWith('fetch-artifacts: ERROR:'))
  if (errors.length === 0) return undefined
  return new LivyArtifactsUnavailable(errors.join('\n'), result.stderr)
}

async function dockerImageExists(image: string): Promise<boolean> {
  const { getContainerRuntimeClient, ImageName } = await loadTestcontainers()
  const client = await getContainerRuntimeClient()
  return client.image.exists(ImageName.fromString(image))
}

/** Runs `build-image.sh` (idempotent: about 0.1 s when the image with the recipe hash exists). */
export function buildLivyImage(
  image: string = DEFAULT_LIVY_IMAGE,
  options: BuildOptions = {},
): Promise<ScriptResult> {
  return runRecipeScript('build-image.sh', options.force ? ['--force'] : [], {
    ...options,
    env: {
      ...options.env,
      LIVY_IMAGE: image,
      LIVY_CACHE_DIR: options.cacheDir ?? livyCacheDir({ ...process.env, ...options.env }),
    },
  })
}

/**
 * Makes sure `image` exists. The default image is built with `build-image.sh` when missing
 * (and `LIVY_IMAGE` is not set); any other image must exist already.
 *
 * @throws {LivyArtifactsUnavailable} when the build stopped because the Livy jars are missing
 */
export async function ensureLivyImage(
  image: string = process.env.LIVY_IMAGE ?? DEFAULT_LIVY_IMAGE,
  options: EnsureImageOptions = {},
): Promise<{ built: boolean }> {
  const exists = options.hooks?.exists ?? dockerImageExists
  const build = options.hooks?.build ?? buildLivyImage
  const buildable = process.env.LIVY_IMAGE === undefined && image === DEFAULT_LIVY_IMAGE
  const present = await exists(image)
  if (present && !(buildable && (options.force || options.refresh))) return { built: false }
  if (!buildable) {
    throw new Error(
      `the Livy image ${image} does not exist locally; only ${DEFAULT_LIVY_IMAGE} is built automatically, and only when LIVY_IMAGE is not set`,
    )
  }
  const result = await build(image, options)
  if (result.code === 0) return { built: !present || /docker build/.test(result.stderr) }
  const unavailable = artifactsFailure(result)
  if (unavailable) throw unavailable
  const tail = result.stderr.trim().split('\n').slice(-15).join('\n')
  throw new Error(`building ${image} with build-image.sh failed (exit ${result.code}):\n${tail}`)
}

/** `livy.conf` lines for a set of keys; emulator-only `livy-emulator.*` keys are left out. */
export function livyConfLines(conf: Readonly<Record<string, string>>): string[] {
  const lines: string[] = []
  for (const [key, value] of Object.entries(conf)) {
    if (key.startsWith('livy-emulator.')) continue
    if (/[\r\n]/.test(key) || /[\r\n]/.test(value))
      throw new Error(`livy.conf entry ${JSON.stringify(key)} contains a line break`)
    if (!/^[\w.-]+$/.test(key))
      throw new Error(`livy.conf key ${JSON.stringify(key)} is not a property name`)
    lines.push(`${key} = ${value}`)
  }
  return lines
}

/** A free TCP port on 127.0.0.1 (for `withPort(0)`). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => done(port))
    })
  })
}

/** Fails when something already listens on the port (host networking would share it). */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(
        new Error(
          `port ${port} is already in use on this host (${e.code}); the Livy container uses host networking: pick another with withPort()`,
        ),
      ),
    )
    server.listen(port, '127.0.0.1', () => server.close(() => done()))
  })
}

/** Answers of `GET /sessions` that mean Livy is serving (200, or its auth filter refusing). */
const READY_STATUSES = new Set([200, 401, 403])

/** One `GET /sessions` with a short timeout; the status, or 0 when nothing answered. */
async function probeSessions(baseUrl: string): Promise<number> {
  try {
    const res = await fetch(`${baseUrl}/sessions`, { signal: AbortSignal.timeout(2_000) })
    await res.arrayBuffer()
    return res.status
  } catch {
    return 0
  }
}

/** The container settings a builder describes (what `docker run` would be given). */
export interface LivyContainerSpec {
  readonly image: string
  readonly networkMode: 'host'
  readonly port: number
  readonly localDir: string
  readonly env: Readonly<Record<string, string>>
  readonly bindMounts: readonly { source: string; target: string; mode: 'rw' }[]
  readonly livyConf: readonly string[]
  readonly startupTimeoutMs: number
}

const LOG_LIMIT = 4_000_000

/**
 * A real Livy 0.9.0 container. Configure, then `start()`.
 *
 * @example
 * const livy = await new LivyContainer()
 *   .withLivyConf({ 'livy.server.session.state-retain.sec': '5s' })
 *   .withPort(0) // any free port
 *   .start()
 */
export class LivyContainer {
  readonly #image: string
  #port = DEFAULT_LIVY_PORT
  #localDir = DEFAULT_LIVY_LOCAL_DIR
  #conf: Record<string, string> = {}
  #startupTimeoutMs = DEFAULT_STARTUP_TIMEOUT_MS
  #hooks: ImageHooks = {}
  #onBuildLog: ((line: string) => void) | undefined
  #cacheDir: string | undefined

  constructor(image: string = process.env.LIVY_IMAGE ?? DEFAULT_LIVY_IMAGE) {
    this.#image = image
  }

  /** Extra `livy.conf` entries (appended last, so they win). `livy-emulator.*` keys are ignored. */
  withLivyConf(conf: Readonly<Record<string, string>>): this {
    for (const [key, value] of Object.entries(conf)) {
      if (key === 'livy.server.port') this.withPort(Number(value))
      else this.#conf[key] = value
    }
    livyConfLines(this.#conf)
    return this
  }

  /** The host port Livy listens on (host networking); `0` picks a free one at start. */
  withPort(port: number): this {
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${port}`)
    this.#port = port
    return this
  }

  withStartupTimeout(ms: number): this {
    this.#startupTimeoutMs = ms
    return this
  }

  /** A host directory bind-mounted at the same path and whitelisted for local files. */
  withLocalDir(dir: string): this {
    this.#localDir = resolve(dir).replace(/\/+$/, '') || '/'
    return this
  }

  /** Where the build log goes when the image has to be built (default: stderr). */
  withBuildLog(onLog: (line: string) => void): this {
    this.#onBuildLog = onLog
    return this
  }

  /**
   * Where the image build caches Livy's jars, Spark and the rootfs when it has to run
   * (default {@link livyCacheDir}: `$LIVY_CACHE_DIR`, else `~/.cache/livy-emulator/livy`).
   *
   * @example
   * new LivyContainer().withCacheDir('/var/cache/ci/livy')
   */
  withCacheDir(dir: string): this {
    this.#cacheDir = resolve(dir)
    return this
  }

  /** Replaces the image lookup and build (tests). */
  withImageHooks(hooks: ImageHooks): this {
    this.#hooks = hooks
    return this
  }

  /** The settings `start()` will use (with port 0 still unresolved). */
  describe(port: number = this.#port): LivyContainerSpec {
    const livyConf = livyConfLines(this.#conf)
    const filesDir = this.#localDir === '/' ? '/' : `${this.#localDir}/`
    return {
      image: this.#image,
      networkMode: 'host',
      port,
      localDir: this.#localDir,
      env: {
        LIVY_PORT: String(port),
        LIVY_FILES_DIR: filesDir,
        ...(livyConf.length > 0 ? { LIVY_CONF_EXTRA: livyConf.join('\n') } : {}),
      },
      bindMounts: [{ source: this.#localDir, target: this.#localDir, mode: 'rw' }],
      livyConf,
      startupTimeoutMs: this.#startupTimeoutMs,
    }
  }

  /** The equivalent `docker run` arguments (for logs and for running it by hand). */
  toDockerRunArgs(port: number = this.#port): string[] {
    const spec = this.describe(port)
    return [
      'run',
      '--rm',
      '--network',
      'host',
      ...Object.entries(spec.env).flatMap(([k, v]) => ['-e', `${k}=${v}`]),
      ...spec.bindMounts.flatMap((m) => ['-v', `${m.source}:${m.target}:${m.mode}`]),
      spec.image,
    ]
  }

  /**
   * Builds the image if needed, starts the container and waits until `GET /sessions` answers (200, or 401/403 when authentication is on).
   *
   * @throws {LivyArtifactsUnavailable} when the image is missing and cannot be built
   */
  async start(): Promise<StartedLivyContainer> {
    await ensureLivyImage(this.#image, {
      hooks: this.#hooks,
      onLog: this.#onBuildLog,
      cacheDir: this.#cacheDir ?? livyCacheDir(),
    })
    const port = this.#port === 0 ? await freePort() : this.#port
    await assertPortFree(port)
    const spec = this.describe(port)
    mkdirSync(spec.localDir, { recursive: true })
    const { GenericContainer, PullPolicy, getContainerRuntimeClient } = await loadTestcontainers()
    const runId = randomUUID()
    const log = { text: '', exited: false }
    const startedAt = performance.now()
    let container: StartedTestContainer | undefined
    try {
      container = await new GenericContainer(spec.image)
        .withPullPolicy(PullPolicy.neverPull())
        .withNetworkMode('host')
        .withEnvironment({ ...spec.env })
        .withBindMounts(spec.bindMounts.map((m) => ({ ...m })))
        .withLabels({ [LIVY_CONTAINER_LABEL]: runId, 'livy-emulator.port': String(port) })
        .withStartupTimeout(spec.startupTimeoutMs)
        .withLogConsumer((stream) => {
          stream.on('data', (chunk: Buffer | string) => {
            log.text += chunk.toString()
            if (log.text.length > LOG_LIMIT) log.text = log.text.slice(-LOG_LIMIT / 2)
          })
          stream.on('end', () => {
            log.exited = true
          })
        })
        .start()
      const baseUrl = `http://127.0.0.1:${port}`
      const deadline = startedAt + spec.startupTimeoutMs
      for (;;) {
        // With authentication on, Livy's filters answer 401/403: Livy is up all the same.
        if (READY_STATUSES.has(await probeSessions(baseUrl))) break
        const why = log.exited
          ? 'the container exited'
          : performance.now() > deadline
            ? `no answer from GET /sessions within ${spec.startupTimeoutMs} ms`
            : undefined
        if (why)
          throw new Error(
            `Livy did not start in ${spec.image} (${why}); last log lines:\n${lastLines(log.text, 40)}`,
          )
        await new Promise((r) => setTimeout(r, 200))
      }
      return new StartedLivyContainer(
        container,
        spec,
        () => log.text,
        performance.now() - startedAt,
      )
    } catch (error) {
      await container?.stop({ timeout: 5_000 }).catch(() => undefined)
      // A container that failed during start is left behind (no Ryuk): remove it by label.
      const client = await getContainerRuntimeClient().catch(() => undefined)
      const leftovers = await client?.container.dockerode
        .listContainers({ all: true, filters: { label: [`${LIVY_CONTAINER_LABEL}=${runId}`] } })
        .catch(() => [])
      for (const c of leftovers ?? [])
        await client?.container.dockerode
          .getContainer(c.Id)
          .remove({ force: true })
          .catch(() => undefined)
      throw error
    }
  }
}

function lastLines(text: string, n: number): string {
  return text.trimEnd().split('\n').slice(-n).join('\n') || '(no output)'
}

/** A started real Livy container. */
export class StartedLivyContainer {
  readonly #container: StartedTestContainer
  readonly #spec: LivyContainerSpec
  readonly #logs: () => string
  /** From `start()` being called on a ready image to the first 200 of `GET /sessions`. */
  readonly startupMs: number

  constructor(
    container: StartedTestContainer,
    spec: LivyContainerSpec,
    logs: () => string,
    startupMs: number,
  ) {
    this.#container = container
    this.#spec = spec
    this.#logs = logs
    this.startupMs = startupMs
  }

  /** `http://127.0.0.1:<port>` (Livy binds the loopback address of this host). */
  getBaseUrl(): string {
    return `http://127.0.0.1:${this.#spec.port}`
  }

  getPort(): number {
    return this.#spec.port
  }

  /** The whitelisted local directory (same path on the host and in the container). */
  getLocalDir(): string {
    return this.#spec.localDir
  }

  getId(): string {
    return this.#container.getId()
  }

  /** The underlying testcontainers container (exec, copy, …). */
  getContainer(): StartedTestContainer {
    return this.#container
  }

  /** The server log so far (stdout and stderr; the most recent 4 MB at most). */
  async logs(): Promise<string> {
    return this.#logs()
  }

  /** Stops (SIGTERM, then SIGKILL after `timeoutMs`) and removes the container. */
  async stop(timeoutMs = 10_000): Promise<void> {
    await this.#container.stop({ timeout: timeoutMs })
  }
}

/** Spark and Java versions from the Livy server's startup log (the spark-submit banner). */
export function versionsFromLog(log: string): { sparkVersion?: string; javaVersion?: string } {
  const spark = /\/___\/ \.__\/\\_,_\/_\/ \/_\/\\_\\\s+version (\S+)/.exec(log)?.[1]
  const java = /Using Scala version [^,]+, [^,]+, (\S+)/.exec(log)?.[1]
  return { ...(spark ? { sparkVersion: spark } : {}), ...(java ? { javaVersion: java } : {}) }
}
