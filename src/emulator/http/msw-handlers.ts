import type { HttpHandler } from 'msw'
import { servletOf } from './edge.ts'
import { fromFetchRequest, toFetchResponse } from './fetch-adapter.ts'
import { isPromise, type MaybePromise } from './maybe-async.ts'
import { mswModule } from './msw-module.ts'
import { createRouter } from './router.ts'
import type { Route } from './routes.ts'
import type { EdgeRequest, EdgeResponse } from './types.ts'

export { fromFetchRequest, toFetchResponse }

/** How the msw adapter reaches the current edge (it changes on `reset()`). */
export interface MswTarget {
  readonly baseUrl: string
  readonly routes: readonly Route[]
  handle(request: EdgeRequest): MaybePromise<EdgeResponse>
  /** Extra path prefixes the emulator serves besides Livy's servlets (the control API). */
  readonly extraPrefixes?: readonly string[]
  /**
   * For a vendor profile: which paths are its API (instead of Livy's servlet mounts). Then
   * only the fallback handler is installed, since the route table speaks Livy's paths.
   */
  readonly claims?: (path: string) => boolean
}

/**
 * msw handlers from the route table: one per route (so `listHandlers()` reads like Livy's API)
 * plus a fallback per servlet mount for what Livy answers on unknown paths and methods (404,
 * 405 with `Allow`, 406, method override). Every handler hands the request to the same edge.
 *
 * @example
 * const server = setupServer(...createMswHandlers(target))
 */
export function createMswHandlers(target: MswTarget): HttpHandler[] {
  const { http } = mswModule.get()
  const base = new URL(target.baseUrl)
  const basePath = base.pathname.replace(/\/$/, '')
  // msw asks every handler in turn: parse each request's URL once, not once per handler.
  const seen = new WeakMap<Request, string | null>()
  const relative = (request: Request): string | undefined => {
    const known = seen.get(request)
    if (known !== undefined) return known ?? undefined
    const url = new URL(request.url)
    const inside =
      url.origin === base.origin &&
      (basePath === '' || url.pathname === basePath || url.pathname.startsWith(`${basePath}/`))
    const path = inside ? url.pathname.slice(basePath.length) || '/' : null
    seen.set(request, path)
    return path ?? undefined
  }
  const resolve = async ({ request }: { request: Request }): Promise<Response> => {
    const edgeRequest = await fromFetchRequest(request, basePath)
    const result = target.handle(edgeRequest)
    return toFetchResponse(isPromise(result) ? await result : result, request.method)
  }
  const routeHandlers = target.claims ? [] : target.routes
  const handlers: HttpHandler[] = routeHandlers.map((route) => {
    const router = createRouter([{ method: route.method, path: route.path, value: route }])
    const method = route.method.toLowerCase() as 'get' | 'post' | 'delete' | 'put'
    return http[method](({ request }) => {
      const path = relative(request)
      return path !== undefined && router.match(route.method, path).kind === 'match'
    }, resolve)
  })
  handlers.push(
    http.all(({ request }) => {
      const path = relative(request)
      if (path === undefined) return false
      const extra = (target.extraPrefixes ?? []).some((p) => path === p || path.startsWith(`${p}/`))
      if (target.claims) return extra || target.claims(path)
      return (
        servletOf(path) !== undefined ||
        path === '/' ||
        path === '/metrics/ping' ||
        (target.extraPrefixes ?? []).some((p) => path === p || path.startsWith(`${p}/`))
      )
    }, resolve),
  )
  return handlers
}
