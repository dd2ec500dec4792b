import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { startLivyServer } from '../dist/src/node/index.js'
// The same bundle the build wrote into dist (it writes both copies).
import { script, style } from '../src/emulator/control/control-page-assets.generated.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const MARK = 'livy-emulator:first-render'

/**
 * The control page's cost: its bundle as served (script and style sheet, raw and gzip -9),
 * and how long Chromium takes from navigation start to the first render that lists
 * `sessions` sessions (the page's own performance mark, once the table is drawn). Nothing is
 * asserted.
 *
 * @example
 * const r = await controlPageCost(1000, 3)
 */
export async function controlPageCost(
  sessions: number,
  rounds: number,
): Promise<{ rawBytes: number; gzipBytes: number; firstRenderMs: number[]; stateBytes: number }> {
  const bundle = Buffer.from(script + style)
  const server = await startLivyServer({
    port: 0,
    evaluate: 'scripted',
    timing: 'instant',
    clock: 'manual',
    // Livy lets 100 sessions start at once by default; the list needs them all.
    livyConf: { 'livy.server.session.max-creation': sessions + 1 },
  })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
  try {
    for (let i = 0; i < sessions; i++)
      await server.emulator.fetch('/sessions', { method: 'POST', body: '{"kind":"pyspark"}' })
    await server.emulator.advance(1_000)
    const stateBytes = (
      await (await fetch(`${server.url}/__emulator/state?logs=none`)).arrayBuffer()
    ).byteLength
    const firstRenderMs: number[] = []
    for (let r = 0; r < rounds; r++) {
      const page = await browser.newPage()
      await page.goto(`${server.url}/__emulator`)
      await page.waitForFunction(
        ([mark, n]) =>
          performance.getEntriesByName(mark as string).length > 0 &&
          document.querySelectorAll('table[aria-label="Sessions"] tbody tr').length === n,
        [MARK, sessions] as const,
        { timeout: 30_000 },
      )
      firstRenderMs.push(
        await page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? -1, MARK),
      )
      await page.close()
    }
    return {
      rawBytes: bundle.byteLength,
      gzipBytes: gzipSync(bundle, { level: 9 }).byteLength,
      firstRenderMs,
      stateBytes,
    }
  } finally {
    await browser.close()
    await server.close()
  }
}
