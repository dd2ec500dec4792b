// An ES module project: the installed package through import.
import assert from 'node:assert/strict'
import { createLivyEmulator } from 'livy-emulator'
import { createLivyClient } from 'livy-emulator/client'
import { startLivyServer } from 'livy-emulator/node'
import { setupServer } from 'msw/node'

const livy = createLivyEmulator({ evaluate: 'scripted' })
const client = createLivyClient({ fetch: livy.fetch })
const { data, response } = await client.POST('/sessions', { body: { kind: 'pyspark' } })
assert.equal(response.status, 201)
assert.equal(response.headers.get('location'), '/sessions/0')
await livy.advance(1_000)
const state = await client.GET('/sessions/{sessionId}/state', {
  params: { path: { sessionId: String(data.id) } },
})

// What the root entry loads on first use (docs/decisions/0032): faker for the session's log,
// msw for the handlers, @msw/data for the store's collection.
const log = await (await livy.fetch(`/sessions/${data.id}/log`)).json()
assert.match(log.log.join('\n'), /Running Spark version/)
const viaMsw = createLivyEmulator({ baseUrl: 'http://livy.consumer', evaluate: 'scripted' })
const mswServer = setupServer(...viaMsw.handlers)
mswServer.listen({ onUnhandledFrame: 'error' })
const created = await fetch('http://livy.consumer/sessions', { method: 'POST', body: '{}' })
mswServer.close()
assert.equal(created.status, 201)
const collection = await viaMsw.model.context.store.sessions.collection()
assert.deepEqual(
  collection.all().map((s) => s.id),
  [0],
)

const server = await startLivyServer({ port: 0, evaluate: 'scripted' })
const overHttp = createLivyClient({ baseUrl: server.url })
const listed = await overHttp.GET('/sessions')
await server.close()
assert.equal(listed.data.total, 0)

console.log(JSON.stringify({ format: 'module', state: state.data.state }))
