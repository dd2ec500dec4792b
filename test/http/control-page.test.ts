import { afterEach, describe, expect, test } from 'vitest'
import { EMPTY_FAULT, faultJson } from '../../src/control-page/fault-form.ts'
import { escapeHtml, rowHtml } from '../../src/control-page/row-html.ts'
import { EMPTY_RULE, ruleJson } from '../../src/control-page/rule-form.ts'
import { faultFromJson, ruleFromJson } from '../../src/emulator/control/control-api.ts'
import { createLivyEmulator } from '../../src/index.ts'

const stops: (() => void)[] = []
afterEach(() => {
  for (const stop of stops.splice(0)) stop()
})

/** Reads server-sent events from a streamed response until `count` have come. */
async function events(
  response: Response,
  count: number,
): Promise<{ event: string; data: Record<string, unknown> }[]> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  stops.push(() => void reader.cancel())
  const decoder = new TextDecoder()
  let text = ''
  const out: { event: string; data: Record<string, unknown> }[] = []
  while (out.length < count) {
    const { value, done } = await reader.read()
    if (done) break
    text += decoder.decode(value, { stream: true })
    let end = text.indexOf('\n\n')
    while (end >= 0) {
      const block = text.slice(0, end)
      text = text.slice(end + 2)
      const event = /^event: (.*)$/m.exec(block)?.[1]
      const data = /^data: (.*)$/m.exec(block)?.[1]
      if (event && data) out.push({ event, data: JSON.parse(data) })
      end = text.indexOf('\n\n')
    }
  }
  return out
}

describe('GET /__emulator/events', () => {
  test('streams model events, journal entries and clock changes as they happen', async () => {
    const livy = createLivyEmulator({ evaluate: 'scripted', timing: 'fast' })
    const stream = await livy.fetch('/__emulator/events')
    expect(stream.headers.get('content-type')).toBe('text/event-stream;charset=utf-8')
    const seen = events(stream, 6)
    await livy.fetch('/sessions', { method: 'POST', body: '{"kind":"pyspark"}' })
    await livy.advance(1_000)
    const got = await seen
    expect(got[0]).toEqual({
      event: 'hello',
      data: { now: livy.clock.now() - 1_000, kind: 'manual' },
    })
    expect(got.map((e) => `${e.event}:${e.data.type ?? e.data.path ?? e.data.what}`)).toEqual([
      'hello:undefined',
      'model:session-id-consumed',
      'model:session-created',
      'request:/sessions',
      'model:session-state',
      'changed:clock',
    ])
  })

  test('lets go of the emulator when its client goes away', async () => {
    const livy = createLivyEmulator({ evaluate: 'scripted' })
    const watched: number[] = []
    const original = livy.watch.bind(livy)
    let open = 0
    Object.assign(livy, {
      watch: (l: Parameters<typeof original>[0]) => {
        open++
        const stop = original(l)
        return () => {
          open--
          watched.push(open)
          stop()
        }
      },
    })
    const stream = await livy.fetch('/__emulator/events')
    await events(stream, 1)
    for (const stop of stops.splice(0)) stop()
    await new Promise((r) => setTimeout(r, 10))
    expect(watched).toEqual([0])
  })

  test('is guarded like the rest of the control API (credentials, DNS rebinding)', async () => {
    const locked = createLivyEmulator({ control: { token: 't0k' } })
    expect((await locked.fetch('/__emulator/events')).status).toBe(401)
    expect((await locked.fetch('/__emulator')).status).toBe(401)
    expect((await locked.fetch('/__emulator/app.js')).status).toBe(401)
    const ok = await locked.fetch('/__emulator/events', { headers: { 'X-Emulator-Token': 't0k' } })
    expect(ok.status).toBe(200)
    await ok.body?.cancel()
    const open = createLivyEmulator({ baseUrl: 'http://127.0.0.1:8998' })
    const rebound = await open.fetch(
      new Request('http://127.0.0.1:8998/__emulator', { headers: { host: 'evil.example' } }),
    )
    expect(rebound.status).toBe(403)
  })
})

describe('the control page', () => {
  test('is served with its script and style, and a policy that keeps it to its own origin', async () => {
    const livy = createLivyEmulator()
    const page = await livy.fetch('/__emulator')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    const html = await page.text()
    expect(html).toContain('<script type="module" src="./__emulator/app.js">')
    // The state the first render needs is fetched while the script loads, not after it runs.
    expect(html).toContain('<link rel="preload" href="./__emulator/state?logs=none" as="fetch"')
    expect(await (await livy.fetch('/__emulator/')).text()).toContain('src="./app.js"')
    const script = await livy.fetch('/__emulator/app.js')
    expect(script.headers.get('content-type')).toBe('text/javascript;charset=utf-8')
    expect((await script.text()).length).toBeGreaterThan(10_000)
    expect((await livy.fetch('/__emulator/app.css')).status).toBe(200)
  })

  test('lists each session’s states on the virtual clock, and each manual step’s subject', async () => {
    const livy = createLivyEmulator({
      evaluate: 'scripted',
      timing: { base: 'instant', sessionStart: 'manual' },
    })
    await livy.fetch('/sessions', { method: 'POST', body: '{"kind":"pyspark"}' })
    const state = await (await livy.fetch('/__emulator/state')).json()
    expect(state.sessions[0].history).toEqual([{ state: 'starting', at: livy.clock.now() }])
    expect(state.pending.find((p: { at: unknown }) => p.at === null)).toMatchObject({
      subject: 'session:0',
    })
  })
})

describe('the page’s forms send what the API accepts', () => {
  test('a rule for every answer and matcher is accepted by the API as the form built it', () => {
    const forms = [
      { ...EMPTY_RULE, match: 'spark.range', text: '10' },
      {
        ...EMPTY_RULE,
        matchBy: 'exact' as const,
        match: '1 + 1',
        kind: 'pyspark' as const,
        times: '2',
      },
      {
        ...EMPTY_RULE,
        matchBy: 'regex' as const,
        match: '^sel',
        flags: 'i',
        answer: 'json' as const,
        json: '{"schema":{"fields":[]},"data":[]}',
      },
      {
        ...EMPTY_RULE,
        match: 'x',
        answer: 'error' as const,
        ename: 'ValueError',
        evalue: 'v',
        traceback: 'a\nb\n',
        sessionId: '3',
        durationMs: '500',
      },
      { ...EMPTY_RULE, match: 'x', answer: 'abort' as const, abort: 'stopped' },
    ]
    for (const form of forms) {
      const result = ruleJson(form)
      expect(result.ok).toBe(true)
      if (result.ok) expect(() => ruleFromJson(result.json)).not.toThrow()
    }
  })

  test('a rule the API would refuse is refused by the form, field by field', () => {
    const result = ruleJson({
      ...EMPTY_RULE,
      matchBy: 'regex',
      match: '(',
      sessionId: '-1',
      times: '0',
      answer: 'json',
      json: '{',
    })
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(Object.keys(result.errors).sort()).toEqual(['json', 'match', 'sessionId', 'times'])
  })

  test('a fault form sends only its type’s fields, and the API takes them', () => {
    const http = faultJson({ ...EMPTY_FAULT, method: 'POST', path: '/sessions', sessionId: '4' })
    expect(http).toEqual({
      ok: true,
      json: { type: 'http', method: 'POST', path: '/sessions', status: 503, count: 1 },
    })
    if (http.ok) {
      const { type: _, ...rest } = http.json
      expect(() => faultFromJson(rest)).not.toThrow()
    }
    expect(faultJson({ ...EMPTY_FAULT, type: 'driver-exits', sessionId: '0', path: '/x' })).toEqual(
      {
        ok: true,
        json: { type: 'driver-exits', sessionId: 0 },
      },
    )
    const bad = faultJson({ ...EMPTY_FAULT, type: 'batch-fails' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.errors.batchId).toBe('Batch id is required')
    const status = faultJson({ ...EMPTY_FAULT, path: '/s', status: '700' })
    expect(status.ok).toBe(false)
  })
})

describe('the long lists’ rows', () => {
  test('escape every value a client chose, in text and in attributes', () => {
    const name = `<img src=x onerror="alert(1)"> & 'q'`
    expect(rowHtml`<tr><td title="${name}">${name}</td><td>${42}</td></tr>`).toBe(
      '<tr><td title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;q&#39;">' +
        '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;q&#39;</td><td>42</td></tr>',
    )
    expect(escapeHtml('idle')).toBe('idle')
  })
})
