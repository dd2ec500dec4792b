import { afterAll, expect, test } from 'vitest'
import { type LivyServer, startLivyServer } from '../../src/node/index.ts'

let server: LivyServer | undefined
afterAll(() => server?.close())

test('a request waiting for a driver is answered after the clock was moved an hour forward (no stale wake-up timer)', async () => {
  server = await startLivyServer({ port: 0, clock: 'system', timing: 'fast', evaluate: 'scripted' })
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server?.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
  // A first session leaves a wake-up armed for its far steps (its idle timeout, an hour on).
  await post('/sessions', { kind: 'spark' })
  await new Promise((r) => setTimeout(r, 1_500))
  await server.emulator.advance(2 * 3_600_000)
  await post('/sessions', { kind: 'spark' })
  // add-file waits for the new session's driver (Livy blocks until it connects): about 1 s
  // here; with a wake-up armed from before the jump it waited an hour (the test's timeout).
  const answer = await post('/sessions/1/add-file', { uri: 'hdfs:///x.csv' })
  expect(answer.status).toBe(500) // Livy's own answer: the driver refuses the classpath element
}, 20_000)
