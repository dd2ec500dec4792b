// Child of the bench's start-up rows: a fresh process as a vitest file that uses msw starts.
// It imports msw/node (the test's own cost, timed apart), then the package's root entry, and
// answers its first request through setupServer(...livy.handlers) and the global fetch.
// Prints {mswMs, importMs, firstRequestMs}.
const t0 = performance.now()
const { setupServer } = await import('msw/node')
const t1 = performance.now()
const { createLivyEmulator } = await import('../dist/src/index.js')
const t2 = performance.now()
const livy = createLivyEmulator({
  baseUrl: 'http://livy.start-up',
  timing: 'instant',
  evaluate: 'scripted',
})
const server = setupServer(...livy.handlers)
server.listen({ onUnhandledFrame: 'error' })
const res = await fetch('http://livy.start-up/sessions', {
  method: 'POST',
  body: '{"kind":"spark"}',
})
if (res.status !== 201) throw new Error(`first request answered ${res.status}`)
await res.text()
const t3 = performance.now()
server.close()
process.stdout.write(
  `${JSON.stringify({ mswMs: t1 - t0, importMs: t2 - t1, firstRequestMs: t3 - t2 })}\n`,
)
