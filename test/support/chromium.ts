import { existsSync } from 'node:fs'
import type { Server } from 'node:http'
import { type Browser, chromium } from 'playwright-core'

/** Where the browser tests find Chromium: `CHROMIUM_PATH`, else Debian's package. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** The flags every browser test runs Chromium with (no sandbox in containers, no GPU, quiet). */
const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
]

/**
 * Fails at once, with what to install, when Chromium is missing: call it first in a
 * `beforeAll`, before anything that would need closing.
 *
 * @example
 * beforeAll(async () => { requireChromium(); browser = await launchChromium() })
 */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium), as .ci/run does, or set CHROMIUM_PATH`,
    )
}

/**
 * Launches the Chromium the tests use.
 *
 * @example
 * const browser = await launchChromium(['--disable-quic'])
 */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  requireChromium()
  return chromium.launch({ executablePath: CHROMIUM, args: [...BASE_ARGS, ...extraArgs] })
}

/**
 * Closes a `node:http` server if one was started. An `afterAll` runs also when its `beforeAll`
 * failed early: waiting for the close callback of a server that never existed (or never
 * listened) would hold the hook until its timeout.
 *
 * @example
 * afterAll(() => closeServer(server))
 */
export function closeServer(server: Server | undefined): Promise<void> {
  if (!server?.listening) return Promise.resolve()
  return new Promise((resolve) => server.close(() => resolve()))
}
