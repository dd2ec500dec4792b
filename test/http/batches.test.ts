import { afterEach, describe, expect, test } from 'vitest'
import type { Harness } from '../support/harness.ts'
import { HARNESSES } from '../support/harnesses.ts'

interface Batch {
  id: number
  name: string | null
  state: string
  appId: string | null
  log: string[]
}

const WHITELIST = { 'livy.file.local-dir-whitelist': '/tmp/livy-files/' }

describe.each(HARNESSES)('batches ($name)', ({ create }) => {
  let h: Harness
  afterEach(async () => {
    await h?.close()
  })

  test('listing batches on a fresh server uses the key "sessions"', async () => {
    h = await create()
    expect((await h.request('GET', '/batches')).text).toBe('{"from":0,"total":0,"sessions":[]}')
  })

  test('in local mode a batch is created starting and runs as soon as spark-submit is up', async () => {
    h = await create({ timing: 'fast', livyConf: WHITELIST })
    const res = await h.request('POST', '/batches', { file: '/tmp/livy-files/pi.py', args: ['10'] })
    expect(res.status).toBe(201)
    expect(res.headers.get('location')).toBe('/batches/0')
    expect(res.text).toBe(
      '{"id":0,"name":null,"owner":null,"proxyUser":null,"state":"starting","appId":null,' +
        '"appInfo":{"driverLogUrl":null,"sparkUiUrl":null,"executorLogUrls":null},"log":["stdout: ","\\nstderr: "]}',
    )
    await h.control.advance(500)
    expect((await h.request('GET', '/batches/0/state')).text).toBe('{"id":0,"state":"running"}')
    await h.control.advance(1500)
    const done = (await h.request('GET', '/batches/0')).json<Batch>()
    expect(done.state).toBe('success')
    const log = (await h.request('GET', '/batches/0/log?size=-1')).json<{ log: string[] }>().log
    expect(log[0]).toBe('stdout: ')
    expect(log.at(-1)).toBe('\nstderr: ')
  })

  test('on YARN a batch is created starting and runs once its application is found', async () => {
    h = await create({ timing: 'fast', livyConf: { 'livy.spark.master': 'yarn' } })
    const res = await h.request('POST', '/batches', { file: 'hdfs:///pi.py' })
    expect(res.json<Batch>().state).toBe('starting')
    await h.control.advance(500)
    expect((await h.request('GET', '/batches/0/state')).text).toBe('{"id":0,"state":"running"}')
  })

  test('a batch that exits non-zero ends dead with the exit in its log', async () => {
    h = await create({ livyConf: WHITELIST })
    await h.control.nextBatchesFail(1, 'Traceback: boom')
    await h.request('POST', '/batches', { file: '/tmp/livy-files/fail.py' })
    const batch = (await h.request('GET', '/batches/0')).json<Batch>()
    expect(batch.state).toBe('dead')
    expect((await h.request('GET', '/batches/0/log?size=-1')).text).toContain('Traceback: boom')
  })

  test('a rejected batch request leaves a zombie batch in starting with an empty log', async () => {
    h = await create()
    const res = await h.request('POST', '/batches', { name: 'nightly' })
    expect(res.status).toBe(400)
    expect(res.text).toBe('{"msg":"Rejected, Reason: requirement failed: File is required."}')
    const list = (await h.request('GET', '/batches')).json<{ total: number; sessions: Batch[] }>()
    expect(list.total).toBe(1)
    expect(list.sessions[0]).toMatchObject({ id: 0, name: 'nightly', state: 'starting', log: [] })
    const again = await h.request('POST', '/batches', { name: 'nightly', file: 'hdfs:///x.py' })
    expect(again.text).toBe(
      '{"msg":"Rejected, Reason: Duplicate session name: Some(nightly) for session 1"}',
    )
    expect((await h.request('DELETE', '/batches/nightly')).text).toBe('{"msg":"deleted"}')
    expect((await h.request('GET', '/batches')).json<{ total: number }>().total).toBe(0)
  })

  test('a local batch file is rejected unless whitelisted, and stays a zombie', async () => {
    h = await create()
    const res = await h.request('POST', '/batches', { file: '/tmp/x.py' })
    expect(res.text).toBe(
      '{"msg":"Rejected, Reason: requirement failed: Local path /tmp/x.py cannot be added to user sessions."}',
    )
    expect((await h.request('GET', '/batches/0/state')).text).toBe('{"id":0,"state":"starting"}')
  })

  test('batches reject fields only sessions have', async () => {
    h = await create()
    const res = await h.request('POST', '/batches', { file: 'hdfs:///a.py', kind: 'pyspark' })
    expect(res.status).toBe(400)
    expect(res.json<string>()).toMatch(
      /^Unrecognized field "kind" \(class org\.apache\.livy\.server\.batch\.CreateBatchRequest\)/,
    )
  })

  test('deleting a running batch kills and removes it', async () => {
    h = await create({ timing: 'fast' })
    await h.request('POST', '/batches', { file: 'hdfs:///job.py' })
    await h.control.advance(600)
    expect((await h.request('DELETE', '/batches/0')).text).toBe('{"msg":"deleted"}')
    expect((await h.request('GET', '/batches/0')).text).toBe('{"msg":"Session \'0\' not found."}')
  })

  test('batch and session ids are independent counters', async () => {
    h = await create()
    await h.request('POST', '/sessions', {})
    expect((await h.request('POST', '/batches', { file: 'hdfs:///a.py' })).json<Batch>().id).toBe(0)
  })

  test('batches never report idle or busy, and have no statements route', async () => {
    h = await create()
    await h.request('POST', '/batches', { file: 'hdfs:///a.py' })
    expect((await h.request('GET', '/batches/0/statements')).status).toBe(404)
  })

  test('with a YARN master, batches get an application id and tracking URLs', async () => {
    h = await create({ seed: 'yarn', livyConf: { 'livy.spark.master': 'yarn' } })
    await h.request('POST', '/batches', { file: 'hdfs:///a.py' })
    const batch = (await h.request('GET', '/batches/0')).json<
      Batch & { appInfo: Record<string, string | null> }
    >()
    expect(batch.appId).toMatch(/^application_\d{13}_0001$/)
    expect(batch.appInfo.sparkUiUrl).toContain(`/proxy/${batch.appId}/`)
  })
})
