import type { JobException } from '../outcomes/outcome.ts'

/**
 * How the driver's job thread reaches a job's `call()` (Livy 0.9's rsc, on Java 8): the frames
 * under the job's own in `printStackTrace`, which Livy sends as the job's `error`.
 */
const DRIVER_FRAMES = [
  'org.apache.livy.rsc.driver.BypassJob.call(BypassJob.java:40)',
  'org.apache.livy.rsc.driver.BypassJob.call(BypassJob.java:27)',
  'org.apache.livy.rsc.driver.JobWrapper.call(JobWrapper.java:64)',
  'org.apache.livy.rsc.driver.BypassJobWrapper.call(BypassJobWrapper.java:45)',
  'org.apache.livy.rsc.driver.BypassJobWrapper.call(BypassJobWrapper.java:27)',
  'java.util.concurrent.FutureTask.run(FutureTask.java:266)',
  'java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1149)',
  'java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:624)',
  'java.lang.Thread.run(Thread.java:748)',
]

const trace = (head: string, frames: readonly string[]): string =>
  `${head}\n${frames.map((f) => `\tat ${f}\n`).join('')}`

/**
 * A job's `error` when its `call()` throws: `Throwable.printStackTrace` of the exception, the
 * job's own frame (no line number: the emulator never saw the source) over the driver's.
 *
 * @example
 * jobExceptionTrace({ class: 'java.lang.IllegalStateException', message: 'boom' }, 'a.Job')
 * // 'java.lang.IllegalStateException: boom\n\tat a.Job.call(Job.java)\n\tat org.apache.livy…'
 */
export function jobExceptionTrace(exception: JobException, jobClass: string): string {
  const head =
    exception.message === undefined ? exception.class : `${exception.class}: ${exception.message}`
  const simple = (jobClass.split('.').at(-1) ?? jobClass).split('$')[0] ?? jobClass
  return trace(head, [`${jobClass}.call(${simple}.java)`, ...DRIVER_FRAMES])
}

/**
 * A job's `error` when the driver cannot load its class: no jar holding it was added to the
 * session, so Kryo's class lookup fails while deserialising the job.
 *
 * @example
 * missingJobClassTrace('a.Job') // 'org.apache.livy.shaded.kryo.kryo.KryoException: Unable to find class: a.Job\n…'
 */
export function missingJobClassTrace(jobClass: string): string {
  return trace(
    `org.apache.livy.shaded.kryo.kryo.KryoException: Unable to find class: ${jobClass}`,
    [
      'org.apache.livy.shaded.kryo.kryo.util.DefaultClassResolver.readName(DefaultClassResolver.java:160)',
      'org.apache.livy.shaded.kryo.kryo.util.DefaultClassResolver.readClass(DefaultClassResolver.java:133)',
      'org.apache.livy.shaded.kryo.kryo.Kryo.readClass(Kryo.java:693)',
      'org.apache.livy.shaded.kryo.kryo.Kryo.readClassAndObject(Kryo.java:804)',
      'org.apache.livy.client.common.Serializer.deserialize(Serializer.java:67)',
      'org.apache.livy.rsc.driver.BypassJob.call(BypassJob.java:39)',
      ...DRIVER_FRAMES.slice(1),
    ],
  )
}

/**
 * Classes the driver has without any added jar (Java, Scala, Spark, Livy): a job of one of
 * those deserialises even when the session has no jars.
 */
export function onDriverClasspath(className: string): boolean {
  return /^(java|javax|scala|org\.apache\.spark|org\.apache\.livy)\./.test(className)
}
