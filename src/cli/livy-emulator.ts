import { parseArgs } from 'node:util'
import type { Clock } from '../emulator/model/clock.ts'
import { createManualClock } from '../emulator/model/clock.ts'
import { TIMING_PROFILES, type TimingName } from '../emulator/model/timing.ts'
import { startLivyServer } from '../node/server.ts'

const HELP = `Usage: livy-emulator [options]

Serves Apache Livy 0.9's REST API (sessions, statements, batches) on a real HTTP port, with
virtual time, scripted outcomes and injectable faults under /__emulator/.

Options:
  --port <n>            Port to listen on (default 8998; 0 picks a free port)
                          livy-emulator --port 18998
  --host <addr>         Address to bind (default 127.0.0.1)
                          livy-emulator --host 0.0.0.0
  --seed <text>         Seed for every random choice; same seed, same bytes (default livy-emulator)
                          livy-emulator --seed ci-run-42
  --timing <name>       instant | fast | realistic (default fast: idle 1 s after creation,
                        statements 100 ms, batches 2 s; realistic: ~20 s to idle)
                          livy-emulator --timing realistic
  --clock <kind>        system | frozen (default system; frozen: time moves only through
                        POST /__emulator/clock/advance)
                          livy-emulator --clock frozen --timing fast
  --cors <origins>      Comma-separated origins allowed from browsers, or *
                          livy-emulator --cors http://localhost:5173
  --conf <key=value>    A Livy configuration key (repeatable)
                          livy-emulator --conf livy.server.session.timeout=10m --conf livy.spark.master=yarn
  --body-limit <bytes>  Largest request body accepted (default 104857600); larger gets 413
  -h, --help            Show this help

Control API: GET /__emulator (page), POST /__emulator/reset, GET /__emulator/clock,
POST /__emulator/clock/advance {"ms":N}, POST /__emulator/outcomes, POST /__emulator/faults,
GET /__emulator/requests, GET /__emulator/state. See the README.
`

function fail(message: string): never {
  process.stderr.write(`livy-emulator: ${message}\n(see livy-emulator --help)\n`)
  process.exit(2)
}

export async function main(argv: readonly string[]): Promise<void> {
  let values: ReturnType<typeof parse>['values']
  function parse(args: readonly string[]) {
    return parseArgs({
      args: [...args],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        timing: { type: 'string' },
        clock: { type: 'string' },
        cors: { type: 'string' },
        conf: { type: 'string', multiple: true },
        'body-limit': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    })
  }
  try {
    values = parse(argv).values
  } catch (e) {
    fail((e as Error).message)
  }
  if (values.help) {
    process.stdout.write(HELP)
    return
  }
  const port = values.port === undefined ? 8998 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port must be 0-65535, got "${values.port}"`)
  const timing = (values.timing ?? 'fast') as TimingName
  if (!(timing in TIMING_PROFILES))
    fail(`--timing must be instant, fast or realistic, got "${values.timing}"`)
  const clockKind = values.clock ?? 'system'
  if (clockKind !== 'system' && clockKind !== 'frozen')
    fail(`--clock must be system or frozen, got "${values.clock}"`)
  // A frozen clock starts at the wall time of start-up and moves only when told to.
  const clock: Clock | 'system' = clockKind === 'frozen' ? createManualClock(Date.now()) : 'system'
  const livyConf: Record<string, string> = {}
  for (const entry of values.conf ?? []) {
    const eq = entry.indexOf('=')
    if (eq <= 0) fail(`--conf takes key=value, got "${entry}"`)
    livyConf[entry.slice(0, eq).trim()] = entry.slice(eq + 1).trim()
  }
  const bodyLimit = values['body-limit'] === undefined ? undefined : Number(values['body-limit'])
  if (bodyLimit !== undefined && !(Number.isInteger(bodyLimit) && bodyLimit > 0))
    fail('--body-limit must be a positive integer')
  const cors =
    values.cors === undefined
      ? []
      : values.cors
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)

  let server: Awaited<ReturnType<typeof startLivyServer>>
  try {
    server = await startLivyServer({
      port,
      host: values.host ?? '127.0.0.1',
      seed: values.seed ?? 'livy-emulator',
      timing,
      clock,
      cors,
      livyConf,
      ...(bodyLimit === undefined ? {} : { bodyLimit }),
    })
  } catch (e) {
    process.stderr.write(`livy-emulator: ${(e as Error).message}\n`)
    process.exit(1)
  }
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    process.stdout.write(`livy-emulator: ${signal}, shutting down\n`)
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
  // Printed last: whoever waits for this line may signal us right away.
  process.stdout.write(
    `livy-emulator listening on ${server.url} (timing ${timing}, clock ${clockKind}, seed ${values.seed ?? 'livy-emulator'})\n` +
      `  try: curl ${server.url}/sessions\n  control page: ${server.url}/__emulator\n`,
  )
}
