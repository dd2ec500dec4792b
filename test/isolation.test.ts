import { describe, expect, test } from 'vitest'
import { createLivyEmulator } from '../src/index.ts'

describe('instances', () => {
  test('two emulators in one process share neither ids nor sessions', async () => {
    const a = createLivyEmulator()
    const b = createLivyEmulator()
    await a.fetch('/sessions', { method: 'POST', body: '{}' })
    await a.fetch('/sessions', { method: 'POST', body: '{}' })
    const fromB = await (await b.fetch('/sessions', { method: 'POST', body: '{}' })).json()
    expect(fromB.id).toBe(0)
    expect((await (await b.fetch('/sessions')).json()).total).toBe(1)
    expect((await (await a.fetch('/sessions')).json()).total).toBe(2)
  })

  test('advancing one emulator clock does not move the other', async () => {
    const a = createLivyEmulator()
    const b = createLivyEmulator()
    await a.advance(5000)
    expect(a.clock.now() - b.clock.now()).toBe(5000)
  })

  test('reset empties the state, restarts ids at 0 and rewinds the clock', async () => {
    const livy = createLivyEmulator()
    const start = livy.clock.now()
    await livy.fetch('/sessions', { method: 'POST', body: '{}' })
    livy.outcomes.add({ match: 'x', output: { 'text/plain': 'x' } })
    await livy.advance(1000)
    await livy.reset()
    expect(livy.clock.now()).toBe(start)
    expect(livy.outcomes.size).toBe(0)
    expect(await (await livy.fetch('/sessions')).text()).toBe('{"from":0,"total":0,"sessions":[]}')
    expect((await (await livy.fetch('/sessions', { method: 'POST', body: '{}' })).json()).id).toBe(
      0,
    )
  })
})
