import { describe, expect, test } from 'vitest'
import { jobMachine } from '../../src/emulator/model/machines/job-machine.ts'
import { isTerminal, transition } from '../../src/emulator/model/machines/machine.ts'

describe('job machine (Livy JobHandle.State, BypassJobWrapper)', () => {
  test('has exactly Livy six job states', () => {
    expect(jobMachine.states).toEqual([
      'SENT',
      'QUEUED',
      'STARTED',
      'CANCELLED',
      'FAILED',
      'SUCCEEDED',
    ])
  })
  test.each([
    ['SENT', 'queue', 'QUEUED'],
    ['QUEUED', 'start', 'STARTED'],
    ['QUEUED', 'cancel', 'CANCELLED'],
    ['STARTED', 'succeed', 'SUCCEEDED'],
    ['STARTED', 'fail', 'FAILED'],
    ['STARTED', 'cancel', 'CANCELLED'],
  ] as const)('%s --%s--> %s is allowed', (from, event, to) => {
    expect(transition(jobMachine, from, event)).toEqual({ ok: true, state: to })
  })
  test('a job that has not started cannot finish', () => {
    expect(transition(jobMachine, 'QUEUED', 'succeed').ok).toBe(false)
    expect(transition(jobMachine, 'QUEUED', 'fail').ok).toBe(false)
  })
  test('finished jobs are terminal and accept nothing', () => {
    for (const state of ['SUCCEEDED', 'FAILED', 'CANCELLED'] as const) {
      expect(isTerminal(jobMachine, state)).toBe(true)
      for (const event of ['queue', 'start', 'succeed', 'fail', 'cancel'] as const)
        expect(transition(jobMachine, state, event).ok).toBe(false)
    }
  })
})
