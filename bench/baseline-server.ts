/**
 * Child process of the benchmark: the smallest node:http server that answers the same bytes
 * (status, headers, body) as the emulator for the benchmarked requests.
 * argv: <port> <fixtures.json> [outbox]. With `outbox` it writes its answers the way the
 * emulator's server does (docs/decisions/0035), for the bench's context rows.
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createOutbox } from '../src/node/outbox.ts'

const [port = '0', fixtures = '', mode = 'plain'] = process.argv.slice(2)
const outbox = mode === 'outbox' ? createOutbox() : undefined
const answers: Record<string, { status: number; headers: [string, string][]; body: string }> =
  JSON.parse(readFileSync(fixtures, 'utf8'))
const server = createServer((req, res) => {
  const answer = answers[`${req.method} ${req.url}`]
  const consume = () => {
    if (!answer) {
      res.writeHead(404).end()
      return
    }
    res.sendDate = false
    res.writeHead(
      answer.status,
      [...answer.headers, ['Content-Length', String(Buffer.byteLength(answer.body))]].flat(),
    )
    if (outbox) outbox.end(res, answer.body)
    else res.end(answer.body)
  }
  if (req.method === 'POST') {
    req.resume()
    req.on('end', consume)
  } else consume()
})
server.listen(Number(port), '127.0.0.1', () => {
  const address = server.address()
  process.stdout.write(
    `${JSON.stringify({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` })}\n`,
  )
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
