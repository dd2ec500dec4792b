/**
 * Apache Livy's official Java client (org.apache.livy:livy-client-http:0.7.1-incubating, the
 * newest on Maven Central) against the emulator with the apache-0.7 profile. The Maven project
 * beside this file uploads its job classes as a jar, scripts job outcomes through the control
 * API, and checks what `JobHandle.get()` returns: the rule's value, null without a rule, and the
 * job's exception for a failing job. This test starts the server and runs `mvn test` on it.
 *
 * Maven runs offline (`-o`): .ci/run fills the local repository first (scripts/jvm-client-m2.sh).
 */
import { spawn } from 'node:child_process'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type LivyServer, startLivyServer } from '../../src/node/index.ts'

const PROJECT = dirname(fileURLToPath(import.meta.url))
const MAVEN_TIMEOUT_MS = 170_000

let server: LivyServer | undefined

beforeAll(async () => {
  server = await startLivyServer({
    port: 0,
    clock: 'system',
    timing: 'fast',
    profile: 'apache-0.7',
    evaluate: 'scripted',
    // As on EMR: uploads are staged on HDFS. A local staging dir would need the local-dir
    // whitelist, as on Livy.
    livyConf: { 'livy.session.staging-dir': 'hdfs:///user/livy/sessions' },
  })
})

afterAll(async () => {
  await server?.close()
})

/** Runs Maven without blocking the event loop: the server answers it from this process. */
function maven(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('mvn', args, { cwd: PROJECT, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    const timer = setTimeout(() => {
      output += `\n[mvn did not finish in ${MAVEN_TIMEOUT_MS / 1000}s: killed]`
      child.kill('SIGKILL')
    }, MAVEN_TIMEOUT_MS)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(
        new Error(`cannot run mvn (${error.message}): the JVM client test needs Maven and a JDK`),
      )
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolvePromise({ code, output })
    })
  })
}

test(
  'Livy’s Java client 0.7.1 gets scripted job results, null without a rule, and job exceptions',
  async () => {
    const url = server?.url as string
    const run = await maven(['-B', '-q', '-o', 'test', `-Dlivy.url=${url}`])
    const hint = /offline|Cannot access|could not be resolved/i.test(run.output)
      ? '\n(the local Maven repository lacks an artifact: run scripts/jvm-client-m2.sh online once)'
      : ''
    expect(run.code, `${run.output}${hint}`).toBe(0)
    // The client really talked to the emulator: jobs were submitted and polled.
    const paths = server?.emulator.journal
      .entries()
      .map((e) => `${e.method} ${e.path.replace(/\d+/g, 'N')}`)
    expect(paths).toEqual(
      expect.arrayContaining([
        'POST /sessions/',
        'POST /sessions/N/upload-jar',
        'POST /sessions/N/submit-job',
        'POST /sessions/N/run-job',
        'GET /sessions/N/jobs/N',
      ]),
    )
  },
  MAVEN_TIMEOUT_MS + 10_000,
)
