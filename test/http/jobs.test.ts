import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Harness } from '../support/harness.ts'
import { HARNESSES } from '../support/harnesses.ts'

const JOB = Buffer.from('not a kryo job').toString('base64')

/** A job as Livy's client serialises it: its class by name, then the object (no fields). */
const serialisedJob = (className: string): string => {
  const name = Buffer.from(className, 'latin1')
  name[name.length - 1] = (name.at(-1) as number) | 0x80
  return Buffer.concat([Buffer.from([1, 0]), name, Buffer.from([1])]).toString('base64')
}
const PI_JOB = serialisedJob('com.example.PiJob')
const AS_HEX = (base64: string): string => Buffer.from(base64, 'base64').toString('hex')

interface Status {
  id: number
  state: string
  result: string | null
  error: string | null
}

describe.each(HARNESSES)('Job API and resources ($name)', ({ create }) => {
  let h: Harness
  beforeEach(async () => {
    h = await create({
      livyConf: { 'livy.file.local-dir-whitelist': '/tmp/livy-files/,/root/.livy-sessions' },
    })
    await h.request('POST', '/sessions', { kind: 'spark' })
    await h.request('GET', '/sessions/0')
  })
  afterEach(async () => {
    await h.close()
  })

  test('submit-job answers 201 with a SENT job status', async () => {
    const res = await h.request('POST', '/sessions/0/submit-job', { job: JOB, jobType: 'spark' })
    expect(res.status).toBe(201)
    expect(res.text).toBe('{"id":1,"state":"SENT","result":null,"error":null}')
    const run = await h.request('POST', '/sessions/0/run-job', { job: JOB, jobType: 'spark' })
    expect(run.json<{ id: number }>().id).toBe(2)
  })

  test('a job without a payload is a 400', async () => {
    const res = await h.request('POST', '/sessions/0/submit-job', { job: '', jobType: 'spark' })
    expect(res.status).toBe(400)
    expect(res.text).toBe('{"msg":"requirement failed: no job provided."}')
  })

  test('base64 padding that does not end a whole quantum is a 400 from the JSON mapper, not the emulator’s 500', async () => {
    for (const job of ['AB=', 'ABC==', 'AAAAAB=']) {
      const res = await h.request('POST', '/sessions/0/submit-job', { job, jobType: 'spark' })
      expect(res.status, job).toBe(400)
      expect(res.text, job).toContain('Failed to decode VALUE_STRING as base64')
    }
    const ok = await h.request('POST', '/sessions/0/submit-job', { job: 'AAA=', jobType: 'spark' })
    expect(ok.status).toBe(201)
  })

  test('a finished job status can be read once; an unknown job is a 500', async () => {
    await h.request('POST', '/sessions/0/submit-job', { job: JOB, jobType: 'spark' })
    const first = await h.request('GET', '/sessions/0/jobs/1')
    expect(first.status).toBe(200)
    expect(first.json<{ state: string }>().state).toBe('FAILED')
    expect((await h.request('GET', '/sessions/0/jobs/1')).status).toBe(500)
    const unknown = await h.request('GET', '/sessions/0/jobs/42')
    expect(unknown.status).toBe(500)
    expect(unknown.text).toBe('"java.util.NoSuchElementException: key not found: 42"')
  })

  test('cancelling a job answers 200 with no body, for unknown ids too', async () => {
    const res = await h.request('POST', '/sessions/0/jobs/7/cancel')
    expect(res.status).toBe(200)
    expect(res.text).toBe('')
  })

  test('add-jar accepts a whitelisted or remote URI with an empty 200', async () => {
    for (const uri of ['/tmp/livy-files/a.jar', 'hdfs:///libs/b.jar']) {
      const res = await h.request('POST', '/sessions/0/add-jar', { uri })
      expect(res.status).toBe(200)
      expect(res.text).toBe('')
    }
  })

  test('add-file refuses a local path outside the whitelist with a 400', async () => {
    const res = await h.request('POST', '/sessions/0/add-file', { uri: '/etc/passwd' })
    expect(res.status).toBe(400)
    expect(res.text).toBe(
      '{"msg":"requirement failed: Local path /etc/passwd cannot be added to user sessions."}',
    )
  })

  test('a URI with illegal characters is a 500 URISyntaxException', async () => {
    const res = await h.request('POST', '/sessions/0/add-pyfile', { uri: 'a b.py' })
    expect(res.status).toBe(500)
    expect(res.json<string>()).toMatch(
      /^java\.net\.URISyntaxException: Illegal character in path at index 1: a b\.py/,
    )
  })

  test('an upload without the expected part is a 400 bare string', async () => {
    const jar = await h.request('POST', '/sessions/0/upload-jar', '')
    expect(jar.status).toBe(400)
    expect(jar.text).toBe('"No jar sent!"')
    expect((await h.request('POST', '/sessions/0/upload-file', '')).text).toBe('"No file sent!"')
  })

  test('an uploaded jar is accepted', async () => {
    const boundary = 'XyZ'
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="jar"; filename="lib.jar"\r\nContent-Type: application/java-archive\r\n\r\nPK\u0003\u0004\r\n--${boundary}--\r\n`
    const res = await h.request('POST', '/sessions/0/upload-jar', body, {
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
    })
    expect(res.status).toBe(200)
  })

  describe('jobs the client serialised', () => {
    const uploadJar = async () => {
      const res = await h.request('POST', '/sessions/0/add-jar', { uri: 'hdfs:///libs/jobs.jar' })
      expect(res.status).toBe(200)
    }
    const finished = async (id: number): Promise<Status> => {
      await h.control.advance(60_000)
      return (await h.request('GET', `/sessions/0/jobs/${id}`)).json<Status>()
    }

    test('a job without a rule succeeds with a null result', async () => {
      await uploadJar()
      const res = await h.request('POST', '/sessions/0/submit-job', {
        job: PI_JOB,
        jobType: 'spark',
      })
      expect(res.text).toBe('{"id":1,"state":"SENT","result":null,"error":null}')
      expect(await finished(1)).toEqual({ id: 1, state: 'SUCCEEDED', result: null, error: null })
    })

    test('a rule on the job class answers with its value as Kryo bytes', async () => {
      await uploadJar()
      await h.control.outcome({ job: 'com.example.PiJob', result: 3.14 })
      await h.control.outcome({ job: { regex: 'Count' }, result: { long: 10 } })
      await h.control.outcome({ job: { contains: 'Words' }, result: ['pi', true, null] })
      await h.request('POST', '/sessions/0/submit-job', { job: PI_JOB, jobType: 'spark' })
      await h.request('POST', '/sessions/0/run-job', { job: serialisedJob('a.CountJob') })
      await h.request('POST', '/sessions/0/submit-job', { job: serialisedJob('a.WordsJob') })
      const pi = await finished(1)
      expect(pi.state).toBe('SUCCEEDED')
      expect(AS_HEX(pi.result as string)).toBe('0a40091eb851eb851f')
      expect(AS_HEX((await finished(2)).result as string)).toBe('0914')
      expect(AS_HEX((await finished(3)).result as string)).toBe(
        `0100${Buffer.from('java.util.ArrayLis').toString('hex')}f40103030170e9050100`,
      )
    })

    test('a rule with an exception fails the job with the Java stack trace', async () => {
      await uploadJar()
      await h.control.outcome({
        job: 'com.example.PiJob',
        exception: { class: 'java.lang.IllegalStateException', message: 'no pi today' },
      })
      await h.request('POST', '/sessions/0/submit-job', { job: PI_JOB })
      const status = await finished(1)
      expect(status.state).toBe('FAILED')
      expect(status.result).toBeNull()
      expect(status.error).toMatch(
        /^java\.lang\.IllegalStateException: no pi today\n\tat com\.example\.PiJob\.call\(PiJob\.java\)\n\tat org\.apache\.livy\.rsc\.driver\.BypassJob\.call\(BypassJob\.java:40\)\n/,
      )
    })

    test('a job whose class is in no added jar fails in Kryo', async () => {
      await h.request('POST', '/sessions/0/submit-job', { job: PI_JOB })
      const status = await finished(1)
      expect(status.state).toBe('FAILED')
      expect(status.error).toMatch(
        /^org\.apache\.livy\.shaded\.kryo\.kryo\.KryoException: Unable to find class: com\.example\.PiJob\n\tat /,
      )
    })

    test("a job runs for the rule's duration on the virtual clock, STARTED until then", async () => {
      await uploadJar()
      await h.control.outcome({ job: 'com.example.PiJob', result: 1, durationMs: 5_000 })
      await h.request('POST', '/sessions/0/submit-job', { job: PI_JOB })
      await h.control.advance(4_000)
      expect((await h.request('GET', '/sessions/0/jobs/1')).json<Status>().state).toBe('STARTED')
      await h.control.advance(1_000)
      const done = (await h.request('GET', '/sessions/0/jobs/1')).json<Status>()
      expect(done.state).toBe('SUCCEEDED')
      expect(AS_HEX(done.result as string)).toBe('0202')
    })

    test('a cancelled running job never reports its result', async () => {
      await uploadJar()
      await h.control.outcome({ job: 'com.example.PiJob', result: 1, durationMs: 5_000 })
      await h.request('POST', '/sessions/0/submit-job', { job: PI_JOB })
      await h.control.advance(1_000)
      const cancel = await h.request('POST', '/sessions/0/jobs/1/cancel')
      expect(cancel.status).toBe(200)
      await h.control.advance(10_000)
      const status = await h.request('GET', '/sessions/0/jobs/1')
      expect(status.status).toBe(500)
    })

    test('a rule with times answers that many jobs, then jobs get null again', async () => {
      await uploadJar()
      await h.control.outcome({ job: 'com.example.PiJob', result: 'once', times: 1 })
      await h.request('POST', '/sessions/0/submit-job', { job: PI_JOB })
      await h.request('POST', '/sessions/0/submit-job', { job: PI_JOB })
      expect(AS_HEX((await finished(1)).result as string)).toBe(
        '03016f6e63e5', // String "once": ASCII, the last byte with bit 8 set
      )
      expect((await finished(2)).result).toBeNull()
    })
  })
})
