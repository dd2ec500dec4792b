/**
 * Takes the README's screenshots of the control page (`docs/screenshots/`), in Debian's
 * Chromium, from a server with a few sessions, statements, a batch, rules, faults and requests.
 * Run after `npm run build`:
 *
 *   node scripts/control-page-screenshots.ts
 */
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { startLivyServer } from '../dist/src/node/index.js'

const out = join(import.meta.dirname, '..', 'docs', 'screenshots')
const server = await startLivyServer({
  port: 0,
  evaluate: 'scripted',
  clock: 'manual',
  timing: 'fast',
})
const post = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
try {
  await post('/sessions', { kind: 'pyspark', name: 'etl-daily' })
  await post('/sessions', { kind: 'sql', name: 'reports' })
  await post('/sessions', { kind: 'spark' })
  await server.emulator.advance(60_000)
  await post('/__emulator/outcomes', {
    match: { contains: 'FROM orders' },
    output: {
      'application/json': {
        schema: {
          type: 'struct',
          fields: [
            { name: 'country', type: 'string' },
            { name: 'total', type: 'long' },
          ],
        },
        data: [
          ['FR', 1204],
          ['DE', 988],
          ['NL', 310],
        ],
      },
    },
  })
  await post('/__emulator/outcomes', {
    match: 'df.collect()',
    error: {
      ename: 'Py4JJavaError',
      evalue: 'An error occurred while calling o42.collectToPython.',
      traceback: [
        'Traceback (most recent call last):\n',
        '  File "<stdin>", line 1, in <module>\n',
        'py4j.protocol.Py4JJavaError: java.lang.OutOfMemoryError: Java heap space\n',
      ],
    },
  })
  await post('/sessions/0/statements', {
    code: '21 * 2  # the answer',
  })
  await post('/sessions/0/statements', {
    code: 'spark.sql("SELECT country, SUM(total) AS total FROM orders GROUP BY country")',
  })
  await post('/sessions/0/statements', { code: 'df.collect()' })
  await server.emulator.advance(5_000)
  await post('/sessions/1/statements', { code: 'SELECT 1' })
  await post('/batches', { file: 'local:/jobs/nightly.py', name: 'nightly' })
  await server.emulator.advance(3_000)
  await post('/__emulator/faults', {
    type: 'http',
    method: 'POST',
    path: '/sessions/*/statements',
    status: 503,
    count: 2,
  })
  await post('/__emulator/faults', {
    type: 'session-start-fails',
    reason: 'YARN queue full',
    count: 1,
  })
  await post('/sessions/1/statements', { code: 'SELECT 2' })
  await fetch(`${server.url}/sessions?from=0&size=20`)

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  })
  const page = await browser.newPage({ viewport: { width: 1200, height: 820 } })
  const shots: [string, string][] = [
    ['sessions', 'sessions'],
    ['sessions/0', 'session'],
    ['batches/0', 'batch'],
    ['clock', 'clock'],
    ['rules', 'rules'],
    ['faults', 'faults'],
    ['requests/4', 'requests'],
  ]
  for (const [route, name] of shots) {
    await page.goto(`${server.url}/__emulator#/${route}`)
    await page.waitForSelector('#view-title')
    await page.waitForFunction(() => document.querySelector('.connection-live') !== null)
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(out, `${name}.png`), fullPage: name === 'session' })
    console.log(`docs/screenshots/${name}.png`)
  }
  await browser.close()
} finally {
  await server.close()
}
