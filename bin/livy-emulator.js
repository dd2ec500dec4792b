#!/usr/bin/env node
const [major] = process.versions.node.split('.').map(Number)
if (major < 22) {
  process.stderr.write(`${process.argv[1]}: needs Node >= 22.12 (this is ${process.version}); in the repo, npm scripts and npx use the node@24 devDependency\n`)
  process.exit(2)
}
// A dynamic import: a static one would load before the version check above.
const { main } = await import('../dist/src/cli/livy-emulator.js')

await main(process.argv.slice(2))
