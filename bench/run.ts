/**
 * `npm run bench`: the emulator server against a bare node:http baseline answering the same
 * bytes, measured in one run with wrk (1 thread × 32 connections), plus memory and the
 * in-process msw lifecycle. Prints ratios; it asserts nothing (targets are in the README).
 */
import { execFile, spawn } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { bigBodyDelay } from './big-body.ts'
import { child, stop } from './child-server.ts'

const run = promisify(execFile)
const here = import.meta.dirname
/** `npm run bench -- --json`: one JSON object per row on stdout, the details on stderr. */
const JSON_OUT = process.argv.includes('--json')
if (JSON_OUT) console.log = (...args: unknown[]) => console.error(...args)

/**
 * One row of the final table: what was measured, against what (a baseline measured in the same
 * run, or the target alone when there is none), the target, and whether it is met.
 */
interface BenchRow {
  readonly name: string
  /** What was measured, in `unit`. */
  readonly value: number
  readonly unit: string
  /** The value against its baseline in the same run (emulator ÷ baseline), when there is one. */
  readonly ratio: number | null
  readonly baseline: string | null
  readonly target: string | null
  /** Whether the target is met (`null`: a row with no target, shown for context). */
  readonly pass: boolean | null
  /** Why a row could not be measured (e.g. `wrk` missing); then value is NaN. */
  readonly skipped?: string
}
const rows: BenchRow[] = []
const record = (r: BenchRow): void => {
  rows.push(r)
}
const DURATION = process.env.BENCH_DURATION ?? '5s'
/** Rounds per throughput row: each side's median round is reported. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
/** BENCH_ONLY=throughput,memory,lifecycle,catalogue,bigBody,engine,controlPage,fixture runs only those sections. */
const ONLY = process.env.BENCH_ONLY?.split(',').map((s) => s.trim())
const CONNECTIONS = 32

interface Load {
  rps: number
  p50: number
  p99: number
}

/**
 * `wrk` and `taskset` drive the throughput and memory rows. Missing, they are installed with
 * apt-get when this runs as root (as `.ci/run` installs what tests need), else those rows are
 * skipped with the command to run.
 */
let wrkChecked: Promise<string | undefined> | undefined
function wrkMissing(): Promise<string | undefined> {
  const has = (tool: string) =>
    run('sh', ['-c', `command -v ${tool}`]).then(
      () => true,
      () => false,
    )
  wrkChecked ??= (async () => {
    if ((await has('wrk')) && (await has('taskset'))) return undefined
    if (process.getuid?.() === 0 && (await has('apt-get'))) {
      console.log('(installing wrk with apt-get for the throughput rows)')
      await run('apt-get', ['install', '-y', '--no-install-recommends', 'wrk', 'util-linux'], {
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      }).catch(() => undefined)
      if ((await has('wrk')) && (await has('taskset'))) return undefined
    }
    return 'wrk and taskset are needed (Debian: sudo apt-get install wrk util-linux)'
  })()
  return wrkChecked
}

async function wrk(url: string, post?: string): Promise<Load> {
  const args = ['-t1', `-c${CONNECTIONS}`, `-d${DURATION}`, '--latency']
  if (post !== undefined) {
    const dir = await mkdtemp(join(tmpdir(), 'wrk-'))
    const script = join(dir, 'post.lua')
    await writeFile(
      script,
      `wrk.method = "POST"\nwrk.body = ${JSON.stringify(post)}\nwrk.headers["Content-Type"] = "application/json"\n`,
    )
    args.push('-s', script)
  }
  // wrk on its own core, the server on the other (2-core machine).
  const { stdout } = await run('taskset', ['-c', '1', 'wrk', ...args, url])
  const ms = (label: string): number => {
    const m = new RegExp(`${label}%\\s+([\\d.]+)(us|ms|s)`).exec(stdout)
    if (!m) return Number.NaN
    const v = Number(m[1])
    return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v
  }
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1])
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(stdout)
  if (errors) console.warn(`  (wrk saw ${errors[1]} non-2xx responses on ${url})`)
  return { rps, p50: ms('50'), p99: ms('99') }
}

async function fixturesFrom(url: string): Promise<string> {
  // The baseline answers exactly what the emulator answered (status, headers, body).
  const answers: Record<string, unknown> = {}
  const capture = async (method: string, path: string, body?: string) => {
    // wrk asks for no compression: capture the identity answer, as wrk will get it.
    const res = await fetch(`${url}${path}`, {
      method,
      body,
      headers: { 'Accept-Encoding': 'identity' },
    })
    answers[`${method} ${path}`] = {
      status: res.status,
      headers: [...res.headers].filter(
        ([k]) =>
          ![
            'content-length',
            'connection',
            'keep-alive',
            'date',
            'transfer-encoding',
            'content-encoding',
          ].includes(k),
      ),
      body: await res.text(),
    }
  }
  await capture('GET', '/sessions/0')
  await capture('POST', '/sessions/0/statements', '{"code":"1 + 1"}')
  await capture('GET', '/sessions?size=100')
  const file = join(await mkdtemp(join(tmpdir(), 'bench-')), 'fixtures.json')
  await writeFile(file, JSON.stringify(answers))
  return file
}

/** The round with the median req/s (its latencies come with it: they belong to one run). */
const medianLoad = (loads: Load[]): Load =>
  [...loads].sort((a, b) => a.rps - b.rps)[Math.floor(loads.length / 2)] as Load
/** The lowest and highest ratio across rounds, so a reader sees how noisy the row was. */
const spread = (emu: Load[], base: Load[]): string => {
  const ratios = emu.map((e, i) => e.rps / (base[i] as Load).rps).sort((a, b) => a - b)
  return ratios.length > 1
    ? `  rounds ${(ratios[0] as number).toFixed(2)}–${(ratios.at(-1) as number).toFixed(2)}×`
    : ''
}

const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })
const row = (name: string, emu: Load, base: Load) =>
  `${name.padEnd(34)} ${fmt(emu.rps).padStart(8)} ${fmt(base.rps).padStart(8)}  ${(emu.rps / base.rps).toFixed(2).padStart(5)}×   p50 ${emu.p50.toFixed(2)}/${base.p50.toFixed(2)} ms   p99 ${emu.p99.toFixed(2)}/${base.p99.toFixed(2)} ms`

const THROUGHPUT_ROWS = [
  ['GET /sessions/0', '/sessions/0', undefined],
  ['POST /sessions/0/statements', '/sessions/0/statements', '{"code":"1 + 1"}'],
  ['GET /sessions?size=100 (100 sessions)', '/sessions?size=100', undefined],
] as const

async function throughput(): Promise<void> {
  const missing = await wrkMissing()
  if (missing) {
    console.log(`\nThroughput: skipped (${missing})`)
    for (const [name] of THROUGHPUT_ROWS)
      record({
        name: `throughput ${name}`,
        value: Number.NaN,
        unit: 'req/s',
        ratio: null,
        baseline: 'bare node:http',
        target: '≥ 0.8×',
        pass: null,
        skipped: missing,
      })
    return
  }
  console.log(
    `\nThroughput (wrk -t1 -c${CONNECTIONS} -d${DURATION}, ${ROUNDS} alternating rounds per side, median round shown; server pinned to core 0, wrk to core 1)`,
  )
  console.log(
    `${'request'.padEnd(34)} ${'emulator'.padStart(8)} ${'baseline'.padStart(8)}  ratio   latency emulator/baseline`,
  )
  const emu = await child('emulator-server.js', ['0', '100', '0'])
  const fixtures = await fixturesFrom(emu.ready.url)
  const base = await child('baseline-server.ts', ['0', fixtures])
  // Context, not a target: the same bare server writing its answers through the emulator's
  // outbox (docs/decisions/0035), so the table shows the emulator's own cost per request too.
  const batched = await child('baseline-server.ts', ['0', fixtures, 'outbox'])
  const context: string[] = []
  try {
    for (const side of [emu, base, batched])
      await run('taskset', ['-pc', '0', String(side.proc.pid)])
    for (const [name, path, post] of THROUGHPUT_ROWS) {
      // Warm each up, then alternate them (a drift of the machine's speed during the run
      // lands on every side) and keep each side's median round.
      for (const side of [emu, base, batched])
        await wrk(`${side.ready.url}${path}`, post).catch(() => undefined)
      const es: Load[] = []
      const bs: Load[] = []
      const os: Load[] = []
      for (let round = 0; round < ROUNDS; round++) {
        es.push(await wrk(`${emu.ready.url}${path}`, post))
        bs.push(await wrk(`${base.ready.url}${path}`, post))
        os.push(await wrk(`${batched.ready.url}${path}`, post))
      }
      const e = medianLoad(es)
      const b = medianLoad(bs)
      const o = medianLoad(os)
      console.log(row(name, e, b), spread(es, bs))
      context.push(row(name, e, o) + spread(es, os))
      record({
        name: `throughput ${name}`,
        value: e.rps,
        unit: 'req/s',
        ratio: e.rps / b.rps,
        baseline: `bare node:http ${fmt(b.rps)} req/s`,
        target: '≥ 0.8×',
        pass: e.rps / b.rps >= 0.8,
      })
      record({
        name: `throughput ${name}, against node:http with the same outbox (context)`,
        value: e.rps,
        unit: 'req/s',
        ratio: e.rps / o.rps,
        baseline: `node:http + outbox ${fmt(o.rps)} req/s`,
        target: null,
        pass: null,
      })
    }
    console.log(
      '\nContext: the same rows against a bare server that also writes its answers in bursts (no target)',
    )
    for (const line of context) console.log(line)
  } finally {
    await stop(emu.proc)
    await stop(base.proc)
    await stop(batched.proc)
  }
}

/** Resident set size of a process, from /proc (what `ps` calls RSS). */
async function rssOf(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises')
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) / 1024
}

async function memory(): Promise<void> {
  const missing = await wrkMissing()
  console.log('\nMemory (resident set size)')
  // Idle: the CLI exactly as `npx livy-emulator` starts it, after it answered one request.
  const cli = spawn(
    process.execPath,
    [join(here, '..', 'bin', 'livy-emulator.js'), '--port', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const url = await new Promise<string>((resolve) => {
    cli.stdout?.on('data', (d: Buffer) => {
      const m = /listening on (\S+)/.exec(d.toString())
      if (m) resolve(m[1] as string)
    })
  })
  await fetch(`${url}/sessions`)
  await new Promise((r) => setTimeout(r, 300))
  const idle = await rssOf(cli.pid as number)
  console.log(`idle CLI server                     RSS ${fmt(idle, 1)} MB`)
  record({
    name: 'memory: idle CLI server RSS',
    value: idle,
    unit: 'MB',
    ratio: null,
    baseline: null,
    target: null,
    pass: null,
  })
  await stop(cli)
  if (missing) {
    console.log(`10,000 sessions: skipped (${missing})`)
    return
  }

  // p99 is noisy on a 2-core machine: three runs per server, medians; one server at a time
  // (an idle second server's housekeeping would land in the other's numbers).
  const loadOf = async (sessions: string, nodeArgs: string[]) => {
    const server = await child('emulator-server.js', ['0', sessions, '100'], nodeArgs)
    try {
      await run('taskset', ['-pc', '0', String(server.proc.pid)])
      const runs: Load[] = []
      for (let i = 0; i < 3; i++) runs.push(await wrk(`${server.ready.url}/sessions/0`))
      const median = (key: keyof Load) => runs.map((r) => r[key]).sort((x, y) => x - y)[1] as number
      return { ready: server.ready, p99: median('p99'), rps: median('rps') }
    } finally {
      await stop(server.proc)
    }
  }
  const small = await loadOf('10', ['--expose-gc'])
  const big = await loadOf('10000', ['--expose-gc', '--max-old-space-size=4096'])
  console.log(
    `10,000 sessions × 100 statements     RSS ${fmt(big.ready.rssMb ?? 0, 1)} MB (heap ${fmt(big.ready.heapMb ?? 0, 1)} MB, populated in ${fmt((big.ready.populateMs ?? 0) / 1000, 1)} s)`,
  )
  console.log(
    `GET /sessions/0 p99 (median of 3): ${big.p99.toFixed(2)} ms with 10k sessions vs ${small.p99.toFixed(2)} ms with 10 (ratio ${(big.p99 / small.p99).toFixed(2)}); rps ${fmt(big.rps)} vs ${fmt(small.rps)}`,
  )
  record({
    name: 'memory: 10,000 sessions × 100 statements RSS',
    value: big.ready.rssMb ?? Number.NaN,
    unit: 'MB',
    ratio: null,
    baseline: null,
    target: null,
    pass: null,
  })
  record({
    name: 'latency: GET /sessions/0 p99 with 10k sessions',
    value: big.p99,
    unit: 'ms',
    ratio: big.p99 / small.p99,
    baseline: `10 sessions ${small.p99.toFixed(2)} ms`,
    target: null,
    pass: null,
  })
}

async function lifecycle(): Promise<void> {
  const { directLifecycle, mswFloor, mswLifecycle } = await import('./msw-lifecycle.ts')
  const result = await mswLifecycle(500)
  const floor = await mswFloor(500, result.requests)
  const direct = await directLifecycle(500)
  console.log(
    '\nIn-process lifecycle through msw (instant timing): create → idle → statement → available → delete',
  )
  console.log(
    `median ${result.median.toFixed(2)} ms, p95 ${result.p95.toFixed(2)} ms over ${result.runs} runs (${result.requests} requests each)`,
  )
  console.log(
    `msw alone, ${result.requests} requests to a constant handler: median ${floor.median.toFixed(2)} ms (the emulator's share: ${(result.median - floor.median).toFixed(2)} ms)`,
  )
  console.log(
    `the same lifecycle through livy.fetch (no msw): median ${direct.median.toFixed(2)} ms, p95 ${direct.p95.toFixed(2)} ms`,
  )
  record({
    name: 'lifecycle through msw',
    value: result.median,
    unit: 'ms',
    ratio: result.median / floor.median,
    baseline: `msw alone ${floor.median.toFixed(2)} ms`,
    target: '≤ 1.2×',
    pass: result.median / floor.median <= 1.2,
  })
  record({
    name: 'lifecycle through livy.fetch',
    value: direct.median,
    unit: 'ms',
    ratio: direct.median / floor.median,
    baseline: `msw alone ${floor.median.toFixed(2)} ms`,
    target: '< 1 ms',
    pass: direct.median < 1,
  })
  // Start-up: a fresh process each, the median of 5.
  const starts: { importMs: number; firstRequestMs: number }[] = []
  for (let i = 0; i < 5; i++) {
    const { stdout } = await run(process.execPath, [join(here, 'start-up.js')], { timeout: 60_000 })
    starts.push(JSON.parse(stdout.trim()) as { importMs: number; firstRequestMs: number })
  }
  const totals = starts.map((x) => x.importMs + x.firstRequestMs).sort((a, b) => a - b)
  const total = totals[2] as number
  console.log(
    `start-up, import of the root entry + first request: median ${fmt(total, 0)} ms of 5 (${starts.map((x) => `${fmt(x.importMs, 0)}+${fmt(x.firstRequestMs, 0)}`).join(', ')} ms)`,
  )
  record({
    name: 'start-up: import + first request',
    value: total,
    unit: 'ms',
    ratio: null,
    baseline: null,
    target: '< 200 ms',
    pass: total < 200,
  })
  // The same through msw, as a vitest file using msw starts: msw's own import is the test's.
  const viaMsw: { mswMs: number; importMs: number; firstRequestMs: number }[] = []
  for (let i = 0; i < 5; i++) {
    const { stdout } = await run(process.execPath, [join(here, 'start-up-msw.js')], {
      timeout: 60_000,
    })
    viaMsw.push(JSON.parse(stdout.trim()) as (typeof viaMsw)[number])
  }
  const mswTotals = viaMsw.map((x) => x.importMs + x.firstRequestMs).sort((a, b) => a - b)
  const mswTotal = mswTotals[2] as number
  console.log(
    `start-up through msw, import of the root entry + first request via setupServer: median ${fmt(mswTotal, 0)} ms of 5 (${viaMsw.map((x) => `${fmt(x.importMs, 0)}+${fmt(x.firstRequestMs, 0)}`).join(', ')} ms; msw/node's own import ${viaMsw.map((x) => fmt(x.mswMs, 0)).join(', ')} ms)`,
  )
  record({
    name: 'start-up through msw: import + first request',
    value: mswTotal,
    unit: 'ms',
    ratio: null,
    baseline: null,
    target: null,
    pass: null,
  })
}

async function catalogue(): Promise<void> {
  const { catalogueTimes } = await import('./catalogue.ts')
  const rows = await catalogueTimes()
  console.log('\nConformance catalogue against the emulator (target: under 5 s per path)')
  for (const path of [...new Set(rows.map((r) => r.path))]) {
    const mine = rows.filter((r) => r.path === path)
    const total = mine.reduce((t, r) => t + r.ms, 0)
    const count = mine.reduce((t, r) => t + r.scenarios, 0)
    const failed = mine.reduce((t, r) => t + r.failed, 0)
    record({
      name: `conformance catalogue, ${path}`,
      value: total,
      unit: 'ms',
      ratio: null,
      baseline: `${count} scenarios`,
      target: '< 5000 ms',
      pass: total < 5000 && failed === 0,
    })
    console.log(
      `${path.padEnd(18)} ${count} scenarios in ${fmt(total / 1000, 2)} s (${mine.map((r) => `${r.setup} ${fmt(r.ms / 1000, 2)} s`).join(', ')})${failed ? `; ${failed} FAILED` : ''}`,
    )
  }
}

async function bigBody(): Promise<void> {
  console.log(
    '\nA 10 MB body next to GET /sessions/0 polled every 2 ms (target: the poll answers within 50 ms)',
  )
  for (const target of ['batch', 'statement'] as const) {
    const { stdout } = await run(
      process.execPath,
      [join(here, 'big-body-client.ts'), String(ROUNDS), target],
      { maxBuffer: 1 << 20 },
    )
    const r = JSON.parse(stdout) as Awaited<ReturnType<typeof bigBodyDelay>>
    const sorted = [...r.worstDuringMs].sort((a, b) => a - b)
    const worst = sorted[Math.floor(sorted.length / 2)] ?? 0
    const label =
      target === 'batch' ? 'POST /batches (10 MB arg)' : 'POST …/statements (10 MB code, echoed)'
    record({
      name: `10 MB body: slowest poll during ${label}`,
      value: worst,
      unit: 'ms',
      ratio: worst / r.idleMedianMs,
      baseline: `idle poll ${fmt(r.idleMedianMs, 1)} ms`,
      target: '≤ 50 ms',
      pass: worst <= 50,
    })
    console.log(
      `${label.padEnd(40)} poll idle ${fmt(r.idleMedianMs, 1)} ms, slowest during the POST ${fmt(worst, 1)} ms (median of ${r.worstDuringMs.length} rounds: ${r.worstDuringMs.map((x) => fmt(x, 0)).join('/')}), ${fmt(worst / r.idleMedianMs, 1)}× idle; POST ${r.postMs.map((x) => fmt(x, 0)).join('/')} ms${worst > 50 ? '  OVER 50 ms' : '  within 50 ms'}`,
    )
  }
}

/** The evaluation engine: a fresh process each, so cold start is really cold. */
async function engine(): Promise<void> {
  const measure = async (mode: string): Promise<Record<string, number>> => {
    const { stdout } = await run(
      process.execPath,
      ['--expose-gc', join(here, 'engine-child.js'), mode],
      { maxBuffer: 1 << 20, timeout: 600_000 },
    )
    return JSON.parse(stdout.trim().split('\n').at(-1) as string) as Record<string, number>
  }
  console.log('\nEvaluation engine (Pyodide workers; targets from the Spark answers issue)')
  const colds: number[] = []
  for (let i = 0; i < 3; i++) colds.push((await measure('cold')).coldMs as number)
  const cold = colds.sort((a, b) => a - b)[1] as number
  record({
    name: 'engine: cold start to first 1 + 1',
    value: cold,
    unit: 'ms',
    ratio: null,
    baseline: null,
    target: '< 2000 ms',
    pass: cold < 2000,
  })
  console.log(
    `cold start, process start → first 1 + 1 answered   median ${fmt(cold / 1000, 2)} s of 3 (${colds.map((c) => fmt(c / 1000, 2)).join(', ')})   target < 2 s ${cold < 2000 ? 'PASS' : 'FAIL'}`,
  )
  const warm = await measure('warm')
  record({
    name: 'engine: warm 1 + 1 in-process p50',
    value: warm.inProcessP50 as number,
    unit: 'ms',
    ratio: null,
    baseline: null,
    target: null,
    pass: null,
  })
  record({
    name: 'engine: warm 1 + 1 over HTTP p50',
    value: warm.httpP50 as number,
    unit: 'ms',
    ratio: null,
    baseline: null,
    target: '< 5 ms',
    pass: (warm.httpP50 as number) < 5,
  })
  console.log(
    `warm 1 + 1, in-process (POST, advance, GET)        p50 ${(warm.inProcessP50 as number).toFixed(2)} ms, p95 ${(warm.inProcessP95 as number).toFixed(2)} ms`,
  )
  console.log(
    `warm 1 + 1, over HTTP (POST, poll until available)  p50 ${(warm.httpP50 as number).toFixed(2)} ms, p95 ${(warm.httpP95 as number).toFixed(2)} ms   target p50 < 5 ms ${(warm.httpP50 as number) < 5 ? 'PASS' : 'FAIL'}`,
  )
  const many = await measure('sessions')
  const grew = (many.afterMb as number) - (many.beforeMb as number)
  record({
    name: 'engine: RSS growth, 1,000 sessions with names',
    value: grew,
    unit: 'MB',
    ratio: null,
    baseline: `RSS before ${fmt(many.beforeMb as number, 0)} MB`,
    target: '< 300 MB',
    pass: grew < 300,
  })
  console.log(
    `1,000 sessions that each defined names             RSS ${fmt(many.beforeMb as number, 1)} → ${fmt(many.afterMb as number, 1)} MB (+${fmt(grew, 1)} MB)   target < +300 MB ${grew < 300 ? 'PASS' : 'FAIL'}`,
  )
}

/** The control page: bundle size and first render with 1,000 sessions, in Debian's Chromium. */
async function controlPage(): Promise<void> {
  const { controlPageCost } = await import('./control-page.ts')
  const r = await controlPageCost(1_000, ROUNDS)
  const sorted = [...r.firstRenderMs].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0
  const kb = (bytes: number) => fmt(bytes / 1024, 1)
  console.log('\nControl page (/__emulator; budgets from the control page issue)')
  record({
    name: 'control page: bundle gzip',
    value: r.gzipBytes / 1024,
    unit: 'KB',
    ratio: null,
    baseline: null,
    target: '< 200 KB',
    pass: r.gzipBytes < 200 * 1024,
  })
  record({
    name: 'control page: first render, 1,000 sessions',
    value: median,
    unit: 'ms',
    ratio: null,
    baseline: null,
    target: '< 500 ms',
    pass: median < 500,
  })
  console.log(
    `bundle (script + style sheet)                       ${kb(r.rawBytes)} KB, ${kb(r.gzipBytes)} KB gzip   budget < 200 KB gzip ${r.gzipBytes < 200 * 1024 ? 'PASS' : 'FAIL'}`,
  )
  console.log(
    `first render, 1,000 sessions listed (state ${kb(r.stateBytes)} KB)  median ${fmt(median, 0)} ms of ${r.firstRenderMs.length} (${r.firstRenderMs.map((x) => fmt(x, 0)).join(', ')})   budget < 500 ms ${median < 500 ? 'PASS' : 'FAIL'}`,
  )
}

/** Milliseconds from spawning the one-file server (dist/server/) to its first HTTP answer. */
async function bundleStartMs(): Promise<number> {
  const started = performance.now()
  const proc = spawn(
    process.execPath,
    [
      join(here, '..', 'dist', 'server', 'livy-emulator.js'),
      '--port',
      '0',
      '--exit-on-stdin-close',
    ],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
      // As the Python launcher does: V8's code cache of the bundle, kept between starts.
      env: {
        ...process.env,
        NODE_COMPILE_CACHE: join(tmpdir(), 'livy-emulator-bench-compile-cache'),
      },
    },
  )
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /listening on (http:\/\/\S+)/.exec(out)
      if (m) resolve(m[1] as string)
    })
    proc.on('exit', (code) => reject(new Error(`the server bundle exited with ${code}`)))
  })
  await (await fetch(`${url}/sessions`)).arrayBuffer()
  const ms = performance.now() - started
  proc.removeAllListeners('exit')
  await stop(proc)
  return ms
}

/**
 * The Python fixture's start-up: process spawn → first answer (target < 500 ms). Always the
 * bundle on this Node, exactly as the fixture starts it; with BENCH_PYTHON (a Python where the
 * wheel is installed, as `.ci/run` makes one) also through `EmulatorServer` on the wheel's Node.
 */
async function fixture(): Promise<void> {
  const RUNS = 5
  const median = (xs: number[]) =>
    [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
  const row = (label: string, xs: number[]) => {
    const m = median(xs)
    record({
      name: `fixture start-up: ${label}`,
      value: m,
      unit: 'ms',
      ratio: null,
      baseline: null,
      target: '< 500 ms',
      pass: m < 500,
    })
    console.log(
      `${label.padEnd(50)} median ${fmt(m, 0)} ms of ${xs.length} (${xs.map((x) => fmt(x, 0)).join(', ')})   target < 500 ms ${m < 500 ? 'PASS' : 'FAIL'}`,
    )
  }
  console.log('\nPython fixture start-up: process spawn → first answer (GET /sessions)')
  const bundle: number[] = []
  for (let i = 0; i < RUNS; i++) bundle.push(await bundleStartMs())
  row(`dist/server bundle on node ${process.version}`, bundle)
  const python = process.env.BENCH_PYTHON
  if (!python) {
    console.log('(BENCH_PYTHON not set: the row through the installed wheel is skipped)')
    return
  }
  const script = [
    'import time, urllib.request',
    'from livy_emulator import EmulatorServer',
    't = time.perf_counter()',
    's = EmulatorServer(log=lambda line: None).start()',
    "urllib.request.urlopen(s.url + '/sessions').read()",
    'print((time.perf_counter() - t) * 1000)',
    's.stop()',
  ].join('\n')
  const wheel: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const { stdout } = await run(python, ['-c', script], { timeout: 60_000 })
    wheel.push(Number(stdout.trim()))
  }
  row('EmulatorServer (pip-installed wheel, its own Node)', wheel)
}

console.log(`livy-emulator benchmark — node ${process.version}, ${new Date().toISOString()}`)
const sections = {
  throughput,
  memory,
  lifecycle,
  catalogue,
  bigBody,
  engine,
  controlPage,
  fixture,
}
for (const [name, section] of Object.entries(sections)) {
  if (!ONLY || ONLY.includes(name)) await section()
}

const shown = (r: BenchRow): string =>
  r.skipped ? 'skipped' : `${fmt(r.value, r.value < 10 ? 2 : 0)} ${r.unit}`
if (JSON_OUT) {
  process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
} else {
  console.log('\nSummary (each row against its baseline in this run, where it has one)')
  const table = rows.map((r) => [
    r.name,
    shown(r),
    r.ratio === null ? '' : `${r.ratio.toFixed(2)}×`,
    r.baseline ?? '',
    r.target ?? '',
    r.skipped ? `skipped: ${r.skipped}` : r.pass === null ? '' : r.pass ? 'PASS' : 'FAIL',
  ])
  const head = ['row', 'measured', 'ratio', 'baseline', 'target', 'result']
  const widths = head.map((h, i) =>
    Math.max(h.length, ...table.map((t) => (t[i] as string).length)),
  )
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ')
  console.log(line(head))
  console.log(line(widths.map((w) => '-'.repeat(w))))
  for (const t of table) console.log(line(t))
}
