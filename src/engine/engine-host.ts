import type {
  EvaluatedOutput,
  EvaluationEngine,
  EvaluationRequest,
  EvaluationResult,
} from '../emulator/model/evaluation/evaluation-engine.ts'
import type { TableDefinition } from '../emulator/model/evaluation/tables.ts'
import type { HostMessage, PythonSource, WorkerMessage } from './protocol.ts'

/** What the host needs of a worker; the Node and browser adapters wrap theirs in it. */
export interface WorkerLike {
  postMessage(message: HostMessage): void
  onMessage(listener: (message: WorkerMessage) => void): void
  /** The worker ended (crashed, ran out of memory, was terminated). */
  onExit(listener: (reason: string) => void): void
  terminate(): void
  /** Node: whether a busy worker keeps the process alive (idle ones must not). */
  setBusy?(busy: boolean): void
}

export interface EngineHostOptions {
  readonly spawn: () => WorkerLike
  readonly sources: () => Promise<readonly PythonSource[]>
  readonly indexURL?: string
  /** Pyodide's standard library to load instead of its own (one with bytecode starts faster). */
  readonly stdLibURL?: string
  /** Interpreters (workers) at most; each is one Pyodide, ~130 MB. Default 2. */
  readonly maxWorkers?: number
  /**
   * Real milliseconds a statement may wait behind *another* session's code before its session
   * moves to another interpreter (default 200).
   */
  readonly stallMs?: number
  /**
   * How running code is stopped: `'signal'` writes SIGINT into a `SharedArrayBuffer` the
   * interpreter polls; `'terminate'` ends its worker (see {@link stopByTermination}). Default:
   * `'signal'` where `SharedArrayBuffer` exists (Node; browser pages that are cross-origin
   * isolated), else `'terminate'`.
   */
  readonly interruptBy?: 'signal' | 'terminate'
}

interface Job {
  readonly request: EvaluationRequest
  readonly resolve: (result: EvaluationResult) => void
  /** A completion request rather than a statement (it sees the names statements before it made). */
  readonly completion?: { readonly cursor: number; readonly answer: (c: string[]) => void }
  /** Replays of a moved session's earlier statements: run for their effect, answer ignored. */
  readonly replay: boolean
  interrupted: boolean
}

interface Slot {
  readonly worker: WorkerLike
  readonly interrupt: Int32Array
  readonly ready: Promise<void>
  readonly queue: Job[]
  running: { id: number; job: Job } | null
  alive: boolean
  /** Namespaces whose names live in this interpreter. */
  readonly namespaces: Set<string>
  /** Which version of each prefix's tables this interpreter has. */
  readonly tables: Map<string, number>
}

/** Statements a session's history keeps for rebuilding it elsewhere. */
const HISTORY_LIMIT = 1000

const INTERRUPTED: EvaluatedOutput = {
  status: 'error',
  ename: 'KeyboardInterrupt',
  evalue: '',
  traceback: ['Traceback (most recent call last):\n', 'KeyboardInterrupt\n'],
}

/**
 * The evaluation engine seen from the server's thread: a small pool of interpreters (workers),
 * each holding the namespaces of many sessions. A session stays on its interpreter; if its
 * statement has to wait behind another session's long-running code, the session moves to a
 * free interpreter, which replays its earlier statements to rebuild its names. So one
 * session's endless loop stalls neither the server nor another session.
 *
 * @example
 * const engine = createEngineHost({ spawn: () => nodeWorker(), sources: readSources })
 * const r = await engine.evaluate({ namespace: 'a/0', kind: 'pyspark', code: '1 + 1', … })
 */
export function createEngineHost(options: EngineHostOptions): EvaluationEngine & {
  /** Stops every interpreter (pending statements answer that the interpreter died). */
  close(): void
  /** Milliseconds the first interpreter took to load, once it has. */
  readonly loadMs: number | undefined
} {
  const maxWorkers = Math.max(1, options.maxWorkers ?? 2)
  const interruptBy =
    options.interruptBy ?? (typeof SharedArrayBuffer === 'function' ? 'signal' : 'terminate')
  const stallMs = options.stallMs ?? 200
  const slots: Slot[] = []
  const pinned = new Map<string, Slot>()
  // What each session ran, to rebuild its names on another interpreter; `null` once a session
  // ran more than HISTORY_LIMIT statements (it then stays where it is, and loses its names if
  // its interpreter dies).
  const history = new Map<string, EvaluationRequest[] | null>()
  const tables = new Map<string, { version: number; tables: readonly TableDefinition[] }>()
  let sourcesPromise: Promise<readonly PythonSource[]> | undefined
  let nextJobId = 1
  let namespaces = 0
  let loadMs: number | undefined

  const spawn = (): Slot => {
    const worker = options.spawn()
    // Without SharedArrayBuffer the buffer is the worker's own copy: harmless, never written.
    const buffer =
      interruptBy === 'signal'
        ? new SharedArrayBuffer(4)
        : (new ArrayBuffer(4) as unknown as SharedArrayBuffer)
    let markReady: () => void = () => undefined
    let failReady: (e: Error) => void = () => undefined
    const slot: Slot = {
      worker,
      interrupt: new Int32Array(buffer),
      ready: new Promise<void>((resolve, reject) => {
        markReady = resolve
        failReady = reject
      }),
      queue: [],
      running: null,
      alive: true,
      namespaces: new Set(),
      tables: new Map(),
    }
    slot.ready.catch(() => undefined)
    worker.onMessage((message) => {
      if (message.type === 'ready') {
        loadMs ??= message.loadMs
        markReady()
      } else if (message.type === 'fatal') {
        failReady(new Error(message.message))
        died(slot, `the interpreter failed: ${message.message}`)
      } else if (message.type === 'result' || message.type === 'failed') {
        const running = slot.running
        if (!running || running.id !== message.id) return
        slot.running = null
        if (running.job.completion) running.job.completion.answer([])
        else settle(running.job, message)
        pump(slot)
      } else if (message.type === 'completed') {
        const running = slot.running
        if (!running || running.id !== message.id) return
        slot.running = null
        running.job.completion?.answer(JSON.parse(message.candidates) as string[])
        pump(slot)
      }
    })
    worker.onExit((reason) => {
      failReady(new Error(reason))
      died(slot, reason)
    })
    slots.push(slot)
    // Pyodide starts loading at once; the Python packages follow as soon as they are read.
    worker.postMessage({
      type: 'init',
      interrupt: buffer,
      ...(options.indexURL ? { indexURL: options.indexURL } : {}),
      ...(options.stdLibURL ? { stdLibURL: options.stdLibURL } : {}),
    })
    sourcesPromise ??= options.sources()
    sourcesPromise.then(
      (sources) => worker.postMessage({ type: 'sources', sources }),
      (e: unknown) => {
        failReady(e instanceof Error ? e : new Error(String(e)))
        died(slot, `the engine's Python sources could not be read: ${String(e)}`)
      },
    )
    return slot
  }

  const settle = (job: Job, message: Extract<WorkerMessage, { type: 'result' | 'failed' }>) => {
    if (message.type === 'failed') {
      job.resolve({
        output: { status: 'error', ename: 'InternalError', evalue: message.message, traceback: [] },
        sleptMs: 0,
        interrupted: job.interrupted,
      })
      return
    }
    const parsed = JSON.parse(message.result) as EvaluatedOutput & { sleptMs: number }
    const { sleptMs, ...output } = parsed
    if (!job.replay && !job.interrupted) {
      const ns = job.request.namespace
      const list = history.get(ns) === undefined ? [] : history.get(ns)
      if (list) list.push(job.request)
      history.set(ns, list && list.length <= HISTORY_LIMIT ? list : null)
    }
    job.resolve({ output: output as EvaluatedOutput, sleptMs, interrupted: job.interrupted })
  }

  const died = (slot: Slot, reason: string) => {
    if (!slot.alive) return
    slot.alive = false
    slots.splice(slots.indexOf(slot), 1)
    const running = slot.running
    slot.running = null
    if (running && !running.job.replay) running.job.resolve({ died: reason })
    // The other sessions of that interpreter lose nothing the client can see: they move.
    for (const ns of slot.namespaces) if (pinned.get(ns) === slot) pinned.delete(ns)
    if (running) {
      pinned.delete(running.job.request.namespace)
      history.delete(running.job.request.namespace)
    }
    const orphans = slot.queue.splice(0).filter((j) => !j.replay)
    for (const job of orphans) enqueue(job)
    slot.worker.terminate()
  }

  const pump = (slot: Slot) => {
    if (!slot.alive || slot.running) {
      slot.worker.setBusy?.(slot.running !== null || slot.queue.length > 0)
      return
    }
    const job = slot.queue.shift()
    slot.worker.setBusy?.(job !== undefined)
    if (!job) return
    const id = nextJobId++
    slot.running = { id, job }
    const { request } = job
    slot.ready.then(
      () => {
        if (!slot.alive || slot.running?.id !== id) return
        const prefix = request.namespace.slice(0, request.namespace.indexOf('/'))
        const defined = tables.get(prefix)
        if (defined && slot.tables.get(prefix) !== defined.version) {
          slot.worker.postMessage({ type: 'tables', prefix, tables: defined.tables })
          slot.tables.set(prefix, defined.version)
        }
        // A signal left from an earlier statement must not stop this one, and one sent for this
        // one before it reached the interpreter must. (The worker should then not clear the
        // buffer itself when the statement starts: that loses an early interrupt.)
        Atomics.store(slot.interrupt, 0, job.interrupted ? 2 : 0)
        if (job.completion) {
          slot.worker.postMessage({
            type: 'complete',
            id,
            key: request.namespace,
            kind: request.kind,
            code: request.code,
            cursor: job.completion.cursor,
            session: request.session,
          })
          return
        }
        if (!job.replay) request.onStart?.()
        slot.worker.postMessage({
          type: 'execute',
          id,
          key: request.namespace,
          kind: request.kind,
          code: request.code,
          now: request.now,
          maxRows: request.maxRows,
          session: request.session,
        })
      },
      () => undefined,
    )
  }

  /**
   * Interrupting where the host cannot signal the interpreter (a browser page that is not
   * cross-origin isolated has no `SharedArrayBuffer`): its worker is ended. The statement still
   * answers KeyboardInterrupt, as Livy's would, not "the interpreter died"; and the session
   * keeps its history (the interrupted statement is not in it), so on the next interpreter it
   * is rebuilt like the slot's other sessions, which move there with their queued statements.
   */
  const stopByTermination = (slot: Slot, job: Job) => {
    slot.running = null
    if (!job.replay) job.resolve({ output: INTERRUPTED, sleptMs: 0, interrupted: true })
    died(slot, 'the interpreter was ended to interrupt its code')
  }

  const load = (slot: Slot) => slot.queue.length + (slot.running ? 1 : 0)

  /** An interpreter for a session that has none (new, or moved). */
  const choose = (avoid?: Slot): Slot => {
    const candidates = slots.filter((s) => s.alive && s !== avoid)
    const idle = candidates.filter((s) => load(s) === 0)
    if (idle.length > 0)
      return idle.reduce((a, b) => (a.namespaces.size <= b.namespaces.size ? a : b))
    if (slots.length < maxWorkers) return spawn()
    const pool = candidates.length > 0 ? candidates : slots
    if (pool.length === 0) return spawn()
    return pool.reduce((a, b) => (load(a) <= load(b) ? a : b))
  }

  const place = (namespace: string, slot: Slot) => {
    pinned.set(namespace, slot)
    if (slot.namespaces.has(namespace)) return
    slot.namespaces.add(namespace)
    // A namespace that lived here before and moved away is stale: start it afresh.
    slot.worker.postMessage({ type: 'drop', key: namespace })
    for (const past of history.get(namespace) ?? []) {
      slot.queue.push({
        request: past,
        resolve: () => undefined,
        replay: true,
        interrupted: false,
      })
    }
  }

  const enqueue = (job: Job) => {
    const ns = job.request.namespace
    let slot = pinned.get(ns)
    if (!slot?.alive) {
      slot = choose()
      place(ns, slot)
    }
    slot.queue.push(job)
    pump(slot)
    watchStall(job)
  }

  /** Moves the job's session if the job waits behind another session's code for too long. */
  const watchStall = (job: Job) => {
    const ns = job.request.namespace
    const timer = setTimeout(() => {
      const slot = pinned.get(ns)
      if (!slot?.queue.includes(job)) return
      const running = slot.running?.job.request.namespace
      if (running === undefined || running === ns || history.get(ns) === null) return
      const target = choose(slot)
      if (target === slot) return
      const mine = slot.queue.filter((j) => j.request.namespace === ns)
      slot.queue.splice(
        0,
        slot.queue.length,
        ...slot.queue.filter((j) => j.request.namespace !== ns),
      )
      slot.namespaces.delete(ns)
      slot.worker.postMessage({ type: 'drop', key: ns })
      place(ns, target)
      target.queue.push(...mine.filter((j) => !j.replay))
      pump(target)
    }, stallMs)
    ;(timer as { unref?: () => void }).unref?.()
  }

  return {
    get loadMs() {
      return loadMs
    },
    evaluate(request) {
      return new Promise<EvaluationResult>((resolve) => {
        enqueue({ request, resolve, replay: false, interrupted: false })
      })
    },
    complete(request) {
      return new Promise<string[]>((answer) => {
        enqueue({
          request: { ...request, now: 0, maxRows: 0 },
          resolve: () => answer([]),
          completion: { cursor: request.cursor, answer },
          replay: false,
          interrupted: false,
        })
      })
    },
    interrupt(namespace) {
      const slot = pinned.get(namespace)
      if (!slot) return
      for (const job of slot.queue.filter((j) => j.request.namespace === namespace)) {
        slot.queue.splice(slot.queue.indexOf(job), 1)
        if (!job.replay) job.resolve({ output: INTERRUPTED, sleptMs: 0, interrupted: true })
      }
      const running = slot.running
      if (running && running.job.request.namespace === namespace) {
        running.job.interrupted = true
        if (interruptBy === 'signal') Atomics.store(slot.interrupt, 0, 2)
        else stopByTermination(slot, running.job)
      }
    },
    drop(namespace) {
      this.interrupt(namespace)
      const slot = pinned.get(namespace)
      pinned.delete(namespace)
      history.delete(namespace)
      if (!slot) return
      slot.namespaces.delete(namespace)
      if (slot.alive) slot.worker.postMessage({ type: 'drop', key: namespace })
    },
    warm() {
      if (slots.length === 0) spawn()
    },
    defineTables(prefix, list) {
      tables.set(prefix, { version: (tables.get(prefix)?.version ?? 0) + 1, tables: list })
    },
    openNamespace() {
      namespaces++
      return `e${namespaces}`
    },
    close() {
      for (const slot of [...slots]) died(slot, 'the evaluation engine was closed')
    },
  }
}
