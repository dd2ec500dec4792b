import { describe, expect, test } from 'vitest'
import { createProcessLog } from '../../src/emulator/model/process-log.ts'

describe('process log', () => {
  test('tail(n) is the last n of lines(), whatever the stream sizes', () => {
    for (const [outs, errs, diag] of [
      [0, 0, false],
      [3, 0, false],
      [0, 3, false],
      [12, 15, false],
      [5, 20, true],
      [1, 1, true],
    ] as const) {
      const log = createProcessLog(200)
      for (let i = 0; i < outs; i++) log.out(`o${i}`)
      for (let i = 0; i < errs; i++) log.err(`e${i}`)
      if (diag) log.diagnostics('\nYARN Diagnostics: ', ['d1', 'd2'])
      for (const n of [1, 2, 5, 10, 50]) expect(log.tail(n)).toEqual(log.lines().slice(-n))
    }
  })
  test('each stream keeps only its last cache-log.size lines', () => {
    const log = createProcessLog(2)
    for (const l of ['a', 'b', 'c']) log.err(l)
    expect(log.lines()).toEqual(['stdout: ', '\nstderr: ', 'b', 'c'])
  })
  test('a batch log merges stderr into stdout', () => {
    const log = createProcessLog(10, true)
    log.err('x')
    expect(log.lines()).toEqual(['stdout: ', 'x', '\nstderr: '])
  })
})
