import type { HostMessage, PythonSource, WorkerMessage } from './protocol.ts'

/** The part of Pyodide's API the runtime uses (typed here so the model never loads Pyodide). */
interface Pyodide {
  FS: {
    mkdirTree(path: string): void
    writeFile(path: string, data: string | Uint8Array): void
  }
  runPython(code: string): unknown
  globals: { get(name: string): unknown }
  setInterruptBuffer(buffer: Int32Array): void
}

type LoadPyodide = (options: {
  indexURL?: string
  stdLibURL?: string
  stdout?: (s: string) => void
  stderr?: (s: string) => void
}) => Promise<Pyodide>

/**
 * Minutes east of UTC of IANA zone `zone` at `epochMs`, from the JavaScript runtime's `Intl`
 * (Pyodide has no tz database of its own; `spark_engine/zones.py` asks this).
 */
export function zoneOffsetMinutes(zone: string, epochMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(epochMs))
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  )
  return Math.round((wall - Math.floor(epochMs / 1000) * 1000) / 60_000)
}

/**
 * After start-up the worker needs no way into the host: Node's module loader and native
 * bindings are taken off its `process` (statement code cannot reach JavaScript anyway, see
 * `livy_repl/seal.py`; this is the second wall).
 */
function closeHostApis(): void {
  const host = (globalThis as unknown as { process?: Record<string, unknown> }).process
  if (!host) return
  for (const name of ['getBuiltinModule', 'binding', '_linkedBinding', 'dlopen', 'mainModule']) {
    try {
      Object.defineProperty(host, name, { value: undefined, configurable: false, writable: false })
    } catch {
      // A property the runtime does not let us change stays as it is.
    }
  }
}

/** Where the engine's Python packages live inside Pyodide's file system. */
export const ENGINE_ROOT = '/home/pyodide/livy_engine'

/**
 * The worker side: loads Pyodide and the engine's Python packages, then runs one statement at a
 * time. Lives in a worker so that code which loops for ever never blocks the server's thread.
 *
 * @example
 * const runtime = createPythonRuntime(loadPyodide, (m) => parentPort.postMessage(m))
 * parentPort.on('message', (m) => runtime.receive(m))
 */
export function createPythonRuntime(
  loadPyodide: LoadPyodide,
  send: (message: WorkerMessage) => void,
): { receive(message: HostMessage): Promise<void> } {
  let execute: ((key: string, kind: string, code: string, context: string) => string) | undefined
  let drop: ((key: string) => void) | undefined
  let defineTables: ((prefix: string, tables: string) => void) | undefined
  let complete:
    | ((key: string, kind: string, code: string, cursor: number, context: string) => string)
    | undefined
  let interrupt: Int32Array | undefined
  let gotSources: (sources: readonly PythonSource[]) => void = () => undefined
  const sourcesArrived = new Promise<readonly PythonSource[]>((resolve) => {
    gotSources = resolve
  })

  const init = async (message: Extract<HostMessage, { type: 'init' }>) => {
    const started = performance.now()
    if (message.sources) gotSources(message.sources)
    const pyodide = await loadPyodide({
      ...(message.indexURL ? { indexURL: message.indexURL } : {}),
      ...(message.stdLibURL ? { stdLibURL: message.stdLibURL } : {}),
      // Anything user code prints goes to its statement's buffer; the rest is the engine's own.
      stdout: () => undefined,
      stderr: () => undefined,
    })
    writeSources(pyodide, await sourcesArrived)
    ;(globalThis as { livyZoneOffset?: typeof zoneOffsetMinutes }).livyZoneOffset =
      zoneOffsetMinutes
    interrupt = new Int32Array(message.interrupt)
    pyodide.setInterruptBuffer(interrupt)
    pyodide.runPython(
      `import sys\nsys.path.insert(0, ${JSON.stringify(ENGINE_ROOT)})\nimport livy_repl.entry\nlivy_repl.entry.boot()`,
    )
    execute = pyodide.runPython('livy_repl.entry.execute_json') as typeof execute
    closeHostApis()
    drop = pyodide.runPython('livy_repl.entry.drop') as typeof drop
    defineTables = pyodide.runPython('livy_repl.entry.define_tables') as typeof defineTables
    complete = pyodide.runPython('livy_repl.entry.complete_json') as typeof complete
    send({ type: 'ready', loadMs: Math.round(performance.now() - started) })
  }

  return {
    async receive(message) {
      try {
        if (message.type === 'init') await init(message)
        else if (message.type === 'sources') gotSources(message.sources)
        else if (message.type === 'drop') drop?.(message.key)
        else if (message.type === 'complete') {
          const context = JSON.stringify({ info: message.session })
          const candidates =
            complete?.(message.key, message.kind, message.code, message.cursor, context) ?? '[]'
          send({ type: 'completed', id: message.id, candidates })
        } else if (message.type === 'tables')
          defineTables?.(message.prefix, JSON.stringify(message.tables))
        else if (message.type === 'execute') {
          if (!execute || !interrupt) throw new Error('the engine is not initialised')
          const context = JSON.stringify({
            now: message.now,
            maxRows: message.maxRows,
            info: message.session,
          })
          try {
            const result = execute(message.key, message.kind, message.code, context)
            send({ type: 'result', id: message.id, result })
          } catch (e) {
            send({
              type: 'failed',
              id: message.id,
              message: e instanceof Error ? e.message : String(e),
            })
          }
        }
      } catch (e) {
        send({ type: 'fatal', message: e instanceof Error ? (e.stack ?? e.message) : String(e) })
      }
    },
  }
}

/**
 * Writes the engine's Python packages below {@link ENGINE_ROOT} (the worker, the bytecode
 * build and the Python unit tests all lay them out the same way).
 *
 * @example
 * writeSources(pyodide, await readPythonSources())
 */
export function writeSources(pyodide: Pick<Pyodide, 'FS'>, sources: readonly PythonSource[]): void {
  const made = new Set<string>()
  for (const source of sources) {
    const path = `${ENGINE_ROOT}/${source.path}`
    const dir = path.slice(0, path.lastIndexOf('/'))
    if (!made.has(dir)) {
      pyodide.FS.mkdirTree(dir)
      made.add(dir)
    }
    pyodide.FS.writeFile(path, source.bytes ?? source.text)
  }
}
