import { ANONYMOUS, type Caller } from '../model/access.ts'
import { ModelError } from '../model/errors.ts'
import { DriverNotReady, type LivyModel } from '../model/livy-model.ts'
import { JacksonError, readBean, readBeanBytes } from './jackson.ts'
import { livyUi } from './livy-ui.ts'
import { andThen, attempt, type MaybePromise, type Serial } from './maybe-async.ts'
import { commonHeaders, JSON_CONTENT_TYPE } from './responses.ts'
import { createRouter } from './router.ts'
import {
  ROUTES,
  type Route,
  type RouteContext,
  type RouteQuery,
  type RouteResult,
  type Servlet,
} from './routes.ts'
import { createListMemo } from './serialise.ts'
import type { EdgeRequest, EdgeResponse } from './types.ts'

/**
 * A servlet filter: answers by itself or passes the request on with `next()`. Filters run in
 * the order Livy registers them (security headers, authentication, CSRF, access), after the
 * emulator's own (journal, injected faults, control API).
 */
export type EdgeFilter = (
  request: EdgeRequest,
  next: (request: EdgeRequest) => MaybePromise<EdgeResponse>,
) => MaybePromise<EdgeResponse>

export interface EdgeOptions {
  readonly model: LivyModel
  readonly serial: Serial
  /** Filters in front of Livy's servlets, outermost first. */
  readonly filters?: readonly EdgeFilter[]
  /** Who the request is from; by default the user an authentication filter set on it. */
  readonly callerOf?: (request: EdgeRequest) => Caller
  /** Route table (tests inject a deliberately broken one). */
  readonly routes?: readonly Route[]
  /**
   * Told about every request that reached Livy's servlets, inside the serial section, before its
   * response goes out (a state file makes it durable here). `response` is undefined when the
   * request must wait for a driver: it is served again later. `at` is the virtual time it was
   * served at, before catching up with due steps.
   */
  readonly onServed?: (request: EdgeRequest, response: EdgeResponse | undefined, at: number) => void
}

/** The HTTP edge: one entry point shared by the msw handlers and the Node server. */
export interface Edge {
  handle(request: EdgeRequest): MaybePromise<EdgeResponse>
  /**
   * Catches up and runs Livy's servlets on `request` right now: no filters, no serial section
   * (the caller holds it), no `onServed`, and no waiting (a request that would wait for a driver
   * throws `DriverNotReady`). What replaying a state file uses.
   */
  serve(request: EdgeRequest): MaybePromise<EdgeResponse>
  readonly routes: readonly Route[]
}

const MOUNTS: readonly { prefix: string; servlet: Servlet }[] = [
  { prefix: '/sessions', servlet: 'sessions' },
  { prefix: '/batches', servlet: 'batches' },
  { prefix: '/version', servlet: 'version' },
]

/** Which Livy servlet serves a path (`/sessions/*`, `/batches/*`, `/version/*`). */
export function servletOf(path: string): Servlet | undefined {
  for (const m of MOUNTS) {
    if (path === m.prefix || path.startsWith(`${m.prefix}/`)) return m.servlet
  }
  return undefined
}

const API_VERSION = /^application\/vnd\.livy\.v([^+]*).*$/
const KNOWN_API_VERSIONS = ['0.1']
const OVERRIDE_HEADERS = ['x-http-method-override', 'x-http-method', 'x-method-override']

export function createEdge(options: EdgeOptions): Edge {
  const { model, serial } = options
  const routes = options.routes ?? ROUTES
  const router = createRouter(routes.map((r) => ({ method: r.method, path: r.path, value: r })))
  const config = model.config
  const callerOf =
    options.callerOf ??
    ((request: EdgeRequest): Caller =>
      request.user ? { user: request.user, doAs: null } : ANONYMOUS)
  const now = () => model.context.now()
  const lists = { sessions: createListMemo(), batches: createListMemo() }
  const noQuery: RouteQuery = new URLSearchParams()

  // What every JSON answer starts with changes once a second (the date): made then, shared.
  let commonSecond = Number.NaN
  let common: ReadonlyArray<readonly [string, string]> = []
  const jsonHeaders = (at: number): ReadonlyArray<readonly [string, string]> => {
    const second = Math.floor(at / 1000)
    if (second !== commonSecond) {
      commonSecond = second
      common = Object.freeze(commonHeaders(config, at, JSON_CONTENT_TYPE))
    }
    return common
  }

  const respond = (
    status: number,
    body: string | null,
    extra: ReadonlyArray<readonly [string, string]> = [],
  ): EdgeResponse => {
    const common = jsonHeaders(now())
    return { status, headers: extra.length === 0 ? common : [...common, ...extra], body }
  }

  /** Livy's exception handlers: `SessionServlet.error` first, then `JsonServlet`'s catch-all. */
  const mapError = (e: unknown, route: Route | undefined): EdgeResponse => {
    if (e instanceof JacksonError) return respond(400, JSON.stringify(e.message))
    if (e instanceof ModelError) {
      switch (e.kind) {
        case 'illegal-argument':
          return respond(
            400,
            JSON.stringify({ msg: route?.creates ? `Rejected, Reason: ${e.message}` : e.message }),
          )
        case 'access-control':
          return respond(403, JSON.stringify({ msg: e.message }))
        case 'session-not-found':
          return respond(404, JSON.stringify({ msg: e.message }))
        case 'statement-not-found':
          return respond(404, JSON.stringify(e.message))
        case 'forbidden':
          // Scalatra's `Forbidden()` goes through Livy's JSON renderer: an empty object.
          return respond(403, '{}')
        default:
          return respond(500, JSON.stringify(e.javaString()))
      }
    }
    // A bug in the emulator: answer like Livy's catch-all, but say whose bug it is.
    const message = e instanceof Error ? e.message : String(e)
    console.error('livy-emulator: internal error', e)
    return respond(
      500,
      JSON.stringify(`java.lang.RuntimeException: livy-emulator internal error: ${message}`),
    )
  }

  const runRoute = (
    request: EdgeRequest,
    route: Route,
    params: Readonly<Record<string, string>>,
  ): MaybePromise<EdgeResponse> => {
    // Most requests have no query: they share one empty (and read-only) parameter list.
    const query = request.query === '' ? noQuery : new URLSearchParams(request.query)
    const doAs = query.get('doAs')
    const caller = callerOf(request)
    const context: RouteContext = {
      request,
      params,
      query,
      model,
      caller: caller.doAs === doAs ? caller : { ...caller, doAs },
      lists,
      body(spec) {
        return request.text === undefined
          ? readBeanBytes(request.body, spec)
          : readBean(request.text, spec, request.ahead)
      },
    }
    return attempt(
      () =>
        // HEAD keeps the body here: adapters send its length and drop the bytes, as Jetty does.
        andThen(route.handler(context), (result: RouteResult) =>
          respond(result.status, result.body, result.headers),
        ),
      (e) => {
        if (e instanceof DriverNotReady) {
          // Livy blocks until the driver connects (LIVY-1013); wait outside the serial section.
          throw e
        }
        return mapError(e, route)
      },
    )
  }

  /** What Livy's other servlets answer on the paths clients and load balancers touch. */
  const otherServlets = (request: EdgeRequest): EdgeResponse | undefined => {
    const get = request.method === 'GET' || request.method === 'HEAD'
    if (request.path === '/' && get) {
      // Scalatra makes the redirect absolute, from the Host the client used.
      const host = request.header('host') ?? 'localhost:8998'
      return {
        status: 302,
        headers: [
          ...commonHeaders(config, now(), null),
          ['Location', `http://${host}/ui`],
          ['Content-Type', 'text/html;charset=utf-8'],
        ],
        body: '',
      }
    }
    if (request.path === '/ui' || request.path.startsWith('/ui/')) {
      const ui = livyUi(model, request, (status, html) => ({
        status,
        headers: [
          ...commonHeaders(config, now(), null),
          ['Content-Type', 'text/html;charset=utf-8'],
          ['Cache-Control', 'no-store'],
        ],
        body: html,
      }))
      if (ui) return ui
    }
    if (request.path === '/metrics/ping' && get) {
      return {
        status: 200,
        headers: [
          ...commonHeaders(config, now(), null),
          ['Content-Type', 'text/plain;charset=iso-8859-1'],
          ['Cache-Control', 'must-revalidate,no-cache,no-store'],
        ],
        body: 'pong\n',
      }
    }
    return undefined
  }

  const livyServlet = (request: EdgeRequest): MaybePromise<EdgeResponse> => {
    const servlet = servletOf(request.path)
    if (servlet === undefined) return otherServlets(request) ?? respond(404, null)
    let method = request.method
    if (method === 'POST') {
      let override: string | null | undefined =
        request.query === '' ? null : new URLSearchParams(request.query).get('_method')
      for (let i = 0; override == null && i < OVERRIDE_HEADERS.length; i++)
        override = request.header(OVERRIDE_HEADERS[i] as string)
      if (override) method = override.toUpperCase()
    }
    if (servlet !== 'version') {
      const version = API_VERSION.exec(request.header('accept') ?? '')
      if (version && !KNOWN_API_VERSIONS.includes(version[1] as string)) {
        return respond(406, JSON.stringify({ msg: `No value found for '${version[1]}'` }))
      }
    }
    const match = router.match(method, request.path)
    if (match.kind === 'not-found') return respond(404, null)
    if (match.kind === 'method-not-allowed')
      return respond(405, null, [['Allow', match.allow.join(', ')]])
    return runRoute(
      method === request.method ? request : { ...request, method },
      match.value,
      match.params,
    )
  }

  // Requests waiting for a driver need virtual time to move: wake up when the next step is due.
  // On the wall clock time moves by itself, as in Livy, where an interpreter picks a statement
  // up the moment it is queued: the next step runs when it is due, not on the next request.
  let waiting = 0
  const wallClock = model.context.clock.kind === 'system'
  let alarm: { readonly at: number; readonly cancel: () => void } | undefined
  const armAlarm = (): void => {
    const at = model.context.scheduler.nextDueAt()
    // Always armed afresh: the clock may have been moved since (advance, reset), and a timer
    // set before counts from the old offset (a step made due by a jump would wait for it).
    alarm?.cancel()
    alarm = undefined
    if (at === undefined) return
    const cancel = model.context.clock.wakeAt(at, () => {
      alarm = undefined
      // A step that fails here fails again, and answers, on the next request's catch-up.
      Promise.resolve()
        .then(() =>
          andThen(
            serial.run(() => model.catchUp()),
            rearm,
          ),
        )
        .catch((e: unknown) => console.error('livy-emulator: a timed step failed', e))
    })
    alarm = { at, cancel }
  }
  const rearm = (): void => {
    if (wallClock || waiting > 0) armAlarm()
  }

  const serveNow = (request: EdgeRequest): MaybePromise<EdgeResponse> =>
    model.hasDue() ? andThen(model.catchUp(), () => livyServlet(request)) : livyServlet(request)

  const onServed = options.onServed
  const serveAndTell = onServed
    ? (request: EdgeRequest): MaybePromise<EdgeResponse> => {
        const at = now()
        return attempt(
          () =>
            andThen(serveNow(request), (response) => {
              onServed(request, response, at)
              return response
            }),
          (e) => {
            // What it did before it had to wait counts too (it is served again later).
            if (e instanceof DriverNotReady) onServed(request, undefined, at)
            throw e
          },
        )
      }
    : serveNow

  const armed = (response: EdgeResponse): EdgeResponse => {
    armAlarm()
    return response
  }

  /** Catches up with virtual time, then serves; all model access is serialised. */
  const serve = (request: EdgeRequest): MaybePromise<EdgeResponse> =>
    attempt(
      () =>
        wallClock
          ? andThen(
              serial.run(() => serveAndTell(request)),
              armed,
            )
          : serial.run(() => serveAndTell(request)),
      (e) => {
        if (!(e instanceof DriverNotReady)) throw e
        waiting++
        armAlarm()
        return e.ready.then(() => {
          waiting--
          return serve(request)
        })
      },
    )

  const chain = (options.filters ?? []).reduceRight<(r: EdgeRequest) => MaybePromise<EdgeResponse>>(
    (next, filter) => (request) => filter(request, next),
    serve,
  )

  return { handle: chain, serve: serveNow, routes }
}
