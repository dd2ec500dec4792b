/**
 * Hands the lazily loaded dependencies over at import, for code that runs without Node's
 * module loader (a page, a bundle): msw for the handlers, faker for the logs' fixture text
 * (emulator/lazy-module.ts). In Node they load on first use instead (docs/decisions/0032).
 * Imported by the browser entries for its side effect.
 */
import { faker } from '@faker-js/faker/locale/en'
import { http } from 'msw'
import { mswModule } from './emulator/http/msw-module.ts'
import { fakerModule } from './fixtures/faker.ts'

mswModule.provide({ http })
fakerModule.provide({ faker })
