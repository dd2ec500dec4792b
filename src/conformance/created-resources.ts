import { type ConformanceSetup, sendAs } from './setups.ts'
import type { Target } from './targets/target.ts'

/**
 * The sessions and batches a run created and has not deleted yet (paths such as
 * `/sessions/3`): what must go if the run stops early.
 */
export interface CreatedResources {
  note(path: string): void
  forget(path: string): void
  list(): readonly string[]
}

/**
 * @example
 * const created = createCreatedResources()
 * created.note('/sessions/3')
 * await deleteCreated(created, target, setup) // DELETE /sessions/3
 */
export function createCreatedResources(): CreatedResources {
  const paths = new Set<string>()
  return {
    note: (path) => void paths.add(path),
    forget: (path) => void paths.delete(path),
    list: () => [...paths],
  }
}

/** Deletes everything still listed (newest first); resolves with the paths it could not delete. */
export async function deleteCreated(
  created: CreatedResources,
  target: Target,
  setup: ConformanceSetup,
): Promise<string[]> {
  const failed: string[] = []
  for (const path of [...created.list()].reverse()) {
    const res = await sendAs(target, setup, 'DELETE', path).catch(() => undefined)
    // 404: already gone (deleted by the scenario, or expired).
    if (res && (res.status < 300 || res.status === 404)) created.forget(path)
    else failed.push(path)
  }
  return failed
}
