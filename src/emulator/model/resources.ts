import { CUSTOM_CLASSPATH_BLACKLIST, type LivyConfig } from './config.ts'
import { ModelError, nullPointer, requirement } from './errors.ts'
import { hasKey } from './user-map.ts'

const ILLEGAL = /[ "<>\\^`{|}]/

/**
 * The message of the `URISyntaxException` `new java.net.URI(text)` throws for the mistakes
 * users make (spaces, braces, a missing scheme name), or undefined for a valid URI.
 *
 * @example
 * uriSyntaxError('hdfs://bad host/x.jar') // 'Illegal character in authority at index 7: hdfs://bad host/x.jar'
 */
export function uriSyntaxError(text: string): string | undefined {
  if (text.startsWith(':')) return `Expected scheme name at index 0: ${text}`
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(text)
  let pathStart = 0
  if (scheme && text.startsWith('//', scheme[0].length)) {
    const authorityStart = scheme[0].length + 2
    const authorityEnd = text.slice(authorityStart).search(/[/?#]/)
    const authority =
      authorityEnd < 0
        ? text.slice(authorityStart)
        : text.slice(authorityStart, authorityStart + authorityEnd)
    // Java reports a bad authority at its first character.
    if (ILLEGAL.test(authority))
      return `Illegal character in authority at index ${authorityStart}: ${text}`
    pathStart = authorityStart + authority.length
  }
  const rest = text.slice(pathStart)
  const bad = ILLEGAL.exec(rest)
  if (!bad) return undefined
  const index = pathStart + bad.index
  const component = text.slice(0, index).includes('#')
    ? 'fragment'
    : text.slice(0, index).includes('?')
      ? 'query'
      : 'path'
  return `Illegal character in ${component} at index ${index}: ${text}`
}

/**
 * A minimal `java.net.URI` split: scheme, path and fragment; a syntax error is Livy's
 * `IllegalArgumentException` wrapping the `URISyntaxException`.
 */
function parseUri(text: string): { scheme: string | null; path: string; fragment: string | null } {
  const syntax = uriSyntaxError(text)
  if (syntax) throw new ModelError('illegal-argument', `java.net.URISyntaxException: ${syntax}`)
  const hash = text.indexOf('#')
  const fragment = hash >= 0 ? text.slice(hash + 1) : null
  const body = hash >= 0 ? text.slice(0, hash) : text
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(body)
  if (!scheme) return { scheme: null, path: body.split('?')[0] as string, fragment }
  const rest = body.slice(scheme[0].length)
  const path = rest.startsWith('//') ? rest.slice(2).replace(/^[^/]*/, '') : rest
  return {
    scheme: (scheme[1] as string).toLowerCase(),
    path: path.split('?')[0] as string,
    fragment,
  }
}

/** `java.nio.file.Path.normalize()` for absolute POSIX paths. */
function normalizePath(path: string): string {
  const out: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') out.pop()
    else out.push(part)
  }
  return `/${out.join('/')}`
}

/** `Path.startsWith(other)`: component-wise prefix. */
function pathStartsWith(path: string, prefix: string): boolean {
  const p = normalizePath(prefix)
  return p === '/' || path === p || path.startsWith(`${p}/`)
}

/**
 * Livy's `resolveURI`: scheme-less URIs must be absolute paths and get `fs.defaultFS`; any
 * `file:` URI must be under `livy.file.local-dir-whitelist`. Throws Livy's messages.
 *
 * @example
 * resolveUri('/tmp/a.jar', conf) // throws "requirement failed: Local path /tmp/a.jar cannot be added to user sessions."
 */
export function resolveUri(uri: string, config: LivyConfig): string {
  const parsed = parseUri(uri)
  let resolved = uri
  let scheme = parsed.scheme
  if (scheme === null) {
    const pathWithFragment =
      parsed.fragment !== null ? `${parsed.path}#${parsed.fragment}` : parsed.path
    requirement(pathWithFragment.startsWith('/'), `Path '${parsed.path}' is not absolute.`)
    const defaultFs = config.defaultFs.replace(/\/$/, '')
    resolved = defaultFs + pathWithFragment
    scheme = parseUri(resolved).scheme
  }
  if (scheme === 'file') {
    const path = normalizePath(parseUri(resolved).path)
    requirement(
      config.localDirWhitelist.some((dir) => pathStartsWith(path, dir)),
      `Local path ${parsed.path} cannot be added to user sessions.`,
    )
  }
  return resolved
}

/** `resolveURIs`: empty strings are dropped, each URI checked in order. */
export function resolveUris(uris: readonly string[], config: LivyConfig): string[] {
  return uris
    .filter((u: string | null) => {
      // `uris.filter(_.nonEmpty)` on a JSON null Jackson let into the list.
      if (u === null) throw nullPointer()
      return u.length > 0
    })
    .map((u) => resolveUri(u, config))
}

/** The lists a create request carries next to its `conf`. */
export interface ResourceLists {
  readonly conf: Readonly<Record<string, string>>
  readonly jars: readonly string[]
  readonly files: readonly string[]
  readonly archives: readonly string[]
  readonly pyFiles: readonly string[]
}

/**
 * Livy's `prepareConf` checks: blacklisted conf keys, then every URI in the request lists and
 * in the file-list conf keys. Throws `IllegalArgumentException`s with Livy's messages.
 */
export function checkResources(request: ResourceLists, config: LivyConfig): void {
  const blacklist = new Set([
    ...config.sparkBlacklist,
    ...(config.allowCustomClasspath ? [] : CUSTOM_CLASSPATH_BLACKLIST),
  ])
  const bad = Object.keys(request.conf).filter((k) => blacklist.has(k))
  if (bad.length > 0) {
    throw new ModelError(
      'illegal-argument',
      `Blacklisted configuration values in session config: ${bad.join(', ')}`,
    )
  }
  const lists: [string, readonly string[]][] = [
    ['spark.jars', request.jars],
    ['spark.files', request.files],
    ['spark.archives', request.archives],
    ['spark.submit.pyFiles', request.pyFiles],
  ]
  for (const [key, userList] of lists) {
    const fromConf: string | null | undefined = hasKey(request.conf, key)
      ? request.conf[key]
      : undefined
    resolveUris(userList, config)
    if (fromConf === null) throw nullPointer()
    if (fromConf !== undefined) resolveUris(fromConf.split(/[, ]+/), config)
  }
  for (const key of config.fileListConfigs) {
    if (lists.some(([k]) => k === key)) continue
    const fromConf: string | null | undefined = hasKey(request.conf, key)
      ? request.conf[key]
      : undefined
    if (fromConf === null) throw nullPointer()
    if (fromConf !== undefined) resolveUris(fromConf.split(/[, ]+/), config)
  }
}
