import { startLivyWorker } from 'livy-emulator/browser'

const $ = (id: string) => document.getElementById(id) as HTMLElement
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function main(): Promise<void> {
  // The page's own origin: requests to /sessions are answered by the emulator in the worker.
  await startLivyWorker({ timing: 'fast', clock: 'system', seed: 'example' })
  showControlPage()

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

  // The first statement loads the engine (Pyodide in a Web Worker): a few seconds, once.
  $('output').textContent = await run(created.id, '1 + 1', 'statement-state')
  $('spark-output').textContent = await run(created.id, 'spark.range(3).show()', 'spark-state')
}

/**
 * Frames the control page once the worker answers: its document, script and event stream are
 * requests of a frame of this page, which msw's worker hands to this page's emulator.
 */
function showControlPage(): void {
  const frame = document.createElement('iframe')
  frame.title = 'Control page'
  frame.src = '/__emulator'
  $('control').append(frame)
}

/** Posts a statement, polls it until it is done, and returns its text (or its error). */
async function run(session: number, code: string, stateId: string): Promise<string> {
  const statement = await (
    await fetch(`/sessions/${session}/statements`, {
      method: 'POST',
      body: JSON.stringify({ code }),
    })
  ).json()
  for (;;) {
    const s = await (await fetch(`/sessions/${session}/statements/${statement.id}`)).json()
    $(stateId).textContent = s.state
    if (s.state === 'available') {
      const output = s.output
      return output.status === 'ok'
        ? String(output.data['text/plain'])
        : `${output.ename}: ${output.evalue}`
    }
    if (s.state === 'error' || s.state === 'cancelled') return s.state
    await sleep(50)
  }
}

main().catch((e: unknown) => {
  $('state').textContent = `failed: ${String(e)}`
})
