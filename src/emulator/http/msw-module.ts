import type { http } from 'msw'
import { lazyModule } from '../lazy-module.ts'

/**
 * msw, for the handlers: loaded when `livy.handlers` is first read, so a test that only calls
 * `livy.fetch` never loads it (~0.1 s with its cookie and URL libraries). The browser entries
 * and `livy-emulator/msw` hand it over at import.
 */
export const mswModule = lazyModule<{ readonly http: typeof http }>(
  'msw',
  "outside Node, import from 'livy-emulator/browser' or 'livy-emulator/msw' to use the handlers",
)
