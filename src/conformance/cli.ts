import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { BEHAVIOURS, CATALOGUE } from './catalogue.ts'
import { type Comparison, compareTargets } from './compare.ts'
import { createCreatedResources, deleteCreated } from './created-resources.ts'
import {
  DEFAULT_EXAMPLES_JAR,
  type DeploymentSettings,
  resourcesWith,
  SUITE_NAMES,
  type SuiteName,
} from './deployment-settings.ts'
import {
  createProgress,
  formatComparisons,
  formatResults,
  isCompared,
  type ReportStream,
} from './reports/console.ts'
import { renderJsonReport, reportTarget } from './reports/json.ts'
import { renderJUnit } from './reports/junit.ts'
import { runScenarios, select } from './runner.ts'
import { SETUP_NAMES, SETUPS, type SetupName } from './setups.ts'
import { createHttpEmulatorTarget, createInProcessTarget } from './targets/emulator-targets.ts'
import type { Target } from './targets/target.ts'
import { authHeader, createUrlTarget } from './targets/url-target.ts'
import type { Scenario, ScenarioContext, ScenarioResult } from './types.ts'

/** `spark.version` on the run's shared pyspark session (the deployment checks reuse it). */
async function probeSparkVersion(ctx: ScenarioContext): Promise<string> {
  const session = await ctx.sharedSession('pyspark')
  const { statement } = await ctx.runStatement(session, 'spark.version')
  const text = String(
    (statement.output?.data as Record<string, unknown> | undefined)?.['text/plain'] ?? '',
  )
  const version = /(\d+\.\d+\.\d+\S*?)'?$/.exec(text.trim())?.[1]
  if (!version) throw new Error(`spark.version answered ${JSON.stringify(statement.output)}`)
  return version
}

const HELP = `Usage: livy-conformance (--url URL | --target emulator | --compare A B | --list) [options]

Runs the Apache Livy 0.9 conformance scenarios against a Livy endpoint or the emulator, or
against two targets at once to diff their answers. Exit code 0 when nothing failed, 1 when a
scenario failed (or, with --compare, diverged), 2 for usage errors and a target that cannot be
reached (so CI can tell a broken network from a broken Livy).

Targets (exactly one of --url, --target, --compare; none with --list):
  --url <url>             A Livy server (or a running livy-emulator) to test
                            livy-conformance --url http://localhost:8998
  --target <name>         emulator: the emulator in this process (msw, virtual time);
                          emulator-http: the emulator's HTTP server on an ephemeral port
                            livy-conformance --target emulator
  --compare <a> <b>       Differential mode: every scenario runs on A, then on B, and their
                          normalised exchanges are diffed; each side is a URL, emulator or
                          emulator-http
                            livy-conformance --compare http://livy:8998 emulator

Selection:
  --suite <name>          conformance (default): Livy's protocol, byte for byte;
                          deployment: light real work on the cluster (PySpark, Scala, SQL
                          results, SparkPi from the examples jar, auth), judged by its results;
                          safe on a shared cluster: small resources, only its own sessions and
                          batches, all deleted at the end (on failure and Ctrl-C too)
                            livy-conformance --suite deployment --url https://livy.staging:8998 --auth basic:me:pw
  --tags <a,b>            Only scenarios carrying any of these tags
                            livy-conformance --target emulator --tags sessions,errors
  --grep <regex>          Only scenarios whose id or title matches (case-insensitive)
                            livy-conformance --target emulator --grep 'S-HTTP-00[1-3]'
  --list                  Print the selected scenarios and the behaviours they cover; run nothing
                            livy-conformance --list --tags statements

Run:
  --timeout <ms>          Time limit per scenario (default: the scenario's own, 5 min)
                            livy-conformance --url http://localhost:8998 --timeout 120000
  --report <kind>=<file>  Also write a report: junit (JUnit XML) or json (repeatable)
                            livy-conformance --target emulator --report junit=out/conformance.xml --report json=out/conformance.json
  --profile <name>        The set-up the target runs, and so which scenarios apply:
                          apache-0.9 (default), apache-0.9-secured (auth, CSRF, ACLs,
                          impersonation on), apache-0.8, apache-0.7, fabric, hdinsight,
                          synapse, spyt.
                          A vendor profile's prefix is used unless --prefix is given
                            livy-conformance --profile fabric --url https://api.fabric.microsoft.com --prefix /v1/workspaces/W/lakehouses/L/livyapi/versions/2023-12-01 --auth bearer:$TOKEN
                            livy-conformance --profile hdinsight --target emulator

URL targets (--url and URL sides of --compare):
  --auth <credentials>    basic:user:pass or bearer:TOKEN
                            livy-conformance --url https://gw.example --auth basic:admin:secret
  --header <'Name: value'>  An extra header on every request (repeatable)
                            livy-conformance --url http://localhost:8998 --header 'X-Requested-By: ci'
  --prefix <path>         A path in front of Livy's routes (e.g. behind a gateway)
                            livy-conformance --url https://gw.example --prefix /livy
  --insecure              Accept self-signed TLS certificates
                            livy-conformance --url https://localhost:8443 --insecure
  --local-dir <dir>       A directory the server whitelists for local files
                          (livy.file.local-dir-whitelist); enables the local-files scenarios
                            livy-conformance --url http://localhost:8998 --local-dir /tmp/livy-files

Deployment suite:
  --examples-jar <path>   Spark's examples jar as a batch file (default
                          local:///opt/spark/examples/jars/spark-examples_2.12-3.5.6.jar)
                            livy-conformance --suite deployment --url URL --examples-jar local:///usr/lib/spark/examples/jars/spark-examples.jar
  --conf <key=value>      Resources of the sessions and batches it creates (repeatable):
                          driverMemory, driverCores, executorMemory, executorCores,
                          numExecutors, queue; any other key is a Spark conf entry
                          (default: 512m driver and executor, 1 core each, 1 executor)
                            livy-conformance --suite deployment --url URL --conf numExecutors=2 --conf spark.yarn.queue=small

  -h, --help              Show this help
                            livy-conformance --help

Examples:
  livy-conformance --list --tags statements
  livy-conformance --target emulator --grep 'S-SESSION-00[1-3]'
  livy-conformance --url http://127.0.0.1:8998 --grep S-HTTP-001 --report junit=out/livy.xml
  livy-conformance --compare emulator-http emulator --grep S-SESSION-002
  livy-conformance --profile hdinsight --target emulator --grep S-HDI-001
`

/** A command line the tool cannot act on (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** Which targets are known. */
export type TargetSpec =
  | { readonly kind: 'emulator' }
  | { readonly kind: 'emulator-http' }
  | { readonly kind: 'url'; readonly url: string }

export type ReportKind = 'junit' | 'json'

/** The parsed command line. */
export interface CliOptions {
  readonly mode: 'run' | 'compare' | 'list'
  /** `run`: the target. */
  readonly target?: TargetSpec
  /** `compare`: targets A and B. */
  readonly compare?: readonly [TargetSpec, TargetSpec]
  readonly tags: readonly string[]
  readonly grep?: string
  readonly timeoutMs?: number
  readonly reports: readonly { readonly kind: ReportKind; readonly file: string }[]
  /** The set-up the target runs (see `setups.ts`). */
  readonly profile: SetupName
  readonly auth?: string
  readonly headers: Readonly<Record<string, string>>
  readonly prefix?: string
  readonly insecure: boolean
  readonly localDir?: string
  readonly suite: SuiteName
  readonly deployment: DeploymentSettings
}

export const PROFILES = SETUP_NAMES

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

function targetSpec(value: string, option: string): TargetSpec {
  if (value === 'emulator' || value === 'emulator-http') return { kind: value }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new UsageError(
      `${option} takes an http(s) URL${option === '--compare' ? ', emulator or emulator-http' : ''}, got "${value}"`,
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${option} takes an http(s) URL, got "${value}"`)
  }
  return { kind: 'url', url: value }
}

/** `--compare A B` takes two values, which parseArgs cannot express: take them out first. */
function extractCompare(argv: readonly string[]): { rest: string[]; compare?: [string, string] } {
  const rest: string[] = []
  let compare: [string, string] | undefined
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string
    if (token === '--') {
      rest.push(...argv.slice(i))
      break
    }
    if (token === '--compare' || token.startsWith('--compare=')) {
      if (compare) throw new UsageError('--compare given twice')
      const values = token.startsWith('--compare=')
        ? [token.slice('--compare='.length), argv[i + 1]]
        : [argv[i + 1], argv[i + 2]]
      const [a, b] = values
      if (!a || !b || a.startsWith('-') || b.startsWith('-')) {
        throw new UsageError('--compare takes two targets: --compare <url|emulator> <url|emulator>')
      }
      compare = [a, b]
      i += token === '--compare' ? 2 : 1
      continue
    }
    rest.push(token)
  }
  return compare ? { rest, compare } : { rest }
}

/** Parses the command line; throws {@link UsageError} for anything it cannot act on. */
export function parseCliArgs(argv: readonly string[]): CliOptions | 'help' {
  const { rest, compare } = extractCompare(argv)
  let values: ReturnType<typeof parse>['values']
  function parse(args: string[]) {
    return parseArgs({
      args,
      options: {
        url: { type: 'string' },
        target: { type: 'string' },
        tags: { type: 'string' },
        grep: { type: 'string' },
        timeout: { type: 'string' },
        report: { type: 'string', multiple: true },
        auth: { type: 'string' },
        header: { type: 'string', multiple: true },
        prefix: { type: 'string' },
        insecure: { type: 'boolean' },
        'local-dir': { type: 'string' },
        list: { type: 'boolean' },
        profile: { type: 'string' },
        suite: { type: 'string' },
        'examples-jar': { type: 'string' },
        conf: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    })
  }
  try {
    values = parse(rest).values
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  if (values.help) return 'help'

  const chosen = [values.url, values.target, compare].filter((v) => v !== undefined).length
  if (chosen > 1) throw new UsageError('give only one of --url, --target and --compare')
  if (chosen === 0 && !values.list) {
    throw new UsageError('say what to test: --url URL, --target emulator or --compare A B')
  }
  let target: TargetSpec | undefined
  if (values.url !== undefined) {
    target = targetSpec(values.url, '--url')
    if (target.kind !== 'url')
      throw new UsageError(`--url takes a URL; use --target ${target.kind}`)
  }
  if (values.target !== undefined) {
    if (values.target !== 'emulator' && values.target !== 'emulator-http') {
      throw new UsageError(
        `--target must be emulator or emulator-http, got "${values.target}" (use --url for a server)`,
      )
    }
    target = { kind: values.target }
  }
  const pair = compare
    ? ([targetSpec(compare[0], '--compare'), targetSpec(compare[1], '--compare')] as const)
    : undefined
  if (pair?.[0].kind === 'emulator' && pair[1].kind === 'emulator') {
    // Only the newest msw setupServer answers: two in-process emulators cannot run side by side.
    throw new UsageError(
      '--compare cannot run two in-process emulators; make one side emulator-http',
    )
  }

  const profile = (values.profile ?? 'apache-0.9') as SetupName
  if (!(SETUP_NAMES as readonly string[]).includes(profile)) {
    throw new UsageError(`unknown --profile "${profile}": one of ${SETUP_NAMES.join(', ')}`)
  }

  const tags =
    values.tags === undefined
      ? []
      : values.tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean)
  if (values.tags !== undefined && tags.length === 0) {
    throw new UsageError('--tags takes a comma-separated list, e.g. --tags sessions,errors')
  }
  if (values.grep !== undefined) {
    try {
      new RegExp(values.grep, 'i')
    } catch (e) {
      throw new UsageError(`--grep is not a valid regular expression: ${(e as Error).message}`)
    }
  }
  let timeoutMs: number | undefined
  if (values.timeout !== undefined) {
    timeoutMs = Number(values.timeout)
    if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
      throw new UsageError(
        `--timeout takes a positive number of milliseconds, got "${values.timeout}"`,
      )
    }
  }
  const reports = (values.report ?? []).map((entry) => {
    const eq = entry.indexOf('=')
    const kind = entry.slice(0, Math.max(0, eq))
    const file = entry.slice(eq + 1)
    if (eq <= 0 || !file || (kind !== 'junit' && kind !== 'json')) {
      throw new UsageError(`--report takes junit=FILE or json=FILE, got "${entry}"`)
    }
    return { kind: kind as ReportKind, file }
  })

  const urlTargets = [target, ...(pair ?? [])].some((t) => t?.kind === 'url')
  const urlOnly = (['auth', 'header', 'prefix', 'insecure', 'local-dir'] as const).filter(
    (k) => values[k] !== undefined,
  )
  if (urlOnly.length > 0 && !urlTargets && !values.list) {
    throw new UsageError(
      `--${urlOnly[0]} applies to URL targets (--url or a URL side of --compare) only`,
    )
  }
  if (values.auth !== undefined) {
    try {
      authHeader(values.auth)
    } catch (e) {
      throw new UsageError((e as Error).message)
    }
  }
  const headers: Record<string, string> = {}
  for (const h of values.header ?? []) {
    const colon = h.indexOf(':')
    const name = h.slice(0, Math.max(0, colon)).trim()
    if (colon <= 0 || !TOKEN.test(name)) {
      throw new UsageError(`--header takes 'Name: value', got "${h}"`)
    }
    headers[name] = h.slice(colon + 1).trim()
  }
  if (values.prefix !== undefined && !values.prefix.startsWith('/')) {
    throw new UsageError(`--prefix must start with /, got "${values.prefix}"`)
  }
  if (values['local-dir'] !== undefined && !values['local-dir'].startsWith('/')) {
    throw new UsageError(
      `--local-dir must be an absolute path on the server, got "${values['local-dir']}"`,
    )
  }

  const suite = (values.suite ?? 'conformance') as SuiteName
  if (!(SUITE_NAMES as readonly string[]).includes(suite))
    throw new UsageError(`--suite must be one of ${SUITE_NAMES.join(', ')}, got "${values.suite}"`)
  if (suite !== 'deployment') {
    const stray = (['examples-jar', 'conf'] as const).find((k) => values[k] !== undefined)
    if (stray) throw new UsageError(`--${stray} is for --suite deployment`)
  }
  let resources: Record<string, unknown>
  try {
    resources = resourcesWith(values.conf ?? [])
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  const deployment: DeploymentSettings = {
    examplesJar: values['examples-jar'] ?? DEFAULT_EXAMPLES_JAR,
    resources,
    auth: values.auth?.startsWith('basic:')
      ? 'basic'
      : values.auth?.startsWith('bearer:')
        ? 'bearer'
        : 'none',
  }

  return {
    mode: values.list ? 'list' : pair ? 'compare' : 'run',
    suite,
    deployment,
    ...(target ? { target } : {}),
    ...(pair ? { compare: pair } : {}),
    tags,
    ...(values.grep === undefined ? {} : { grep: values.grep }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    reports,
    profile,
    ...(values.auth === undefined ? {} : { auth: values.auth }),
    headers,
    ...(values.prefix === undefined ? {} : { prefix: values.prefix }),
    insecure: values.insecure === true,
    ...(values['local-dir'] === undefined ? {} : { localDir: values['local-dir'] }),
  }
}

/** Builds a (not yet started) target. */
export function createTarget(spec: TargetSpec, options: CliOptions): Target {
  const setup = SETUPS[options.profile]
  if (spec.kind === 'emulator') return createInProcessTarget({}, setup)
  if (spec.kind === 'emulator-http') return createHttpEmulatorTarget({}, setup)
  const prefix = options.prefix ?? (setup.prefix || undefined)
  return createUrlTarget({
    url: spec.url,
    ...(options.auth === undefined ? {} : { auth: options.auth }),
    headers: options.headers,
    ...(prefix === undefined ? {} : { prefix }),
    insecure: options.insecure,
    ...(options.localDir === undefined ? {} : { localDir: options.localDir }),
  })
}

/** The same target under another name (to tell two sides of a comparison apart). */
export function renameTarget(target: Target, name: string): Target {
  // Delegating getters: a URL target learns its kind and an HTTP target its URL on setup.
  return {
    name,
    get kind() {
      return target.kind
    },
    capabilities: target.capabilities,
    get description() {
      return target.description
    },
    localDir: target.localDir,
    setup: () => target.setup(),
    teardown: () => target.teardown(),
    send: (method, path, body, headers) => target.send(method, path, body, headers),
  }
}

function formatList(chosen: readonly Scenario[]): string {
  const statements = new Map(BEHAVIOURS.map((b) => [b.id, b.statement]))
  const out: string[] = []
  for (const s of chosen) {
    const facts = [
      s.parity.mark === 'verified'
        ? 'verified on Apache Livy 0.9.0'
        : s.parity.mark === 'documented'
          ? `documented: ${s.parity.source}`
          : `${s.parity.mark}: ${s.parity.reason}`,
      `tags ${s.tags.join(', ')}`,
      ...(s.requires?.length ? [`requires ${s.requires.join(', ')}`] : []),
      ...(s.needsEmptyServer ? ['needs an empty server'] : []),
    ]
    out.push(`${s.id}  ${s.title}`, `  ${facts.join(' · ')}`)
    const width = Math.max(...s.covers.map((b) => b.length))
    for (const b of s.covers)
      out.push(`  ${b.padEnd(width)}  ${statements.get(b) ?? '(unknown behaviour)'}`)
    out.push('')
  }
  const covered = new Set(chosen.flatMap((s) => s.covers))
  out.push(
    `${chosen.length} of ${CATALOGUE.length} scenarios, covering ${covered.size} of ${BEHAVIOURS.length} behaviours`,
  )
  return `${out.join('\n')}\n`
}

/** Where main writes, and where relative report paths start. */
export interface CliIo {
  readonly stdout: ReportStream
  readonly stderr: ReportStream
  readonly cwd: string
  /** Where Ctrl-C comes from (default `process`): the run deletes what it created, then exits 130. */
  readonly signals?: Pick<NodeJS.Process, 'once' | 'off'>
  readonly exit?: (code: number) => void
}

const describe = (t: Target) =>
  `${t.name} (${t.description}, ${t.kind}; capabilities ${[...t.capabilities].sort().join(', ')})`

/**
 * Runs the command line; resolves with the exit code (0 nothing failed, 1 a scenario failed
 * or diverged, 2 usage error or a target that cannot be reached).
 *
 * @example
 * process.exit(await main(process.argv.slice(2)))
 */
export async function main(
  argv: readonly string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() },
): Promise<number> {
  const usage = (message: string) => {
    io.stderr.write(`livy-conformance: ${message}\n(see livy-conformance --help)\n`)
    return 2
  }
  let options: CliOptions
  try {
    const parsed = parseCliArgs(argv)
    if (parsed === 'help') {
      io.stdout.write(HELP)
      return 0
    }
    options = parsed
  } catch (e) {
    if (e instanceof UsageError) return usage(e.message)
    throw e
  }

  const selection = {
    setup: options.profile,
    suite: options.suite,
    tags: options.tags,
    ...(options.grep === undefined ? {} : { grep: options.grep }),
  }
  const chosen = select(CATALOGUE, selection)
  if (chosen.length === 0) {
    const tags = [...new Set(CATALOGUE.flatMap((s) => s.tags))].sort()
    return usage(`no scenario matches the selection (tags in the catalogue: ${tags.join(', ')})`)
  }
  if (options.mode === 'list') {
    io.stdout.write(formatList(chosen))
    return 0
  }

  const reportFiles = options.reports.map((r) => ({ ...r, path: resolve(io.cwd, r.file) }))
  for (const r of reportFiles) {
    try {
      mkdirSync(dirname(r.path), { recursive: true })
      accessSync(dirname(r.path), constants.W_OK)
    } catch (e) {
      return usage(`cannot write the ${r.kind} report to ${r.path}: ${(e as Error).message}`)
    }
  }

  const specs = options.compare ?? (options.target ? [options.target] : [])
  const targets = specs.map((spec) => createTarget(spec, options))
  if (targets.length === 2 && targets[0]?.name === targets[1]?.name) {
    targets[0] = renameTarget(targets[0] as Target, `A: ${targets[0]?.name}`)
    targets[1] = renameTarget(targets[1] as Target, `B: ${targets[1]?.name}`)
  }

  const started: Target[] = []
  const startedAt = new Date()
  // Ctrl-C: what the run created is deleted before the process goes (never anything else).
  const created = createCreatedResources()
  const signals = io.signals ?? process
  const exit = io.exit ?? ((code: number) => process.exit(code))
  let interrupted = false
  const onInterrupt = () => {
    if (interrupted) return
    interrupted = true
    const left = created.list()
    io.stderr.write(
      `\nlivy-conformance: interrupted; deleting the ${left.length} session(s) and batch(es) this run created\n`,
    )
    const target = started[0]
    const cleanup = target
      ? deleteCreated(created, target, SETUPS[options.profile])
      : Promise.resolve([])
    cleanup
      .then(
        (failed) => {
          if (failed.length > 0)
            io.stderr.write(`livy-conformance: could not delete ${failed.join(', ')}\n`)
        },
        () => undefined,
      )
      .then(() => Promise.all(started.map((t) => t.teardown().catch(() => undefined))))
      .finally(() => exit(130))
  }
  signals.once('SIGINT', onInterrupt)
  signals.once('SIGTERM', onInterrupt)
  let sparkVersion: string | undefined
  const clock = performance.now()
  let results: ScenarioResult[] = []
  let comparisons: Comparison[] | undefined
  try {
    for (const target of targets) {
      try {
        await target.setup()
        started.push(target)
        // A URL target's setup tolerates an unreachable server; find out before running.
        await target.send('GET', SETUPS[options.profile].livyShaped ? '/version' : '/sessions')
      } catch (e) {
        io.stderr.write(
          `livy-conformance: cannot reach ${target.name} (${target.description}): ${(e as Error).message}\n`,
        )
        // 2, not 1: CI can tell a network it cannot cross from a Livy that fails scenarios.
        return 2
      }
    }
    const progress = createProgress(io.stdout)
    const run = {
      ...selection,
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      onStart: progress.start,
      deployment: options.deployment,
      created,
      ...(options.suite === 'deployment'
        ? {
            prelude: async (ctx: ScenarioContext) => {
              sparkVersion = await probeSparkVersion(ctx).catch((e: unknown) => {
                io.stdout.write(`  Spark version: unknown (${(e as Error).message})\n`)
                return undefined
              })
              if (sparkVersion) io.stdout.write(`  Spark ${sparkVersion} (spark.version)\n`)
            },
          }
        : {}),
    }
    if (targets.length === 2) {
      const [a, b] = targets as [Target, Target]
      io.stdout.write(
        `livy-conformance: comparing ${chosen.length} scenarios\n  A = ${describe(a)}\n  B = ${describe(b)}\n`,
      )
      comparisons = await compareTargets(CATALOGUE, a, b, {
        ...run,
        onComparison: progress.comparison,
      })
      results = comparisons.flatMap((c) => [c.a, c.b])
    } else {
      const [target] = targets as [Target]
      io.stdout.write(`livy-conformance: ${chosen.length} scenarios on ${describe(target)}\n`)
      results = await runScenarios(CATALOGUE, target, { ...run, onResult: progress.result })
    }
  } catch (e) {
    io.stderr.write(
      `livy-conformance: the run stopped: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    )
    return 1
  } finally {
    signals.off('SIGINT', onInterrupt)
    signals.off('SIGTERM', onInterrupt)
    for (const target of started.reverse()) {
      await target.teardown().catch((e: unknown) => {
        io.stderr.write(`livy-conformance: teardown of ${target.name} failed: ${String(e)}\n`)
      })
    }
  }
  const durationMs = performance.now() - clock

  io.stdout.write(`\n${formatResults(results)}`)
  if (comparisons) {
    const [a, b] = targets as [Target, Target]
    io.stdout.write(
      `\n${formatComparisons(comparisons, { a: a.name, b: b.name }, { width: io.stdout.columns ?? 100 })}`,
    )
  }

  let code = results.some((r) => r.outcome === 'failed') ? 1 : 0
  if (comparisons?.some((c) => isCompared(c) && !c.agree)) code = 1

  for (const r of reportFiles) {
    const text =
      r.kind === 'junit'
        ? renderJUnit(results, {
            timestamp: startedAt,
            targetProperties: Object.fromEntries(
              targets.map((t) => [
                t.name,
                {
                  'target.url': t.description,
                  'target.kind': t.kind,
                  profile: options.profile,
                  suite: options.suite,
                  ...(sparkVersion ? { 'spark.version': sparkVersion } : {}),
                },
              ]),
            ),
          })
        : renderJsonReport({
            targets: targets.map(reportTarget),
            results,
            ...(comparisons ? { comparisons } : {}),
            catalogue: CATALOGUE,
            behaviours: BEHAVIOURS,
            selected: chosen,
            selection,
            profile: options.profile,
            startedAt,
            durationMs,
          })
    try {
      writeFileSync(r.path, text)
      io.stdout.write(`${r.kind} report: ${r.path}\n`)
    } catch (e) {
      io.stderr.write(`livy-conformance: cannot write ${r.path}: ${(e as Error).message}\n`)
      code = 1
    }
  }
  return code
}
