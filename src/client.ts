/**
 * `livy-emulator/client`: a typed Livy REST client, generated types and all. Paths, parameters,
 * request bodies and answers are checked against the emulator's OpenAPI spec at compile time.
 * It is [openapi-fetch](https://openapi-ts.dev/openapi-fetch/) over `livy-emulator/types`, so
 * it talks to a real Livy as well as to the emulator.
 *
 * @example
 * import { createLivyClient } from 'livy-emulator/client'
 * const livy = createLivyClient({ baseUrl: 'http://localhost:8998' })
 * const { data, error } = await livy.POST('/sessions', { body: { kind: 'pyspark' } })
 * if (data) console.log(data.id, data.state) // typed as the spec's Session
 */
import createClient, { type Client, type ClientOptions } from 'openapi-fetch'
import type { paths } from '../generated/livy.ts'

export type { paths as LivyPaths } from '../generated/livy.ts'

/** Livy's own default address (`livy.server.port` 8998). */
export const DEFAULT_LIVY_URL = 'http://localhost:8998'

/** A typed client: `GET`, `POST`, `DELETE`… on the spec's paths, plus middleware (`use`). */
export type LivyClient = Client<paths>

/**
 * openapi-fetch's options. `baseUrl` may carry a prefix (a vendor gateway's `/livy`); `fetch`
 * lets the client call an in-process emulator without a server or msw.
 */
export type LivyClientOptions = ClientOptions

/**
 * A typed client for a Livy server (default {@link DEFAULT_LIVY_URL}).
 *
 * @example
 * // in-process, no HTTP: the emulator's own fetch answers
 * import { createLivyEmulator } from 'livy-emulator'
 * const emulator = createLivyEmulator({ timing: 'fast' })
 * const client = createLivyClient({ fetch: emulator.fetch })
 * const { data } = await client.GET('/sessions/{sessionId}', { params: { path: { sessionId: '0' } } })
 */
export function createLivyClient(options: LivyClientOptions = {}): LivyClient {
  return createClient<paths>({ baseUrl: DEFAULT_LIVY_URL, ...options })
}
