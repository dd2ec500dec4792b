/** Worker-thread entry of the Node engine: one Pyodide interpreter per worker. */
import { parentPort } from 'node:worker_threads'
import { loadPyodide } from 'pyodide'
import type { HostMessage } from './protocol.ts'
import { createPythonRuntime } from './python-runtime.ts'

const port = parentPort
if (port) {
  const runtime = createPythonRuntime(
    loadPyodide as unknown as Parameters<typeof createPythonRuntime>[0],
    (message) => port.postMessage(message),
  )
  port.on('message', (message: HostMessage) => {
    void runtime.receive(message)
  })
}
