/**
 * Entry of the one-file server bundle (`scripts/build-server-bundle.ts` writes
 * `dist/server/livy-emulator.js`), which the Python package and the local container image run
 * with their own Node: the same CLI as `bin/livy-emulator.js`, without `node_modules`.
 *
 * @example
 * // node dist/server/livy-emulator.js --port 0 --exit-on-stdin-close
 */
import { faker } from '@faker-js/faker/locale/en'
import { fakerModule } from '../fixtures/faker.ts'
import { main } from './livy-emulator.ts'

// The bundle carries no node_modules to load faker from on first use: it brings it along.
fakerModule.provide({ faker })

await main(process.argv.slice(2))
