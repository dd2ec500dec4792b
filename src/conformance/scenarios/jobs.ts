import { startsWith } from '../expectations.ts'
import type { Scenario } from '../types.ts'

const verified = { mark: 'verified' } as const
/** Base64 of bytes that are not a Kryo-serialised Livy Job ('n' reads as class id 108). */
const GARBAGE_JOB = Buffer.from('not a kryo job').toString('base64')

/** The Job API (programmatic clients) and adding resources to a session. */
export const JOB_SCENARIOS: readonly Scenario[] = [
  {
    id: 'S-JOB-001',
    title: 'submit-job and run-job answer 201 SENT with job ids counting from 1',
    covers: ['B-JOB-001'],
    tags: ['jobs'],
    parity: verified,
    async run(ctx) {
      const { id } = await ctx.createSession({ kind: 'spark' })
      const submit = await ctx.post(`/sessions/${id}/submit-job`, {
        job: GARBAGE_JOB,
        jobType: 'spark',
      })
      ctx.expect.status(submit, 201)
      ctx.expect.body(submit, '{"id":1,"state":"SENT","result":null,"error":null}')
      const run = await ctx.post(`/sessions/${id}/run-job`, { job: GARBAGE_JOB, jobType: 'spark' })
      ctx.expect.body(run, '{"id":2,"state":"SENT","result":null,"error":null}')
    },
  },
  {
    id: 'S-JOB-002',
    title: 'a job request without a payload is a 400',
    covers: ['B-JOB-002'],
    tags: ['jobs', 'errors'],
    parity: verified,
    async run(ctx) {
      const { id } = await ctx.createSession({ kind: 'spark' })
      for (const body of [{ job: '', jobType: 'spark' }, { jobType: 'spark' }, {}]) {
        const res = await ctx.post(`/sessions/${id}/submit-job`, body)
        ctx.expect.status(res, 400)
        ctx.expect.body(res, '{"msg":"requirement failed: no job provided."}')
      }
    },
  },
  {
    id: 'S-JOB-003',
    title:
      'a job the driver cannot deserialise fails; its final status reads once; an unknown id is a 500',
    covers: ['B-JOB-003'],
    tags: ['jobs', 'errors', 'quirks'],
    parity: verified,
    async run(ctx) {
      const session = await ctx.sharedSession('spark')
      const job = (
        await ctx.post(`/sessions/${session}/submit-job`, { job: GARBAGE_JOB, jobType: 'spark' })
      ).json<{ id: number }>().id
      const failed = await ctx.waitFor(
        async () => {
          const res = await ctx.get(`/sessions/${session}/jobs/${job}`)
          ctx.expect.status(res, 200)
          const status = res.json<{ state: string; error: string | null }>()
          return ['FAILED', 'SUCCEEDED', 'CANCELLED'].includes(status.state) ? status : undefined
        },
        { timeoutMs: 60_000, intervalMs: 250, description: `job ${job} to finish` },
      )
      ctx.expect.equal(
        failed,
        {
          id: job,
          state: 'FAILED',
          result: null,
          error: startsWith(
            'org.apache.livy.shaded.kryo.kryo.KryoException: Encountered unregistered class ID: 108\n\tat ',
          ),
        },
        'the failed job',
      )
      const again = await ctx.get(`/sessions/${session}/jobs/${job}`)
      ctx.expect.status(again, 500)
      ctx.expect.bareString(
        again,
        /^java\.util\.concurrent\.ExecutionException: org\.apache\.livy\.rsc\.rpc\.RpcException: java\.util\.NoSuchElementException: [0-9a-f-]{36}\n\tat /,
      )
      const unknown = await ctx.get(`/sessions/${session}/jobs/987654`)
      ctx.expect.status(unknown, 500)
      ctx.expect.body(unknown, '"java.util.NoSuchElementException: key not found: 987654"')
      ctx.expect.status(await ctx.get(`/sessions/${session}/jobs/x`), 400)
    },
  },
  {
    id: 'S-JOB-004',
    title: 'cancelling a job answers 200 with an empty body, for unknown ids too',
    covers: ['B-JOB-004'],
    tags: ['jobs'],
    parity: verified,
    async run(ctx) {
      const { id } = await ctx.createSession({ kind: 'spark' })
      const res = await ctx.post(`/sessions/${id}/jobs/987654/cancel`)
      ctx.expect.status(res, 200)
      ctx.expect.empty(res)
    },
  },
  {
    id: 'S-JOB-005',
    title:
      'add-jar and add-pyfile accept whitelisted paths; a local path outside the whitelist is a 400',
    covers: ['B-JOB-005'],
    tags: ['jobs', 'resources'],
    parity: verified,
    requires: ['local-files', 'pyspark'],
    async run(ctx) {
      const scala = await ctx.sharedSession('spark')
      const jar = await ctx.post(`/sessions/${scala}/add-jar`, {
        uri: `${ctx.localDir}/conformance.jar`,
      })
      ctx.expect.status(jar, 200)
      ctx.expect.empty(jar)
      const python = await ctx.sharedSession('pyspark')
      const py = await ctx.post(`/sessions/${python}/add-pyfile`, {
        uri: `file://${ctx.localDir}/conformance_mod.py`,
      })
      ctx.expect.status(py, 200)
      const outside = await ctx.post(`/sessions/${scala}/add-file`, { uri: '/etc/conformance.txt' })
      ctx.expect.status(outside, 400)
      ctx.expect.body(
        outside,
        '{"msg":"requirement failed: Local path /etc/conformance.txt cannot be added to user sessions."}',
      )
      const relative = await ctx.post(`/sessions/${scala}/add-jar`, { uri: 'x.jar' })
      ctx.expect.body(relative, '{"msg":"requirement failed: Path \'x.jar\' is not absolute."}')
    },
  },
  {
    id: 'S-JOB-006',
    title: 'an add-* URI that is not valid URI syntax is a 500 URISyntaxException',
    covers: ['B-JOB-007', 'B-ERROR-003'],
    tags: ['jobs', 'resources', 'errors'],
    parity: verified,
    async run(ctx) {
      const { id } = await ctx.createSession({ kind: 'spark' })
      const authority = await ctx.post(`/sessions/${id}/add-jar`, {
        uri: 'hdfs://bad host/x y.jar',
      })
      ctx.expect.status(authority, 500)
      ctx.expect.body(
        authority,
        '"java.net.URISyntaxException: Illegal character in authority at index 7: hdfs://bad host/x y.jar"',
      )
      const scheme = await ctx.post(`/sessions/${id}/add-file`, { uri: ':::' })
      ctx.expect.body(scheme, '"java.net.URISyntaxException: Expected scheme name at index 0: :::"')
    },
  },
  {
    id: 'S-JOB-007',
    title: 'uploads without their part are a 400 bare string',
    covers: ['B-JOB-006'],
    tags: ['jobs', 'resources', 'errors'],
    parity: verified,
    async run(ctx) {
      const { id } = await ctx.createSession({ kind: 'spark' })
      const jar = await ctx.post(`/sessions/${id}/upload-jar`, '', { unvalidated: true })
      ctx.expect.status(jar, 400)
      ctx.expect.body(jar, '"No jar sent!"')
      for (const route of ['upload-file', 'upload-pyfile']) {
        const res = await ctx.post(`/sessions/${id}/${route}`, '', { unvalidated: true })
        ctx.expect.body(res, '"No file sent!"')
      }
    },
  },
  {
    id: 'S-JOB-008',
    title:
      'an uploaded jar lands in the staging dir, which a default local server does not whitelist',
    covers: ['B-JOB-005'],
    tags: ['jobs', 'resources'],
    parity: verified,
    async run(ctx) {
      const { id } = await ctx.createSession({ kind: 'spark' })
      const boundary = 'conformanceBoundary'
      const body = `--${boundary}\r\nContent-Disposition: form-data; name="jar"; filename="up.jar"\r\nContent-Type: application/java-archive\r\n\r\nPK\r\n--${boundary}--\r\n`
      const res = await ctx.post(`/sessions/${id}/upload-jar`, body, {
        headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      })
      ctx.expect.status(res, 400)
      ctx.expect.message(
        res,
        /^requirement failed: Local path \/root\/\.livy-sessions\/[0-9a-f-]{36}\/up\.jar cannot be added to user sessions\.$/,
      )
    },
  },
]
