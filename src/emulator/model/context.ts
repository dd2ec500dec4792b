import type { SparkLogs } from '../../fixtures/spark-logs.ts'
import type { AccessManager } from './access.ts'
import type { Clock } from './clock.ts'
import type { LivyConfig } from './config.ts'
import type { DriverHost } from './driver.ts'
import type { Evaluations } from './evaluation/evaluations.ts'
import type { JobState } from './machines/job-machine.ts'
import type { ReplState } from './machines/session-machines.ts'
import type { StatementState } from './machines/statement-machine.ts'
import type { InterpreterMemory, StatementKind, ToyInterpreters } from './outcomes/interpreters.ts'
import type { OutcomeRules } from './outcomes/outcome.ts'
import type { ProcessLog } from './process-log.ts'
import type { Random } from './random.ts'
import type { Scheduler, TaskHandle } from './scheduler.ts'
import type { LivyStore } from './store/store.ts'
import type { Timing } from './timing.ts'

/** A statement as the driver keeps it. `output` is raw JSON text, embedded verbatim. */
export interface StatementEntry {
  readonly id: number
  readonly code: string
  readonly kind: StatementKind
  state: StatementState
  output: string | null
  progress: number
  started: number
  completed: number
  task: TaskHandle | null
  /** Set while the evaluation engine has the statement's code. */
  run: StatementRun | null
}

/** A statement whose code the evaluation engine runs. */
export interface StatementRun {
  /** The engine has not answered yet. */
  inFlight: boolean
  /** The code slept (virtual time) and its statement has not reached its end yet. */
  slept: boolean
  /** Cancel stops the code (Python) rather than waiting for it (Scala, as in Livy). */
  readonly interruptible: boolean
}

/** A Job API job (`submit-job` / `run-job`). */
export interface JobEntry {
  readonly id: number
  /** The id the RSC client gave the job in the driver (a UUID). */
  readonly clientId: string
  state: JobState
  result: string | null
  error: string | null
  /** The driver forgets a job once a terminal status has been read. */
  reported: boolean
  task: TaskHandle | null
}

/** The Spark driver of an interactive session: the REPL, its statements and jobs. */
export interface DriverState {
  repl: ReplState | null
  readonly statements: Map<number, StatementEntry>
  nextStatementId: number
  readonly queue: number[]
  runningId: number | null
  readonly memory: InterpreterMemory
  readonly jobs: Map<number, JobEntry>
  jobCounter: number
  /** Spark jobs run so far (their numbers appear in cancellation messages). */
  sparkJobs: number
  /** Set when the interpreter process died: every later statement reports it. */
  interpreterDeath: string | null
  /** Resources added with add-jar/add-file/add-pyfile or uploaded. */
  readonly resources: { kind: 'jar' | 'pyfile' | 'file'; uri: string }[]
}

/** What the server keeps in memory about a live interactive session besides its record. */
export interface InteractiveRuntime {
  readonly id: number
  readonly driver: DriverState
  readonly log: ProcessLog
  lastActivity: number
  heartbeatDeadline: number | null
  lastHeartbeat: number | null
  /** Pending lifecycle steps (start, cleanup) to cancel when the session stops. */
  readonly tasks: Set<TaskHandle>
  /** Resolvers of requests waiting for the driver to connect (LIVY-1013). */
  readonly waiters: Set<() => void>
  /** The driver's hooks into this session, made on first use (see `driverHost`). */
  host?: DriverHost
}

/** What the server keeps in memory about a batch besides its record. */
export interface BatchRuntime {
  readonly id: number
  /** Null for a zombie batch whose spark-submit never ran (its log is `[]`). */
  readonly log: ProcessLog | null
  readonly tasks: Set<TaskHandle>
}

/** Faults that change what the model does next (HTTP faults live at the edge). */
export interface ModelFaults {
  /** Next sessions fail to start with this reason (count, or forever). */
  sessionStartFailures: { reason: string; remaining: number }[]
  /** Next batches exit non-zero. */
  batchFailures: { exitCode: number; reason: string; remaining: number }[]
}

/** Everything the model's parts share. One per emulator instance; nothing is global. */
export interface ModelContext {
  readonly config: LivyConfig
  readonly timing: Timing
  readonly clock: Clock
  readonly store: LivyStore
  readonly scheduler: Scheduler
  readonly random: Random
  readonly logs: SparkLogs
  readonly outcomes: OutcomeRules
  /** The small default interpreters (with this emulator's parses remembered). */
  readonly interpreters: ToyInterpreters
  /** The evaluation engine's use by this model; `null` when outputs are scripted only. */
  readonly evaluation: Evaluations | null
  readonly access: AccessManager
  readonly faults: ModelFaults
  readonly sessions: Map<number, InteractiveRuntime>
  readonly batches: Map<number, BatchRuntime>
  readonly counters: { session: number; batch: number; yarnApp: number; leakedDrivers: number }
  /** When each session and batch entered each state it reported (vendor envelopes show it). */
  readonly history: StateHistory
  /** Model time (see `Scheduler.now`). */
  now(): number
  /** Called whenever something a client could observe changed (for persistence/UI). */
  changed(event: ModelEvent): void
}

/** A state a session or batch reported, and since when (model time). */
export interface StateMark {
  readonly state: string
  readonly at: number
}

/** Per session and batch, the states it went through, oldest first. */
export interface StateHistory {
  /** Appends `state` unless it is already the latest one. */
  note(kind: 'session' | 'batch', id: number, state: string, at: number): void
  of(kind: 'session' | 'batch', id: number): readonly StateMark[]
  forget(kind: 'session' | 'batch', id: number): void
}

/**
 * Marks kept per session or batch. A session toggles busy/idle with every statement: without a
 * bound, a server running for weeks would keep two marks per statement ever run.
 */
const HISTORY_CAP = 256

/**
 * Keeps the first and the last mark of every state (what the vendor envelopes and the control
 * page's timeline read) and the newest `recent` marks; the rest of the middle goes. Run when the
 * list outgrows {@link HISTORY_CAP}, so each mark costs O(1) on average.
 */
function compact(list: StateMark[], recent: number): void {
  // A session goes through a handful of states: plain arrays beat maps here.
  const states: string[] = []
  const first: number[] = []
  const last: number[] = []
  for (let i = 0; i < list.length; i++) {
    const state = (list[i] as StateMark).state
    const k = states.indexOf(state)
    if (k < 0) {
      states.push(state)
      first.push(i)
      last.push(i)
    } else last[k] = i
  }
  let kept = 0
  for (let i = 0; i < list.length; i++) {
    if (i >= list.length - recent || first.includes(i) || last.includes(i))
      list[kept++] = list[i] as StateMark
  }
  list.length = kept
}

/**
 * @example
 * const history = createStateHistory()
 * history.note('session', 0, 'starting', 0)
 * history.of('session', 0) // [{ state: 'starting', at: 0 }]
 */
export function createStateHistory(): StateHistory {
  // One map per kind, keyed by the number: no key string to build on every mark.
  const marks = { session: new Map<number, StateMark[]>(), batch: new Map<number, StateMark[]>() }
  return {
    note(kind, id, state, at) {
      const list = marks[kind].get(id)
      if (!list) {
        marks[kind].set(id, [{ state, at }])
        return
      }
      if (list[list.length - 1]?.state === state) return
      list.push({ state, at })
      if (list.length > HISTORY_CAP) compact(list, HISTORY_CAP / 2)
    },
    of: (kind, id) => marks[kind].get(id) ?? [],
    forget(kind, id) {
      marks[kind].delete(id)
    },
  }
}

/** A change worth telling listeners about. */
export interface ModelEvent {
  readonly type: string
  readonly sessionId?: number
  readonly batchId?: number
  readonly statementId?: number
  readonly detail?: Readonly<Record<string, unknown>>
}
