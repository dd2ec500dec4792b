/**
 * The root entry as bundlers resolve it for a browser (the `browser` condition of the exports
 * map): the same API, with msw and faker handed over at import, since a page has no Node
 * loader to fetch them from on first use (emulator/lazy-module.ts).
 */
import { faker } from '@faker-js/faker/locale/en'
import { http } from 'msw'
import { mswModule } from './emulator/http/msw-module.ts'
import { fakerModule } from './fixtures/faker.ts'

mswModule.provide({ http })
fakerModule.provide({ faker })

export * from './index.ts'
