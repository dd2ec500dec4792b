#!/usr/bin/env node
import { main } from '../dist/src/cli/livy-emulator.js'

await main(process.argv.slice(2))
