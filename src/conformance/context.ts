import type { CreatedResources } from './created-resources.ts'
import type { DeploymentSettings } from './deployment-settings.ts'
import { createExpectations, ExpectationFailure } from './expectations.ts'
import { type ConformanceSetup, sendAs } from './setups.ts'
import type { SpecValidator } from './spec-validator.ts'
import type { Target } from './targets/target.ts'
import type {
  ControlClient,
  Exchange,
  RequestOptions,
  ScenarioContext,
  SessionKindName,
  SpecViolation,
  StatementJson,
  WaitOptions,
} from './types.ts'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const TERMINAL = ['dead', 'killed', 'success', 'error']

/** State that outlives one scenario: the shared idle sessions of a run. */
export interface RunState {
  readonly target: Target
  readonly setup: ConformanceSetup
  readonly validator: SpecValidator
  shared: Map<SessionKindName, Promise<number>>
  readonly deployment: DeploymentSettings
  /** What the run created and has not deleted (Ctrl-C deletes what is left). */
  readonly created: CreatedResources
  /** Fields every session and batch the run creates carries (the deployment checks' small resources). */
  readonly createDefaults?: Readonly<Record<string, unknown>>
  /** Whether an emulator is reset before each scenario (never for deployment checks). */
  readonly reset: boolean
}

/** What the runner reads back after the scenario body ran. */
export interface ScenarioRecording {
  readonly exchanges: Exchange[]
  readonly violations: SpecViolation[]
  readonly notes: string[]
  readonly cleanups: (() => Promise<unknown>)[]
  assertions(): number
}

export function createScenarioContext(run: RunState): {
  ctx: ScenarioContext
  recording: ScenarioRecording
} {
  const { target, validator, setup } = run
  /** A request with the set-up's defaults (cleanups, polls behind the helpers). */
  const send = (method: string, path: string, body?: string, headers?: Record<string, string>) =>
    sendAs(target, setup, method, path, body, headers)
  const expect = createExpectations()
  const recording: ScenarioRecording = {
    exchanges: [],
    violations: [],
    notes: [],
    cleanups: [],
    assertions: () => expect.count,
  }
  const virtual = target.capabilities.has('virtual-time')
  let polling = 0

  const exchangeOf = (
    method: string,
    path: string,
    requestBody: string | undefined,
    raw: Awaited<ReturnType<Target['send']>>,
    record: boolean,
    race?: string,
  ): Exchange => {
    const exchange: Exchange = {
      method,
      path,
      requestBody,
      status: raw.status,
      headers: raw.headers,
      text: raw.text,
      durationMs: raw.durationMs,
      ...(polling > 0 ? { poll: true } : {}),
      ...(race ? { race } : {}),
      operationId: validator.operationOf(method, path.split('?')[0] as string),
      json<T>() {
        try {
          return JSON.parse(raw.text) as T
        } catch {
          throw new ExpectationFailure(
            `${method} ${path} → ${raw.status}: body is not JSON: ${JSON.stringify(raw.text.slice(0, 200))}`,
          )
        }
      },
    }
    if (record) recording.exchanges.push(exchange)
    return exchange
  }

  const request = async (
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<Exchange> => {
    const body =
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body)
    const headers = {
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(options.headers ?? {}),
    }
    const raw = await sendAs(
      target,
      setup,
      method,
      path,
      body,
      headers,
      options.user === undefined ? setup.defaultUser : options.user,
    )
    const exchange = exchangeOf(method, path, body, raw, true, options.race)
    if (!options.unvalidated && setup.livyShaped) {
      recording.violations.push(
        ...validator.validate({
          method,
          path: path.split('?')[0] as string,
          status: raw.status,
          headers: raw.headers,
          text: raw.text,
        }),
      )
    }
    return exchange
  }

  const controlCall = async (method: string, path: string, body?: unknown): Promise<Exchange> => {
    if (!target.capabilities.has('control'))
      throw new Error(`${target.name} has no emulator control API`)
    const raw = await target.send(
      method,
      `/__emulator${path}`,
      body === undefined ? undefined : JSON.stringify(body),
      {
        'Content-Type': 'application/json',
      },
    )
    const encoded = body === undefined ? undefined : JSON.stringify(body)
    // Control calls are recorded and validated like any other (the spec describes them too);
    // transcripts for differential runs leave them out.
    const exchange = exchangeOf(method, `/__emulator${path}`, encoded, raw, true)
    recording.violations.push(
      ...validator.validate({
        method,
        path: `/__emulator${path}`,
        status: raw.status,
        headers: raw.headers,
        text: raw.text,
      }),
    )
    if (raw.status >= 300)
      throw new Error(`control ${method} ${path} answered ${raw.status}: ${raw.text}`)
    return exchange
  }

  const control: ControlClient = {
    advance: async (ms) => void (await controlCall('POST', '/clock/advance', { ms })),
    advanceToNext: async () => {
      const before = (await controlCall('GET', '/clock')).json<{ now: number }>().now
      const after = (await controlCall('POST', '/clock/advance', { next: true })).json<{
        now: number
      }>().now
      return after - before
    },
    outcome: async (rule) => void (await controlCall('POST', '/outcomes', rule)),
    fault: async (fault) => void (await controlCall('POST', '/faults', fault)),
    reset: async () => void (await controlCall('POST', '/reset')),
    state: async () => (await controlCall('GET', '/state')).json(),
    requests: async () =>
      (await controlCall('GET', '/requests')).json<{
        requests: { method: string; path: string; status: number; time: number }[]
      }>().requests,
    clock: async () => (await controlCall('GET', '/clock')).json(),
    raw: (method, path, body) => {
      const encoded =
        body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
      return target
        .send(method, `/__emulator${path}`, encoded, { 'Content-Type': 'application/json' })
        .then((raw) => exchangeOf(method, `/__emulator${path}`, encoded, raw, true))
    },
  }

  const waitFor = async <T>(
    probe: () => Promise<T | undefined>,
    options: WaitOptions,
  ): Promise<T> => {
    const timeout = options.timeoutMs ?? 90_000
    const interval = options.intervalMs ?? (virtual ? 250 : 1_000)
    let waited = 0
    for (;;) {
      polling++
      const value = await probe().finally(() => {
        polling--
      })
      if (value !== undefined) return value
      if (waited >= timeout)
        throw new ExpectationFailure(
          `timed out after ${timeout} ms waiting for ${options.description}`,
        )
      if (virtual) {
        // Nothing can change before the next scheduled step: jump there (counting at least
        // 1 ms, so a condition that never comes still times out).
        waited += Math.max(1, await control.advanceToNext())
      } else {
        await sleep(interval)
        waited += interval
      }
    }
  }

  /** A created session or batch: deleted when the scenario ends, listed until then. */
  const track = (path: string) => {
    run.created.note(path)
    recording.cleanups.push(async () => {
      const res = await send('DELETE', path)
      if (res.status < 300 || res.status === 404) run.created.forget(path)
      return res
    })
  }

  const failCreate = (what: string, e: Exchange): never => {
    throw new ExpectationFailure(`creating ${what} answered ${e.status}: ${e.text}`)
  }

  const ctx: ScenarioContext = {
    target: { name: target.name, kind: target.kind, capabilities: target.capabilities },
    setup,
    deployment: run.deployment,
    localDir: target.localDir,
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, body, options) => request('POST', path, { ...options, body }),
    delete: (path, options) => request('DELETE', path, options),
    waitFor,
    async createSession(body = {}) {
      const exchange = await request('POST', '/sessions', {
        body: { ...run.createDefaults, ...body },
      })
      if (exchange.status !== 201) failCreate('a session', exchange)
      const id = exchange.json<{ id: number }>().id
      track(`/sessions/${id}`)
      return { id, exchange }
    },
    async waitForSessionState(id, states, options = {}) {
      const seen: string[] = []
      await waitFor(
        async () => {
          const res = await request('GET', `/sessions/${id}/state`)
          const state = res.json<{ state: string }>().state
          if (seen.at(-1) !== state) seen.push(state)
          if (states.includes(state)) return state
          if (TERMINAL.includes(state)) {
            const log = await send('GET', `/sessions/${id}/log?size=-1`)
            throw new ExpectationFailure(
              `session ${id} went ${state} while waiting for ${states.join('/')}; log: ${log.text.slice(-1500)}`,
            )
          }
          return undefined
        },
        {
          timeoutMs: 120_000,
          description: `session ${id} to be ${states.join(' or ')}`,
          ...options,
        },
      )
      return seen
    },
    sharedSession(kind) {
      let pending = run.shared.get(kind)
      if (!pending) {
        pending = (async () => {
          const res = await send(
            'POST',
            '/sessions',
            JSON.stringify({ ...run.createDefaults, ...(kind === 'shared' ? {} : { kind }) }),
            {
              'Content-Type': 'application/json',
            },
          )
          if (res.status !== 201)
            throw new ExpectationFailure(
              `creating a shared ${kind} session answered ${res.status}: ${res.text}`,
            )
          const id = (JSON.parse(res.text) as { id: number }).id
          // Deleted at the end of the run (runScenarios), or by whoever stops it early.
          run.created.note(`/sessions/${id}`)
          await ctx.waitForSessionState(id, ['idle'])
          return id
        })()
        run.shared.set(kind, pending)
        pending.catch(() => run.shared.delete(kind))
      }
      return pending
    },
    async runStatement(sessionId, code, kind) {
      const submitted = await request('POST', `/sessions/${sessionId}/statements`, {
        body: kind === undefined ? { code } : { code, kind },
      })
      if (submitted.status !== 201) failCreate('a statement', submitted)
      const id = submitted.json<{ id: number }>().id
      const statement = await waitFor(
        async () => {
          const s = (
            await request('GET', `/sessions/${sessionId}/statements/${id}`)
          ).json<StatementJson>()
          return s.state === 'available' || s.state === 'cancelled' ? s : undefined
        },
        {
          timeoutMs: 120_000,
          intervalMs: virtual ? 250 : 500,
          description: `statement ${id} of session ${sessionId} to finish`,
        },
      )
      return { id, statement }
    },
    async createBatch(body) {
      const exchange = await request('POST', '/batches', {
        body: { ...run.createDefaults, ...body },
      })
      if (exchange.status !== 201) failCreate('a batch', exchange)
      const id = exchange.json<{ id: number }>().id
      track(`/batches/${id}`)
      return { id, exchange }
    },
    defer(fn) {
      recording.cleanups.push(fn)
    },
    async whileWaiting(pending) {
      if (!virtual) return pending
      let settled = false
      const done = pending.finally(() => {
        settled = true
      })
      for (let i = 0; i < 480 && !settled; i++) {
        await sleep(5)
        if (!settled) await control.advanceToNext()
      }
      return done
    },
    control,
    expect,
    note(text) {
      recording.notes.push(text)
    },
    skip(reason) {
      throw new ScenarioSkipped(reason)
    },
  }
  return { ctx, recording }
}

/** Thrown by `ctx.skip(reason)`: the runner reports the scenario as skipped, not failed. */
export class ScenarioSkipped extends Error {
  readonly reason: string
  constructor(reason: string) {
    super(reason)
    this.reason = reason
    this.name = 'ScenarioSkipped'
  }
}
