// Type-checked by tsc in the temp project (module nodenext): a CommonJS file of a TypeScript
// code base, whose imports compile to require() of the package's ES modules.
import { createLivyEmulator } from 'livy-emulator'
import { createLivyClient, type LivyClient } from 'livy-emulator/client'
import type { paths, Session } from 'livy-emulator/types'

type Created = paths['/sessions']['post']['responses'][201]['content']['application/json']

export async function firstSession(): Promise<Session['state'] | undefined> {
  const livy = createLivyEmulator({ evaluate: 'scripted' })
  const client: LivyClient = createLivyClient({ fetch: livy.fetch })
  const { data } = await client.POST('/sessions', { body: { kind: 'spark', name: 'typed' } })
  const created: Created | undefined = data
  return created?.state
}
