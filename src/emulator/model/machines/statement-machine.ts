import { defineMachine } from './machine.ts'

/** Statement states exactly as Livy's `StatementState` (there is no `error` state). */
export const STATEMENT_STATES = [
  'waiting',
  'running',
  'available',
  'cancelling',
  'cancelled',
] as const
export type StatementState = (typeof STATEMENT_STATES)[number]
export type StatementEvent = 'start' | 'complete' | 'cancel' | 'cancelled'

/**
 * Livy's predecessor table: waiting→running, running→available, running→cancelling,
 * waiting→cancelled, cancelling→cancelled. A failed statement is still `available`.
 */
export const statementMachine = defineMachine<StatementState, StatementEvent>({
  name: 'statement',
  states: STATEMENT_STATES,
  initial: 'waiting',
  rows: [
    { from: 'waiting', event: 'start', to: 'running' },
    { from: 'waiting', event: 'cancel', to: 'cancelled' },
    { from: 'running', event: 'complete', to: 'available' },
    { from: 'running', event: 'cancel', to: 'cancelling' },
    { from: 'cancelling', event: 'cancelled', to: 'cancelled' },
  ],
  terminal: ['available', 'cancelled'],
})
