import { restartBatch } from './batches.ts'
import type { ModelContext } from './context.ts'
import {
  driverPending,
  heartbeat,
  recordActivity,
  restartInteractiveSession,
} from './interactive.ts'

/**
 * The Livy server process restarted (a state file was replayed): drivers and applications kept
 * running meanwhile. In this order, at the restart time:
 *
 * 1. live sessions get fresh heartbeat and idle clocks (a new server process starts them anew,
 *    so the time the server was down never counts against a session);
 * 2. everything that fell due while the server was down happens, each step at its own time
 *    (statements complete, batches finish);
 * 3. sessions and batches still live come back `recovering`, then `idle` / `running` after
 *    `timing.sessionRecover`.
 *
 * Deterministic given the model and the time, so replaying the restart gives the same state.
 *
 * @example
 * await restartServer(model.context)
 * model.sessionState(record) // 'recovering'
 */
export async function restartServer(ctx: ModelContext): Promise<void> {
  for (const record of ctx.store.sessions.values()) {
    if (driverPending(record) || record.serverState === 'running') {
      heartbeat(ctx, record.id)
      recordActivity(ctx, record.id)
    }
  }
  await ctx.scheduler.runDue()
  for (const record of [...ctx.store.sessions.values()]) {
    await restartInteractiveSession(ctx, record.id)
  }
  for (const record of [...ctx.store.batches.values()]) await restartBatch(ctx, record.id)
  ctx.changed({ type: 'server-restarted' })
}
