// An ES module project: the installed package through import.
import assert from 'node:assert/strict'
import { createLivyEmulator } from 'livy-emulator'
import { createLivyClient } from 'livy-emulator/client'
import { startLivyServer } from 'livy-emulator/node'

const livy = createLivyEmulator({ evaluate: 'scripted' })
const client = createLivyClient({ fetch: livy.fetch })
const { data, response } = await client.POST('/sessions', { body: { kind: 'pyspark' } })
assert.equal(response.status, 201)
assert.equal(response.headers.get('location'), '/sessions/0')
await livy.advance(1_000)
const state = await client.GET('/sessions/{sessionId}/state', {
  params: { path: { sessionId: String(data.id) } },
})

const server = await startLivyServer({ port: 0, evaluate: 'scripted' })
const overHttp = createLivyClient({ baseUrl: server.url })
const listed = await overHttp.GET('/sessions')
await server.close()
assert.equal(listed.data.total, 0)

console.log(JSON.stringify({ format: 'module', state: state.data.state }))
