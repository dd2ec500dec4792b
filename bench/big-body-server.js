// Child process of the 10 MB body rows: the built emulator server on its own, as a client
// meets it (the poller and the uploader run in the bench's process, so their garbage and the
// earlier sections' heap are not the server's). Prints one JSON line {"url"} when listening.
import { startLivyServer } from '../dist/src/node/index.js'

const server = await startLivyServer({ port: 0, clock: 'system', timing: 'instant' })
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`)
process.on('SIGTERM', () => {
  server.close().then(() => process.exit(0))
})
