import type { ModelContext } from '../model/context.ts'
import { interactiveState } from '../model/interactive.ts'

/** What a snapshot leaves out. */
export interface SnapshotOptions {
  /** Whose logs to include: every one (default), none, or one `session:<id>` / `batch:<id>`. */
  readonly logs?: 'all' | 'none' | `session:${number}` | `batch:${number}`
}

/**
 * A read-only picture of the emulator (what `GET /__emulator/state` answers): sessions with
 * their statements, batches, id counters, virtual time and the steps that are pending.
 * Building it changes nothing (no heartbeat, no catch-up side effects beyond due steps).
 */
export function snapshot(ctx: ModelContext, options: SnapshotOptions = {}) {
  // Logs are most of a snapshot's bytes (a few KB a session): a list of 1,000 sessions
  // leaves them out, a session's page asks for its own.
  const logs = options.logs ?? 'all'
  const wants = (subject: string) => logs === 'all' || logs === subject
  return {
    clock: {
      now: ctx.clock.now(),
      iso: new Date(ctx.clock.now()).toISOString(),
      kind: ctx.clock.kind,
    },
    counters: { nextSessionId: ctx.counters.session, nextBatchId: ctx.counters.batch },
    sessions: [...ctx.store.sessions.values()].map((record) => {
      const runtime = ctx.sessions.get(record.id)
      return {
        id: record.id,
        name: record.name,
        kind: record.kind,
        state: interactiveState(ctx, record),
        serverState: record.serverState,
        replState: runtime?.driver.repl ?? null,
        owner: record.owner,
        proxyUser: record.proxyUser,
        appId: record.appId,
        createdAt: record.createdAt,
        finishedAt: record.finishedAt,
        lastActivity: runtime?.lastActivity ?? null,
        heartbeatDeadline: runtime?.heartbeatDeadline ?? null,
        statements: [...(runtime?.driver.statements.values() ?? [])].map((s) => ({
          id: s.id,
          code: s.code,
          kind: s.kind,
          state: s.state,
          started: s.started,
          completed: s.completed,
          output: s.output === null ? null : (JSON.parse(s.output) as unknown),
        })),
        log: wants(`session:${record.id}`) ? (runtime?.log.lines() ?? []) : [],
        // The control page draws the session's timeline on the virtual clock from these.
        history: ctx.history.of('session', record.id),
      }
    }),
    batches: [...ctx.store.batches.values()].map((record) => ({
      id: record.id,
      name: record.name,
      state: record.state,
      file: record.file,
      zombie: record.zombie,
      appId: record.appId,
      createdAt: record.createdAt,
      finishedAt: record.finishedAt,
      log: wants(`batch:${record.id}`) ? (ctx.batches.get(record.id)?.log?.lines() ?? []) : [],
      history: ctx.history.of('batch', record.id),
    })),
    pending: ctx.scheduler
      .pending()
      .map((t) => ({ label: t.label, at: t.at, subject: t.subject ?? null })),
  }
}

export type Snapshot = ReturnType<typeof snapshot>
