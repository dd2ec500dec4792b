/**
 * msw entry point: handlers for `setupServer` (Node) and `setupWorker` (browser).
 *
 * @example
 * import { setupServer } from 'msw/node'
 * import { createLivyEmulator } from 'livy-emulator/msw'
 * const livy = createLivyEmulator({ baseUrl: 'http://livy.test' })
 * setupServer(...livy.handlers).listen()
 */
import { http } from 'msw'
import { mswModule } from './emulator/http/msw-module.ts'

// This entry is for msw users: it hands msw to the handlers at once (no loading on first use).
mswModule.provide({ http })

export {
  createLivyEmulator,
  type LivyEmulator,
  type LivyEmulatorOptions,
} from './emulator/create-livy-emulator.ts'
export {
  createMswHandlers,
  fromFetchRequest,
  toFetchResponse,
} from './emulator/http/msw-handlers.ts'
