import type { Clock } from './clock.ts'

/** A delay in virtual milliseconds, or `'manual'`: the step waits for an explicit `step()`. */
export type Delay = number | 'manual'

/** Handle of a scheduled step. */
export interface TaskHandle {
  readonly label: string
  /** Virtual time the step is due at; `null` for a manual step. */
  readonly at: number | null
  /** What the step belongs to (`session:0`), the key `step(subject)` takes. */
  readonly subject?: string | undefined
  cancel(): void
  readonly cancelled: boolean
  readonly done: boolean
}

/** A scheduled step; `cancel` lives on the prototype, so a step allocates one object. */
class Task implements TaskHandle {
  at: number | null
  readonly label: string
  readonly seq: number
  readonly run: () => void | Promise<void>
  readonly subject: string | undefined
  cancelled = false
  done = false
  constructor(
    at: number | null,
    label: string,
    seq: number,
    run: () => void | Promise<void>,
    subject: string | undefined,
  ) {
    this.at = at
    this.label = label
    this.seq = seq
    this.run = run
    this.subject = subject
  }
  cancel(): void {
    this.cancelled = true
  }
}

/**
 * Runs model steps on virtual time. Nothing runs by itself: due steps run when the emulator
 * catches up (before every request, and when a test advances the clock), each at its own due
 * time, so a statement that took 100 ms has `completed - started === 100` whatever the wall
 * clock did.
 *
 * @example
 * const scheduler = createScheduler(createManualClock())
 * scheduler.after(1000, 'session 0 ready', () => markIdle())
 * clock.advance(1000)
 * await scheduler.runDue()
 */
export interface Scheduler {
  /** Current model time: the due time of the step being run, otherwise the clock. */
  now(): number
  /** Schedules `run` at `now() + delay` (or as a manual step). `subject` groups steps for `step()`. */
  after(delay: Delay, label: string, run: () => void | Promise<void>, subject?: string): TaskHandle
  /** Schedules `run` at an absolute virtual time. */
  at(time: number, label: string, run: () => void | Promise<void>, subject?: string): TaskHandle
  /** Whether a timed step is due at the clock's current time. */
  hasDue(): boolean
  /** Due time of the next timed step, if any. */
  nextDueAt(): number | undefined
  /**
   * Runs every timed step due by the clock's current time, in (time, submission) order.
   * Synchronous while the steps are (statement steps are); a promise once one is not.
   */
  runDue(): number | Promise<number>
  /** Runs the oldest pending manual step (optionally only one whose subject matches). */
  step(subject?: string): Promise<TaskHandle | undefined>
  /** Pending steps (timed and manual), oldest first. */
  pending(): TaskHandle[]
  /** Drops every pending step. */
  clear(): void
}

/** Options of {@link createScheduler}. */
export interface SchedulerOptions {
  /**
   * Called before a timed step due at `at` runs: a promise makes the run wait for it (the model
   * lets statement code that should have finished by then finish first).
   */
  readonly beforeRun?: (at: number) => Promise<void> | undefined
}

export function createScheduler(clock: Clock, options: SchedulerOptions = {}): Scheduler {
  // Binary min-heap on (at, seq) for timed steps; a plain queue for manual ones.
  const heap: Task[] = []
  let manual: Task[] = []
  let seq = 0
  let current: number | null = null

  const before = (a: Task, b: Task): boolean =>
    (a.at as number) < (b.at as number) || (a.at === b.at && a.seq < b.seq)

  const push = (task: Task): void => {
    heap.push(task)
    let i = heap.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!before(heap[i] as Task, heap[parent] as Task)) break
      ;[heap[i], heap[parent]] = [heap[parent] as Task, heap[i] as Task]
      i = parent
    }
  }

  const pop = (): Task | undefined => {
    const top = heap[0]
    const last = heap.pop()
    if (heap.length > 0 && last) {
      heap[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < heap.length && before(heap[l] as Task, heap[m] as Task)) m = l
        if (r < heap.length && before(heap[r] as Task, heap[m] as Task)) m = r
        if (m === i) break
        ;[heap[i], heap[m]] = [heap[m] as Task, heap[i] as Task]
        i = m
      }
    }
    return top
  }

  const dropCancelledTop = (): void => {
    while (heap.length > 0 && (heap[0] as Task).cancelled) pop()
  }

  const make = (
    at: number | null,
    label: string,
    run: () => void | Promise<void>,
    subject: string | undefined,
  ): Task => new Task(at, label, seq++, run, subject)

  const execute = (task: Task, time: number): void | Promise<void> => {
    const previous = current
    current = time
    let result: void | Promise<void>
    try {
      result = task.run()
    } catch (e) {
      task.done = true
      current = previous
      throw e
    }
    if (result instanceof Promise) {
      return result.finally(() => {
        task.done = true
        current = previous
      })
    }
    task.done = true
    current = previous
  }

  const scheduler: Scheduler = {
    now: () => current ?? clock.now(),
    after(delay, label, run, subject) {
      if (delay === 'manual') {
        const task = make(null, label, run, subject)
        manual.push(task)
        return task
      }
      return scheduler.at(scheduler.now() + Math.max(0, delay), label, run, subject)
    },
    at(time, label, run, subject) {
      const task = make(time, label, run, subject)
      push(task)
      return task
    },
    hasDue() {
      dropCancelledTop()
      return heap.length > 0 && ((heap[0] as Task).at as number) <= clock.now()
    },
    nextDueAt() {
      dropCancelledTop()
      return heap[0]?.at ?? undefined
    },
    runDue() {
      let count = 0
      const loop = (): number | Promise<number> => {
        for (;;) {
          dropCancelledTop()
          const top = heap[0]
          if (!top || (top.at as number) > clock.now()) return count
          const wait = options.beforeRun?.(top.at as number)
          // Whatever the wait schedules may come before `top`: look at the heap again after it.
          if (wait) return wait.then(loop)
          pop()
          const result = execute(top, top.at as number)
          count++
          if (result instanceof Promise) return result.then(loop)
        }
      }
      return loop()
    },
    async step(subject) {
      manual = manual.filter((t) => !t.cancelled)
      const index = manual.findIndex((t) => subject === undefined || t.subject === subject)
      if (index < 0) return undefined
      const [task] = manual.splice(index, 1)
      if (!task) return undefined
      await execute(task, scheduler.now())
      return task
    },
    pending() {
      const timed = heap.filter((t) => !t.cancelled).sort((a, b) => (before(a, b) ? -1 : 1))
      return [...timed, ...manual.filter((t) => !t.cancelled)]
    },
    clear() {
      for (const t of heap) t.cancelled = true
      for (const t of manual) t.cancelled = true
      heap.length = 0
      manual = []
    },
  }
  return scheduler
}
