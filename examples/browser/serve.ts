import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  // Module scripts (the page, the workers, pyodide.mjs) must be served as JavaScript.
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  // Served as wasm, Pyodide compiles it while it downloads.
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
}

/** What makes a page cross-origin isolated, so that it has `SharedArrayBuffer`. */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const

/**
 * Serves a built example directory on 127.0.0.1, cross-origin isolated unless told otherwise
 * (then cancelling running code is a signal, not the end of a worker).
 *
 * @example
 * const { url, server } = await serveExample('/tmp/example') // open url in a browser
 * server.close()
 */
export async function serveExample(
  dir: string,
  options: { isolated?: boolean; port?: number } = {},
): Promise<{ url: string; server: Server }> {
  const headers: Record<string, string> = options.isolated === false ? {} : ISOLATION_HEADERS
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] as string)).replace(
      /^(\.\.[/\\])+/,
      '',
    )
    const file = join(dir, path === '/' ? 'index.html' : path)
    try {
      const body = await readFile(file)
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        ...headers,
      })
      res.end(body)
    } catch {
      res.writeHead(404, headers).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return { url: `http://127.0.0.1:${port}/`, server }
}

if (process.argv[1] === import.meta.filename) {
  const dir = process.argv[2] ?? join(import.meta.dirname, 'dist')
  const { url } = await serveExample(dir, { port: Number(process.env.PORT ?? 8080) })
  console.log(`serving ${dir} on ${url} (Ctrl-C stops)`)
}
