import { describe, expect, test, vi } from 'vitest'
import { LARGE_STRING } from '../../src/emulator/model/store/large-values.ts'
import type { SessionRecord } from '../../src/emulator/model/store/records.ts'
import { createStore } from '../../src/emulator/model/store/store.ts'
import { createLivyEmulator } from '../../src/index.ts'

const session = (id: number, name: string | null = null): SessionRecord => ({
  id,
  name,
  owner: null,
  proxyUser: null,
  appId: null,
  appTag: `livy-session-${id}`,
  appInfo: { driverLogUrl: null, sparkUiUrl: null, executorLogUrls: null },
  driverMemory: null,
  driverCores: null,
  executorMemory: null,
  executorCores: null,
  numExecutors: null,
  queue: null,
  conf: {},
  jars: [],
  pyFiles: [],
  files: [],
  archives: [],
  createdAt: 0,
  finishedAt: null,
  annotations: null,
  kind: 'spark',
  serverState: 'starting',
  ttl: null,
  idleTimeout: null,
  heartbeatTimeoutInSecond: 0,
  startedOn: null,
})

type Collected = { id: number; serverState: string; name: string | null }
const summary = (records: readonly Collected[]) =>
  records.map((r) => `${r.id}:${r.serverState}:${r.name ?? '-'}`)

describe("the store's @msw/data collection, loaded on demand (docs/decisions/0032)", () => {
  test('holds every record written before it was asked for, in order, as last written', async () => {
    const store = createStore()
    await store.sessions.insert(session(0, 'a'))
    await store.sessions.insert(session(1))
    await store.sessions.insert(session(2, 'c'))
    await store.sessions.update(1, (d) => {
      d.serverState = 'running'
    })
    await store.sessions.remove(2)
    const collection = await store.sessions.collection?.()
    expect(collection).toBeDefined()
    expect(summary(collection?.all() ?? [])).toEqual(['0:starting:a', '1:running:-'])
    expect(collection?.findFirst((q) => q.where({ name: 'a' }))?.id).toBe(0)
  })

  test('receives every write made while it loads and after, and each call waits for the ones before it', async () => {
    const store = createStore()
    await store.batches.insert({ ...batch(0), state: 'running' })
    const loading = store.batches.collection?.()
    // Written while @msw/data is still loading: queued behind the filling.
    await store.batches.insert(batch(1))
    await store.batches.update(0, (d) => {
      d.state = 'success'
    })
    // The first call answers with the writes made before it; the next, with the ones since.
    const collection = await loading
    expect(collection?.all().map((b) => `${b.id}:${b.state}`)).toEqual(['0:running'])
    expect((await store.batches.collection?.())?.all().map((b) => `${b.id}:${b.state}`)).toEqual([
      '0:success',
      '1:starting',
    ])
    await store.batches.remove(0)
    await store.batches.insert(batch(2))
    const again = await store.batches.collection?.()
    expect(again).toBe(collection)
    expect(again?.all().map((b) => b.id)).toEqual([1, 2])
  })

  test('a clear empties it, also of writes still queued', async () => {
    const store = createStore()
    await store.sessions.insert(session(0))
    const loading = store.sessions.collection?.()
    await store.sessions.insert(session(1))
    store.clear()
    await store.sessions.insert(session(5))
    const collection = await loading
    expect((await store.sessions.collection?.())?.all().map((s) => s.id)).toEqual([5])
    expect(collection?.all().map((s) => s.id)).toEqual([5])
  })

  test('holds a large string as its stand-in, the table the string itself', async () => {
    const store = createStore()
    const big = 'x'.repeat(LARGE_STRING + 1)
    await store.sessions.insert({ ...session(0), conf: { big } })
    const [stored] = (await store.sessions.collection?.())?.all() ?? []
    expect(stored?.conf.big).toBe(`(${LARGE_STRING + 1} characters, held beside the store)`)
    expect(store.sessions.get(0)?.conf.big).toBe(big)
  })

  test('a record its schema refuses is logged, and the table keeps it', async () => {
    const store = createStore()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      await store.sessions.insert({ ...session(0), kind: 'cobol' as never })
      await store.sessions.insert(session(1))
      const collection = await store.sessions.collection?.()
      expect(collection?.all().map((s) => s.id)).toEqual([1])
      expect(store.sessions.get(0)?.kind).toBe('cobol')
      expect(errors).toHaveBeenCalledWith(
        'livy-emulator: the record store refused a write',
        expect.anything(),
      )
    } finally {
      errors.mockRestore()
    }
  })

  test("an emulator's sessions are in it, reached through livy.model", async () => {
    const livy = createLivyEmulator({ timing: 'fast', evaluate: 'scripted' })
    await livy.fetch('/sessions', { method: 'POST', body: '{"kind":"pyspark","name":"s"}' })
    await livy.advance(60_000)
    const sessions = await livy.model.context.store.sessions.collection?.()
    expect(sessions?.all().map((s) => [s.id, s.name, s.kind, s.serverState])).toEqual([
      [0, 's', 'pyspark', 'running'],
    ])
  })
})

function batch(id: number) {
  const {
    kind: _k,
    serverState: _s,
    ttl: _t,
    idleTimeout: _i,
    heartbeatTimeoutInSecond: _h,
    startedOn: _o,
    ...common
  } = session(id)
  return {
    ...common,
    appTag: `livy-batch-${id}`,
    state: 'starting' as const,
    file: null,
    className: null,
    args: [],
    zombie: false,
  }
}
