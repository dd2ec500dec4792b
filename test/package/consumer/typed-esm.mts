// Type-checked by tsc in the temp project (module nodenext): an ES module of a TypeScript code
// base. The @ts-expect-error lines prove the types check paths and bodies, not just exist.
import { createLivyClient } from 'livy-emulator/client'
import type { Batch, CreateBatchRequest, components } from 'livy-emulator/types'

const client = createLivyClient({ baseUrl: 'http://localhost:8998' })
const request: CreateBatchRequest = { file: 'local:/tmp/pi.py' }
const created = await client.POST('/batches', { body: request })
const batch: Batch | undefined = created.data
const statement: components['schemas']['Statement'] | undefined = (
  await client.GET('/sessions/{sessionId}/statements/{statementId}', {
    params: { path: { sessionId: '0', statementId: 0 } },
  })
).data

// @ts-expect-error: no such path in Livy's API
await client.GET('/session')
const sessionPath = { path: { sessionId: '0' } }
// @ts-expect-error: a statement's body needs `code`
await client.POST('/sessions/{sessionId}/statements', { params: sessionPath, body: {} })

export { batch, statement }
