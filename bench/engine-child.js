// Child process of the engine benchmark (plain JavaScript, built package, as users run it).
// argv: <mode>. Prints one JSON line with its measurements.
//   cold:     process start → first `1 + 1` answered in a new pyspark session (in-process)
//   warm:     p50/p95 of `1 + 1` in-process and over HTTP once the engine is loaded
//   sessions: RSS before and after 1,000 sessions that each defined names
import { createLivyEmulator } from '../dist/src/index.js'
import { startLivyServer } from '../dist/src/node/index.js'

const t0 = performance.now()
const mode = process.argv[2] ?? 'cold'
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)]

async function statement(livy, session, code) {
  const { id } = await (
    await livy.fetch(`/sessions/${session}/statements`, {
      method: 'POST',
      body: JSON.stringify({ code }),
    })
  ).json()
  await livy.advance(0)
  return (await livy.fetch(`/sessions/${session}/statements/${id}`)).json()
}

async function newSession(livy) {
  const { id } = await (
    await livy.fetch('/sessions', { method: 'POST', body: '{"kind":"pyspark"}' })
  ).json()
  await livy.advance(0)
  return id
}

const livy = createLivyEmulator({
  timing: 'instant',
  livyConf: { 'livy.server.session.max-creation': 100_000 },
})
const first = await newSession(livy)
const answer = await statement(livy, first, '1 + 1')
const coldMs = performance.now() - t0
if (answer.output?.data?.['text/plain'] !== '2') throw new Error(JSON.stringify(answer))

if (mode === 'cold') {
  process.stdout.write(`${JSON.stringify({ coldMs })}\n`)
} else if (mode === 'warm') {
  const inProcess = []
  for (let i = 0; i < 300; i++) {
    const t = performance.now()
    await statement(livy, first, '1 + 1')
    if (i >= 50) inProcess.push(performance.now() - t)
  }
  const server = await startLivyServer({ port: 0, clock: 'system', timing: 'instant' })
  const call = async (method, path, body) =>
    (await fetch(`${server.url}${path}`, { method, ...(body ? { body } : {}) })).json()
  const { id } = await call('POST', '/sessions', '{"kind":"pyspark"}')
  while ((await call('GET', `/sessions/${id}/state`)).state !== 'idle') {}
  const http = []
  for (let i = 0; i < 300; i++) {
    const t = performance.now()
    const st = await call('POST', `/sessions/${id}/statements`, '{"code":"1 + 1"}')
    while ((await call('GET', `/sessions/${id}/statements/${st.id}`)).state !== 'available') {}
    if (i >= 50) http.push(performance.now() - t)
  }
  await server.close()
  process.stdout.write(
    `${JSON.stringify({
      coldMs,
      inProcessP50: pct(inProcess, 0.5),
      inProcessP95: pct(inProcess, 0.95),
      httpP50: pct(http, 0.5),
      httpP95: pct(http, 0.95),
    })}\n`,
  )
} else {
  globalThis.gc?.()
  const before = process.memoryUsage().rss
  for (let i = 0; i < 1000; i++) {
    const s = await newSession(livy)
    const out = await statement(
      livy,
      s,
      `import json, math\nrows = [{'i': i, 'sq': i * i} for i in range(50)]\ndef f(n):\n    return n * ${i}\nclass K:\n    pass\nname_${i} = f(2)`,
    )
    if (out.state !== 'available') throw new Error(JSON.stringify(out))
  }
  globalThis.gc?.()
  const after = process.memoryUsage().rss
  process.stdout.write(
    `${JSON.stringify({ coldMs, beforeMb: before / 2 ** 20, afterMb: after / 2 ** 20 })}\n`,
  )
}
process.exit(0)
