// Child process of the benchmark: the built emulator server (what `npx livy-emulator` runs),
// populated through the model API so the data structures are the real ones but filling them
// takes seconds, not minutes. Plain JavaScript: a .ts entry would load Node's TypeScript
// stripper and inflate the memory figures.
// argv: <port> <sessions> <statementsPerSession>
// Prints one JSON line {"url", "rssMb", "heapMb", "populateMs"} when ready.
import { DEFAULT_SESSION_INPUT } from '../dist/src/emulator/model/interactive.js'
import { startLivyServer } from '../dist/src/node/index.js'

const [port = '0', sessions = '1', perSession = '0'] = process.argv.slice(2)
const server = await startLivyServer({
  port: Number(port),
  clock: 'manual',
  timing: 'instant',
  // The protocol's throughput and memory: statement code is not evaluated here (the engine's
  // costs have their own section, bench/engine.ts).
  evaluate: 'scripted',
  // Headroom for 10k live sessions (Livy's default max-creation is 100).
  livyConf: { 'livy.server.session.max-creation': 1_000_000 },
})
const started = performance.now()
const emulator = server.emulator
for (let i = 0; i < Number(sessions); i++) {
  await emulator.exclusive((m) => m.createSession({ ...DEFAULT_SESSION_INPUT, kind: 'spark' }))
}
await emulator.advance(0)
for (let i = 0; i < Number(sessions) && Number(perSession) > 0; i++) {
  await emulator.exclusive((m) => {
    const record = m.context.store.sessions.get(i)
    for (let j = 0; j < Number(perSession); j++) m.createStatement(record, '1 + 1', null)
  })
  // Run what became due so the statements complete, as they would under load.
  await emulator.advance(0)
  // A server filled over hours collects its garbage as it goes; filling it in seconds does
  // not leave V8 the time, and its heap would keep pages a real one never grew to.
  if (i % 1000 === 999) globalThis.gc?.()
}
globalThis.gc?.()
const mem = process.memoryUsage()
process.stdout.write(
  `${JSON.stringify({ url: server.url, rssMb: mem.rss / 2 ** 20, heapMb: mem.heapUsed / 2 ** 20, populateMs: performance.now() - started })}\n`,
)
process.on('SIGTERM', () => {
  server.close().then(() => process.exit(0))
})
