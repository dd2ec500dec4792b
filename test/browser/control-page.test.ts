import { existsSync } from 'node:fs'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { type LivyServer, startLivyServer } from '../../src/node/index.ts'
import { launchChromium, requireChromium } from '../support/chromium.ts'

const BUNDLE = new URL(
  '../../src/emulator/control/control-page-assets.generated.js',
  import.meta.url,
)

let server: LivyServer
let browser: Browser
let page: Page
const errors: string[] = []

/** Waits for what a locator reads to satisfy the assertion (the page updates by itself). */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 })
const focused = (l: Locator) => l.evaluate((el) => el === document.activeElement)

const livy = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  })

beforeAll(async () => {
  requireChromium()
  if (!existsSync(BUNDLE))
    throw new Error(
      'the control page is not built: run `npm run build` (scripts/build-control-page.ts)',
    )
  // A manual clock: the page's own buttons move time, so each step is the test's to take.
  server = await startLivyServer({ port: 0, evaluate: 'scripted', clock: 'manual', timing: 'fast' })
  browser = await launchChromium()
  page = await browser.newPage()
  page.on('pageerror', (e) => errors.push(String(e)))
  // Content-Security-Policy violations are console errors: the page must cause none.
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text())
  })
  await page.goto(`${server.url}/__emulator`)
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor()
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

beforeEach(() => {
  errors.length = 0
})

describe('the control page, served by the Node server', () => {
  test('shows a new session and its statement output without a reload', async () => {
    await page.goto(`${server.url}/__emulator#/sessions`)
    expect(
      (await livy('/sessions', { method: 'POST', body: '{"kind":"pyspark","name":"etl"}' })).status,
    ).toBe(201)
    const row = page.getByRole('row').filter({ hasText: 'etl' })
    await poll(() => row.textContent()).toContain('starting')
    // The clock bar moves virtual time: the driver comes up.
    await page.getByRole('button', { name: '+1 min' }).click()
    await poll(() => row.textContent()).toContain('idle')

    await page.getByRole('link', { name: 'Session 0' }).click()
    await poll(() => focused(page.getByRole('heading', { name: 'Session 0 — etl' }))).toBe(true)
    const posted = await livy('/sessions/0/statements', {
      method: 'POST',
      body: '{"code":"1 + 1"}',
    })
    expect(posted.status).toBe(201)
    const statement = page.getByRole('listitem').filter({ hasText: 'Statement 0' })
    // On the fast timing a statement starts as it is queued, and ends when time moves.
    await poll(() => statement.textContent()).toMatch(/waiting|running/)
    await page.getByRole('button', { name: 'Next step' }).first().click()
    await poll(() =>
      statement.getByRole('group', { name: 'Statement 0 output' }).textContent(),
    ).toBe('2')
    await poll(() => statement.textContent()).toContain('available')
    // The timeline lists the states on the virtual clock.
    await poll(() =>
      page.getByRole('list').filter({ hasText: 'starting at 00:00:00.000' }).textContent(),
    ).toContain('idle at')
    expect(errors).toEqual([])
  })

  test('renders tables, errors with their traceback, and highlighted code', async () => {
    server.emulator.outcomes.add({
      match: /^spark\.sql/,
      output: {
        'application/json': {
          schema: { type: 'struct', fields: [{ name: 'id', type: 'long', nullable: false }] },
          data: [[1], [2]],
        },
      },
    })
    server.emulator.outcomes.add({
      match: 'boom()',
      error: {
        ename: 'ValueError',
        evalue: 'bad',
        traceback: ['Traceback (most recent call last):\n', '  File "<stdin>", line 1\n'],
      },
    })
    await page.goto(`${server.url}/__emulator#/sessions/0`)
    await livy('/sessions/0/statements', {
      method: 'POST',
      body: '{"code":"spark.sql(\\"select 1\\")"}',
    })
    await livy('/sessions/0/statements', { method: 'POST', body: '{"code":"boom()"}' })
    await page.getByRole('button', { name: '+1 min' }).click()
    const table = page.getByRole('table', { name: 'Statement 1 result table' })
    await poll(() => table.getByRole('columnheader').allInnerTexts()).toEqual(['id'])
    await poll(() => table.getByRole('cell').allInnerTexts()).toEqual(['1', '2'])
    const error = page.getByRole('group', { name: 'Statement 2 error' })
    await poll(() => error.textContent()).toContain('ValueError: bad')
    await poll(() => error.textContent()).toContain('File "<stdin>", line 1')
    await poll(() => page.locator('#statement-0-1 .tok-string').textContent()).toBe('"select 1"')
  })

  test('adds an HTTP fault from its form, and the next request fails with it', async () => {
    await page.goto(`${server.url}/__emulator#/faults`)
    await page.getByLabel('Method').selectOption('POST')
    // Validated as the API validates: no path is refused before anything is sent.
    await page.getByLabel('Path').fill('')
    await page.getByRole('button', { name: 'Add fault' }).click()
    const path = page.getByLabel('Path')
    await poll(() => path.getAttribute('aria-invalid')).toBe('true')
    await poll(() => page.locator('#fault-path-error').textContent()).toContain(
      'Say which path fails',
    )

    await path.fill('/sessions')
    await page.getByLabel('Status').fill('503')
    await page.getByLabel('Status').press('Enter')
    await poll(() => page.getByRole('table', { name: 'HTTP faults' }).textContent()).toContain(
      '/sessions',
    )

    const failed = await livy('/sessions', { method: 'POST', body: '{"kind":"spark"}' })
    expect(failed.status).toBe(503)
    expect((await livy('/sessions', { method: 'POST', body: '{"kind":"spark"}' })).status).toBe(201)

    await page.getByRole('link', { name: 'Requests' }).click()
    await page.getByLabel('Status').selectOption('5xx')
    const entry = page.getByRole('link', { name: /POST \/sessions, 503/ })
    await poll(() => entry.count()).toBe(1)
    await entry.click()
    await page.getByRole('heading', { name: /Request #\d+/ }).waitFor()
    await page.getByRole('heading', { name: 'Request body' }).waitFor()
    await page.locator('pre.log', { hasText: '{"kind":"spark"}' }).waitFor()
  })

  test('adds and removes an outcome rule, and refuses what the API refuses', async () => {
    await page.goto(`${server.url}/__emulator#/rules`)
    await page.getByLabel('Match code by').selectOption('regex')
    await page.getByLabel('Pattern').fill('(a+)+$')
    await page.getByRole('button', { name: 'Add rule' }).click()
    // Nested quantifiers pass JavaScript's RegExp but not the API's check: its refusal is shown.
    await page.getByRole('alert').filter({ hasText: 'The API refused the rule' }).waitFor()
    await page.getByLabel('Pattern').fill('^select')
    await page.getByLabel('Text (text/plain)').fill('42')
    await page.getByRole('button', { name: 'Add rule' }).click()
    const rules = page.getByRole('table', { name: 'Outcome rules' })
    await poll(() => rules.textContent()).toContain('/^select/')
    const id = (await (await livy('/__emulator/outcomes')).json()).rules.at(-1).id
    await page.getByRole('button', { name: `Remove rule ${id}` }).click()
    await poll(() => rules.textContent()).not.toContain('/^select/')
  })

  test('has a label for every control, and works from the keyboard', async () => {
    for (const view of ['sessions', 'batches', 'clock', 'rules', 'faults', 'requests']) {
      await page.goto(`${server.url}/__emulator#/${view}`)
      await page.locator('#view-title').waitFor()
      const unnamed = await page.evaluate(() =>
        [...document.querySelectorAll('input, select, textarea, button, a[href]')]
          .filter((el) => {
            const labelled =
              (el as HTMLInputElement).labels?.length ||
              el.getAttribute('aria-label') ||
              el.getAttribute('aria-labelledby') ||
              (el.textContent ?? '').trim()
            return !labelled
          })
          .map((el) => el.outerHTML.slice(0, 80)),
      )
      expect(unnamed, view).toEqual([])
    }
    // Tab reaches the navigation; Enter on a link opens its view and moves the focus there.
    await page.goto(`${server.url}/__emulator#/sessions`)
    await page.locator('#view-title').waitFor()
    let reached = false
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press('Tab')
      reached = await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Faults')
    }
    expect(reached).toBe(true)
    await page.keyboard.press('Enter')
    await poll(() => focused(page.getByRole('heading', { name: 'Faults', exact: true }))).toBe(true)
    await poll(() =>
      page.getByRole('link', { name: 'Faults', exact: true }).getAttribute('aria-current'),
    ).toBe('page')

    // Reset asks first: Escape keeps everything, confirming empties the emulator.
    const before = (await (await livy('/__emulator/state')).json()).sessions.length
    expect(before).toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Reset…' }).focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Reset the emulator?' })
    await dialog.waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    expect((await (await livy('/__emulator/state')).json()).sessions.length).toBe(before)
    await page.getByRole('button', { name: 'Reset…' }).click()
    await dialog.getByRole('button', { name: 'Reset' }).click()
    await page.getByRole('link', { name: 'Sessions' }).click()
    await page.getByText('No session yet').waitFor()
    expect((await (await livy('/__emulator/state')).json()).sessions).toEqual([])
  })

  test('keeps a long list in step: filters, live changes in place, removals, names as text', async () => {
    // More than one group of 50 rows (long-table.ts), with a name that is markup.
    for (let i = 0; i < 60; i++)
      await livy('/sessions', {
        method: 'POST',
        body: JSON.stringify({ kind: 'spark', name: `bulk-${i}` }),
      })
    const hostile = '<b>bold</b> & "quoted" \'name\''
    await livy('/sessions', {
      method: 'POST',
      body: JSON.stringify({ kind: 'sql', name: hostile }),
    })
    const ids = async () => {
      const state = await (await livy('/__emulator/state?logs=none')).json()
      return state.sessions.map((s: { id: number }) => String(s.id)) as string[]
    }
    const shownIds = () =>
      page.locator('table[aria-label="Sessions"] tbody tr td:first-child').allTextContents()
    await page.goto(`${server.url}/__emulator#/sessions`)
    const all = await ids()
    await poll(shownIds).toEqual(all)
    expect(await page.locator('table[aria-label="Sessions"] tbody').count()).toBe(
      Math.ceil(all.length / 50),
    )
    // Every row is a row of the table for assistive technology, cells and all.
    expect(await page.getByRole('table', { name: 'Sessions' }).getByRole('row').count()).toBe(
      all.length + 1,
    )
    const hostileRow = page.getByRole('row').filter({ hasText: hostile })
    await poll(() => hostileRow.count()).toBe(1)
    expect(await page.locator('table[aria-label="Sessions"] b').count()).toBe(0)

    // A filter narrows the list in order, and clearing it brings every row back in order.
    await page.getByLabel('Search').fill('bulk-5')
    await poll(async () => (await shownIds()).length).toBe(11)
    const filtered = await shownIds()
    expect(filtered).toEqual([...filtered].sort((a, b) => Number(a) - Number(b)))
    await page.getByLabel('Search').fill('')
    await poll(shownIds).toEqual(all)

    // A live change redraws the changed row in place: a focused link in it keeps the focus.
    const last = all.at(-1) as string
    const link = page.getByRole('link', { name: `Session ${last}`, exact: true })
    await link.focus()
    const row = page.getByRole('row').filter({ has: link })
    await poll(() => row.textContent()).toContain('starting')
    await server.emulator.advance(60_000)
    await poll(() => row.textContent()).toContain('idle')
    expect(await focused(link)).toBe(true)

    // A session that goes away leaves the list; the others keep their order.
    const gone = all[all.length - 5] as string
    expect((await livy(`/sessions/${gone}`, { method: 'DELETE' })).status).toBe(200)
    await poll(shownIds).toEqual(all.filter((id) => id !== gone))

    // Batches are listed the same way.
    for (const name of ['first', 'second'])
      await livy('/batches', {
        method: 'POST',
        body: JSON.stringify({ file: 'local:/x.py', name }),
      })
    await page.getByRole('link', { name: /^Batches/ }).click()
    const batches = page.getByRole('table', { name: 'Batches' })
    await poll(() => batches.locator('tbody tr td:nth-child(2)').allTextContents()).toEqual([
      'first',
      'second',
    ])
    expect(await batches.getByRole('link', { name: 'Batch 1', exact: true }).count()).toBe(1)
    expect(errors).toEqual([])
  })
})
