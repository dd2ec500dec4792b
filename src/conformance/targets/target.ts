import type { Capability } from '../types.ts'

/** A raw response from a target. */
export interface RawResponse {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  readonly durationMs: number
}

/**
 * Anything that speaks Livy's REST API. Built like a testcontainers module: configure, then
 * `setup()` gives a started target, `teardown()` stops what setup started.
 */
export interface Target {
  readonly name: string
  /** `livy` for a real server (or unknown endpoint), `emulator` for livy-emulator. */
  readonly kind: 'livy' | 'emulator'
  readonly capabilities: ReadonlySet<Capability>
  /** Human-readable location (URL, "in-process"). */
  readonly description: string
  /** A directory whitelisted on the server for local files (`livy.file.local-dir-whitelist`). */
  readonly localDir: string
  setup(): Promise<void>
  teardown(): Promise<void>
  /**
   * Sends one request; `path` is relative to Livy's root (the target adds any prefix, but not
   * to `/__emulator/…`). A `null` header value leaves out a header the target would add.
   */
  send(
    method: string,
    path: string,
    body?: string,
    headers?: Readonly<Record<string, string | null>>,
  ): Promise<RawResponse>
}

/**
 * The judge's setup, which the emulator targets mirror: real Livy in local mode with a
 * whitelisted directory, `spark-blacklist.conf` on its classpath, and no R installed (the
 * `pyspark` wheel has none), so SparkR cannot start.
 */
export const JUDGE_LIVY_CONF: Readonly<Record<string, string>> = Object.freeze({
  'livy.spark.master': 'local[*]',
  'livy.file.local-dir-whitelist': '/tmp/livy-files/',
  'livy-emulator.spark-blacklist':
    'spark.master,spark.submit.deployMode,spark.yarn.jar,spark.yarn.jars,spark.yarn.archive,livy.rsc.server.idle-timeout',
  'livy-emulator.unavailable-interpreters': 'sparkr',
})

/** The whitelisted directory of {@link JUDGE_LIVY_CONF}. */
export const JUDGE_LOCAL_DIR = '/tmp/livy-files'
