import { setupServer } from 'msw/node'
import { createLivyEmulator } from '../dist/src/index.js'

/** Median and p95 of run times in ms. */
function percentiles(times: number[]): { median: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b)
  return {
    median: sorted[Math.floor(sorted.length / 2)] as number,
    p95: sorted[Math.floor(sorted.length * 0.95)] as number,
  }
}

type Call = (method: string, path: string, body?: string) => Promise<{ id: number; state: string }>

/**
 * Times `runs` interactive lifecycles (create → idle → statement → available → delete) after
 * 50 warm-up runs; `beforeRun` runs before each one.
 */
async function lifecycleTimes(runs: number, call: Call, beforeRun = () => {}): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < runs + 50; i++) {
    beforeRun()
    const t0 = performance.now()
    const { id } = await call('POST', '/sessions', '{"kind":"spark"}')
    while ((await call('GET', `/sessions/${id}/state`)).state !== 'idle') {}
    const st = await call('POST', `/sessions/${id}/statements`, '{"code":"1 + 1"}')
    while ((await call('GET', `/sessions/${id}/statements/${st.id}`)).state !== 'available') {}
    await call('DELETE', `/sessions/${id}`)
    if (i >= 50) times.push(performance.now() - t0)
  }
  return times
}

/** Times the whole interactive lifecycle through msw + fetch, with instant timing. */
export async function mswLifecycle(
  runs: number,
): Promise<{ median: number; p95: number; runs: number; requests: number }> {
  // The protocol path; evaluating code has its own section (bench/engine.ts).
  const livy = createLivyEmulator({
    baseUrl: 'http://livy.bench',
    timing: 'instant',
    evaluate: 'scripted',
  })
  const server = setupServer(...livy.handlers)
  server.listen({ onUnhandledFrame: 'error' })
  const base = 'http://livy.bench'
  let requests = 0
  const call = async (method: string, path: string, body?: string) => {
    requests++
    return (await fetch(`${base}${path}`, { method, body })).json()
  }
  let times: number[]
  try {
    times = await lifecycleTimes(runs, call, () => {
      requests = 0
    })
  } finally {
    server.close()
  }
  return { ...percentiles(times), runs, requests }
}

/**
 * The same lifecycle through `livy.fetch` (no interception, no network): what a test that
 * needs no msw pays.
 */
export async function directLifecycle(runs: number): Promise<{ median: number; p95: number }> {
  const livy = createLivyEmulator({ timing: 'instant', evaluate: 'scripted' })
  const call = async (method: string, path: string, body?: string) =>
    (await livy.fetch(path, { method, ...(body === undefined ? {} : { body }) })).json()
  const times = await lifecycleTimes(runs, call)
  return percentiles(times)
}

/**
 * msw's own floor: the same number of requests against one handler that answers a constant,
 * so the lifecycle time can be split into msw's share and the emulator's.
 */
export async function mswFloor(
  runs: number,
  requests: number,
): Promise<{ median: number; p95: number }> {
  const { http, HttpResponse } = await import('msw')
  const server = setupServer(http.all('http://floor.bench/*', () => HttpResponse.json({ ok: 1 })))
  server.listen({ onUnhandledFrame: 'error' })
  const times: number[] = []
  try {
    for (let i = 0; i < runs + 50; i++) {
      const t0 = performance.now()
      for (let k = 0; k < requests; k++)
        await (await fetch('http://floor.bench/x', { method: 'POST', body: '{}' })).json()
      if (i >= 50) times.push(performance.now() - t0)
    }
  } finally {
    server.close()
  }
  return percentiles(times)
}
