import { describe, expect, test } from 'vitest'
import { createStateHistory } from '../../src/emulator/model/context.ts'

describe('a session state history', () => {
  test('stays bounded however many statements toggle it busy and idle, keeping the first and last time of each state and the newest marks', () => {
    const history = createStateHistory()
    history.note('session', 0, 'not_started', 0)
    history.note('session', 0, 'starting', 1)
    history.note('session', 0, 'idle', 2)
    for (let i = 0; i < 10_000; i++) {
      history.note('session', 0, 'busy', 10 + 2 * i)
      history.note('session', 0, 'idle', 11 + 2 * i)
    }
    history.note('session', 0, 'dead', 50_000)
    const marks = history.of('session', 0)
    expect(marks.length).toBeLessThanOrEqual(256)
    expect(marks.slice(0, 4)).toEqual([
      { state: 'not_started', at: 0 },
      { state: 'starting', at: 1 },
      { state: 'idle', at: 2 },
      { state: 'busy', at: 10 },
    ])
    expect(marks.at(-1)).toEqual({ state: 'dead', at: 50_000 })
    expect(marks.at(-2)).toEqual({ state: 'idle', at: 11 + 2 * 9_999 })
    expect(marks.at(-3)).toEqual({ state: 'busy', at: 10 + 2 * 9_999 })
    // In time order.
    expect(marks.map((m) => m.at)).toEqual([...marks.map((m) => m.at)].sort((a, b) => a - b))
  })
})
