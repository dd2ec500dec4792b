import type { LivyEmulatorOptions } from '../emulator/create-emulator-core.ts'
import { FABRIC } from '../emulator/profiles/fabric.ts'
import type { ProfileName } from '../emulator/profiles/index.ts'
import { mergeHeaders } from './headers.ts'
import type { RawResponse, Target } from './targets/target.ts'

/** Names of the server set-ups scenarios are written for. */
export const SETUP_NAMES = [
  'apache-0.9',
  'apache-0.9-secured',
  'apache-0.8',
  'apache-0.7',
  'fabric',
  'hdinsight',
  'synapse',
  'spyt',
] as const
export type SetupName = (typeof SETUP_NAMES)[number]

/**
 * A server set-up: which vendor profile and Livy configuration the server under test runs
 * with, and how requests reach it (prefix, credentials, headers). Scenarios are written for
 * one set-up; a run checks one target against the scenarios of its set-up.
 */
export interface ConformanceSetup {
  readonly name: SetupName
  readonly summary: string
  /** The emulator profile that reproduces it. */
  readonly profile: ProfileName
  /** Livy configuration on top of the judge's (a real server needs the same keys). */
  readonly livyConf: Readonly<Record<string, string>>
  /** More emulator options (credentials the emulator should accept). */
  readonly emulator?: Partial<LivyEmulatorOptions>
  /** `--auth` for emulator targets (on a real endpoint the team passes its own). */
  readonly emulatorAuth?: string
  /** Path in front of Livy's routes (`/livy`, Fabric's base). */
  readonly prefix: string
  /** Headers every request carries unless a scenario removes them. */
  readonly headers: Readonly<Record<string, string>>
  /** Who a request is from when the scenario does not say (null: anonymous). */
  readonly defaultUser: string | null
  /** Puts the user on a request (Hadoop's pseudo handler reads `user.name`). */
  withUser(path: string, user: string | null): string
  /** Whether answers follow Livy's own API (and the OpenAPI spec checks them). */
  readonly livyShaped: boolean
  /** Whether the judge checks it against a real Apache Livy. */
  readonly judged: boolean
  /** What a real endpoint must look like to run these scenarios (shown by the CLI). */
  readonly requirement: string
}

const asIs = (path: string): string => path

const withUserName = (path: string, user: string | null): string => {
  if (user === null || path.startsWith('/__emulator')) return path
  return `${path}${path.includes('?') ? '&' : '?'}user.name=${encodeURIComponent(user)}`
}

/** The secured set-up's users: who may do what (the ACL scenarios' matrix). */
export const SECURED_USERS = {
  owner: 'alice',
  other: 'bob',
  viewer: 'viewer',
  modifier: 'modifier',
  admin: 'admin',
  stranger: 'mallory',
} as const

/**
 * Livy's security switched on, with Hadoop's pseudo authentication (`?user.name=`) so the
 * same configuration runs on a real Livy and the emulator without a directory or a KDC.
 */
export const SECURED_LIVY_CONF: Readonly<Record<string, string>> = Object.freeze({
  'livy.server.auth.type': 'simple',
  'livy.server.auth.simple.class':
    'org.apache.hadoop.security.authentication.server.AuthenticationFilter',
  'livy.server.auth.simple.param.type': 'simple',
  'livy.server.csrf-protection.enabled': 'true',
  'livy.server.access-control.enabled': 'true',
  'livy.server.access-control.allowed-users': 'alice,bob',
  'livy.server.access-control.view-users': 'viewer',
  'livy.server.access-control.modify-users': 'modifier',
  'livy.superusers': 'admin',
  'livy.impersonation.enabled': 'true',
})

const plain = (name: SetupName, summary: string, profile: ProfileName): ConformanceSetup => ({
  name,
  summary,
  profile,
  livyConf: {},
  prefix: '',
  headers: {},
  defaultUser: null,
  withUser: asIs,
  livyShaped: true,
  judged: false,
  requirement: 'a Livy endpoint at the given URL',
})

/** Every set-up by name. */
export const SETUPS: Readonly<Record<SetupName, ConformanceSetup>> = Object.freeze({
  'apache-0.9': {
    ...plain('apache-0.9', 'Apache Livy 0.9.0, security off (the default)', 'apache-0.9'),
    judged: true,
    requirement: 'Apache Livy 0.9.0 in local mode (see the judge’s livy.conf)',
  },
  'apache-0.9-secured': {
    ...plain(
      'apache-0.9-secured',
      'Apache Livy 0.9.0 with authentication, CSRF, ACLs and impersonation',
      'apache-0.9',
    ),
    livyConf: SECURED_LIVY_CONF,
    headers: { 'X-Requested-By': 'livy-conformance' },
    defaultUser: SECURED_USERS.owner,
    withUser: withUserName,
    judged: true,
    requirement: `Apache Livy 0.9.0 configured with: ${Object.entries(SECURED_LIVY_CONF)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  },
  'apache-0.8': {
    ...plain('apache-0.8', 'Apache Livy 0.8.0 (EMR): ttl is the idle timeout', 'apache-0.8'),
    livyShaped: false,
    requirement: 'Apache Livy 0.8.0-incubating with impersonation enabled',
    livyConf: { 'livy.impersonation.enabled': 'true' },
  },
  'apache-0.7': {
    ...plain('apache-0.7', 'Apache Livy 0.7.1 (EMR 6): 0.7 session fields, no ttl', 'apache-0.7'),
    livyShaped: false,
    requirement: 'Apache Livy 0.7.1-incubating',
    livyConf: {},
  },
  fabric: {
    ...plain('fabric', 'Microsoft Fabric Livy API', 'fabric'),
    prefix: FABRIC.basePath,
    emulatorAuth: 'bearer:livy-conformance',
    emulator: { auth: { type: 'bearer', tokens: { 'livy-conformance': 'conformance' } } },
    livyShaped: false,
    requirement:
      'a Fabric-like endpoint: --url https://api.fabric.microsoft.com --prefix /v1/workspaces/<ws>/lakehouses/<lh>/livyapi/versions/2023-12-01 --auth bearer:<token>',
  },
  hdinsight: {
    ...plain('hdinsight', 'Azure HDInsight: /livy behind the gateway', 'hdinsight'),
    prefix: '/livy',
    emulatorAuth: 'basic:admin:admin',
    headers: { 'X-Requested-By': 'admin' },
    requirement:
      'an HDInsight-like gateway: --url https://<cluster>.azurehdinsight.net --prefix /livy --auth basic:<login>:<password>',
  },
  synapse: {
    ...plain('synapse', 'Azure Synapse Spark Livy API', 'synapse'),
    prefix: '/livyApi/versions/2020-12-01/sparkPools/pool',
    emulatorAuth: 'bearer:livy-conformance',
    emulator: { auth: { type: 'bearer', tokens: { 'livy-conformance': 'conformance' } } },
    livyShaped: false,
    requirement:
      'a Synapse-like endpoint: --url https://<ws>.dev.azuresynapse.net --prefix /livyApi/versions/2020-12-01/sparkPools/<pool> --auth bearer:<token>',
  },
  spyt: {
    ...plain('spyt', 'YTsaurus SPYT Livy (at most 3 live sessions)', 'spyt'),
    requirement: 'a SPYT Livy started with --livy-max-sessions 3 and no live sessions',
  },
})

/**
 * A set-up by name.
 *
 * @example
 * setupNamed('fabric').prefix // '/v1/workspaces/…/livyapi/versions/2023-12-01'
 */
export function setupNamed(name: string): ConformanceSetup {
  const setup = (SETUPS as Record<string, ConformanceSetup | undefined>)[name]
  if (!setup) throw new RangeError(`unknown profile "${name}" (one of ${SETUP_NAMES.join(', ')})`)
  return setup
}

/** Emulator options that reproduce a set-up on top of `base`. */
export function emulatorOptionsFor(
  setup: ConformanceSetup,
  base: LivyEmulatorOptions,
): LivyEmulatorOptions {
  return {
    ...base,
    ...setup.emulator,
    profile: setup.profile,
    livyConf: { ...base.livyConf, ...setup.livyConf, ...setup.emulator?.livyConf },
  }
}

/** Sends a request as the set-up's default user with its default headers. */
export function sendAs(
  target: Target,
  setup: ConformanceSetup,
  method: string,
  path: string,
  body?: string,
  headers?: Readonly<Record<string, string | null>>,
  user: string | null = setup.defaultUser,
): Promise<RawResponse> {
  return target.send(method, setup.withUser(path, user), body, mergeHeaders(setup.headers, headers))
}
