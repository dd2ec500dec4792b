import { mkdtemp } from 'node:fs/promises'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { buildExample } from '../../examples/browser/build.ts'
import { serveExample } from '../../examples/browser/serve.ts'
import { closeServer, launchChromium, requireChromium } from '../support/chromium.ts'

let server: Server | undefined
let url: string
let browser: Browser

beforeAll(async () => {
  requireChromium()
  const dir = await mkdtemp(join(tmpdir(), 'livy-control-example-'))
  await buildExample(dir)
  // Served cross-origin isolated: the framed page must be embeddable there too.
  ;({ url, server } = await serveExample(dir))
  browser = await launchChromium()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await closeServer(server)
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
