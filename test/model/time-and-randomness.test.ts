import { describe, expect, test } from 'vitest'
import {
  createManualClock,
  createSystemClock,
  DEFAULT_MANUAL_EPOCH,
} from '../../src/emulator/model/clock.ts'
import { createRandom } from '../../src/emulator/model/random.ts'
import { createScheduler } from '../../src/emulator/model/scheduler.ts'

describe('clocks', () => {
  test('a manual clock starts at 2026-01-01 and moves only when advanced', () => {
    const clock = createManualClock()
    expect(clock.now()).toBe(DEFAULT_MANUAL_EPOCH)
    clock.advance(1500)
    expect(clock.now()).toBe(DEFAULT_MANUAL_EPOCH + 1500)
    clock.rewind()
    expect(clock.now()).toBe(DEFAULT_MANUAL_EPOCH)
  })
  test('a clock refuses to move backwards', () => {
    expect(() => createManualClock().advance(-1)).toThrow(RangeError)
  })
  test('the system clock can be pushed forward by an offset', () => {
    let wall = 1000
    const clock = createSystemClock(() => wall)
    clock.advance(500)
    wall = 2000
    expect(clock.now()).toBe(2500)
  })
  test('a manual clock wakes sleepers when it passes their time', () => {
    const clock = createManualClock(0)
    const woken: number[] = []
    clock.wakeAt(100, () => woken.push(100))
    clock.advance(99)
    expect(woken).toEqual([])
    clock.advance(1)
    expect(woken).toEqual([100])
  })
})

describe('seeded randomness', () => {
  test('the same seed gives the same sequence', () => {
    const a = createRandom('seed-1')
    const b = createRandom('seed-1')
    expect([a.uuid(), a.alphanumeric(8), a.int(0, 1000)]).toEqual([
      b.uuid(),
      b.alphanumeric(8),
      b.int(0, 1000),
    ])
  })
  test('different seeds give different sequences', () => {
    expect(createRandom('x').uuid()).not.toBe(createRandom('y').uuid())
  })
  test('uuids are version 4', () => {
    expect(createRandom(1).uuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
  })
  test('reset restarts the sequence', () => {
    const r = createRandom('z')
    const first = r.next()
    r.next()
    r.reset()
    expect(r.next()).toBe(first)
  })
})

describe('scheduler', () => {
  test('steps run in due-time order, each at its own time', async () => {
    const clock = createManualClock(0)
    const scheduler = createScheduler(clock)
    const seen: [string, number][] = []
    scheduler.after(200, 'b', () => void seen.push(['b', scheduler.now()]))
    scheduler.after(100, 'a', () => void seen.push(['a', scheduler.now()]))
    clock.advance(1000)
    await scheduler.runDue()
    expect(seen).toEqual([
      ['a', 100],
      ['b', 200],
    ])
  })
  test('a step scheduled by a running step is due relative to that step', async () => {
    const clock = createManualClock(0)
    const scheduler = createScheduler(clock)
    const seen: number[] = []
    scheduler.after(100, 'first', () => {
      scheduler.after(50, 'second', () => void seen.push(scheduler.now()))
    })
    clock.advance(1000)
    await scheduler.runDue()
    expect(seen).toEqual([150])
  })
  test('nothing runs before it is due', async () => {
    const clock = createManualClock(0)
    const scheduler = createScheduler(clock)
    let ran = false
    scheduler.after(100, 'later', () => {
      ran = true
    })
    clock.advance(99)
    expect(scheduler.hasDue()).toBe(false)
    await scheduler.runDue()
    expect(ran).toBe(false)
  })
  test('a manual step waits for step()', async () => {
    const scheduler = createScheduler(createManualClock(0))
    let ran = false
    scheduler.after(
      'manual',
      'by hand',
      () => {
        ran = true
      },
      'session:0',
    )
    expect(scheduler.hasDue()).toBe(false)
    expect(await scheduler.step('session:1')).toBeUndefined()
    await scheduler.step('session:0')
    expect(ran).toBe(true)
  })
  test('a cancelled step never runs', async () => {
    const clock = createManualClock(0)
    const scheduler = createScheduler(clock)
    let ran = false
    scheduler
      .after(0, 'x', () => {
        ran = true
      })
      .cancel()
    await scheduler.runDue()
    expect(ran).toBe(false)
  })
})
