/** Where a recording goes: each call holds the whole recording, and replaces what was there. */
export interface RecordingSink {
  /** Shown in messages (a file name). */
  readonly name: string
  /** Stores the recording's text; once it resolves, a crash must leave this text (or a later one). */
  write(text: string): void | Promise<void>
}

/**
 * A recording file, replaced atomically: the text goes to `<file>.<pid>.tmp`, is fsynced,
 * then renamed over the file, so a process killed at any moment leaves the previous complete
 * recording or the new one, never a torn file. Node only (it uses `node:fs`).
 *
 * @example
 * const sink = fileRecordingSink('recordings/staging.json')
 * sink.write('{"version":1,…}')
 */
export function fileRecordingSink(path: string): RecordingSink {
  const fs = nodeFs()
  const tmp = `${path}.${globalThis.process.pid}.tmp`
  return {
    name: path,
    write(text) {
      const fd = fs.openSync(tmp, 'w', 0o600)
      try {
        fs.writeSync(fd, text)
        fs.fsyncSync(fd)
      } finally {
        fs.closeSync(fd)
      }
      fs.renameSync(tmp, path)
    },
  }
}

/** A recording file's text, read synchronously (Node only). */
export function readRecordingText(path: string): string {
  return nodeFs().readFileSync(path, 'utf8')
}

/** `node:fs` without a static import, so this module loads in a browser too (and refuses there). */
function nodeFs(): typeof import('node:fs') {
  const fs = globalThis.process?.getBuiltinModule?.('node:fs') as
    | typeof import('node:fs')
    | undefined
  if (!fs)
    throw new TypeError(
      'recording files need Node (node:fs); in a browser, pass a RecordingSink or a parsed recording',
    )
  return fs
}
