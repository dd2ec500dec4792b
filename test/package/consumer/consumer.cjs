// A CommonJS project (Jest's default, older code bases): the installed package through require().
const assert = require('node:assert/strict')
const { createLivyEmulator } = require('livy-emulator')
const { createLivyClient } = require('livy-emulator/client')
const { startLivyServer } = require('livy-emulator/node')
const msw = require('livy-emulator/msw')
const conformance = require('livy-emulator/conformance')
const testcontainers = require('livy-emulator/testcontainers')

async function main() {
  const livy = createLivyEmulator({ evaluate: 'scripted' })
  const created = await livy.fetch('/sessions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ kind: 'spark' }),
  })
  assert.equal(created.status, 201)

  // The handlers load msw on first read, with require() too.
  assert.ok(livy.handlers.length > 0)

  const client = createLivyClient({ fetch: livy.fetch })
  const { data, response } = await client.GET('/sessions/{sessionId}', {
    params: { path: { sessionId: '0' } },
  })
  assert.equal(response.status, 200)
  assert.equal(data.kind, 'spark')

  const server = await startLivyServer({ port: 0, evaluate: 'scripted' })
  const listed = await (await fetch(`${server.url}/sessions`)).json()
  await server.close()
  assert.equal(listed.total, 0)

  console.log(
    JSON.stringify({
      format: 'commonjs',
      kind: data.kind,
      exports: {
        msw: Object.keys(msw).sort(),
        conformance: typeof conformance.runScenarios,
        testcontainers: typeof testcontainers.LivyContainer,
      },
    }),
  )
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
