/**
 * Writes spec/recording.schema.json from the recording format's zod schema (the one
 * `parseRecording`'s own checks are held to), so the two cannot drift apart.
 * `node scripts/generate-recording-schema.ts`; test/recording/recording-units.test.ts checks it is fresh.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { recordingJsonSchema } from '../src/emulator/recording/recording-json-schema.ts'

const path = join(import.meta.dirname, '..', 'spec', 'recording.schema.json')
writeFileSync(path, recordingJsonSchema())
process.stdout.write(`wrote ${path}\n`)
