import { defineMachine } from './machine.ts'

/**
 * Server-side state of an interactive session (Livy's `serverSideState`). While it is
 * `running`, clients see the REPL state instead, which is why they never see `running`.
 */
export const SERVER_STATES = [
  'starting',
  'recovering',
  'running',
  'shutting_down',
  'error',
  'dead',
  'killed',
] as const
export type ServerState = (typeof SERVER_STATES)[number]
export type ServerEvent =
  | 'driver-ready'
  | 'start-failed'
  | 'recovery-failed'
  | 'stop'
  | 'stopped'
  | 'app-exited'
  | 'app-killed'
  | 'server-restarted'

export const serverMachine = defineMachine<ServerState, ServerEvent>({
  name: 'interactive-server',
  states: SERVER_STATES,
  initial: 'starting',
  rows: [
    { from: 'starting', event: 'driver-ready', to: 'running' },
    { from: 'starting', event: 'start-failed', to: 'error' },
    { from: 'starting', event: 'stop', to: 'shutting_down' },
    { from: 'starting', event: 'app-exited', to: 'dead' },
    { from: 'starting', event: 'app-killed', to: 'killed' },
    { from: 'recovering', event: 'driver-ready', to: 'running' },
    { from: 'recovering', event: 'recovery-failed', to: 'dead' },
    { from: 'recovering', event: 'stop', to: 'shutting_down' },
    // The Livy server restarted under a live driver: it reconnects (recovering → running).
    { from: 'starting', event: 'server-restarted', to: 'recovering' },
    { from: 'running', event: 'server-restarted', to: 'recovering' },
    { from: 'recovering', event: 'server-restarted', to: 'recovering' },
    { from: 'running', event: 'stop', to: 'shutting_down' },
    { from: 'running', event: 'app-exited', to: 'dead' },
    { from: 'running', event: 'app-killed', to: 'killed' },
    // A driver that failed to start is stopped by the server right away.
    { from: 'error', event: 'stop', to: 'shutting_down' },
    { from: 'shutting_down', event: 'stopped', to: 'dead' },
    { from: 'shutting_down', event: 'app-killed', to: 'killed' },
  ],
  terminal: ['dead', 'killed'],
})

/** State the REPL inside the driver pushes to the server (`ReplState`). */
export const REPL_STATES = ['not_started', 'starting', 'idle', 'busy', 'error'] as const
export type ReplState = (typeof REPL_STATES)[number]
export type ReplEvent = 'start' | 'ready' | 'failed' | 'statement-started' | 'drained' | 'aborted'

/**
 * The REPL runs statements one at a time: busy while one executes, idle after the last one.
 * An aborted interpreter leaves it in `error` until the next statement makes it busy again.
 */
export const replMachine = defineMachine<ReplState, ReplEvent>({
  name: 'repl',
  states: REPL_STATES,
  initial: 'not_started',
  rows: [
    { from: 'not_started', event: 'start', to: 'starting' },
    { from: 'starting', event: 'ready', to: 'idle' },
    { from: 'starting', event: 'failed', to: 'error' },
    { from: 'idle', event: 'statement-started', to: 'busy' },
    { from: 'idle', event: 'aborted', to: 'error' },
    { from: 'busy', event: 'drained', to: 'idle' },
    { from: 'busy', event: 'aborted', to: 'error' },
    { from: 'error', event: 'statement-started', to: 'busy' },
  ],
  terminal: [],
})

/** Batch states: `starting → running → success | dead | killed` (recovered ones start `recovering`). */
export const BATCH_STATES = [
  'starting',
  'recovering',
  'running',
  'success',
  'dead',
  'killed',
] as const
export type BatchState = (typeof BATCH_STATES)[number]
export type BatchEvent =
  | 'app-running'
  | 'app-finished'
  | 'app-failed'
  | 'app-killed'
  | 'server-restarted'

export const batchMachine = defineMachine<BatchState, BatchEvent>({
  name: 'batch',
  states: BATCH_STATES,
  initial: 'starting',
  rows: [
    { from: 'starting', event: 'app-running', to: 'running' },
    { from: 'starting', event: 'app-failed', to: 'dead' },
    { from: 'starting', event: 'app-killed', to: 'killed' },
    { from: 'recovering', event: 'app-running', to: 'running' },
    { from: 'recovering', event: 'app-finished', to: 'success' },
    { from: 'recovering', event: 'app-failed', to: 'dead' },
    { from: 'recovering', event: 'app-killed', to: 'killed' },
    // The server restarted while the application kept running on the cluster.
    { from: 'starting', event: 'server-restarted', to: 'recovering' },
    { from: 'running', event: 'server-restarted', to: 'recovering' },
    { from: 'recovering', event: 'server-restarted', to: 'recovering' },
    { from: 'running', event: 'app-finished', to: 'success' },
    { from: 'running', event: 'app-failed', to: 'dead' },
    { from: 'running', event: 'app-killed', to: 'killed' },
  ],
  terminal: ['success', 'dead', 'killed'],
})

/** Every state a session or batch can report (Livy's `SessionState` names). */
export type ReportedState =
  | 'not_started'
  | 'starting'
  | 'recovering'
  | 'idle'
  | 'running'
  | 'busy'
  | 'shutting_down'
  | 'error'
  | 'dead'
  | 'killed'
  | 'success'

/** What an interactive session reports: the REPL state while the server side is running. */
export function reportedInteractiveState(
  server: ServerState,
  repl: ReplState | null,
): ReportedState {
  if (server !== 'running') return server
  // Livy assumes `busy` when the driver has not pushed a REPL state yet.
  return repl ?? 'busy'
}

/** Livy's `isActive`: `error` counts as active, `shutting_down` does not. */
export function isActiveState(state: ReportedState): boolean {
  return !['shutting_down', 'dead', 'killed', 'success'].includes(state)
}

/** Livy's finished states: these start the retention clock. */
export function isFinishedState(state: ReportedState): boolean {
  return state === 'error' || state === 'dead' || state === 'killed' || state === 'success'
}
