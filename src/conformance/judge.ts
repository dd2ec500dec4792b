/**
 * The judge (`npm run test:livy`): the whole catalogue in differential mode, real Apache Livy
 * 0.9.0 (target A) against the in-process emulator (target B). Each judged set-up
 * (`apache-0.9`, then `apache-0.9-secured` with authentication, CSRF, ACLs and impersonation
 * on) gets its own real Livy configured like the emulator, one after the other.
 *
 * Stages: Docker up (scripts/docker-up.sh) → image (build-image.sh, cached) → start Livy
 * (LivyContainer; `run-local.sh` as a local process when Docker cannot run) → run the
 * catalogue → record the real transcripts in `src/fixtures/recorded/livy-0.9.0.json` → stop
 * Livy → Docker down (only a dockerd docker-up started).
 *
 * Exit: 0 every compared scenario agrees; 1 something diverged or failed; 78 BLOCKED (the
 * Livy 0.9.0 artifacts are unavailable, e.g. on a clean CI machine: they are not on Maven
 * Central); 130 interrupted.
 *
 * @example
 * node src/conformance/judge.ts                       # everything
 * node src/conformance/judge.ts --grep S-HTTP          # some scenarios (merged into the recording)
 * LIVY_URL=http://127.0.0.1:8998 node src/conformance/judge.ts
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import {
  ARTIFACTS_EXIT_CODE,
  artifactsFailure,
  assertPortFree,
  DEFAULT_LIVY_IMAGE,
  ensureLivyImage,
  LivyArtifactsUnavailable,
  LivyContainer,
  livyConfLines,
  runRecipeScript,
  versionsFromLog,
} from '../testcontainers/livy-container.ts'
import { CATALOGUE } from './catalogue.ts'
import { type Comparison, compareTargets } from './compare.ts'
import { writeConformanceFiles } from './fixtures.ts'
import { type LivyRecording, RECORDING_PATH, readRecording, writeRecording } from './recording.ts'
import { select } from './runner.ts'
import { SETUP_NAMES, SETUPS, type SetupName } from './setups.ts'
import { createHttpEmulatorTarget, createInProcessTarget } from './targets/emulator-targets.ts'
import { JUDGE_LIVY_CONF, JUDGE_LOCAL_DIR, type Target } from './targets/target.ts'
import { createUrlTarget } from './targets/url-target.ts'
import type { Scenario } from './types.ts'

const HELP = `Usage: scripts/test-livy.sh [options]   (npm run test:livy)

Runs the conformance catalogue on a real Apache Livy 0.9.0 and on the emulator, diffs them,
and records the real transcripts in src/fixtures/recorded/livy-0.9.0.json.

  --mode <m>      auto (default): Docker, or a local process when Docker cannot run;
                  docker: Docker only; local: run-local.sh only
  --port <n>      Port for real Livy (host networking; default 8998, 0 = any free port)
  --grep <re>     Only scenarios whose id or title matches (merged into the recording)
  --tags <a,b>    Only scenarios with any of these tags (merged into the recording)
  --no-record     Do not write the recording
  --rebuild       Rebuild the image (build-image.sh --force)
  -h, --help      This help

Env: LIVY_URL (judge a running Livy in set-up apache-0.9; no Docker), LIVY_SECURED_URL (the
     same for apache-0.9-secured), LIVY_IMAGE, LIVY_CACHE_DIR, LIVY_MAVEN_ARGS,
     LIVY_SPARK_VERSION / LIVY_JAVA_VERSION (recorded with LIVY_URL).
Exit: 0 all compared scenarios agree, 1 otherwise, 78 BLOCKED (Livy artifacts unavailable).
`

const REPO = fileURLToPath(new URL('../../', import.meta.url))
const EXIT_BLOCKED = 78

const out = (line = '') => process.stdout.write(`${line}\n`)
const seconds = (ms: number) =>
  ms < 60_000
    ? `${(ms / 1000).toFixed(1)} s`
    : `${Math.floor(ms / 60_000)} min ${((ms % 60_000) / 1000).toFixed(0).padStart(2, '0')} s`

interface StageTime {
  readonly name: string
  readonly ms: number
  readonly ok: boolean
}

/** A real Livy this run started (or was pointed at). */
interface RealLivy {
  readonly url: string
  readonly how: string
  readonly localDir: string
  logs(): Promise<string>
  stop(): Promise<void>
}

/** Runs a repo script, echoing its output; resolves with the exit code and the output. */
function runScript(path: string, prefix: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn('bash', [path], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const echo = (c: Buffer) => {
      const text = c.toString('utf8')
      output += text
      for (const line of text.split('\n')) if (line) out(`${prefix}${line}`)
    }
    child.stdout.on('data', echo)
    child.stderr.on('data', echo)
    child.on('error', (e) => done({ code: 127, output: String(e) }))
    child.on('close', (code) => done({ code: code ?? 1, output }))
  })
}

/** Real Livy as a local process (`run-local.sh --background`), the fallback without Docker. */
async function startLocalLivy(port: number, confLines: readonly string[]): Promise<RealLivy> {
  await assertPortFree(port)
  const pidFile = `/tmp/livy-judge-${port}.pid`
  const logFile = `/tmp/livy-judge-${port}.log`
  const result = await runRecipeScript(
    'run-local.sh',
    ['--port', String(port), '--background', '--pid-file', pidFile, '--log-file', logFile],
    {
      env: { LIVY_CONF_EXTRA: confLines.join('\n'), LIVY_FILES_DIR: `${JUDGE_LOCAL_DIR}/` },
      onLog: (line) => out(`  | ${line}`),
    },
  )
  if (result.code !== 0) {
    const unavailable = result.code === ARTIFACTS_EXIT_CODE ? artifactsFailure(result) : undefined
    if (unavailable) throw unavailable
    throw new Error(
      `run-local.sh failed (exit ${result.code}):\n${result.stderr.trim().split('\n').slice(-15).join('\n')}`,
    )
  }
  out(`  | ${result.stdout.trim()}`)
  return {
    url: `http://127.0.0.1:${port}`,
    how: `local process (run-local.sh, log ${logFile})`,
    localDir: JUDGE_LOCAL_DIR,
    logs: async () => readFileSync(logFile, 'utf8'),
    async stop() {
      await runRecipeScript('run-local.sh', ['stop', '--pid-file', pidFile], {
        onLog: (l) => out(`  | ${l}`),
      })
    },
  }
}

function verdictOf(c: Comparison): string {
  if (c.scenario.parity.mark === 'emulator-only') return `emulator-only (${c.b.outcome} on B)`
  if (c.a.outcome === 'skipped' || c.b.outcome === 'skipped') return 'not compared (skipped)'
  if (c.a.outcome === 'failed' || c.b.outcome === 'failed') return 'FAIL'
  if (c.scenario.parity.mark === 'known-divergence')
    return c.divergences.length > 0
      ? 'agree (known divergence)'
      : 'agree (known divergence NO LONGER diverges)'
  return c.agree ? 'agree' : 'DIVERGE'
}

const isCompared = (c: Comparison) =>
  c.scenario.parity.mark !== 'emulator-only' &&
  c.a.outcome !== 'skipped' &&
  c.b.outcome !== 'skipped'

function printReport(comparisons: readonly Comparison[]): { agreed: number; compared: number } {
  const rows = comparisons.map((c) => [
    c.scenario.id,
    c.scenario.parity.mark,
    c.a.outcome,
    c.b.outcome,
    String(c.divergences.length),
    seconds(c.a.durationMs),
    verdictOf(c),
  ])
  const header = ['scenario', 'parity', 'livy', 'emulator', 'diffs', 'livy time', 'verdict']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  out()
  out(line(header))
  out(line(widths.map((w) => '-'.repeat(w))))
  for (const r of rows) out(line(r))

  const compared = comparisons.filter(isCompared)
  const agreed = compared.filter((c) => c.agree).length
  const failing = compared.filter((c) => !c.agree)
  if (failing.length > 0) {
    out()
    out(`Scenarios that do not agree (${failing.length}):`)
    for (const c of failing) {
      out()
      out(`✗ ${c.scenario.id} ${c.scenario.title} [${c.scenario.parity.mark}]`)
      if (c.a.failure) out(`  real Livy failed: ${c.a.failure.replaceAll('\n', '\n    ')}`)
      if (c.b.failure) out(`  emulator failed: ${c.b.failure.replaceAll('\n', '\n    ')}`)
      for (const d of c.divergences.slice(0, 12)) out(`  diverges: ${d.replaceAll('\n', '\n  ')}`)
      if (c.divergences.length > 12) out(`  … ${c.divergences.length - 12} more divergences`)
    }
  }
  const notCompared = comparisons.filter((c) => !isCompared(c))
  const emulatorOnlyFailures = notCompared.filter((c) => c.b.outcome === 'failed')
  const skipped = notCompared.filter((c) => c.scenario.parity.mark !== 'emulator-only')
  if (skipped.length > 0) {
    out()
    out(
      `Not compared (skipped on a target): ${skipped.map((c) => `${c.scenario.id} (${c.a.skipReason ?? c.b.skipReason})`).join('; ')}`,
    )
  }
  if (emulatorOnlyFailures.length > 0) {
    out(
      `Emulator-only scenarios failing on the emulator (not judged here): ${emulatorOnlyFailures.map((c) => `${c.scenario.id}: ${c.b.failure}`).join('; ')}`,
    )
  }
  const noLonger = compared.filter(
    (c) => c.scenario.parity.mark === 'known-divergence' && c.divergences.length === 0,
  )
  if (noLonger.length > 0)
    out(
      `Known divergences that no longer diverge (mark them verified): ${noLonger.map((c) => c.scenario.id).join(', ')}`,
    )
  out()
  out(
    `agreement: ${agreed}/${compared.length} scenarios (${notCompared.length} not compared: ${notCompared.length - skipped.length} emulator-only, ${skipped.length} skipped)`,
  )
  return { agreed, compared: compared.length }
}

/** The recording of this run, merged into the previous one when only part of the catalogue ran. */
function recordingOf(
  comparisons: readonly Comparison[],
  versions: { livyVersion: string; sparkVersion: string; javaVersion: string },
  partial: boolean,
): { recording: LivyRecording; recorded: number; dropped: string[] } {
  const previous = partial ? readRecording() : undefined
  const scenarios: Record<string, LivyRecording['scenarios'][string]> = {
    ...(previous?.scenarios ?? {}),
  }
  const dropped: string[] = []
  let recorded = 0
  for (const c of comparisons) {
    if (c.a.outcome === 'passed' && c.scenario.parity.mark !== 'emulator-only') {
      scenarios[c.scenario.id] = c.transcriptA
      recorded++
    } else if (scenarios[c.scenario.id]) {
      delete scenarios[c.scenario.id]
      dropped.push(c.scenario.id)
    }
  }
  const known = new Set(CATALOGUE.map((s) => s.id))
  for (const id of Object.keys(scenarios)) if (!known.has(id)) delete scenarios[id]
  return {
    recording: {
      ...versions,
      recordedAt: new Date().toISOString(),
      catalogueSize: CATALOGUE.length,
      scenarios,
    },
    recorded,
    dropped,
  }
}

function printBlocked(e: LivyArtifactsUnavailable): void {
  const bar = '!'.repeat(100)
  const err = (l = '') => process.stderr.write(`${l}\n`)
  err(bar)
  err('BLOCKED: real Apache Livy 0.9.0 cannot be started here: its artifacts are unavailable.')
  for (const l of e.scriptError.split('\n')) err(`BLOCKED: ${l}`)
  const context = e.scriptOutput
    .split('\n')
    .filter((l) => /^\[ERROR\]|^fetch-artifacts: (hint|\s)/.test(l))
  for (const l of context) err(`  ${l}`)
  err(
    'BLOCKED: org.apache.livy 0.8.0/0.9.0-incubating (Scala 2.12) are not on Maven Central (it stops at',
  )
  err(
    "BLOCKED: 0.7.1-incubating). Put them in ~/.m2/repository or pass LIVY_MAVEN_ARGS='-s settings.xml';",
  )
  err('BLOCKED: see src/conformance/livy-container/README.md. Nothing was compared; exit 78.')
  err(bar)
}

export async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      mode: { type: 'string', default: 'auto' },
      port: { type: 'string', default: process.env.LIVY_JUDGE_PORT ?? '8998' },
      grep: { type: 'string' },
      tags: { type: 'string' },
      'no-record': { type: 'boolean', default: false },
      rebuild: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  })
  if (values.help) {
    out(HELP)
    return 0
  }
  const mode = values.mode
  if (mode !== 'auto' && mode !== 'docker' && mode !== 'local')
    throw new Error(`--mode is auto, docker or local, not ${mode}`)
  let port = Number(values.port)
  const selection = {
    ...(values.grep ? { grep: values.grep } : {}),
    ...(values.tags ? { tags: values.tags.split(',') } : {}),
  }
  const judged = SETUP_NAMES.filter((n) => SETUPS[n].judged)
  const chosenBySetup = new Map(
    judged.map((setup) => [setup, select(CATALOGUE, { ...selection, setup })] as const),
  )
  const allJudged = judged.reduce((n, setup) => n + select(CATALOGUE, { setup }).length, 0)
  const chosenCount = [...chosenBySetup.values()].reduce((n, list) => n + list.length, 0)
  const partial = chosenCount !== allJudged
  const urls: Partial<Record<SetupName, string>> = {
    'apache-0.9': process.env.LIVY_URL,
    'apache-0.9-secured': process.env.LIVY_SECURED_URL,
  }

  const stages: StageTime[] = []
  const stage = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    out(`\n== ${name}`)
    const started = performance.now()
    try {
      const value = await fn()
      stages.push({ name, ms: performance.now() - started, ok: true })
      out(`== ${name}: ${seconds(performance.now() - started)}`)
      return value
    } catch (e) {
      stages.push({ name, ms: performance.now() - started, ok: false })
      throw e
    }
  }

  let livy: RealLivy | undefined
  let dockerUpRan = false
  const targets: Target[] = []
  let cleaned = false
  const cleanup = async () => {
    if (cleaned) return
    cleaned = true
    for (const t of targets) await t.teardown().catch(() => undefined)
    if (livy) {
      const running = livy
      await stage('stop Livy', () => running.stop()).catch((e: unknown) =>
        out(`stopping Livy failed: ${String(e)}`),
      )
    }
    if (dockerUpRan)
      await stage('docker-down', () => runScript(`${REPO}scripts/docker-down.sh`, '  | '))
  }
  const onSignal = (signal: string) => {
    out(`\njudge: ${signal}: stopping what it started`)
    void cleanup().finally(() => process.exit(130))
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  const startedAll = performance.now()
  let exitCode = 1
  try {
    // Docker and the image once; then one real Livy per judged set-up, one after the other.
    let dockerError: string | undefined
    let image = ''
    const needsDocker = judged.some((n) => (chosenBySetup.get(n)?.length ?? 0) > 0 && !urls[n])
    if (needsDocker) {
      if (mode !== 'local') {
        dockerUpRan = true
        const up = await stage('docker-up', () => runScript(`${REPO}scripts/docker-up.sh`, '  | '))
        if (up.code !== 0)
          dockerError =
            up.output
              .split('\n')
              .filter((l) => l.includes('ERROR'))
              .at(-1) ?? up.output.trim()
      } else dockerError = '--mode local'
      if (dockerError === undefined) {
        image = process.env.LIVY_IMAGE ?? DEFAULT_LIVY_IMAGE
        const { built } = await stage('image', () =>
          ensureLivyImage(image, {
            force: values.rebuild,
            refresh: true,
            onLog: (l) => out(`  | ${l}`),
          }),
        )
        out(`  ${image} ${built ? 'built' : 'present'}; ${await imageSize(image)}`)
      } else {
        if (mode === 'docker') throw new Error(`Docker is unavailable: ${dockerError}`)
        if (mode !== 'local')
          out(
            `\njudge: Docker cannot run here: ${dockerError}\njudge: falling back to real Livy as a local process (run-local.sh, same artifacts)`,
          )
        if (port === 0) port = 8998
      }
    }

    const startReal = async (setupName: SetupName): Promise<RealLivy> => {
      const conf = { ...JUDGE_LIVY_CONF, ...SETUPS[setupName].livyConf }
      const given = urls[setupName]
      if (given) {
        // Its whitelisted directory is only reachable from here on this host (or when named).
        const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(given).hostname)
        return {
          url: given,
          how: 'given by URL (already running; not started or stopped here)',
          localDir: process.env.LIVY_LOCAL_DIR ?? (loopback ? JUDGE_LOCAL_DIR : ''),
          logs: async () => '',
          stop: async () => undefined,
        }
      }
      if (dockerError !== undefined) {
        return stage(`start Livy ${setupName} (local process)`, () =>
          startLocalLivy(port, livyConfLines(conf)),
        )
      }
      const container = await stage(`start Livy ${setupName} (container)`, async () =>
        new LivyContainer(image)
          .withPort(port)
          .withLocalDir(JUDGE_LOCAL_DIR)
          .withLivyConf(conf)
          .withStartupTimeout(240_000)
          .start(),
      )
      out(
        `  container ${container.getId().slice(0, 12)} answered GET /sessions 200 after ${seconds(container.startupMs)}`,
      )
      return {
        url: container.getBaseUrl(),
        how: `Docker container ${container.getId().slice(0, 12)} (${image}, host network)`,
        localDir: container.getLocalDir(),
        logs: () => container.logs(),
        stop: () => container.stop(),
      }
    }

    const comparisons: Comparison[] = []
    let versions: { livyVersion: string; sparkVersion: string; javaVersion: string } | undefined
    let done = 0
    for (const setupName of judged) {
      const chosen = chosenBySetup.get(setupName) ?? []
      if (chosen.length === 0) continue
      const setup = SETUPS[setupName]
      livy = await startReal(setupName)
      const real = livy
      const a = createUrlTarget({
        url: real.url,
        name: 'real Livy',
        ...(real.localDir ? { localDir: real.localDir } : {}),
        capabilities: ['pyspark'],
        requestTimeoutMs: 180_000,
      })
      const b = createInProcessTarget({}, setup)
      await a.setup()
      targets.push(a)
      await b.setup()
      targets.push(b)
      if (a.kind !== 'livy')
        throw new Error(`${real.url} is a livy-emulator, not a real Livy: nothing to judge`)
      // GET /version needs no user and no CSRF header in every set-up.
      const version = await a.send('GET', setup.withUser('/version', setup.defaultUser))
      if (version.status !== 200)
        throw new Error(`GET ${real.url}/version answered ${version.status}: ${version.text}`)
      const logVersions = versionsFromLog(await real.logs().catch(() => ''))
      versions ??= {
        livyVersion: (JSON.parse(version.text) as { version?: string }).version ?? 'unknown',
        sparkVersion: logVersions.sparkVersion ?? process.env.LIVY_SPARK_VERSION ?? 'unknown',
        javaVersion: logVersions.javaVersion ?? process.env.LIVY_JAVA_VERSION ?? 'unknown',
      }
      if (real.localDir) await writeConformanceFiles(real.localDir)

      // Scenarios that observe the wire (gzip framing, …) need the emulator's HTTP server.
      const needsWire = (s: Scenario) => s.requires?.includes('wire') ?? false
      const wired = chosen.filter(needsWire)
      out(
        `\njudge: set-up ${setupName}: A = real Livy ${versions.livyVersion} (Spark ${versions.sparkVersion}, Java ${versions.javaVersion}) at ${real.url}: ${real.how}`,
      )
      out(
        `judge: B = ${b.name} (${b.description})${wired.length ? `; the emulator's HTTP server for the ${wired.length} wire scenarios` : ''}`,
      )
      const run = (scenarios: readonly Scenario[], target: Target) =>
        compareTargets(scenarios, a, target, {
          setup: setupName,
          onStart: (s) =>
            out(
              `[${String(++done).padStart(String(chosenCount).length)}/${chosenCount}] ${s.id} ${s.title} …`,
            ),
          onComparison: (c) =>
            out(
              `    ${verdictOf(c)}  (livy ${c.a.outcome} ${seconds(c.a.durationMs)}, emulator ${c.b.outcome} ${seconds(c.b.durationMs)}${c.divergences.length ? `, ${c.divergences.length} differences` : ''})`,
            ),
        })
      const found = await stage(`catalogue ${setupName} (${chosen.length} scenarios)`, async () => {
        const list = await run(
          chosen.filter((s) => !needsWire(s)),
          b,
        )
        if (wired.length > 0) {
          const http = createHttpEmulatorTarget({}, setup)
          await http.setup()
          targets.push(http)
          list.push(...(await run(wired, http)))
        }
        return list
      })
      comparisons.push(...found)
      for (const t of targets.splice(0)) await t.teardown().catch(() => undefined)
      livy = undefined
      await stage(`stop Livy ${setupName}`, () => real.stop())
    }
    const order = new Map(CATALOGUE.map((s, i) => [s.id, i]))
    comparisons.sort((x, y) => (order.get(x.scenario.id) ?? 0) - (order.get(y.scenario.id) ?? 0))
    const { agreed, compared } = printReport(comparisons)

    if (!values['no-record'] && versions) {
      const v = versions
      await stage('record', async () => {
        const { recording, recorded, dropped } = recordingOf(comparisons, v, partial)
        writeRecording(recording)
        out(
          `  ${RECORDING_PATH}: ${recorded} scenarios recorded this run, ${Object.keys(recording.scenarios).length} in the file${dropped.length ? `; dropped (failed on real Livy now): ${dropped.join(', ')}` : ''}`,
        )
      })
    }
    exitCode = compared > 0 && agreed === compared ? 0 : 1
    if (compared === 0) out('judge: no scenario was compared')
  } catch (e) {
    if (e instanceof LivyArtifactsUnavailable) {
      printBlocked(e)
      exitCode = EXIT_BLOCKED
    } else {
      process.stderr.write(
        `judge: the run stopped: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
      )
      exitCode = 1
    }
  } finally {
    await cleanup()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
  out('\nStage times:')
  for (const s of stages)
    out(`  ${s.name.padEnd(48)} ${seconds(s.ms).padStart(10)}${s.ok ? '' : '  (failed)'}`)
  out(`  ${'total'.padEnd(48)} ${seconds(performance.now() - startedAll).padStart(10)}`)
  out(`judge: exit ${exitCode}`)
  return exitCode
}

async function imageSize(image: string): Promise<string> {
  const result = await new Promise<string>((done) => {
    const child = spawn('docker', ['image', 'inspect', image, '--format', '{{.Size}}'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    let text = ''
    child.stdout.on('data', (c: Buffer) => {
      text += c.toString()
    })
    child.on('error', () => done(''))
    child.on('close', () => done(text.trim()))
  })
  const bytes = Number(result)
  return result && Number.isFinite(bytes) ? `${(bytes / 1e6).toFixed(0)} MB` : 'size unknown'
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`judge: ${e instanceof Error ? e.message : String(e)}\n`)
      process.exit(2)
    },
  )
}
