import type { LivyEmulatorOptions } from '../../src/index.ts'
import { type Harness, httpHarness, mswHarness } from './harness.ts'

/** Every way a client can reach the emulator; behaviour suites run once per entry. */
export const HARNESSES: readonly {
  name: string
  create: (options?: LivyEmulatorOptions) => Promise<Harness>
}[] = [
  { name: 'msw in-process', create: mswHarness },
  { name: 'HTTP server', create: httpHarness },
]
