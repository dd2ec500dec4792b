import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { StateFileError } from '../../src/emulator/persistence/state-file-error.ts'
import { startLivyServer } from '../../src/node/server.ts'
import { createFileStateStorage } from '../../src/node/state-file-storage.ts'

/** Issue 14, item 5: no accepted write is lost to damage or to a second server. */
let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'livy-hardening-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const json = { 'Content-Type': 'application/json' }

async function fileWithSessions(file: string, n: number): Promise<void> {
  const server = await startLivyServer({ port: 0, stateFile: file, clock: 'manual' })
  for (let i = 0; i < n; i++)
    await fetch(`${server.url}/sessions`, { method: 'POST', body: '{}', headers: json })
  await server.close()
}

describe('one server per state file', () => {
  test('a second server on the same file is refused, naming the holder; closing releases it', async () => {
    const file = join(dir, 'livy.state')
    const first = await startLivyServer({ port: 0, stateFile: file })
    const second = startLivyServer({ port: 0, stateFile: file })
    await expect(second).rejects.toThrow(StateFileError)
    await expect(second).rejects.toThrow(`in use by process ${process.pid}`)
    await first.close()
    expect(existsSync(`${file}.lock`)).toBe(false)
    const third = await startLivyServer({ port: 0, stateFile: file })
    await third.close()
  })

  test('four creates on two would-be servers: none lost after a restart', async () => {
    const file = join(dir, 'livy.state')
    const a = await startLivyServer({ port: 0, stateFile: file })
    await expect(startLivyServer({ port: 0, stateFile: file })).rejects.toThrow(/in use/)
    for (let i = 0; i < 4; i++)
      expect((await fetch(`${a.url}/sessions`, { method: 'POST', body: '{}' })).status).toBe(201)
    await a.close()
    const b = await startLivyServer({ port: 0, stateFile: file })
    expect((await (await fetch(`${b.url}/sessions`)).json()).total).toBe(4)
    await b.close()
  })

  test('a lock left by a process that is gone (kill -9) is stale and taken over', () => {
    const file = join(dir, 'livy.state')
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])
    const pid = Number(gone.stdout.toString())
    writeFileSync(`${file}.lock`, JSON.stringify({ pid, host: hostname(), since: 'earlier' }))
    const storage = createFileStateStorage(file)
    expect(storage.read()).toBeNull()
    expect(JSON.parse(readFileSync(`${file}.lock`, 'utf8')).pid).toBe(process.pid)
    storage.close()
  })
})

describe('damage before the tail', () => {
  test('refuses to start, naming the byte offset, and leaves the file untouched (and unlocked)', async () => {
    const file = join(dir, 'livy.state')
    await fileWithSessions(file, 4)
    const bytes = readFileSync(file)
    const starts = [0]
    bytes.forEach((b, i) => {
      if (b === 0x0a && i + 1 < bytes.length) starts.push(i + 1)
    })
    const offset = starts[2] as number
    const damaged = Buffer.from(bytes)
    damaged[offset + 15] = (damaged[offset + 15] as number) ^ 0x04
    writeFileSync(file, damaged)
    const refused = startLivyServer({ port: 0, stateFile: file, clock: 'manual' })
    await expect(refused).rejects.toThrow(`damaged at byte ${offset} (line 3:`)
    await expect(refused).rejects.toMatchObject({ kind: 'damaged' })
    expect(readFileSync(file)).toEqual(damaged)
    expect(existsSync(`${file}.lock`)).toBe(false)

    const repaired = await startLivyServer({
      port: 0,
      stateFile: file,
      clock: 'manual',
      stateFileRepair: true,
    })
    expect(repaired.emulator.stateFile?.recovered.repaired?.offset).toBe(offset)
    await repaired.close()
    const backups = readdirSync(dir).filter((f) => f.startsWith('livy.state.damaged-'))
    expect(backups).toHaveLength(1)
    expect(readFileSync(join(dir, backups[0] as string))).toEqual(damaged)
    // The good lines are kept (the repaired server appended its restart after them).
    expect(readFileSync(file).subarray(0, offset)).toEqual(bytes.subarray(0, offset))
    expect(repaired.emulator.stateFile?.recovered.records).toBe(1)
  })
})
