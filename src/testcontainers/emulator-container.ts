/**
 * The emulator itself in Docker, as a testcontainers module: the image of `docker/` (built
 * here by `docker/build-local-image.sh`, or anywhere with `docker build -t … docker/`).
 * It mirrors {@link LivyContainer}: host networking (the port is a port of this host), nothing
 * pulled, testcontainers imported lazily after `TESTCONTAINERS_RYUK_DISABLED=true` and
 * `TESTCONTAINERS_HOST_OVERRIDE=localhost` are set (unless the caller set them).
 *
 * @example
 * import { EmulatorContainer } from 'livy-emulator/testcontainers'
 * const emulator = await new EmulatorContainer().withProfile('fabric').withPort(0).start()
 * await fetch(`${emulator.getBaseUrl()}/__emulator/clock`)
 * await emulator.stop()
 */
import { randomUUID } from 'node:crypto'
import { chmodSync, mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { StartedTestContainer } from 'testcontainers'
import { assertPortFree, freePort, prepareTestcontainersEnv } from './livy-container.ts'

/** The image `docker/build-local-image.sh` builds. */
export const DEFAULT_EMULATOR_IMAGE = 'livy-emulator/emulator:local'
/** Label put on every container this module starts (value: one id per `start()`). */
export const EMULATOR_CONTAINER_LABEL = 'livy-emulator.emulator-container'
/** The emulator listens within a second; the rest is Docker's own start-up. */
export const DEFAULT_EMULATOR_STARTUP_TIMEOUT_MS = 30_000
/** Where the state file goes inside the container (the image's volume). */
export const EMULATOR_STATE_FILE = '/data/livy.state'

/** The container settings a builder describes (what `docker run` would be given). */
export interface EmulatorContainerSpec {
  readonly image: string
  readonly networkMode: 'host'
  readonly port: number
  readonly env: Readonly<Record<string, string>>
  readonly bindMounts: readonly { source: string; target: string; mode: 'rw' }[]
  readonly startupTimeoutMs: number
}

/**
 * An emulator container. Configure, then `start()`.
 *
 * @example
 * const emulator = await new EmulatorContainer()
 *   .withLivyConf({ 'livy.server.session.timeout': '10m' })
 *   .withStateDir('/tmp/livy-state') // --state-file on the image's volume
 *   .withPort(0)
 *   .start()
 */
export class EmulatorContainer {
  readonly #image: string
  #port = 8998
  #env: Record<string, string> = {}
  #conf: Record<string, string> = {}
  #stateDir: string | undefined
  #startupTimeoutMs = DEFAULT_EMULATOR_STARTUP_TIMEOUT_MS

  constructor(image: string = process.env.LIVY_EMULATOR_IMAGE ?? DEFAULT_EMULATOR_IMAGE) {
    this.#image = image
  }

  /** The host port it listens on (host networking); `0` picks a free one at start. */
  withPort(port: number): this {
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${port}`)
    this.#port = port
    return this
  }

  /** `--profile`: apache-0.9 (default), apache-0.8, apache-0.7, fabric, hdinsight, synapse, spyt. */
  withProfile(profile: string): this {
    return this.withOption('profile', profile)
  }

  /** `--timing`: instant, fast (default) or realistic. */
  withTiming(timing: string): this {
    return this.withOption('timing', timing)
  }

  /** `--clock`: system (default) or frozen. */
  withClock(clock: 'system' | 'frozen'): this {
    return this.withOption('clock', clock)
  }

  withSeed(seed: string): this {
    return this.withOption('seed', seed)
  }

  /** Livy configuration keys (`--conf`), added to the ones given before. */
  withLivyConf(conf: Readonly<Record<string, string>>): this {
    for (const [key, value] of Object.entries(conf)) {
      if (/[\r\n]/.test(key) || /[\r\n]/.test(value) || key.includes('='))
        throw new Error(`Livy conf entry ${JSON.stringify(key)} cannot be passed as key=value`)
      this.#conf[key] = value
    }
    return this
  }

  /** Any other CLI option, by its flag name without `--` (`'evaluate'`, `'control-token'`). */
  withOption(flag: string, value: string): this {
    this.#env[`LIVY_EMULATOR_${flag.toUpperCase().replaceAll('-', '_')}`] = value
    return this
  }

  /** A host directory mounted as the image's `/data` volume, with the state file in it. */
  withStateDir(dir: string): this {
    this.#stateDir = resolve(dir)
    return this
  }

  withStartupTimeout(ms: number): this {
    this.#startupTimeoutMs = ms
    return this
  }

  /** The settings `start()` will use (with port 0 still unresolved). */
  describe(port: number = this.#port): EmulatorContainerSpec {
    const conf = Object.entries(this.#conf).map(([k, v]) => `${k}=${v}`)
    return {
      image: this.#image,
      networkMode: 'host',
      port,
      env: {
        ...this.#env,
        PORT: String(port),
        ...(conf.length > 0 ? { LIVY_EMULATOR_CONF: conf.join('\n') } : {}),
        ...(this.#stateDir ? { LIVY_EMULATOR_STATE_FILE: EMULATOR_STATE_FILE } : {}),
      },
      bindMounts: this.#stateDir ? [{ source: this.#stateDir, target: '/data', mode: 'rw' }] : [],
      startupTimeoutMs: this.#startupTimeoutMs,
    }
  }

  /** Starts the container and waits until the server answers HTTP. */
  async start(): Promise<StartedEmulatorContainer> {
    const port = this.#port === 0 ? await freePort() : this.#port
    await assertPortFree(port)
    const spec = this.describe(port)
    prepareTestcontainersEnv()
    const { GenericContainer, PullPolicy, getContainerRuntimeClient } = await import(
      'testcontainers'
    )
    const client = await getContainerRuntimeClient()
    const { ImageName } = await import('testcontainers')
    if (!(await client.image.exists(ImageName.fromString(spec.image))))
      throw new Error(
        `the image ${spec.image} does not exist locally: build it with docker/build-local-image.sh (or docker build -t ${spec.image} docker/)`,
      )
    if (this.#stateDir) {
      mkdirSync(this.#stateDir, { recursive: true })
      // The image runs as its own user (uid 10001), which must write the state file and its lock.
      chmodSync(this.#stateDir, 0o777)
    }
    const runId = randomUUID()
    const log = { text: '', exited: false }
    const startedAt = performance.now()
    let container: StartedTestContainer | undefined
    try {
      const builder = new GenericContainer(spec.image)
        .withPullPolicy(PullPolicy.neverPull())
        .withNetworkMode('host')
        .withEnvironment({ ...spec.env })
        .withBindMounts(spec.bindMounts.map((m) => ({ ...m })))
        .withLabels({ [EMULATOR_CONTAINER_LABEL]: runId, 'livy-emulator.port': String(port) })
        .withStartupTimeout(spec.startupTimeoutMs)
        .withLogConsumer((stream) => {
          stream.on('data', (chunk: Buffer | string) => {
            log.text = (log.text + chunk.toString()).slice(-1_000_000)
          })
          stream.on('end', () => {
            log.exited = true
          })
        })
      container = await builder.start()
      const baseUrl = `http://127.0.0.1:${port}`
      for (;;) {
        const status = await fetch(`${baseUrl}/__emulator/clock`, {
          signal: AbortSignal.timeout(2_000),
        }).then(
          async (r) => {
            await r.arrayBuffer()
            return r.status
          },
          () => 0,
        )
        if (status > 0 && status < 500) break
        if (log.exited || performance.now() - startedAt > spec.startupTimeoutMs)
          throw new Error(
            `livy-emulator did not start in ${spec.image}; its output:\n${log.text.trim() || '(none)'}`,
          )
        await new Promise((r) => setTimeout(r, 50))
      }
      return new StartedEmulatorContainer(container, spec, () => log.text)
    } catch (error) {
      await container?.stop({ timeout: 1_000 }).catch(() => undefined)
      const leftovers = await client.container.dockerode
        .listContainers({ all: true, filters: { label: [`${EMULATOR_CONTAINER_LABEL}=${runId}`] } })
        .catch(() => [])
      for (const c of leftovers)
        await client.container.dockerode
          .getContainer(c.Id)
          .remove({ force: true })
          .catch(() => undefined)
      throw error
    }
  }
}

/** A started emulator container. */
export class StartedEmulatorContainer {
  readonly #container: StartedTestContainer
  readonly #spec: EmulatorContainerSpec
  readonly #logs: () => string

  constructor(container: StartedTestContainer, spec: EmulatorContainerSpec, logs: () => string) {
    this.#container = container
    this.#spec = spec
    this.#logs = logs
  }

  /** `http://127.0.0.1:<port>`: the server's root (the control API is under `/__emulator`). */
  getBaseUrl(): string {
    return `http://127.0.0.1:${this.#spec.port}`
  }

  getPort(): number {
    return this.#spec.port
  }

  getId(): string {
    return this.#container.getId()
  }

  /** The underlying testcontainers container (exec, copy, …). */
  getContainer(): StartedTestContainer {
    return this.#container
  }

  /** What the server printed so far (stdout and stderr). */
  async logs(): Promise<string> {
    return this.#logs()
  }

  /** Stops (SIGTERM; the server exits in well under a second) and removes the container. */
  async stop(timeoutMs = 5_000): Promise<void> {
    await this.#container.stop({ timeout: timeoutMs })
  }
}
