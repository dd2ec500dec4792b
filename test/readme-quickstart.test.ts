/** The README's quickstart, run as written (imports aside): it must keep working. */
// livy-client.test.ts
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import { createLivyEmulator } from '../src/index.ts'

const livy = createLivyEmulator({ baseUrl: 'http://livy.test', timing: 'fast' })
const server = setupServer(...livy.handlers)
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
beforeEach(() => livy.reset())
afterAll(() => server.close())

test('a statement runs on an idle session', async () => {
  const created = await fetch('http://livy.test/sessions', {
    method: 'POST',
    body: JSON.stringify({ kind: 'pyspark' }),
  })
  expect(created.status).toBe(201) // Location: /sessions/0, state "starting"
  await livy.advance(1_000) // virtual time: the driver is up, the session is idle
  livy.outcomes.add({ match: /spark\.range/, output: { 'text/plain': '10' } })
  const st = await fetch('http://livy.test/sessions/0/statements', {
    method: 'POST',
    body: JSON.stringify({ code: 'spark.range(10).count()' }),
  })
  expect((await st.json()).state).toBe('waiting')
  await livy.advanceToNext() // the statement runs
  const done = await (await fetch('http://livy.test/sessions/0/statements/0')).json()
  expect(done.output.data['text/plain']).toBe('10')
})
