import fc from 'fast-check'
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

  test('what compaction keeps: the first and last mark of every state and the newest 128, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('starting', 'idle', 'busy', 'error', 'dead', 'recovering'), {
          minLength: 200,
          maxLength: 900,
        }),
        (states) => {
          const history = createStateHistory()
          // The same marks with nothing dropped, compacted the way the history says it does.
          let all: { state: string; at: number }[] = []
          states.forEach((state, at) => {
            history.note('session', 7, state, at)
            if (all.at(-1)?.state === state) return
            all.push({ state, at })
            if (all.length > 256) {
              const firstAt = new Map<string, number>()
              const lastAt = new Map<string, number>()
              all.forEach((m, i) => {
                if (!firstAt.has(m.state)) firstAt.set(m.state, i)
                lastAt.set(m.state, i)
              })
              all = all.filter(
                (m, i) =>
                  firstAt.get(m.state) === i || lastAt.get(m.state) === i || i >= all.length - 128,
              )
            }
          })
          expect(history.of('session', 7)).toEqual(all)
        },
      ),
      { numRuns: 200 },
    )
  })

  test('a session and a batch with the same id have histories of their own', () => {
    const history = createStateHistory()
    history.note('session', 3, 'idle', 1)
    history.note('batch', 3, 'running', 2)
    expect(history.of('session', 3)).toEqual([{ state: 'idle', at: 1 }])
    expect(history.of('batch', 3)).toEqual([{ state: 'running', at: 2 }])
    history.forget('batch', 3)
    expect(history.of('batch', 3)).toEqual([])
    expect(history.of('session', 3)).toHaveLength(1)
  })
})
