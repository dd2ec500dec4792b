import { existsSync } from 'node:fs'
import { mkdtemp, readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { buildExample } from '../../examples/browser/build.ts'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
}
const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
}

let dir: string
let server: Server
let url: string
let browser: Browser

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium, as .ci/run does`)
  dir = await mkdtemp(join(tmpdir(), 'livy-control-example-'))
  await buildExample(dir)
  // Served cross-origin isolated: the framed page must be embeddable there too.
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] as string)).replace(
      /^(\.\.[/\\])+/,
      '',
    )
    const file = join(dir, path === '/' ? 'index.html' : path)
    try {
      const body = await readFile(file)
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        ...ISOLATION,
      })
      res.end(body)
    } catch {
      res.writeHead(404, ISOLATION).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
})

test('the browser example frames the control page, served by its service worker and updated live', async () => {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(url)
  const control = page.frameLocator('iframe[title="Control page"]')
  const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 })
  // The event stream, through msw's worker, is open.
  await poll(() => control.getByRole('status').filter({ hasText: 'Live' }).count()).toBe(1)
  const first = control
    .getByRole('row')
    .filter({ has: control.getByRole('link', { name: 'Session 0' }) })
  await poll(() => first.textContent()).toContain('idle')

  // A session the page creates shows up in the frame without a reload.
  await page.evaluate(() =>
    fetch('/sessions', {
      method: 'POST',
      body: JSON.stringify({ kind: 'sql', name: 'from-page' }),
    }),
  )
  await poll(() => control.getByRole('row').filter({ hasText: 'from-page' }).count()).toBe(1)

  // A fault added in the frame fails the page's next request.
  await control.getByRole('link', { name: 'Faults', exact: true }).click()
  await control.getByLabel('Method').selectOption('GET')
  await control.getByLabel('Path').fill('/sessions')
  await control.getByLabel('Status').fill('500')
  await control.getByRole('button', { name: 'Add fault' }).click()
  await poll(() => control.getByRole('table', { name: 'HTTP faults' }).count()).toBe(1)
  expect(await page.evaluate(async () => (await fetch('/sessions')).status)).toBe(500)
  expect(errors).toEqual([])
}, 180_000)
