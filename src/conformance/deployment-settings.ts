/**
 * Suites of the catalogue: the protocol checks (default), the deployment checks, and the Spark
 * answers corpus (what clients read inside a statement's output).
 */
export const SUITE_NAMES = ['conformance', 'deployment', 'spark-answers'] as const
export type SuiteName = (typeof SUITE_NAMES)[number]

/**
 * What the deployment checks need to know about the cluster they run on: where Spark's
 * examples jar is, how small their sessions and batches are, whether credentials are configured.
 */
export interface DeploymentSettings {
  /** The examples jar as a batch `file` (default {@link DEFAULT_EXAMPLES_JAR}). */
  readonly examplesJar: string
  /** Fields of every session and batch the checks create (`driverMemory`, `numExecutors`, `conf`, …). */
  readonly resources: Readonly<Record<string, unknown>>
  /** The credentials the run sends (`--auth`): the auth check then expects wrong ones refused. */
  readonly auth: 'none' | 'basic' | 'bearer'
}

/**
 * Where a Spark 3.5 distribution (and the `apache/spark` image, SPARK_HOME=/opt/spark) keeps its
 * examples: `examples/jars/spark-examples_<scala>-<spark>.jar`. Pass `--examples-jar` when the
 * cluster runs another version.
 */
export const DEFAULT_EXAMPLES_JAR = 'local:///opt/spark/examples/jars/spark-examples_2.12-3.5.6.jar'

/** Small on purpose: the checks must fit on a busy shared cluster. */
export const DEFAULT_DEPLOYMENT_RESOURCES: Readonly<Record<string, unknown>> = Object.freeze({
  driverMemory: '512m',
  driverCores: 1,
  executorMemory: '512m',
  executorCores: 1,
  numExecutors: 1,
  conf: { 'spark.dynamicAllocation.enabled': 'false' },
})

/** Top-level fields of a create request that `--conf` may set (anything else goes into `conf`). */
const REQUEST_FIELDS = new Set([
  'driverMemory',
  'driverCores',
  'executorMemory',
  'executorCores',
  'numExecutors',
  'queue',
  'proxyUser',
])
const INTEGER_FIELDS = new Set(['driverCores', 'executorCores', 'numExecutors'])

/**
 * The resources with `--conf key=value` overrides: a request field (`driverMemory=1g`,
 * `numExecutors=2`, `queue=etl`) replaces the default, any other key is a Spark conf entry.
 *
 * @example
 * resourcesWith(['numExecutors=2', 'spark.yarn.queue=small'])
 * // { …defaults, numExecutors: 2, conf: { 'spark.dynamicAllocation.enabled': 'false', 'spark.yarn.queue': 'small' } }
 */
export function resourcesWith(overrides: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...DEFAULT_DEPLOYMENT_RESOURCES }
  const conf: Record<string, string> = {
    ...(DEFAULT_DEPLOYMENT_RESOURCES.conf as Record<string, string>),
  }
  for (const entry of overrides) {
    const eq = entry.indexOf('=')
    if (eq <= 0) throw new TypeError(`--conf takes key=value, got "${entry}"`)
    const key = entry.slice(0, eq).trim()
    const value = entry.slice(eq + 1).trim()
    if (REQUEST_FIELDS.has(key)) {
      if (INTEGER_FIELDS.has(key)) {
        const n = Number(value)
        if (!Number.isInteger(n) || n <= 0)
          throw new TypeError(`--conf ${key} takes a positive integer, got "${value}"`)
        out[key] = n
      } else out[key] = value
    } else conf[key] = value
  }
  out.conf = conf
  return out
}

export const DEFAULT_DEPLOYMENT_SETTINGS: DeploymentSettings = Object.freeze({
  examplesJar: DEFAULT_EXAMPLES_JAR,
  resources: DEFAULT_DEPLOYMENT_RESOURCES,
  auth: 'none',
})
