import type { EdgeRequest } from './types.ts'

/** One part of a `multipart/form-data` body. */
export interface FilePart {
  readonly fileName: string
  readonly bytes: Uint8Array
}

const latin1 = new TextDecoder('latin1')

/**
 * Reads the parts of a `multipart/form-data` body by name (Livy's `fileParams`). A body that
 * is not multipart simply has no parts, which Livy answers with "No jar sent!".
 */
export function readMultipart(request: EdgeRequest): Map<string, FilePart> {
  const parts = new Map<string, FilePart>()
  const type = request.header('content-type') ?? ''
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type)
  if (!/^multipart\/form-data/i.test(type) || !boundary || !request.body) return parts
  const marker = `--${boundary[1] ?? boundary[2]}`
  // latin1 maps bytes 1:1 to chars, so offsets found in the text are byte offsets.
  const text = latin1.decode(request.body)
  let index = text.indexOf(marker)
  while (index >= 0) {
    const start = index + marker.length
    if (text.startsWith('--', start)) break
    const headerEnd = text.indexOf('\r\n\r\n', start)
    if (headerEnd < 0) break
    const next = text.indexOf(`\r\n${marker}`, headerEnd + 4)
    if (next < 0) break
    const headers = text.slice(start, headerEnd)
    const name = /name="([^"]*)"/i.exec(headers)?.[1]
    const fileName = /filename="([^"]*)"/i.exec(headers)?.[1]
    if (name !== undefined && fileName !== undefined && !parts.has(name)) {
      parts.set(name, { fileName, bytes: request.body.slice(headerEnd + 4, next) })
    }
    index = next + 2
  }
  return parts
}
