/**
 * The root entry as bundlers resolve it for a browser (the `browser` condition of the exports
 * map): the same API, with msw and faker handed over at import, since a page has no Node
 * loader to fetch them from on first use.
 */
import './browser-deps.ts'

export * from './index.ts'
