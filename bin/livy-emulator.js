#!/usr/bin/env node
import { unsupportedNode } from './check-node.js'

const problem = unsupportedNode(process.versions.node, 'livy-emulator')
if (problem) {
  process.stderr.write(problem)
  process.exit(2)
}
// A dynamic import: a static one would load before the version check above.
const { main } = await import('../dist/src/cli/livy-emulator.js')

await main(process.argv.slice(2))
