import { batchExpired, deleteBatch } from './batches.ts'
import type { ModelContext } from './context.ts'
import { deleteInteractive, interactiveExpired } from './interactive.ts'

/**
 * Livy's two background threads on virtual time: the session GC (every 60 s from start-up:
 * retention of finished sessions, idle timeout, TTL) and the heartbeat watchdog (every
 * `livy.server.heartbeat-watchdog.interval`). Both run first at start-up, like Livy's threads.
 */
export function startHousekeeping(ctx: ModelContext, startedAt: number): void {
  const gc = async (): Promise<void> => {
    const now = ctx.now()
    for (const record of [...ctx.store.sessions.values()]) {
      if (interactiveExpired(ctx, record, now)) {
        ctx.changed({ type: 'session-expired', sessionId: record.id })
        await deleteInteractive(ctx, record.id)
      }
    }
    for (const record of [...ctx.store.batches.values()]) {
      if (batchExpired(ctx, record, now)) {
        ctx.changed({ type: 'batch-expired', batchId: record.id })
        await deleteBatch(ctx, record.id)
      }
    }
  }
  const watchdog = async (): Promise<void> => {
    const now = ctx.now()
    for (const [id, runtime] of [...ctx.sessions]) {
      if (
        runtime.heartbeatDeadline !== null &&
        runtime.heartbeatDeadline < now &&
        ctx.store.sessions.get(id)
      ) {
        ctx.changed({ type: 'session-heartbeat-expired', sessionId: id })
        await deleteInteractive(ctx, id)
      }
    }
  }
  const every = (interval: number, label: string, run: () => Promise<void>, at: number): void => {
    ctx.scheduler.at(at, label, async () => {
      const empty = ctx.store.sessions.size() + ctx.store.batches.size() === 0
      if (!empty) await run()
      // With nothing to look at, the beats up to now change nothing: jump to the first beat
      // after the current time (keeps a long advance on an idle server cheap).
      const behind = empty ? Math.max(0, Math.floor((ctx.clock.now() - at) / interval)) : 0
      every(interval, label, run, at + (behind + 1) * interval)
    })
  }
  every(ctx.config.gcIntervalMs, 'session GC', gc, startedAt)
  every(ctx.config.heartbeatWatchdogIntervalMs, 'heartbeat watchdog', watchdog, startedAt)
}
