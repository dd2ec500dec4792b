import type { EdgeRequest, EdgeResponse } from '../http/types.ts'

/** The control page's built script and style sheet. */
export interface ControlPageAssets {
  readonly script: string
  readonly style: string
}

/**
 * Loads the page's bundle, built by `npm run build`: imported on the first request for the
 * page only, so emulators nobody looks at never hold its text.
 *
 * @example
 * const { script } = await loadControlPageAssets()
 */
export async function loadControlPageAssets(): Promise<ControlPageAssets> {
  const { script, style } = await import('./control-page-assets.generated.js')
  return { script, style }
}

/**
 * What the page may do in a browser: load its own script, style and `data:` images (statement
 * outputs), talk to its own origin, and be framed only by its own origin (no clickjacking).
 */
const PAGE_HEADERS: [string, string][] = [
  [
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
  ],
  ['X-Content-Type-Options', 'nosniff'],
  // Loadable by its own origin only; embeddable in a cross-origin-isolated page (the browser
  // example frames it) since everything it loads is its own.
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Cross-Origin-Embedder-Policy', 'require-corp'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cache-Control', 'no-store'],
]

const text = (status: number, type: string, body: string): EdgeResponse => ({
  status,
  headers: [['Content-Type', type], ...PAGE_HEADERS],
  body,
})

/**
 * The HTML shell: `/__emulator` and `/__emulator/` both serve it, so its asset links are
 * relative to the path it was asked under (a base path in front, as msw's `baseUrl` may
 * have, is kept).
 */
function shell(request: EdgeRequest): string {
  const dir = request.path.endsWith('/') ? './' : './__emulator/'
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>livy-emulator</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${dir}app.css">
<link rel="preload" href="${dir}state?logs=none" as="fetch" crossorigin>
</head>
<body>
<div id="app" data-livy-emulator-control><p>Loading the control page…</p></div>
<noscript>The control page needs JavaScript; the control API itself is plain JSON under this path.</noscript>
<script type="module" src="${dir}app.js"></script>
</body>
</html>
`
}

/**
 * Answers `GET /__emulator`, `/__emulator/app.js` and `/__emulator/app.css`, or undefined for
 * any other control path. A 503 says how to build the page when its bundle is missing.
 *
 * @example
 * const response = await servePage(request, '/__emulator/app.js', loadControlPageAssets)
 */
export async function servePage(
  request: EdgeRequest,
  path: string,
  load: () => Promise<ControlPageAssets>,
): Promise<EdgeResponse | undefined> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined
  if (path !== '/__emulator' && path !== '/__emulator/app.js' && path !== '/__emulator/app.css')
    return undefined
  let assets: ControlPageAssets
  try {
    assets = await load()
  } catch {
    return text(
      503,
      'text/plain;charset=utf-8',
      'The control page was not built: run `npm run build` (the control API under /__emulator/ works without it).\n',
    )
  }
  if (path === '/__emulator/app.js')
    return text(200, 'text/javascript;charset=utf-8', assets.script)
  if (path === '/__emulator/app.css') return text(200, 'text/css;charset=utf-8', assets.style)
  return text(200, 'text/html;charset=utf-8', shell(request))
}
