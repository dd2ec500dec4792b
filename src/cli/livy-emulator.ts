import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { RecordFromOptions } from '../emulator/create-emulator-core.ts'
import type { Clock } from '../emulator/model/clock.ts'
import { createManualClock } from '../emulator/model/clock.ts'
import type { TableDefinition } from '../emulator/model/evaluation/tables.ts'
import { TIMING_PROFILES, type TimingName } from '../emulator/model/timing.ts'
import { userMap } from '../emulator/model/user-map.ts'
import { StateFileError } from '../emulator/persistence/state-file-error.ts'
import { PreloadError } from '../emulator/preload/preload-format.ts'
import { PROFILE_NAMES, PROFILES, type ProfileName } from '../emulator/profiles/index.ts'
import { authorizationOf } from '../emulator/recording/record-proxy.ts'
import { RecordingError } from '../emulator/recording/recording-format.ts'
import { parseTokenGrant } from '../emulator/security/auth-from-conf.ts'
import type { AuthOptions } from '../emulator/security/authenticate.ts'
import { startLivyServer } from '../node/server.ts'
import { readTableFile } from '../node/table-file.ts'
import { readLivyConfFile } from './livy-conf-file.ts'

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
  --livy-conf <file>    Read a Livy livy.conf (Java properties: key = value), and the
                        spark-blacklist.conf beside it if there is one; --conf overrides it
                          livy-emulator --livy-conf /etc/livy/conf/livy.conf
  --conf <key=value>    A Livy configuration key (repeatable)
                          livy-emulator --conf livy.server.session.timeout=10m --conf livy.spark.master=yarn
  --profile <name>      Vendor flavour: apache-0.9 (default), apache-0.8, apache-0.7, fabric, hdinsight,
                        synapse, spyt
                          livy-emulator --profile fabric --token t1:alice
  --user <name:pw>      Require HTTP Basic with this login (repeatable): Livy's LDAP-style
                        filter, or the HDInsight gateway's cluster login
                          livy-emulator --user alice:secret --conf livy.server.csrf-protection.enabled=true
  --token <tok:user[@expiry]>
                        Require this Bearer token (repeatable; expiry is an ISO time on the
                        emulator's clock). Fabric and Synapse accept any token when none is given
                          livy-emulator --profile fabric --token t1:alice --token old:bob@2020-01-01T00:00:00Z
  --evaluate <mode>     engine (default): statement code runs for real (Python, Spark SQL,
                        Scala on a Spark-like engine, ~2 s to load on the first statement);
                        scripted: small built-in interpreters only, no start-up cost
                          livy-emulator --evaluate scripted
  --table <name=file>   A table every session's SQL sees, from a .csv (header line, types
                        inferred) or .json file (repeatable)
                          livy-emulator --table people=fixtures/people.csv
  --sample-data         Faker-generated people and orders tables, seeded by --seed
                          livy-emulator --sample-data --seed demo
  --body-limit <bytes>  Largest request body accepted (default 104857600); larger gets 413
  --state-file <path>   Keep the state in this file (an fsynced append-only log) so it survives
                        a restart, even kill -9: sessions come back recovering, then idle;
                        batches carry on; ids are never reused. Start with the same options.
                          livy-emulator --state-file /var/tmp/livy-emulator.state
  --state-file-repair   With --state-file: when the file is damaged before its last line, keep
                        the good lines before the damage (after copying the whole file to
                        <path>.damaged-<time>) instead of refusing to start
                          livy-emulator --state-file /var/tmp/livy.state --state-file-repair
  --auth-secret <text>  Secret that signs hadoop.auth cookies (default: random per process, so
                        cookies cannot be forged; pin it to keep cookies valid across restarts)
                          livy-emulator --user alice:pw --auth-secret "$(cat ~/.livy-emulator-secret)"
  --control-token <t>   Token that opens the control API /__emulator (Authorization: Bearer <t>
                        or X-Emulator-Token: <t>); with --user/--token those credentials work too
                          livy-emulator --host 0.0.0.0 --user alice:pw --control-token "$TOKEN"
  --control-host <name> Another host name an open control API answers to (repeatable; open, it
                        answers only to localhost and IP addresses: a DNS-rebinding defence)
                          livy-emulator --host 0.0.0.0 --control-host devbox.internal
  --no-control          No control API: /__emulator answers 404 like Livy
  --preload <file>      Sessions (any state, with their statements and outputs), batches, outcome
                        rules and tables that exist at start-up and again after a reset: JSON, or
                        YAML (.yaml/.yml); ids are 0, 1, 2… in the file's order (see the README)
                          livy-emulator --preload fixtures/livy-preload.json
  --replay <file>       Answer recorded code with its recorded output (exact code, then the
                        code without whitespace and comments), in its recorded kind; other
                        code goes to the outcome rules and the engine as usual
                          livy-emulator --replay recordings/staging.json --evaluate scripted

Record mode (a transparent proxy to a real Livy that writes a recording as it goes):
  --record-from <url>   The Livy to forward every request to, answers returned unchanged
                          livy-emulator --record-from https://livy.staging:8998 --record-to staging.json
  --record-to <file>    The recording (JSON, replaced atomically after every exchange, so it is
                        complete even if the process is killed); never holds credentials
  --auth <credentials>  Upstream credentials: basic:user:pass or bearer:TOKEN
                          livy-emulator --record-from https://gw.example --record-to r.json --auth basic:me:pw
  --header <'Name: value'>  An extra header on every upstream request (repeatable)
                          livy-emulator --record-from URL --record-to r.json --header 'X-Requested-By: ci'
  --prefix <path>       A path in front of Livy's routes upstream (e.g. behind a gateway)
                          livy-emulator --record-from https://gw.example --record-to r.json --prefix /livy
  --insecure            Accept the upstream's self-signed TLS certificate
  --exit-on-stdin-close Stop when standard input reaches its end: a launcher that keeps a pipe
                        open (the Python package's pytest fixture) takes the server down with
                        it even when it is killed
                          livy-emulator --port 0 --exit-on-stdin-close
  -v, --version         Print the version
  -h, --help            Show this help

Environment: every option can come from LIVY_EMULATOR_<OPTION> (upper case, - as _); a flag
on the command line wins. Repeatable options take one value per line; boolean ones take
1/true/yes. The container image sets these (and PORT) instead of flags.
  LIVY_EMULATOR_PORT=18998 LIVY_EMULATOR_PROFILE=fabric livy-emulator
  LIVY_EMULATOR_CONF=$'livy.spark.master=yarn\nlivy.server.session.timeout=10m' livy-emulator

Security: by default the emulator listens on 127.0.0.1 only, the control API is open to this
machine but refuses cross-site pages (Origin, JSON-only writes, Host check). Listening on
another address without --user/--token prints a warning. See SECURITY.md.

Control API: GET /__emulator (page), POST /__emulator/reset, GET /__emulator/clock,
POST /__emulator/clock/advance {"ms":N}, POST /__emulator/outcomes, POST /__emulator/faults,
GET /__emulator/requests, GET /__emulator/state. See the README.

Examples:
  livy-emulator                                          # Livy on http://127.0.0.1:8998
  livy-emulator --port 18998 --timing realistic --seed ci-run-42
  livy-emulator --clock frozen --evaluate scripted       # time moves only when told to
  livy-emulator --profile fabric --token t1:alice        # Fabric's paths, Bearer t1 is alice
  livy-emulator --user alice:secret --conf livy.server.csrf-protection.enabled=true
  livy-emulator --preload livy-preload.json              # sessions and batches from the start
  livy-emulator --sample-data --seed demo --evaluate scripted
  livy-emulator --state-file livy.state                  # survives a restart
  LIVY_EMULATOR_PROFILE=hdinsight livy-emulator          # options from the environment
  livy-emulator --version
`

/** The installed package's version: the nearest `package.json` named livy-emulator above this file. */
function packageVersion(): string {
  let dir = new URL('.', import.meta.url)
  for (let i = 0; i < 6; i++) {
    try {
      const manifest = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as {
        name?: string
        version?: string
      }
      if (manifest.name === 'livy-emulator' && manifest.version) return manifest.version
    } catch {
      // Not here: one level up.
    }
    dir = new URL('..', dir)
  }
  return 'unknown'
}

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
        'livy-conf': { type: 'string' },
        version: { type: 'boolean', short: 'v' },
        'body-limit': { type: 'string' },
        evaluate: { type: 'string' },
        table: { type: 'string', multiple: true },
        'sample-data': { type: 'boolean' },
        'state-file': { type: 'string' },
        'state-file-repair': { type: 'boolean' },
        'auth-secret': { type: 'string' },
        'control-token': { type: 'string' },
        'control-host': { type: 'string', multiple: true },
        'no-control': { type: 'boolean' },
        'exit-on-stdin-close': { type: 'boolean' },
        profile: { type: 'string' },
        user: { type: 'string', multiple: true },
        token: { type: 'string', multiple: true },
        replay: { type: 'string' },
        preload: { type: 'string' },
        'record-from': { type: 'string' },
        'record-to': { type: 'string' },
        auth: { type: 'string' },
        header: { type: 'string', multiple: true },
        prefix: { type: 'string' },
        insecure: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    })
  }
  try {
    values = parse([...optionsFromEnv(process.env), ...argv]).values
    // A repeatable flag given on the command line replaces the environment's list, as a
    // single-valued one does (parseArgs keeps the last value of those).
    const cli = parse(argv).values
    for (const key of REPEATABLE) if (cli[key] !== undefined) values[key] = cli[key]
  } catch (e) {
    fail((e as Error).message)
  }
  if (values.help) {
    process.stdout.write(HELP)
    return
  }
  if (values.version) {
    process.stdout.write(`livy-emulator ${packageVersion()}\n`)
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
  let fromFile: [string, string][] = []
  if (values['livy-conf'] !== undefined) {
    try {
      fromFile = readLivyConfFile(values['livy-conf'])
    } catch (e) {
      fail(`--livy-conf: ${(e as Error).message}`)
    }
  }
  // The file first, then --conf: a flag overrides the file, as Livy's -D would.
  const livyConf = userMap([
    ...fromFile,
    ...(values.conf ?? []).map((entry): [string, string] => {
      const eq = entry.indexOf('=')
      if (eq <= 0) fail(`--conf takes key=value, got "${entry}"`)
      return [entry.slice(0, eq).trim(), entry.slice(eq + 1).trim()]
    }),
  ])
  const profile = (values.profile ?? 'apache-0.9') as ProfileName
  if (!(profile in PROFILES))
    fail(`--profile must be one of ${PROFILE_NAMES.join(', ')}, got "${values.profile}"`)
  const auth = authOption(values.user ?? [], values.token ?? [])
  const evaluate = values.evaluate ?? 'engine'
  if (evaluate !== 'engine' && evaluate !== 'scripted')
    fail(`--evaluate must be engine or scripted, got "${values.evaluate}"`)
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

  const tables: TableDefinition[] = []
  for (const entry of values.table ?? []) {
    const eq = entry.indexOf('=')
    if (eq <= 0) fail(`--table takes name=file.csv|json, got "${entry}"`)
    try {
      tables.push(await readTableFile(entry.slice(0, eq).trim(), entry.slice(eq + 1).trim()))
    } catch (e) {
      fail(`--table ${entry}: ${(e as Error).message}`)
    }
  }

  const recordFrom = recordOption(values)
  const replay = values.replay
  if (replay !== undefined && recordFrom) fail('--replay and --record-from cannot be combined')

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
      profile,
      evaluate,
      tables,
      sampleData: values['sample-data'] === true,
      ...(auth ? { auth } : {}),
      ...(bodyLimit === undefined ? {} : { bodyLimit }),
      ...(values['state-file'] === undefined ? {} : { stateFile: values['state-file'] }),
      ...(values['state-file-repair'] ? { stateFileRepair: true } : {}),
      ...(values['auth-secret'] === undefined ? {} : { authSecret: values['auth-secret'] }),
      ...(recordFrom ? { recordFrom } : {}),
      ...(replay === undefined ? {} : { replay }),
      ...(values.preload === undefined ? {} : { preload: values.preload }),
      control: values['no-control']
        ? false
        : {
            ...(values['control-token'] === undefined ? {} : { token: values['control-token'] }),
            hosts: values['control-host'] ?? [],
          },
    })
  } catch (e) {
    // A state file this server must not use (other options, damaged header, divergent replay).
    if (e instanceof StateFileError || e instanceof RecordingError || e instanceof PreloadError)
      fail(e.message)
    process.stderr.write(`livy-emulator: ${(e as Error).message}\n`)
    process.exit(1)
  }
  // A launcher that died leaves our stdout/stderr pipes without a reader: a write then fails
  // with EPIPE. Without these listeners that failure is an uncaught exception whose report
  // fails the same way, a loop that keeps an orphan busy forever.
  process.stdout.on('error', () => undefined)
  process.stderr.on('error', () => undefined)
  // The last line of defence: an error no request handler caught (a timer, a stream) is
  // logged, and the server keeps serving the others.
  process.on('uncaughtException', (e) => {
    process.stderr.write(
      `livy-emulator: unexpected error (still serving): ${(e as Error).stack ?? e}\n`,
    )
  })
  process.on('unhandledRejection', (e) => {
    process.stderr.write(
      `livy-emulator: unexpected rejection (still serving): ${(e as Error)?.stack ?? e}\n`,
    )
  })
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
  if (values['exit-on-stdin-close']) {
    // The launcher's end closes the pipe even when it was SIGKILLed: no orphan server.
    process.stdin.on('end', () => stop('standard input closed'))
    process.stdin.on('error', () => stop('standard input closed'))
    process.stdin.resume()
  }
  const state = server.emulator.stateFile
  if (state) {
    const { records, restarts, fresh, dropped, repaired } = state.recovered
    if (repaired) {
      process.stderr.write(
        `livy-emulator: warning: ${state.name}: repaired: damage at byte ${repaired.offset}; kept the lines before it, the whole damaged file is in ${repaired.backup}\n`,
      )
    } else if (dropped) {
      process.stderr.write(
        `livy-emulator: warning: ${state.name}: line ${dropped.line} and after were unusable (${dropped.reason}); dropped ${dropped.bytes} bytes, kept everything before\n`,
      )
    }
    process.stdout.write(
      fresh
        ? `livy-emulator: state file ${state.name} (new)\n`
        : `livy-emulator: state file ${state.name}: replayed ${records} records (restart ${restarts + 1})\n`,
    )
  }
  // Printed last: whoever waits for this line may signal us right away.
  const recording = server.emulator.recording
  if (recording) {
    process.stdout.write(
      `livy-emulator recording ${recording.upstream} to ${values['record-to']}, listening on ${server.url}\n` +
        `  try: curl ${server.url}/sessions\n`,
    )
    return
  }
  if (replay !== undefined) process.stdout.write(`livy-emulator: replaying ${replay}\n`)
  if (values.preload !== undefined) {
    const { sessions, batches } = server.emulator.model.context.store
    process.stdout.write(
      `livy-emulator: preloaded ${sessions.size()} session(s) and ${batches.size()} batch(es) from ${values.preload}\n`,
    )
  }
  process.stdout.write(
    `livy-emulator listening on ${server.url} (profile ${profile}, timing ${timing}, clock ${clockKind}, seed ${values.seed ?? 'livy-emulator'})\n` +
      `  try: curl ${server.url}${PROFILES[profile].basePath}/sessions\n  control page: ${server.url}/__emulator\n`,
  )
}

/** The record-mode flags, checked (undefined without `--record-from`). */
function recordOption(values: {
  'record-from'?: string | undefined
  'record-to'?: string | undefined
  auth?: string | undefined
  header?: string[] | undefined
  prefix?: string | undefined
  insecure?: boolean | undefined
  'state-file'?: string | undefined
  preload?: string | undefined
  user?: string[] | undefined
  token?: string[] | undefined
}): RecordFromOptions | undefined {
  const from = values['record-from']
  const to = values['record-to']
  if (from === undefined) {
    const stray = (['record-to', 'auth', 'header', 'prefix', 'insecure'] as const).find(
      (k) => values[k] !== undefined,
    )
    if (stray) fail(`--${stray} is for record mode: add --record-from URL`)
    return undefined
  }
  if (to === undefined) fail('--record-from needs --record-to FILE (where the recording goes)')
  let url: URL
  try {
    url = new URL(from)
  } catch {
    fail(`--record-from takes an http(s) URL, got "${from}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    fail(`--record-from takes an http(s) URL, got "${from}"`)
  for (const k of ['state-file', 'preload', 'user', 'token'] as const)
    if (values[k] !== undefined)
      fail(
        `--${k} does not apply in record mode (the upstream Livy answers${k === 'user' || k === 'token' ? '; use --auth for its credentials' : ''})`,
      )
  if (values.auth !== undefined) {
    try {
      authorizationOf(values.auth)
    } catch (e) {
      fail(`--auth: ${(e as Error).message}`)
    }
  }
  const headers: Record<string, string> = {}
  for (const h of values.header ?? []) {
    const colon = h.indexOf(':')
    const name = h.slice(0, Math.max(0, colon)).trim()
    if (colon <= 0 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
      fail(`--header takes 'Name: value', got "${h}"`)
    headers[name] = h.slice(colon + 1).trim()
  }
  if (values.prefix !== undefined && !values.prefix.startsWith('/'))
    fail(`--prefix must start with /, got "${values.prefix}"`)
  return {
    url: from,
    to,
    headers,
    ...(values.auth === undefined ? {} : { auth: values.auth }),
    ...(values.prefix === undefined ? {} : { prefix: values.prefix }),
    ...(values.insecure ? { insecure: true } : {}),
  }
}

/** The options that may be given more than once. */
const REPEATABLE = ['conf', 'table', 'control-host', 'user', 'token', 'header'] as const
const BOOLEAN = new Set([
  'sample-data',
  'state-file-repair',
  'no-control',
  'exit-on-stdin-close',
  'insecure',
])
const FROM_ENV = [
  'livy-conf',
  'replay',
  'preload',
  'record-from',
  'record-to',
  'auth',
  'prefix',
  'port',
  'host',
  'seed',
  'timing',
  'clock',
  'cors',
  'body-limit',
  'evaluate',
  'state-file',
  'auth-secret',
  'control-token',
  'profile',
  ...REPEATABLE,
  ...BOOLEAN,
] as const

/**
 * `LIVY_EMULATOR_<OPTION>` variables as command-line arguments, put before the real ones so
 * that a flag wins: containers and launchers configure the server without a shell.
 *
 * @example
 * optionsFromEnv({ LIVY_EMULATOR_PORT: '0', LIVY_EMULATOR_SAMPLE_DATA: 'true' })
 * // ['--port', '0', '--sample-data']
 */
export function optionsFromEnv(env: NodeJS.ProcessEnv): string[] {
  const args: string[] = []
  for (const option of FROM_ENV) {
    const raw = env[`LIVY_EMULATOR_${option.toUpperCase().replaceAll('-', '_')}`]
    if (raw === undefined || raw === '') continue
    if (BOOLEAN.has(option)) {
      if (/^(1|true|yes)$/i.test(raw.trim())) args.push(`--${option}`)
    } else if ((REPEATABLE as readonly string[]).includes(option)) {
      for (const line of raw.split('\n')) if (line.trim()) args.push(`--${option}`, line.trim())
    } else {
      args.push(`--${option}`, raw)
    }
  }
  return args
}

/** `--user` and `--token` flags as authentication options (one kind at a time). */
function authOption(users: readonly string[], tokens: readonly string[]): AuthOptions | undefined {
  if (users.length > 0 && tokens.length > 0) fail('use --user or --token, not both')
  if (users.length > 0) {
    const list = userMap(
      users.map((entry): [string, string] => {
        const i = entry.indexOf(':')
        if (i <= 0) fail(`--user takes name:password, got "${entry}"`)
        return [entry.slice(0, i), entry.slice(i + 1)]
      }),
    )
    return { type: 'basic', users: list }
  }
  if (tokens.length > 0) {
    try {
      return { type: 'bearer', tokens: userMap(tokens.map(parseTokenGrant)) }
    } catch (e) {
      fail(`--token: ${(e as Error).message}`)
    }
  }
  return undefined
}
