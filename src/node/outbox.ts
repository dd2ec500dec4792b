import type { ServerResponse } from 'node:http'

/**
 * Where finished answers wait for the end of the event loop's I/O phase: see {@link createOutbox}.
 */
export interface Outbox {
  /** Ends `res` with `body` once the requests read in this turn have all been served. */
  end(res: ServerResponse, body: string | Uint8Array | undefined): void
}

/**
 * Answers go out together, after every request the event loop read in this turn has been
 * served (docs/decisions/0035). Writing one at once sends it through the kernel's TCP stack
 * between two requests, and that work evicts the server's code and data from the CPU caches:
 * on this project's 2-core machine a POST statement cost ~50% more served that way. Under
 * load many connections are ready in one turn, so their answers leave in one burst; a lone
 * request waits only for the check phase of the same turn.
 *
 * @example
 * const outbox = createOutbox()
 * res.writeHead(200, ['Content-Length', '2'])
 * outbox.end(res, '{}') // written after this turn's other requests
 */
/** The most answers a burst holds: more are written at once. */
const BURST = 64

export function createOutbox(): Outbox {
  // Response, body, response, body…: one array for the whole burst.
  let waiting: (ServerResponse | string | Uint8Array | undefined)[] = []
  let scheduled = false
  const flush = (): void => {
    scheduled = false
    const burst = waiting
    waiting = []
    for (let i = 0; i < burst.length; i += 2) {
      const res = burst[i] as ServerResponse
      try {
        res.end(burst[i + 1] as string | Uint8Array | undefined)
      } catch (e) {
        // The headers were checked when written: nothing here should throw, and one answer
        // that does must not keep the rest of the burst from going out.
        console.error('livy-emulator: an answer could not be written', e)
        res.destroy()
      }
    }
  }
  return {
    end(res, body) {
      waiting.push(res, body)
      // A client pipelining without end can have thousands of requests read in one turn (libuv
      // reads a ready socket up to 32 times): their answers go out as they come, so node sees
      // them pile up and stops reading that connection, as it does without the outbox.
      if (waiting.length >= 2 * BURST) flush()
      else if (!scheduled) {
        scheduled = true
        setImmediate(flush)
      }
    },
  }
}
