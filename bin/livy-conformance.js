#!/usr/bin/env node
import { unsupportedNode } from './check-node.js'

const problem = unsupportedNode(process.versions.node, 'livy-conformance')
if (problem) {
  process.stderr.write(problem)
  process.exit(2)
}
// A dynamic import: a static one would load before the version check above.
const { main } = await import('../dist/src/conformance/cli.js')

const code = await main(process.argv.slice(2))
// Let piped output drain first (on some platforms pipes are asynchronous), then exit even
// if a target left a handle open.
await Promise.all([process.stdout, process.stderr].map((s) => new Promise((r) => s.write('', r))))
process.exit(code)
