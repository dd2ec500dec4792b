import { describe, expect, test } from 'vitest'
import { createLivyEmulator } from '../../src/index.ts'

describe("Livy's web UI at /ui", () => {
  test('GET / leads to a /ui page listing sessions and batches, linking to the control page', async () => {
    const livy = createLivyEmulator({ timing: 'instant', evaluate: 'scripted' })
    await livy.fetch('/sessions', {
      method: 'POST',
      body: JSON.stringify({ kind: 'pyspark', name: '<script>alert(1)</script>' }),
    })
    await livy.fetch('/batches', { method: 'POST', body: '{"file":"hdfs:///app.jar"}' })
    await livy.advance(0)
    const root = await livy.fetch('/', { redirect: 'manual' })
    expect(root.status).toBe(302)
    expect(root.headers.get('location')).toMatch(/\/ui$/)
    const ui = await livy.fetch('/ui')
    expect(ui.status).toBe(200)
    expect(ui.headers.get('content-type')).toBe('text/html;charset=utf-8')
    const html = await ui.text()
    expect(html).toContain('<caption>Interactive Sessions</caption>')
    expect(html).toContain('<caption>Batch Sessions</caption>')
    expect(html).toContain('<a href="/ui/session/0">0</a>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toContain('<script>')
    expect(html).toContain('<a href="/__emulator">')
    expect(html).toContain('<a href="/ui/batch/0/log">')
  })

  test("a session's page shows its statements (code and output escaped), and its log", async () => {
    const livy = createLivyEmulator({ timing: 'instant', evaluate: 'scripted' })
    await livy.fetch('/sessions', { method: 'POST', body: '{"kind":"pyspark"}' })
    await livy.advance(0)
    await livy.fetch('/sessions/0/statements', {
      method: 'POST',
      body: JSON.stringify({ code: 'print("<b>")' }),
    })
    await livy.advance(1_000)
    const page = await (await livy.fetch('/ui/session/0')).text()
    expect(page).toContain('<caption>Statements</caption>')
    expect(page).toContain('print(&quot;&lt;b&gt;&quot;)')
    expect(page).toContain('available')
    const log = await livy.fetch('/ui/session/0/log')
    expect(log.status).toBe(200)
    expect(await log.text()).toContain('<pre>')
    expect((await livy.fetch('/ui/session/7')).status).toBe(404)
    expect((await livy.fetch('/ui/nothing')).status).toBe(404)
  })

  test('with livy.ui.enabled = false there is no UI, as on a Livy started without it', async () => {
    const livy = createLivyEmulator({ livyConf: { 'livy.ui.enabled': 'false' } })
    expect((await livy.fetch('/ui')).status).toBe(404)
  })
})
