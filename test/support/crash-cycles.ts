import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { createRandom, type Random } from '../../src/emulator/model/random.ts'
import { type Spawned, spawnBin } from './cli.ts'

/** Options of {@link runCrashCycles}. */
export interface CrashCycleOptions {
  /** How many times the server is killed and restarted. */
  readonly cycles: number
  /** Seed of every choice the test makes (operations, targets, when to kill). */
  readonly seed: string
  /** A directory for the state file. */
  readonly dir: string
  /** Concurrent clients writing (default 4). */
  readonly clients?: number
  /** How long the clients write before the kill, at most (ms, default 400). */
  readonly maxRunMs?: number
  /** Progress lines. */
  readonly log?: (line: string) => void
}

/** What the cycles did. */
export interface CrashCycleReport {
  readonly cycles: number
  /** Requests acknowledged with a 2xx (all of them checked after the next restart). */
  readonly acknowledged: number
  /** Requests that failed because the server was killed under them. */
  readonly cutOff: number
  /** Restarts that found (and dropped) a torn tail. */
  readonly tornTails: number
  /** Records in the state file at the end. */
  readonly records: number
  /** A second server on the same file, while the first ran: refused, naming the holder. */
  readonly secondServerRefused: boolean
  /**
   * A byte flipped in a line in the middle of the file after the last cycle: where, whether
   * the start was refused with exit 2 naming that offset and the file left byte for byte as it
   * was, and how many records `--state-file-repair` then kept (after its backup).
   */
  readonly midFileDamage: {
    readonly offset: number
    readonly refused: boolean
    readonly untouched: boolean
    readonly repairedRecords: number
    readonly backupIdentical: boolean
  }
}

type Kind = 'session' | 'batch'

/** What the clients know: what was acknowledged, and what may or may not exist. */
interface Ledger {
  /** Created and acknowledged, not (maybe) deleted since. */
  readonly live: Record<Kind, Set<number>>
  /** Deleted and acknowledged. */
  readonly deleted: Record<Kind, Set<number>>
  /** A delete was sent but its answer was lost: the item may or may not exist. */
  readonly uncertain: Record<Kind, Set<number>>
  /** Acknowledged statements per session. */
  readonly statements: Map<number, Set<number>>
  /** Highest id seen before the current cycle (acknowledged or listed). */
  readonly floor: Record<Kind, number>
  readonly statementFloor: Map<number, number>
}

const fail = (seed: string, cycle: number, message: string): never => {
  throw new Error(`crash test (seed ${seed}, cycle ${cycle}): ${message}`)
}

async function request(
  url: string,
  method: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> } | undefined> {
  try {
    const res = await fetch(url, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(10_000),
    })
    const text = await res.text()
    let json: Record<string, unknown> = {}
    try {
      json = JSON.parse(text) as Record<string, unknown>
    } catch {
      // Not every answer is JSON (a 204, an error page).
    }
    return { status: res.status, json }
  } catch {
    return undefined // the server died under the request
  }
}

function serverArgs(file: string, seed: string, extra: readonly string[] = []): string[] {
  return [
    '--port',
    '0',
    '--state-file',
    file,
    '--timing',
    'instant',
    '--seed',
    seed,
    '--conf',
    'livy.server.session.max-creation=1000000',
    '--conf',
    'livy.rsc.retained-statements=1000000',
    ...extra,
  ]
}

async function start(
  file: string,
  seed: string,
  extra: readonly string[] = [],
): Promise<{ p: Spawned; url: string }> {
  const p = spawnBin('livy-emulator.js', serverArgs(file, seed, extra))
  const m = await p.waitFor(/listening on (http:\/\/\S+)/, 30_000)
  return { p, url: m[1] as string }
}

async function verify(url: string, ledger: Ledger, seed: string, cycle: number): Promise<void> {
  for (const kind of ['session', 'batch'] as const) {
    const list = await request(
      `${url}/${kind === 'session' ? 'sessions' : 'batches'}?size=10000000`,
      'GET',
    )
    if (list?.status !== 200) fail(seed, cycle, `listing ${kind}es failed after the restart`)
    const ids = new Set(((list?.json.sessions ?? []) as { id: number }[]).map((s) => s.id))
    for (const id of ledger.live[kind]) {
      if (!ids.has(id))
        fail(seed, cycle, `${kind} ${id} was acknowledged but is gone after the restart`)
    }
    for (const id of ledger.deleted[kind]) {
      if (ids.has(id)) fail(seed, cycle, `${kind} ${id} was deleted (acknowledged) but is back`)
    }
    for (const id of ids) ledger.floor[kind] = Math.max(ledger.floor[kind], id)
    // What was uncertain is settled now: it exists or it does not.
    for (const id of ledger.uncertain[kind]) {
      if (ids.has(id)) ledger.live[kind].add(id)
      else ledger.deleted[kind].add(id)
    }
    ledger.uncertain[kind].clear()
  }
  for (const [session, acked] of ledger.statements) {
    if (!ledger.live.session.has(session)) continue
    const res = await request(`${url}/sessions/${session}/statements?size=10000000`, 'GET')
    if (res?.status !== 200) fail(seed, cycle, `statements of session ${session}: ${res?.status}`)
    const ids = new Set(((res?.json.statements ?? []) as { id: number }[]).map((s) => s.id))
    for (const id of acked) {
      if (!ids.has(id))
        fail(
          seed,
          cycle,
          `statement ${session}/${id} was acknowledged but is gone after the restart`,
        )
    }
    for (const id of ids)
      ledger.statementFloor.set(session, Math.max(ledger.statementFloor.get(session) ?? -1, id))
  }
}

/** One client: random writes until `stopped()`; every 2xx goes into the ledger, checked. */
async function client(
  url: string,
  random: Random,
  ledger: Ledger,
  stopped: () => boolean,
  counts: { acknowledged: number; cutOff: number; onAcknowledged: () => void },
  seed: string,
  cycle: number,
  fresh: Record<Kind, Set<number>>,
): Promise<void> {
  const created = (kind: Kind, id: unknown) => {
    if (typeof id !== 'number') fail(seed, cycle, `a ${kind} was created without an id`)
    const n = id as number
    if (n <= ledger.floor[kind] || fresh[kind].has(n)) {
      fail(seed, cycle, `${kind} id ${n} reused (ids up to ${ledger.floor[kind]} existed before)`)
    }
    fresh[kind].add(n)
    ledger.live[kind].add(n)
  }
  const pickLive = (kind: Kind): number | undefined => {
    const ids = [...ledger.live[kind]]
    return ids.length === 0 ? undefined : random.pick(ids)
  }
  while (!stopped()) {
    const op = random.pick([
      'session',
      'statement',
      'statement',
      'statement',
      'batch',
      'delete-session',
      'delete-batch',
    ])
    let res: Awaited<ReturnType<typeof request>>
    switch (op) {
      case 'session':
        res = await request(`${url}/sessions`, 'POST', { kind: random.pick(['spark', 'pyspark']) })
        if (res?.status === 201) created('session', res.json.id)
        break
      case 'batch':
        res = await request(`${url}/batches`, 'POST', { file: 'hdfs:///jobs/app.jar' })
        if (res?.status === 201) created('batch', res.json.id)
        break
      case 'statement': {
        const session = pickLive('session')
        if (session === undefined) continue
        res = await request(`${url}/sessions/${session}/statements`, 'POST', {
          code: `${random.int(0, 9)} + 1`,
        })
        if (res?.status === 201) {
          const id = res.json.id as number
          if (id <= (ledger.statementFloor.get(session) ?? -1))
            fail(seed, cycle, `statement id ${session}/${id} reused`)
          const acked = ledger.statements.get(session) ?? new Set<number>()
          if (acked.has(id)) fail(seed, cycle, `statement id ${session}/${id} given twice`)
          acked.add(id)
          ledger.statements.set(session, acked)
        }
        break
      }
      default: {
        const kind: Kind = op === 'delete-session' ? 'session' : 'batch'
        const id = pickLive(kind)
        if (id === undefined) continue
        ledger.live[kind].delete(id)
        ledger.uncertain[kind].add(id)
        res = await request(`${url}/${kind === 'session' ? 'sessions' : 'batches'}/${id}`, 'DELETE')
        if (res?.status === 200) {
          ledger.uncertain[kind].delete(id)
          ledger.deleted[kind].add(id)
          ledger.statements.delete(id)
        } else if (res !== undefined) {
          // Refused (e.g. already gone): it is as it was.
          ledger.uncertain[kind].delete(id)
          ledger.live[kind].add(id)
        }
      }
    }
    if (res === undefined) counts.cutOff++
    else if (res.status >= 200 && res.status < 300) {
      counts.acknowledged++
      counts.onAcknowledged()
    }
  }
}

/**
 * Kills a `livy-emulator --state-file` server with SIGKILL at a random moment while clients
 * write, restarts it on the same file, and checks that everything acknowledged survived and
 * that ids continue without reuse. Throws at the first violation (with the seed to replay it).
 *
 * @example
 * await runCrashCycles({ cycles: 25, seed: '42', dir: await mkdtemp(join(tmpdir(), 'crash-')) })
 */
export async function runCrashCycles(options: CrashCycleOptions): Promise<CrashCycleReport> {
  const { seed, cycles } = options
  const random = createRandom(`crash:${seed}`)
  const file = join(options.dir, 'livy.state')
  const ledger: Ledger = {
    live: { session: new Set(), batch: new Set() },
    deleted: { session: new Set(), batch: new Set() },
    uncertain: { session: new Set(), batch: new Set() },
    statements: new Map(),
    floor: { session: -1, batch: -1 },
    statementFloor: new Map(),
  }
  const counts = { acknowledged: 0, cutOff: 0, onAcknowledged: () => {} }
  let tornTails = 0
  let secondServerRefused = false
  let server = await start(file, seed)
  try {
    for (let cycle = 1; cycle <= cycles; cycle++) {
      let stop = false
      const fresh: Record<Kind, Set<number>> = { session: new Set(), batch: new Set() }
      const clients = Array.from({ length: options.clients ?? 4 }, (_, i) =>
        client(
          server.url,
          createRandom(`${seed}:${cycle}:${i}`),
          ledger,
          () => stop,
          counts,
          seed,
          cycle,
          fresh,
        ),
      )
      // The clock starts at the first acknowledged write (a cold server takes a while to load
      // its store), so every kill lands among concurrent writes.
      const runMs = random.int(0, options.maxRunMs ?? 400)
      await new Promise<void>((resolve) => {
        const cold = setTimeout(resolve, 10_000)
        counts.onAcknowledged = () => {
          counts.onAcknowledged = () => {}
          clearTimeout(cold)
          setTimeout(resolve, runMs)
        }
      })
      // Requests in flight now are cut off; the clients send no new ones.
      stop = true
      server.p.kill('SIGKILL')
      await server.p.exited()
      await Promise.all(clients)
      server = await start(file, seed)
      if (/warning: .*unusable/.test(server.p.stderr())) tornTails++
      await verify(server.url, ledger, seed, cycle)
      options.log?.(
        `cycle ${cycle}: killed after ${runMs} ms; ${counts.acknowledged} acknowledged so far, all present`,
      )
    }
    // One file, one server: a second one started while the first runs must refuse.
    const second = spawnBin('livy-emulator.js', serverArgs(file, seed, ['--port', '0']))
    const secondExit = await second.exited()
    secondServerRefused =
      secondExit === 2 && second.stderr().includes(`in use by process ${server.p.child.pid}`)
    if (!secondServerRefused)
      fail(
        seed,
        cycles,
        `a second server on the file was not refused: exit ${secondExit}, ${second.stderr()}`,
      )
  } finally {
    // Also when a check failed: never leave a server behind.
    server.p.kill('SIGKILL')
    await server.p.exited()
  }
  const banner = /replayed (\d+) records/.exec(server.p.stdout())
  const records = Number(banner?.[1] ?? 0)
  return {
    cycles,
    acknowledged: counts.acknowledged,
    cutOff: counts.cutOff,
    tornTails,
    records,
    secondServerRefused,
    midFileDamage: await damageMidFile(file, seed, random),
  }
}

/**
 * Flips one byte inside a line in the middle of the (stopped) server's file: starting must
 * fail with exit 2 naming the line's offset and leave the file exactly as it was; with
 * `--state-file-repair` it starts, keeps the lines before the damage, and a backup holds the
 * damaged file byte for byte.
 */
async function damageMidFile(
  file: string,
  seed: string,
  random: Random,
): Promise<CrashCycleReport['midFileDamage']> {
  const original = readFileSync(file)
  const starts: number[] = [0]
  original.forEach((b, i) => {
    if (b === 0x0a && i + 1 < original.length) starts.push(i + 1)
  })
  if (starts.length < 4) fail(seed, 0, `too few lines (${starts.length}) to damage the middle`)
  // Not the header (line 1), not the last line (that would be a tail).
  const line = random.int(1, starts.length - 2)
  const offset = starts[line] as number
  const damaged = Buffer.from(original)
  const at = offset + 20
  damaged[at] = (damaged[at] as number) ^ 0x01
  writeFileSync(file, damaged)
  const refusedRun = spawnBin('livy-emulator.js', serverArgs(file, seed, ['--port', '0']))
  const exit = await refusedRun.exited()
  const refused =
    exit === 2 && refusedRun.stderr().includes(`damaged at byte ${offset} (line ${line + 1}:`)
  const untouched = Buffer.compare(readFileSync(file), damaged) === 0
  if (!refused)
    fail(seed, 0, `mid-file damage was not refused: exit ${exit}, ${refusedRun.stderr()}`)
  if (!untouched) fail(seed, 0, 'the refused start changed the damaged file')
  const repaired = await start(file, seed, ['--state-file-repair'])
  repaired.p.kill('SIGKILL')
  await repaired.p.exited()
  const kept = /replayed (\d+) records/.exec(repaired.p.stdout())
  const backups = readdirSync(dirname(file)).filter((f) =>
    f.startsWith(`${basename(file)}.damaged-`),
  )
  const backupIdentical =
    backups.length === 1 &&
    Buffer.compare(readFileSync(join(dirname(file), backups[0] as string)), damaged) === 0
  if (!backupIdentical) fail(seed, 0, `repair left no identical backup (${backups.join(', ')})`)
  // Records before the damaged line: lines 2..line (line 1 is the header).
  const repairedRecords = Number(kept?.[1] ?? -1)
  if (repairedRecords !== line - 1)
    fail(seed, 0, `repair kept ${repairedRecords} records, expected ${line - 1}`)
  return { offset, refused, untouched, repairedRecords, backupIdentical }
}
