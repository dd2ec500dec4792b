import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'

const docker = join(import.meta.dirname, '..', '..', 'docker')
const runtime = (file: string) => {
  const text = readFileSync(join(docker, file), 'utf8')
  const at = text.indexOf('# ---- runtime')
  expect(at, `${file} has a runtime section`).toBeGreaterThan(0)
  return text.slice(at).replace(/^# ---- runtime.*$/m, '')
}

describe('the container recipes', () => {
  test('the registry Dockerfile and the local one run the server the same way', () => {
    expect(runtime('Dockerfile.local')).toBe(runtime('Dockerfile'))
  })

  test('the image runs as a user of its own, with a health check and a volume for the state file', () => {
    const section = runtime('Dockerfile')
    expect(section).toMatch(/^USER livy$/m)
    expect(section).toMatch(/^HEALTHCHECK /m)
    expect(section).toMatch(/^VOLUME \/data$/m)
    expect(section).toMatch(/LIVY_EMULATOR_HOST=0\.0\.0\.0/)
  })

  test('the registry Dockerfile starts from an official Node image and installs from npm', () => {
    const text = readFileSync(join(docker, 'Dockerfile'), 'utf8')
    expect(text).toMatch(/^FROM node:24-/m)
    expect(text).toMatch(/npm install --global .*"livy-emulator@\$\{LIVY_EMULATOR_VERSION\}"/)
  })
})
