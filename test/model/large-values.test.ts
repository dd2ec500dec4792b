import { describe, expect, test } from 'vitest'
import {
  copySharingStrings,
  LARGE_STRING,
  standInForLarge,
} from '../../src/emulator/model/store/large-values.ts'
import { userMapOf } from '../../src/emulator/model/user-map.ts'
import { createLivyEmulator } from '../../src/index.ts'

describe("the store keeps clients' large values out of its collection's clones", () => {
  test('a session whose conf holds 1 MB keeps it whole through every state change', async () => {
    const livy = createLivyEmulator({ timing: 'fast', evaluate: 'scripted' })
    const big = 'y'.repeat(2 ** 20)
    const created = await livy.fetch('/sessions', {
      method: 'POST',
      body: `{"kind":"spark","conf":{"spark.big":"${big}","__proto__":"kept"}}`,
    })
    expect(created.status).toBe(201)
    await livy.advance(60_000)
    const session = (await (await livy.fetch('/sessions/0')).json()) as {
      state: string
      conf: Record<string, string>
    }
    expect(session.state).toBe('idle')
    expect(session.conf['spark.big']).toBe(big)
    expect(Object.hasOwn(session.conf, '__proto__')).toBe(true)
  })

  test('the stand-in replaces only strings over 64 KiB, wherever they are', () => {
    const record = { id: 1, args: ['x'.repeat(LARGE_STRING + 1), 'small'], conf: { a: 'b' } }
    const standIn = standInForLarge(record)
    expect(standIn.args[0]).toBe(`(${LARGE_STRING + 1} characters, held beside the store)`)
    expect(standIn.args[1]).toBe('small')
    expect(standIn.conf).toEqual({ a: 'b' })
    expect(record.args[0]).toHaveLength(LARGE_STRING + 1)
  })

  test('a copy shares strings but not objects, and a user map keeps its null prototype', () => {
    const conf = userMapOf(JSON.parse('{"__proto__":"p","a":"b"}') as Record<string, string>)
    const record = { conf, list: [{ n: 1 }] }
    const copy = copySharingStrings(record)
    expect(copy).toEqual(record)
    expect(copy.conf).not.toBe(conf)
    expect(copy.list[0]).not.toBe(record.list[0])
    expect(Object.getPrototypeOf(copy.conf)).toBeNull()
    expect(Object.hasOwn(copy.conf, '__proto__')).toBe(true)
  })
})
