/**
 * Entry of the one-file server bundle (`scripts/build-server-bundle.ts` writes
 * `dist/server/livy-emulator.js`), which the Python package and the local container image run
 * with their own Node: the same CLI as `bin/livy-emulator.js`, without `node_modules`.
 *
 * @example
 * // node dist/server/livy-emulator.js --port 0 --exit-on-stdin-close
 */
import { main } from './livy-emulator.ts'

await main(process.argv.slice(2))
