import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createEmulatorCore } from '../../src/emulator/create-emulator-core.ts'
import {
  BATCH_STATES,
  REPL_STATES,
  SERVER_STATES,
} from '../../src/emulator/model/machines/session-machines.ts'
import { PROFILE_NAMES } from '../../src/emulator/profiles/index.ts'

/**
 * Issue 14: random request sequences, in-process. Whatever arrives, the emulator answers no
 * 5xx that Livy would not give (its own 500s are Java exceptions, form B: a JSON string
 * `"java.…"`; never the emulator's "internal error"), and its model stays consistent: lists
 * add up, states are states, ids are never issued twice.
 */

const SESSION_VIEW_STATES = new Set<string>([...SERVER_STATES, ...REPL_STATES])
const BATCH_VIEW_STATES = new Set<string>(BATCH_STATES)

const id = fc.oneof(
  fc.nat({ max: 4 }),
  fc.constant('99999999999'),
  fc.constant('-1'),
  fc.string({ maxLength: 6 }),
)
const path = fc.oneof(
  fc.constantFrom('/sessions', '/batches', '/version', '/', '/metrics/ping', '/sessions/', '/ui'),
  id.map((i) => `/sessions/${encodeURIComponent(String(i))}`),
  id.map((i) => `/batches/${encodeURIComponent(String(i))}`),
  fc
    .tuple(
      id,
      fc.constantFrom(
        'state',
        'log',
        'statements',
        'stop',
        'interrupt',
        'connect',
        'completion',
        'jobs/0',
        'submit-job',
        'add-jar',
        'upload-file',
      ),
    )
    .map(([i, rest]) => `/sessions/${encodeURIComponent(String(i))}/${rest}`),
  fc
    .tuple(id, fc.nat({ max: 3 }), fc.constantFrom('', '/cancel'))
    .map(([i, s, rest]) => `/sessions/${encodeURIComponent(String(i))}/statements/${s}${rest}`),
  fc
    .tuple(id, fc.constantFrom('state', 'log'))
    .map(([i, rest]) => `/batches/${encodeURIComponent(String(i))}/${rest}`),
)
const query = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    '?from=1&size=2',
    '?size=-1',
    '?from=x',
    '?doAs=bob',
    '?size=99999999999',
    '?order=desc',
    '?_method=DELETE',
  ),
)
const validBody = fc.oneof(
  fc.record({ kind: fc.constantFrom('spark', 'pyspark', 'sql', 'sparkr', 'shared') }),
  fc.record({
    code: fc.constantFrom('1 + 1', 'print(1)', 'SELECT 1', 'spark.range(10).count()', 'x'),
    kind: fc.constantFrom('spark', 'pyspark', 'sql'),
  }),
  fc.record({
    file: fc.constantFrom('hdfs:///a.jar', 'local:///b.py', '/tmp/x.jar'),
    args: fc.array(fc.oneof(fc.string(), fc.constant(null)), { maxLength: 2 }),
  }),
  fc.record({
    conf: fc.dictionary(
      fc.constantFrom('__proto__', 'constructor', 'spark.x', 'a'),
      fc.oneof(fc.string(), fc.constant(null), fc.integer()),
    ),
  }),
)
const body = fc.oneof(
  fc.constant(undefined),
  validBody.map((v) => JSON.stringify(v)),
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 40 }),
  fc.uint8Array({ maxLength: 24 }),
  fc.nat({ max: 3000 }).map((n) => '['.repeat(n)),
  fc.constantFrom(
    '{"heartbeatTimeoutInSecond":1e400}',
    '{"numExecutors":1.5}',
    '{"kind":null}',
    '{"constructor":1}',
    '{"jars":[null]}',
    '{"code":null}',
    '{"cursor":99999999999}',
  ),
)

type Step =
  | { kind: 'request'; method: string; path: string; body: string | Uint8Array | undefined }
  | { kind: 'advance'; ms: number }

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('request' as const),
      method: fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'HEAD'),
      path: fc.tuple(path, query).map(([p, q]) => p + q),
      body,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.constantFrom(0, 100, 1_000, 60_000, 3_600_000),
    }),
  },
)

/**
 * A request that waits for a driver (Livy blocks until it connects, LIVY-1013) would wait for
 * ever on the manual clock: time is moved on until it is answered.
 */
async function served(
  livy: ReturnType<typeof createEmulatorCore>,
  url: string,
  init: RequestInit,
): Promise<Response> {
  const pending = livy.fetch(url, init)
  for (let i = 0; i < 50; i++) {
    const tick = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 0))
    const res = await Promise.race([pending, tick])
    if (res) return res
    await livy.advance(1_000)
  }
  return pending
}

/** A 5xx Livy itself gives: its catch-all answers a Java exception's `toString()` as a JSON string. */
function livyLike5xx(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text)
    return (
      typeof value === 'string' &&
      /^java\.|^org\.apache\./.test(value) &&
      !value.includes('livy-emulator internal error')
    )
  } catch {
    return false
  }
}

async function invariants(livy: ReturnType<typeof createEmulatorCore>, base: string) {
  for (const [collection, states] of [
    ['sessions', SESSION_VIEW_STATES],
    ['batches', BATCH_VIEW_STATES],
  ] as const) {
    const res = await livy.fetch(`${base}/${collection}?size=10000`)
    if (res.status !== 200) continue // a vendor gateway may want credentials
    const list = (await res.json()) as Record<string, unknown>
    // Livy lists batches under `sessions` too.
    const items = (list.sessions ?? list.value ?? []) as { id: unknown; state?: string }[]
    if (typeof list.total === 'number') expect(list.total).toBe(items.length)
    const ids = items.map((i) => i.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const item of items)
      if (item.state !== undefined && typeof item.id === 'number')
        expect(states.has(item.state)).toBe(true)
  }
}

describe('random request sequences (fast-check, in-process)', () => {
  test('never a 5xx Livy would not give; lists add up; states are states; ids are not reissued', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const livy = createEmulatorCore({ timing: 'fast' })
        const issued = { sessions: new Set<number>(), batches: new Set<number>() }
        for (const s of steps) {
          if (s.kind === 'advance') {
            await livy.advance(s.ms)
            continue
          }
          const res = await served(livy, s.path, {
            method: s.method,
            ...(s.body === undefined || s.method === 'GET' || s.method === 'HEAD'
              ? {}
              : { body: s.body as BodyInit }),
          })
          const text = await res.text()
          if (res.status >= 500)
            expect(livyLike5xx(text), `${s.method} ${s.path} → ${res.status} ${text}`).toBe(true)
          if (
            res.status === 201 &&
            s.method === 'POST' &&
            (s.path.startsWith('/sessions?') ||
              s.path === '/sessions' ||
              s.path.startsWith('/batches?') ||
              s.path === '/batches')
          ) {
            const created = JSON.parse(text) as { id: number }
            const set = s.path.startsWith('/sessions') ? issued.sessions : issued.batches
            expect(set.has(created.id), `id ${created.id} issued twice`).toBe(false)
            set.add(created.id)
          }
        }
        await invariants(livy, '')
      }),
      { numRuns: Number(process.env.LIVY_PROPERTY_RUNS ?? 60) },
    )
  }, 120_000)

  test.each(PROFILE_NAMES)(
    'profile %s: no request answers the emulator’s internal error',
    async (profile) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.constantFrom('GET', 'POST', 'DELETE', 'PUT'), path, body), {
            maxLength: 12,
          }),
          async (requests) => {
            const livy = createEmulatorCore({ timing: 'fast', profile })
            const prefix = livy.profile.basePath
            for (const [method, p, b] of requests) {
              const res = await served(livy, `${prefix}${p}`, {
                method,
                headers: { Authorization: 'Bearer t' },
                ...(b === undefined || method === 'GET' ? {} : { body: b as BodyInit }),
              })
              const text = await res.text()
              expect(text, `${method} ${prefix}${p}`).not.toContain('livy-emulator internal error')
            }
          },
        ),
        { numRuns: Number(process.env.LIVY_PROPERTY_RUNS ?? 25) },
      )
    },
    120_000,
  )
})
