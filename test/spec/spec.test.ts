import { execFile } from 'node:child_process'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { ROUTES } from '../../src/index.ts'

const run = promisify(execFile)
const root = join(import.meta.dirname, '..', '..')
const bin = (name: string) => join(root, 'node_modules', '.bin', name)

interface Spec {
  paths: Record<string, Record<string, { operationId?: string; tags?: string[] }>>
}

const loadSpec = async (): Promise<Spec> =>
  parse(await readFile(join(root, 'spec', 'openapi.yaml'), 'utf8')) as Spec

describe('OpenAPI spec', () => {
  test('generated/ is exactly what `npm run generate` makes of spec/openapi.yaml', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'livy-gen-')), 'livy.ts')
    await run(bin('openapi-typescript'), ['spec/openapi.yaml', '-o', out], { cwd: root })
    const fresh = await readFile(out, 'utf8')
    const committed = await readFile(join(root, 'generated', 'livy.ts'), 'utf8')
    expect(committed, 'generated/livy.ts is stale: run `npm run generate`').toBe(fresh)
  })

  test('the spec lints clean with Redocly', async () => {
    const { stdout, stderr } = await run(
      bin('redocly'),
      ['lint', 'spec/openapi.yaml', '--format', 'stylish'],
      {
        cwd: root,
      },
    ).catch((e: { stdout: string; stderr: string }) => {
      throw new Error(`redocly lint failed:\n${e.stdout}\n${e.stderr}`)
    })
    expect(`${stdout}${stderr}`).toMatch(/valid|no problems/i)
  })

  test('the route table and the spec describe the same Livy operations', async () => {
    const spec = await loadSpec()
    const fromSpec = new Set<string>()
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!['get', 'post', 'delete', 'put', 'patch'].includes(method)) continue
        if (op.tags?.includes('emulator')) continue
        fromSpec.add(
          `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')} ${op.operationId}`,
        )
      }
    }
    const fromRoutes = new Set(ROUTES.map((r) => `${r.method} ${r.path} ${r.operationId}`))
    expect([...fromRoutes].sort()).toEqual([...fromSpec].sort())
  })
})
