import { createSessionRoute } from '../http/routes.ts'
import type { LivyModel } from '../model/livy-model.ts'
import { APACHE_09 } from './apache.ts'
import type { LivyProfile } from './profile.ts'

/** `--livy-max-sessions` default of the SPYT launcher. */
export const SPYT_DEFAULT_MAX_SESSIONS = 3

/** The configuration key that changes the cap (`--conf livy-emulator.spyt.max-sessions=5`). */
export const SPYT_MAX_SESSIONS_KEY = 'livy-emulator.spyt.max-sessions'

const LIVE = new Set(['starting', 'recovering', 'running'])

function maxSessions(model: LivyModel): number {
  const raw = model.config.raw[SPYT_MAX_SESSIONS_KEY]
  if (raw === undefined) return SPYT_DEFAULT_MAX_SESSIONS
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`${SPYT_MAX_SESSIONS_KEY} must be a non-negative integer, got "${raw}"`)
  return n
}

/** Idle sessions count too: SPYT's Query Tracker keeps reused sessions open. */
function liveSessions(model: LivyModel): number {
  let count = 0
  for (const record of model.context.store.sessions.values()) {
    if (LIVE.has(record.serverState)) count++
  }
  return count
}

const CREATE_SPYT = createSessionRoute({
  full: (model) => liveSessions(model) >= maxSessions(model),
})

/**
 * YTsaurus SPYT's Livy: upstream paths and bodies, but at most `--livy-max-sessions` (3)
 * live sessions; one more is refused like Livy refuses a create over its own limit (400
 * `Rejected, too many sessions are being created!`).
 *
 * @example
 * createLivyEmulator({ profile: 'spyt', livyConf: { 'livy-emulator.spyt.max-sessions': 5 } })
 */
export const SPYT: LivyProfile = {
  ...APACHE_09,
  name: 'spyt',
  summary: 'YTsaurus SPYT: upstream Livy with at most 3 live sessions',
  routes: [CREATE_SPYT],
}
