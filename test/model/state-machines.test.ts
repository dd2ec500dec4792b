import { describe, expect, test } from 'vitest'
import { defineMachine, isTerminal, transition } from '../../src/emulator/model/machines/machine.ts'
import {
  batchMachine,
  isActiveState,
  isFinishedState,
  replMachine,
  reportedInteractiveState,
  serverMachine,
} from '../../src/emulator/model/machines/session-machines.ts'
import { statementMachine } from '../../src/emulator/model/machines/statement-machine.ts'

describe('statement machine (Livy StatementState)', () => {
  test('has exactly Livy five states and no error state', () => {
    expect(statementMachine.states).toEqual([
      'waiting',
      'running',
      'available',
      'cancelling',
      'cancelled',
    ])
  })
  test.each([
    ['waiting', 'start', 'running'],
    ['running', 'complete', 'available'],
    ['running', 'cancel', 'cancelling'],
    ['waiting', 'cancel', 'cancelled'],
    ['cancelling', 'cancelled', 'cancelled'],
  ] as const)('%s --%s--> %s is allowed', (from, event, to) => {
    expect(transition(statementMachine, from, event)).toEqual({ ok: true, state: to })
  })
  test('available and cancelled are terminal and accept nothing', () => {
    for (const state of ['available', 'cancelled'] as const) {
      expect(isTerminal(statementMachine, state)).toBe(true)
      for (const event of ['start', 'complete', 'cancel', 'cancelled'] as const) {
        expect(transition(statementMachine, state, event).ok).toBe(false)
      }
    }
  })
  test('a refused transition says why', () => {
    expect(transition(statementMachine, 'waiting', 'complete')).toEqual({
      ok: false,
      reason: 'statement: no transition from waiting on complete',
    })
  })
})

describe('interactive session machines', () => {
  test('a session reports the REPL state while its server side is running, never "running"', () => {
    for (const repl of replMachine.states) {
      expect(reportedInteractiveState('running', repl)).not.toBe('running')
    }
    expect(reportedInteractiveState('running', 'idle')).toBe('idle')
    expect(reportedInteractiveState('running', null)).toBe('busy')
    expect(reportedInteractiveState('starting', null)).toBe('starting')
  })
  test('the server side never goes from an inactive state back to an active one', () => {
    const inactive = ['shutting_down', 'dead', 'killed'] as const
    const active = ['starting', 'recovering', 'running', 'error']
    for (const row of serverMachine.rows) {
      if ((inactive as readonly string[]).includes(row.from)) expect(active).not.toContain(row.to)
    }
  })
  test('stopping goes through shutting_down to dead', () => {
    const stopping = transition(serverMachine, 'running', 'stop')
    expect(stopping).toEqual({ ok: true, state: 'shutting_down' })
    expect(transition(serverMachine, 'shutting_down', 'stopped')).toEqual({
      ok: true,
      state: 'dead',
    })
  })
  test('a failed start is error first, then stopped', () => {
    expect(transition(serverMachine, 'starting', 'start-failed')).toEqual({
      ok: true,
      state: 'error',
    })
    expect(transition(serverMachine, 'error', 'stop')).toEqual({ ok: true, state: 'shutting_down' })
  })
  test('a REPL in error becomes busy again when the next statement runs', () => {
    expect(transition(replMachine, 'error', 'statement-started')).toEqual({
      ok: true,
      state: 'busy',
    })
  })
  test('error counts as active but finished, shutting_down as neither', () => {
    expect(isActiveState('error')).toBe(true)
    expect(isFinishedState('error')).toBe(true)
    expect(isActiveState('shutting_down')).toBe(false)
    expect(isFinishedState('shutting_down')).toBe(false)
  })
})

describe('batch machine', () => {
  test('batches go starting → running → success | dead | killed and never idle or busy', () => {
    expect(batchMachine.states).not.toContain('idle')
    expect(batchMachine.states).not.toContain('busy')
    expect(transition(batchMachine, 'starting', 'app-running')).toEqual({
      ok: true,
      state: 'running',
    })
    expect(transition(batchMachine, 'running', 'app-finished')).toEqual({
      ok: true,
      state: 'success',
    })
    expect(transition(batchMachine, 'running', 'app-failed')).toEqual({ ok: true, state: 'dead' })
    expect(transition(batchMachine, 'running', 'app-killed')).toEqual({ ok: true, state: 'killed' })
    expect([...batchMachine.terminal].sort()).toEqual(['dead', 'killed', 'success'])
  })
})

describe('defineMachine', () => {
  test('rejects a row out of a terminal state', () => {
    expect(() =>
      defineMachine({
        name: 'bad',
        states: ['a', 'b'],
        initial: 'a',
        terminal: ['b'],
        rows: [
          { from: 'a', event: 'go', to: 'b' },
          { from: 'b', event: 'back', to: 'a' },
        ],
      }),
    ).toThrow('terminal state b has an outgoing row')
  })
  test('rejects two rows for the same state and event', () => {
    expect(() =>
      defineMachine({
        name: 'bad',
        states: ['a', 'b'],
        initial: 'a',
        terminal: [],
        rows: [
          { from: 'a', event: 'go', to: 'b' },
          { from: 'a', event: 'go', to: 'a' },
        ],
      }),
    ).toThrow('a has two rows for go')
  })
})
