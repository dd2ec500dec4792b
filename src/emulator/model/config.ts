import { parseTimeAsMs } from './time-string.ts'

/**
 * The Livy settings that change what a client can see, with Livy 0.9.0's defaults. Set them
 * with Livy's own key names (`livy.server.session.timeout`, …) through `livyConf`.
 */
export interface LivyConfig {
  /** `livy.spark.master`: `local` keeps `appId`/`appInfo` null; `yarn` fills them in. */
  readonly sparkMaster: string
  readonly maxCreation: number
  readonly timeoutCheck: boolean
  readonly timeoutCheckSkipBusy: boolean
  readonly sessionTimeoutMs: number
  readonly ttlCheck: boolean
  readonly ttlMs: number
  readonly stateRetainMs: number
  readonly heartbeatWatchdogIntervalMs: number
  /** Fixed in Livy (the GC thread sleeps 60 s); configurable here for tests only. */
  readonly gcIntervalMs: number
  readonly localDirWhitelist: readonly string[]
  readonly defaultFs: string
  readonly retainedStatements: number
  readonly cacheLogSize: number
  readonly sqlNumRows: number
  readonly jobCancelTimeoutMs: number
  readonly jobCancelTriggerIntervalMs: number
  /** Keys of `spark-blacklist.conf` (none unless the server ships one). */
  readonly sparkBlacklist: readonly string[]
  readonly allowCustomClasspath: boolean
  readonly fileListConfigs: readonly string[]
  readonly uploadMaxSize: number
  readonly environment: string
  readonly csrfProtection: boolean
  readonly accessControl: boolean
  readonly allowedUsers: readonly string[]
  readonly viewUsers: readonly string[]
  readonly modifyUsers: readonly string[]
  readonly superusers: readonly string[]
  readonly impersonation: boolean
  readonly securityHeaders: boolean
  /** `livy.server.http.header.<Name>` overrides; an empty value removes the header. */
  readonly httpHeaders: Readonly<Record<string, string>>
  /** Every key as given (for the state snapshot and vendor profiles). */
  readonly raw: Readonly<Record<string, string>>
}

/** Livy's default `spark.*` keys whose value is a file list (`livy.spark.file-list-configs`). */
export const SPARK_FILE_LIST_CONFIGS = [
  'spark.jars',
  'spark.files',
  'spark.yarn.dist.archives',
  'spark.submit.pyFiles',
  'spark.archives',
  'spark.yarn.archive',
  'spark.yarn.dist.files',
  'spark.yarn.dist.jars',
  'spark.yarn.jar',
  'spark.yarn.jars',
]

/** Keys blacklisted unless `livy.server.session.allow-custom-classpath=true`. */
export const CUSTOM_CLASSPATH_BLACKLIST = [
  'spark.submit.deployMode',
  'spark.submit.proxyUser.allowCustomClasspathInClusterMode',
]

/** Livy's security headers, in the order real Livy 0.9.0 sends them. */
const DEFAULT_HEADERS: Record<string, string> = {
  'X-Frame-Options': 'SAMEORIGIN',
  'X-XSS-Protection': '1; mode=block',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'unsafe-inline'; img-src 'self'; frame-src 'self';",
  'X-Content-Type-Options': 'nosniff',
}

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)

const bool = (value: string | undefined, fallback: boolean): boolean =>
  value === undefined ? fallback : value.trim().toLowerCase() === 'true'

const int = (key: string, value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback
  const n = Number(value.trim())
  if (!Number.isInteger(n)) throw new RangeError(`${key} must be an integer, got "${value}"`)
  return n
}

const time = (value: string | undefined, fallback: string): number =>
  parseTimeAsMs(value ?? fallback)

/**
 * Builds the effective configuration from Livy keys. Unknown keys are kept in `raw`.
 *
 * @example
 * resolveLivyConf({ 'livy.server.session.timeout': '30m' }).sessionTimeoutMs // 1800000
 */
export function resolveLivyConf(
  overrides: Readonly<Record<string, string | number | boolean>> = {},
): LivyConfig {
  const raw: Record<string, string> = {}
  for (const [k, v] of Object.entries(overrides)) raw[k] = String(v)
  const get = (k: string): string | undefined => raw[k]
  const httpHeaders: Record<string, string> = { ...DEFAULT_HEADERS }
  for (const [k, v] of Object.entries(raw)) {
    if (k.startsWith('livy.server.http.header.')) httpHeaders[k.slice(24)] = v
  }
  const stateRetain = get('livy.server.session.state-retain.sec')
  return Object.freeze({
    sparkMaster: get('livy.spark.master') ?? 'local',
    maxCreation: int('max-creation', get('livy.server.session.max-creation'), 100),
    timeoutCheck: bool(get('livy.server.session.timeout-check'), true),
    timeoutCheckSkipBusy: bool(get('livy.server.session.timeout-check.skip-busy'), false),
    sessionTimeoutMs: time(get('livy.server.session.timeout'), '1h'),
    ttlCheck: bool(get('livy.server.session.ttl-check'), false),
    ttlMs: time(get('livy.server.session.ttl'), '8h'),
    // Livy reads this key with getTimeAsMs, so "600" means 600 ms; the default is "600s".
    stateRetainMs: time(stateRetain, '600s'),
    heartbeatWatchdogIntervalMs: time(get('livy.server.heartbeat-watchdog.interval'), '1m'),
    gcIntervalMs: time(get('livy-emulator.gc-interval'), '60s'),
    localDirWhitelist: list(get('livy.file.local-dir-whitelist')),
    defaultFs: get('fs.defaultFS') ?? 'file:///',
    retainedStatements: int('retained-statements', get('livy.rsc.retained-statements'), 100),
    cacheLogSize: int('cache-log.size', get('livy.cache-log.size'), 200),
    sqlNumRows: int('sql.num-rows', get('livy.rsc.sql.num-rows'), 1000),
    jobCancelTimeoutMs: time(get('livy.rsc.job-cancel.timeout'), '30s'),
    jobCancelTriggerIntervalMs: time(get('livy.rsc.job-cancel.trigger-interval'), '100ms'),
    sparkBlacklist: list(get('livy-emulator.spark-blacklist')),
    allowCustomClasspath: bool(get('livy.server.session.allow-custom-classpath'), false),
    fileListConfigs: get('livy.spark.file-list-configs')
      ? list(get('livy.spark.file-list-configs'))
      : SPARK_FILE_LIST_CONFIGS,
    uploadMaxSize: int('upload.max.size', get('livy.file.upload.max.size'), 104_857_600),
    environment: get('livy.environment') ?? 'production',
    csrfProtection: bool(get('livy.server.csrf-protection.enabled'), false),
    accessControl: bool(get('livy.server.access-control.enabled'), false),
    allowedUsers: get('livy.server.access-control.allowed-users')
      ? list(get('livy.server.access-control.allowed-users'))
      : ['*'],
    viewUsers: list(get('livy.server.access-control.view-users')),
    modifyUsers: list(get('livy.server.access-control.modify-users')),
    superusers: list(get('livy.superusers')),
    impersonation: bool(get('livy.impersonation.enabled'), false),
    securityHeaders: bool(get('livy.server.security-headers.enabled'), true),
    httpHeaders: Object.freeze(
      Object.fromEntries(Object.entries(httpHeaders).filter(([, v]) => v !== '')),
    ),
    raw: Object.freeze(raw),
  })
}
