// Child process of the 10 MB body rows: the uploader and the poller, in a Node process with a
// heap of its own. Run in the bench's process, after the other sections had grown its heap, a
// collection there now and then held a poll for hundreds of milliseconds: the row timed the
// bench, not the server. argv: <rounds> <batch|statement>. Prints the result as one JSON line.
import { bigBodyDelay } from './big-body.ts'

const [rounds = '3', target = 'statement'] = process.argv.slice(2)
if (target !== 'batch' && target !== 'statement') throw new Error(`unknown target ${target}`)
process.stdout.write(`${JSON.stringify(await bigBodyDelay(Number(rounds), target))}\n`)
