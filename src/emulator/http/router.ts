/**
 * Path matching like Scalatra's: `:name` matches one segment, a servlet's collection route
 * also matches with a trailing slash, a known path with the wrong method is a 405 with `Allow`.
 */
import { boundedMemo } from '../model/bounded-memo.ts'

export interface RoutePattern<T> {
  readonly method: string
  readonly path: string
  readonly value: T
}

export type RouteMatch<T> =
  | { readonly kind: 'match'; readonly value: T; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: 'method-not-allowed'; readonly allow: readonly string[] }
  | { readonly kind: 'not-found' }

const ALLOW_ORDER = ['POST', 'DELETE', 'PUT', 'PATCH', 'GET', 'OPTIONS', 'HEAD']

interface Compiled<T> {
  readonly method: string
  readonly regex: RegExp
  readonly names: readonly string[]
  readonly value: T
  /** What every path it matches starts with: the pattern up to its first parameter. */
  readonly prefix: string
  /** How many `/` a path it matches has (one more with the optional trailing slash). */
  readonly slashes: number
  readonly trailing: boolean
}

const slashesIn = (text: string): number => {
  let count = 0
  for (let i = text.indexOf('/'); i >= 0; i = text.indexOf('/', i + 1)) count++
  return count
}

/** A route a path matched, whatever the method. */
interface Matched<T> {
  readonly method: string
  readonly value: T
  readonly params: Readonly<Record<string, string>>
  /** The answer `match` gives when the method is this route's (made once, frozen). */
  readonly found: RouteMatch<T> & { readonly kind: 'match' }
}

/** Paths whose matches are kept (see `matched` in {@link createRouter}). */
const MATCH_CACHE = 1024

/** Scalatra decodes path params; a malformed escape stays as sent. */
const decode = (segment: string): string => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/**
 * @example
 * const router = createRouter([{ method: 'GET', path: '/sessions/:sessionId', value: 'getSession' }])
 * router.match('GET', '/sessions/0') // { kind: 'match', value: 'getSession', params: { sessionId: '0' } }
 */
export function createRouter<T>(routes: readonly RoutePattern<T>[]) {
  const compiled: Compiled<T>[] = routes.map((route) => {
    const names: string[] = []
    const source = route.path
      .split('/')
      .map((part) => {
        if (part.startsWith(':')) {
          names.push(part.slice(1))
          return '([^/]+)'
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      })
      .join('/')
    // A servlet's root ("/sessions") also answers "/sessions/".
    const trailing = names.length === 0 && route.path.split('/').length === 2 ? '/?' : ''
    const param = route.path.indexOf(':')
    return {
      method: route.method,
      regex: new RegExp(`^${source}${trailing}$`),
      names,
      value: route.value,
      prefix: param < 0 ? route.path : route.path.slice(0, param),
      slashes: slashesIn(route.path),
      trailing: trailing !== '',
    }
  })

  /** Every route a path matches, in registration order, with its decoded parameters. */
  const matching = (path: string): readonly Matched<T>[] => {
    const out: Matched<T>[] = []
    const slashes = slashesIn(path)
    for (const route of compiled) {
      // A parameter never holds a `/`: only patterns with as many, and the same literal
      // start, can match. A new id's paths are then tried against a few patterns, not all.
      if (slashes !== route.slashes && !(route.trailing && slashes === route.slashes + 1)) continue
      if (!path.startsWith(route.prefix)) continue
      const m = route.regex.exec(path)
      if (!m) continue
      const params: Record<string, string> = {}
      route.names.forEach((name, i) => {
        params[name] = decode(m[i + 1] as string)
      })
      const frozen = Object.freeze(params)
      out.push({
        method: route.method,
        value: route.value,
        params: frozen,
        found: Object.freeze({ kind: 'match', value: route.value, params: frozen }),
      })
    }
    return out
  }
  // Clients poll the same few paths: each is matched against every pattern once, not on every
  // request (the params handed out are frozen, so one answer serves every request).
  const matched = boundedMemo(MATCH_CACHE, matching)

  return {
    match(method: string, path: string): RouteMatch<T> {
      const routes = matched(path)
      for (const route of routes) {
        if (route.method === method || (method === 'HEAD' && route.method === 'GET')) {
          return route.found
        }
      }
      const allowed: string[] = []
      for (const route of routes) {
        if (!allowed.includes(route.method)) allowed.push(route.method)
        if (route.method === 'GET' && !allowed.includes('HEAD')) allowed.push('HEAD')
      }
      if (allowed.length === 0) return { kind: 'not-found' }
      // Scalatra lists methods in its registry's hash order, HEAD last (observed on Livy
      // 0.9.0: "POST, GET, HEAD" for /sessions, "DELETE, GET, HEAD" for /sessions/0).
      const allow = [...allowed].sort((a, b) => ALLOW_ORDER.indexOf(a) - ALLOW_ORDER.indexOf(b))
      return { kind: 'method-not-allowed', allow }
    },
  }
}
