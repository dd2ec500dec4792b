import { mkdtemp } from 'node:fs/promises'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildExample } from '../../examples/browser/build.ts'
import { serveExample } from '../../examples/browser/serve.ts'
import { launchChromium, requireChromium } from '../support/chromium.ts'

const SHOW = '+---+\n| id|\n+---+\n|  0|\n|  1|\n|  2|\n+---+'

let dir: string
const servers: Server[] = []
let isolated: string
let plain: string
let browser: Browser

/** Serves the built example, with or without the cross-origin isolation headers. */
async function serve(isolated: boolean): Promise<string> {
  const { url, server } = await serveExample(dir, { isolated })
  servers.push(server)
  return url
}

beforeAll(async () => {
  requireChromium()
  dir = await mkdtemp(join(tmpdir(), 'livy-example-'))
  await buildExample(dir)
  isolated = await serve(true)
  plain = await serve(false)
  browser = await launchChromium(['--disable-quic', '--disable-component-update', '--disable-sync'])
}, 120_000)

afterAll(async () => {
  await browser?.close()
  for (const server of servers) await new Promise((resolve) => server.close(resolve))
})

const pages = new Map<string, Promise<{ page: Page; errors: string[] }>>()

/**
 * The example page at `url`, once its flow has ended (the engine is loaded by then). Opened
 * once per server: loading Pyodide takes seconds, the tests after the first reuse it.
 */
function example(url: string): Promise<{ page: Page; errors: string[] }> {
  let opened = pages.get(url)
  if (!opened) {
    opened = (async () => {
      const page = await browser.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(String(e)))
      await page.goto(url)
      await page.waitForFunction(
        () => document.getElementById('state')?.textContent === 'idle',
        undefined,
        { timeout: 15_000 },
      )
      // The first statement loads Pyodide in a Web Worker (seconds, once per page).
      await page.waitForFunction(
        () => document.getElementById('spark-output')?.textContent !== '',
        undefined,
        { timeout: 90_000 },
      )
      return { page, errors }
    })()
    pages.set(url, opened)
  }
  return opened
}

test('the example page creates a session, sees it reach idle and runs statements', async () => {
  const { page, errors } = await example(isolated)
  expect(await page.textContent('#history')).toBe('starting → idle')
  expect(await page.textContent('#output')).toBe('2')
  expect(await page.textContent('#statement-state')).toBe('available')
  expect(await page.textContent('#spark-output')).toBe(SHOW)
  expect(await page.textContent('#spark-state')).toBe('available')
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true)
  expect(errors).toEqual([])
}, 120_000)

/** A statement's end, run through the page's service worker: `[state, output]`. */
function statement(page: Page, session: number, code: string, cancelAfterMs?: number) {
  return page.evaluate(
    async ([session, code, cancelAfterMs]) => {
      const base = `/sessions/${session}/statements`
      const posted = await (
        await fetch(base, { method: 'POST', body: JSON.stringify({ code }) })
      ).json()
      if (cancelAfterMs !== undefined) {
        // Cancelled once its code runs in the engine (the model starts it as it is polled).
        for (;;) {
          const s = await (await fetch(`${base}/${posted.id}`)).json()
          if (s.state === 'running') break
          await new Promise((r) => setTimeout(r, 50))
        }
        await new Promise((r) => setTimeout(r, cancelAfterMs))
        await fetch(`${base}/${posted.id}/cancel`, { method: 'POST' })
      }
      for (;;) {
        const s = await (await fetch(`${base}/${posted.id}`)).json()
        if (!['waiting', 'running', 'cancelling'].includes(s.state)) return [s.state, s.output]
        await new Promise((r) => setTimeout(r, 50))
      }
    },
    [session, code, cancelAfterMs] as const,
  )
}

async function newSession(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const { id } = await (
      await fetch('/sessions', { method: 'POST', body: JSON.stringify({ kind: 'pyspark' }) })
    ).json()
    for (;;) {
      const { state } = await (await fetch(`/sessions/${id}/state`)).json()
      if (state === 'idle') return id as number
      await new Promise((r) => setTimeout(r, 50))
    }
  })
}

describe.each([
  ['cross-origin isolated (SharedArrayBuffer: the interpreter is signalled)', () => isolated, true],
  ['not isolated (no SharedArrayBuffer: its worker is ended)', () => plain, false],
])('cancelling code that never ends, %s', (_, url, hasSab) => {
  test('answers KeyboardInterrupt, and every session keeps its names', async () => {
    const { page, errors } = await example(url())
    expect(await page.evaluate(() => typeof SharedArrayBuffer === 'function')).toBe(hasSab)
    const a = await newSession(page)
    const b = await newSession(page)
    expect(await statement(page, a, 'a = 1')).toEqual(['available', expect.anything()])
    expect(await statement(page, b, 'x = 41')).toEqual(['available', expect.anything()])

    const [state, output] = await statement(page, b, 'while True:\n  pass', 500)
    expect(state).toBe('cancelled')
    expect(output).toMatchObject({ status: 'error', ename: 'KeyboardInterrupt' })

    // Without SharedArrayBuffer both sessions come back on a new interpreter, by replay.
    expect(await statement(page, b, 'x + 1')).toEqual([
      'available',
      expect.objectContaining({ status: 'ok', data: { 'text/plain': '42' } }),
    ])
    expect(await statement(page, a, 'a + 1')).toEqual([
      'available',
      expect.objectContaining({ status: 'ok', data: { 'text/plain': '2' } }),
    ])
    expect(errors).toEqual([])
  }, 180_000)
})
