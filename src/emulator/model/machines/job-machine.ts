import { defineMachine } from './machine.ts'

/** Job states exactly as Livy's `JobHandle.State`. */
export const JOB_STATES = ['SENT', 'QUEUED', 'STARTED', 'CANCELLED', 'FAILED', 'SUCCEEDED'] as const
export type JobState = (typeof JOB_STATES)[number]
export type JobEvent = 'queue' | 'start' | 'succeed' | 'fail' | 'cancel'

/**
 * Livy's `BypassJobWrapper.tryTransitionToState`: QUEUED→STARTED, QUEUED→CANCELLED,
 * STARTED→SUCCEEDED/FAILED/CANCELLED. `SENT` is the answer to the submit, before the driver
 * queued the job. A job finishes only once started: Livy's wrapper refuses anything else.
 *
 * @example
 * transition(jobMachine, 'QUEUED', 'succeed').ok // false
 */
export const jobMachine = defineMachine<JobState, JobEvent>({
  name: 'job',
  states: JOB_STATES,
  initial: 'SENT',
  rows: [
    { from: 'SENT', event: 'queue', to: 'QUEUED' },
    { from: 'SENT', event: 'cancel', to: 'CANCELLED' },
    { from: 'QUEUED', event: 'start', to: 'STARTED' },
    { from: 'QUEUED', event: 'cancel', to: 'CANCELLED' },
    { from: 'STARTED', event: 'succeed', to: 'SUCCEEDED' },
    { from: 'STARTED', event: 'fail', to: 'FAILED' },
    { from: 'STARTED', event: 'cancel', to: 'CANCELLED' },
  ],
  terminal: ['SUCCEEDED', 'FAILED', 'CANCELLED'],
})
