import { APACHE_08, APACHE_09 } from './apache.ts'
import { APACHE_07 } from './apache-07.ts'
import { FABRIC } from './fabric.ts'
import { HDINSIGHT } from './hdinsight.ts'
import type { LivyProfile, ProfileName } from './profile.ts'
import { PROFILE_NAMES } from './profile.ts'
import { SPYT } from './spyt.ts'
import { SYNAPSE } from './synapse.ts'

export type { LivyProfile, ProfileEnvironment, ProfileName } from './profile.ts'
export { PROFILE_NAMES } from './profile.ts'

/** The built-in profiles by name. */
export const PROFILES: Readonly<Record<ProfileName, LivyProfile>> = Object.freeze({
  'apache-0.9': APACHE_09,
  'apache-0.8': APACHE_08,
  'apache-0.7': APACHE_07,
  fabric: FABRIC,
  hdinsight: HDINSIGHT,
  synapse: SYNAPSE,
  spyt: SPYT,
})

/**
 * A profile by name (or your own object); `apache-0.9` when absent.
 *
 * @example
 * resolveProfile('fabric').basePath // '/v1/workspaces/…/livyapi/versions/2023-12-01'
 */
export function resolveProfile(profile: ProfileName | LivyProfile | undefined): LivyProfile {
  if (profile === undefined) return APACHE_09
  if (typeof profile !== 'string') return profile
  const found = (PROFILES as Record<string, LivyProfile | undefined>)[profile]
  if (!found) {
    throw new RangeError(`unknown profile "${profile}" (one of ${PROFILE_NAMES.join(', ')})`)
  }
  return found
}
