// Child of the bench's start-up row: a fresh process imports the package's root entry and
// answers its first request in-process (`livy.fetch`), as a test file's first assertion would.
// Prints {importMs, firstRequestMs}.
const t0 = performance.now()
const { createLivyEmulator } = await import('../dist/src/index.js')
const t1 = performance.now()
const livy = createLivyEmulator({ timing: 'instant', evaluate: 'scripted' })
const res = await livy.fetch('/sessions', { method: 'POST', body: '{"kind":"spark"}' })
if (res.status !== 201) throw new Error(`first request answered ${res.status}`)
await res.text()
const t2 = performance.now()
process.stdout.write(`${JSON.stringify({ importMs: t1 - t0, firstRequestMs: t2 - t1 })}\n`)
