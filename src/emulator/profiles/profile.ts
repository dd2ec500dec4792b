import type { EdgeFilter } from '../http/edge.ts'
import type { Route } from '../http/routes.ts'
import type { LivyConfig } from '../model/config.ts'
import type { LivyModel } from '../model/livy-model.ts'
import type { AuthOptions } from '../security/authenticate.ts'
import type { RefusalRenderer } from '../security/filters.ts'
import type { AuthCookies } from '../security/hadoop-cookie.ts'

/** Names of the built-in profiles. */
export const PROFILE_NAMES = [
  'apache-0.9',
  'apache-0.8',
  'apache-0.7',
  'fabric',
  'hdinsight',
  'synapse',
  'spyt',
] as const
export type ProfileName = (typeof PROFILE_NAMES)[number]

/** What a profile's filters may use. The model is for reading only: state changes go to Livy. */
export interface ProfileEnvironment {
  readonly config: LivyConfig
  /** The current model (replaced by `reset()`). */
  model(): LivyModel
  /** Model time (epoch ms). */
  now(): number
  /** The emulator's seed, for repeatable vendor ids (GUIDs, request ids). */
  readonly seed: string
  /** Credentials the user configured (the profile decides where they are checked). */
  readonly auth: AuthOptions | undefined
  readonly cookies: AuthCookies
}

/**
 * A vendor flavour of Livy. It reshapes only the HTTP edge: a gateway in front of Livy's
 * servlets (paths, authentication, ids, status codes, envelopes, error bodies, limits), the
 * settings the vendor's Livy runs with, and routes only that vendor has. The model underneath
 * is always Apache Livy's.
 *
 * @example
 * createLivyEmulator({ profile: 'fabric' })
 */
export interface LivyProfile {
  readonly name: string
  /** One line: what this profile is. */
  readonly summary: string
  /** Livy settings of the vendor's deployment (the user's `livyConf` wins). */
  readonly livyConf?: Readonly<Record<string, string>>
  /**
   * Where configured credentials are checked: by Livy's own authentication filter, or by the
   * vendor's gateway (which then answers refusals in its own format).
   */
  readonly authAt: 'livy' | 'gateway'
  /** Routes on Livy's servlets that only this vendor has (e.g. `reset-timeout`). */
  readonly routes?: readonly Route[]
  /** Whether clients use Livy's own paths (`/sessions`, …) rather than a vendor prefix. */
  readonly livyPaths: boolean
  /** Base path clients put before `/sessions` (for banners, docs and conformance targets). */
  readonly basePath: string
  /** Whether a request path belongs to this vendor's API (the msw adapter asks). */
  claims(path: string): boolean
  /** The vendor front, outermost first (runs after the journal, before injected faults). */
  gateway(env: ProfileEnvironment): EdgeFilter[]
  /** How refusals by Livy's own security filters reach the client (default: Jetty's page). */
  refusal?(env: ProfileEnvironment): RefusalRenderer
}
