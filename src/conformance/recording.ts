import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { NormalisedExchange } from './normalise.ts'

/**
 * Normalised transcripts of the catalogue on a real Apache Livy, written by the judge
 * (`npm run test:livy`) and replayed offline against the emulator (`test/conformance/replay.test.ts`).
 */
export interface LivyRecording {
  readonly livyVersion: string
  readonly sparkVersion: string
  readonly javaVersion: string
  readonly recordedAt: string
  /** Scenarios in the catalogue when it was recorded (not all are recorded: see `scenarios`). */
  readonly catalogueSize: number
  /** Scenario id → its transcript; only scenarios that passed on real Livy. */
  readonly scenarios: Readonly<Record<string, readonly NormalisedExchange[]>>
}

/** `src/fixtures/recorded/livy-0.9.0.json`. */
export const RECORDING_PATH = fileURLToPath(
  new URL('../fixtures/recorded/livy-0.9.0.json', import.meta.url),
)

/** JSON with object keys sorted at every level and a final newline, so reruns diff cleanly. */
export function stableStringify(value: unknown): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted)
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {}
      for (const k of Object.keys(v).sort()) out[k] = sorted((v as Record<string, unknown>)[k])
      return out
    }
    return v
  }
  return `${JSON.stringify(sorted(value), null, 2)}\n`
}

/** The recording, or undefined when it has not been made yet. */
export function readRecording(path: string = RECORDING_PATH): LivyRecording | undefined {
  if (!existsSync(path)) return undefined
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as LivyRecording
  if (typeof parsed.scenarios !== 'object' || parsed.scenarios === null) {
    throw new Error(`${path} is not a Livy recording (no "scenarios" object)`)
  }
  return parsed
}

export function writeRecording(recording: LivyRecording, path: string = RECORDING_PATH): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, stableStringify(recording))
}
