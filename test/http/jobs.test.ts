import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Harness } from '../support/harness.ts'
import { HARNESSES } from '../support/harnesses.ts'

const JOB = Buffer.from('not a kryo job').toString('base64')

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
})
