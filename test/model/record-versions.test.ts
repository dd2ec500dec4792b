import { describe, expect, test } from 'vitest'
import type { SessionRecord } from '../../src/emulator/model/store/records.ts'
import { createStore } from '../../src/emulator/model/store/store.ts'
import { createLivyEmulator } from '../../src/index.ts'

describe('record versions', () => {
  test('an update makes a new version that shares the old one’s nested values, frozen, so neither can change the other', async () => {
    const livy = createLivyEmulator({ timing: 'instant', evaluate: 'scripted' })
    await livy.fetch('/sessions', {
      method: 'POST',
      body: JSON.stringify({ kind: 'spark', conf: { 'spark.a': '1' }, jars: ['hdfs:///a.jar'] }),
    })
    const store = livy.model.context.store
    const before = store.sessions.get(0) as SessionRecord
    const after = await store.sessions.update(0, (d) => {
      d.serverState = 'dead'
    })
    expect(after).not.toBe(before)
    expect(before.serverState).not.toBe('dead')
    expect(after.conf).toBe(before.conf)
    expect(() => {
      ;(after.conf as Record<string, string>)['spark.a'] = '2'
    }).toThrow(TypeError)
    expect(() => (after.jars as string[]).push('x')).toThrow(TypeError)
    expect(before.conf['spark.a']).toBe('1')
  })

  test('a nested value an update brings is frozen with the version', async () => {
    const store = createStore()
    await store.batches.insert({
      id: 0,
      name: null,
    } as never)
    const next = await store.batches.update(0, (d) => {
      ;(d as unknown as { appInfo: { sparkUiUrl: string } }).appInfo = { sparkUiUrl: 'x' }
    })
    expect(Object.isFrozen((next as unknown as { appInfo: object }).appInfo)).toBe(true)
  })
})
