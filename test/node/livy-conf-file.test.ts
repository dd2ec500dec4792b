import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { parseLivyConf, parseSparkBlacklist } from '../../src/cli/livy-conf-file.ts'
import { ROOT, type Spawned, spawnBin } from '../support/cli.ts'

const spawned: Spawned[] = []
afterAll(async () => {
  for (const p of spawned) {
    p.kill('SIGKILL')
    await p.exited()
  }
})

describe('livy.conf and spark-blacklist.conf, read as Livy reads them', () => {
  test('java.util.Properties forms: =, :, blank separators, comments, continuations, escapes', () => {
    expect(
      parseLivyConf(
        [
          '# livy.spark.master = local',
          '! also a comment',
          '   livy.spark.master = yarn',
          'livy.server.session.timeout: 1h',
          'livy.ui.enabled false',
          'livy.file.local-dir-whitelist = /a/,\\',
          '    /b/',
          'livy.key\\=with\\:colon = tab\\there \\u00e9',
          '',
        ].join('\n'),
      ),
    ).toEqual([
      ['livy.spark.master', 'yarn'],
      ['livy.server.session.timeout', '1h'],
      ['livy.ui.enabled', 'false'],
      ['livy.file.local-dir-whitelist', '/a/,/b/'],
      ['livy.key=with:colon', 'tab\there é'],
    ])
  })

  test('the blacklist is one key per line, comments and blanks ignored', () => {
    expect(
      parseSparkBlacklist('# Disallowed\nspark.master\n\n  spark.submit.deployMode  \n'),
    ).toEqual(['spark.master', 'spark.submit.deployMode'])
  })

  test('--livy-conf applies the file and the blacklist beside it; --conf overrides the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'livy-conf-'))
    writeFileSync(
      join(dir, 'livy.conf'),
      'livy.server.session.max-creation = 1\nlivy.spark.master = yarn\n',
    )
    writeFileSync(join(dir, 'spark-blacklist.conf'), '# no\nspark.submit.deployMode\n')
    const p = spawnBin('livy-emulator.js', [
      '--port',
      '0',
      '--livy-conf',
      join(dir, 'livy.conf'),
      '--conf',
      'livy.server.session.max-creation=5',
    ])
    spawned.push(p)
    const url = (await p.waitFor(/listening on (http:\/\/\S+)/))[1] as string
    const refused = await fetch(`${url}/sessions`, {
      method: 'POST',
      body: JSON.stringify({ conf: { 'spark.submit.deployMode': 'cluster' } }),
    })
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('Blacklisted configuration values')
    // max-creation 5 from --conf, not 1 from the file: two creations in a row are accepted.
    for (let i = 0; i < 2; i++)
      expect(
        (await fetch(`${url}/sessions`, { method: 'POST', body: '{"kind":"spark"}' })).status,
      ).toBe(201)
  })

  test('--version prints the package version; an unreadable --livy-conf is a usage error', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      version: string
    }
    const v = spawnBin('livy-emulator.js', ['--version'])
    expect(await v.exited()).toBe(0)
    expect(v.stdout()).toBe(`livy-emulator ${version}\n`)
    const bad = spawnBin('livy-emulator.js', ['--livy-conf', '/nonexistent/livy.conf'])
    expect(await bad.exited()).toBe(2)
    expect(bad.stderr()).toContain('--livy-conf: cannot read /nonexistent/livy.conf: ENOENT')
  })
})
