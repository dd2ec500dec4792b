import { expect, test } from 'vitest'
import type { EvaluationRequest } from '../../src/emulator/model/evaluation/evaluation-engine.ts'
import { createEngineHost, type WorkerLike } from '../../src/engine/engine-host.ts'
import type { HostMessage, WorkerMessage } from '../../src/engine/protocol.ts'

/**
 * A stand-in interpreter: each namespace's "names" are the codes it ran, and `loop` never
 * ends. Enough to see what a page without `SharedArrayBuffer` gets when code is interrupted,
 * without loading Pyodide.
 */
function fakeWorker(spawned: { terminated: boolean }[]): WorkerLike {
  const me = { terminated: false }
  spawned.push(me)
  const names = new Map<string, string[]>()
  let listener: (message: WorkerMessage) => void = () => undefined
  const send = (message: WorkerMessage) =>
    setTimeout(() => {
      if (!me.terminated) listener(message)
    }, 1)
  return {
    postMessage(message: HostMessage) {
      if (message.type === 'init') send({ type: 'ready', loadMs: 1 })
      else if (message.type === 'drop') names.delete(message.key)
      else if (message.type === 'execute' && message.code !== 'loop') {
        const ran = [...(names.get(message.key) ?? []), message.code]
        names.set(message.key, ran)
        const data = JSON.stringify({ 'text/plain': ran.join(',') })
        send({
          type: 'result',
          id: message.id,
          result: JSON.stringify({ status: 'ok', data, sleptMs: 0 }),
        })
      }
    },
    onMessage: (l) => {
      listener = l
    },
    onExit: () => undefined,
    terminate: () => {
      me.terminated = true
    },
  }
}

const request = (namespace: string, code: string): EvaluationRequest => ({
  namespace,
  kind: 'pyspark',
  code,
  now: 0,
  maxRows: 10,
  session: {
    appName: 'a',
    master: 'local[*]',
    applicationId: 'app',
    sparkVersion: '3.5.9',
    defaultParallelism: 1,
    conf: {},
    seed: 1,
  },
})

const text = (r: Awaited<ReturnType<ReturnType<typeof createEngineHost>['evaluate']>>) =>
  'output' in r && r.output.status === 'ok' ? JSON.parse(r.output.data)['text/plain'] : r

test('without SharedArrayBuffer, interrupting ends the worker and every session is rebuilt', async () => {
  const spawned: { terminated: boolean }[] = []
  const host = createEngineHost({
    spawn: () => fakeWorker(spawned),
    sources: async () => [],
    interruptBy: 'terminate',
    maxWorkers: 1,
  })
  expect(text(await host.evaluate(request('p/a', 'x=1')))).toBe('x=1')
  expect(text(await host.evaluate(request('p/b', 'y=1')))).toBe('y=1')
  const looping = host.evaluate(request('p/a', 'loop'))
  // Queued behind the loop on the only interpreter.
  const waiting = host.evaluate(request('p/b', 'y+1'))
  await new Promise((r) => setTimeout(r, 20))
  host.interrupt('p/a')

  // Answered as Python's KeyboardInterrupt, not as a dead interpreter.
  expect(await looping).toEqual({
    output: {
      status: 'error',
      ename: 'KeyboardInterrupt',
      evalue: '',
      traceback: ['Traceback (most recent call last):\n', 'KeyboardInterrupt\n'],
    },
    sleptMs: 0,
    interrupted: true,
  })
  expect(spawned[0]?.terminated).toBe(true)
  // The other session's queued statement runs on the new interpreter, after its replay.
  expect(text(await waiting)).toBe('y=1,y+1')
  // The interrupted session keeps its names; the interrupted code is not replayed.
  expect(text(await host.evaluate(request('p/a', 'x+1')))).toBe('x=1,x+1')
  expect(spawned.map((w) => w.terminated)).toEqual([true, false])
  host.close()
})
