import { z } from 'zod'
import { RECORDING_VERSION } from './recording-format.ts'
import { recordingSchema } from './recording-schema.ts'
import { stableJson } from './stable-json.ts'

/**
 * The JSON schema of a recording (`spec/recording.schema.json`), derived from the zod schema
 * `parseRecording`'s checks are held to.
 *
 * @example
 * writeFileSync('spec/recording.schema.json', recordingJsonSchema())
 */
export function recordingJsonSchema(): string {
  return stableJson({
    ...z.toJSONSchema(recordingSchema),
    $id: 'livy-emulator/spec/recording.schema.json',
    title: `livy-emulator recording, version ${RECORDING_VERSION}`,
    description:
      'What `livy-emulator --record-from URL --record-to FILE` writes and `--replay FILE` reads: statements per interpreter kind with their outputs, batches with their final state and log, and every exchange normalised as in src/fixtures/recorded/.',
  })
}
