import { startLivyWorker } from '../../src/browser.ts'

const $ = (id: string) => document.getElementById(id) as HTMLElement
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function main(): Promise<void> {
  // The page's own origin: requests to /sessions are answered by the emulator in the worker.
  await startLivyWorker({ timing: 'fast', clock: 'system', seed: 'example' })

  const created = await (
    await fetch('/sessions', { method: 'POST', body: JSON.stringify({ kind: 'pyspark' }) })
  ).json()
  $('session').textContent = String(created.id)
  const history: string[] = [created.state]
  $('state').textContent = created.state
  $('history').textContent = history.join(' → ')

  for (;;) {
    const { state } = await (await fetch(`/sessions/${created.id}/state`)).json()
    if (state !== history.at(-1)) history.push(state)
    $('state').textContent = state
    $('history').textContent = history.join(' → ')
    if (state === 'idle' || state === 'dead' || state === 'error') break
    await sleep(100)
  }

  const statement = await (
    await fetch(`/sessions/${created.id}/statements`, {
      method: 'POST',
      body: JSON.stringify({ code: '1 + 1' }),
    })
  ).json()
  for (;;) {
    const s = await (await fetch(`/sessions/${created.id}/statements/${statement.id}`)).json()
    $('statement-state').textContent = s.state
    if (s.state === 'available') {
      $('output').textContent = s.output.data['text/plain']
      break
    }
    await sleep(50)
  }
}

main().catch((e: unknown) => {
  $('state').textContent = `failed: ${String(e)}`
})
