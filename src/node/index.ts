/**
 * Node entry point: the emulator as a real HTTP server.
 *
 * @example
 * import { startLivyServer } from 'livy-emulator/node'
 * const livy = await startLivyServer({ port: 8998 })
 */

export {
  BROWSER_ENGINE_FILE_NAMES,
  type BrowserEngineFile,
  browserEngineFiles,
} from './browser-engine-files.ts'
export { type LivyServer, type LivyServerOptions, startLivyServer } from './server.ts'
export { createFileStateStorage, type FileStateStorageOptions } from './state-file-storage.ts'
export { type NodeUpstreamOptions, nodeUpstreamTransport } from './upstream-transport.ts'
