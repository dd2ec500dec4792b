/**
 * `livy-emulator/msw` as bundlers resolve it for a browser (the `browser` condition of the
 * exports map): the same API, with msw and faker handed over at import.
 */
import './browser-deps.ts'

export * from './msw.ts'
