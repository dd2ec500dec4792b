import { describe, expect, test } from 'vitest'
import { resolveTiming } from '../../src/emulator/model/timing.ts'
import { createCrc32 } from '../../src/emulator/persistence/crc32.ts'
import { StateFileError } from '../../src/emulator/persistence/state-file-error.ts'
import { stateIdentity } from '../../src/emulator/persistence/state-header.ts'
import { createStateLines } from '../../src/emulator/persistence/state-lines.ts'
import { openStateLog } from '../../src/emulator/persistence/state-log.ts'
import { createMemoryStateStorage } from '../../src/emulator/persistence/state-storage.ts'

const text = (s: string) => new TextEncoder().encode(s)
const decode = (b: Uint8Array) => new TextDecoder().decode(b)
const IDS = { outcomeRule: 1, httpFault: 1 }
const identity = (over: Partial<Parameters<typeof stateIdentity>[0]> = {}) =>
  stateIdentity({ seed: 's', timing: resolveTiming('fast'), clockKind: 'manual', ...over })

/** A log with a header and `n` advance records, as bytes. */
function logWith(n: number): Uint8Array {
  const storage = createMemoryStateStorage()
  const log = openStateLog(storage, identity(), 1000, IDS)
  for (let i = 0; i < n; i++)
    log.append({ at: 1000 + i, type: 'control', op: { op: 'advance', ms: 1 } }, true)
  return storage.bytes()
}

const lineStarts = (bytes: Uint8Array): number[] => {
  const starts = [0]
  bytes.forEach((b, i) => {
    if (b === 0x0a && i + 1 < bytes.length) starts.push(i + 1)
  })
  return starts
}

describe('CRC-32', () => {
  test('matches the IEEE check value and changes with any byte', () => {
    const crc32 = createCrc32()
    expect(crc32(text('123456789')).toString(16)).toBe('cbf43926')
    expect(crc32(text(''))).toBe(0)
    expect(crc32(text('123456780'))).not.toBe(crc32(text('123456789')))
  })
})

describe('state lines', () => {
  const lines = createStateLines()

  test('round-trip JSON values behind their checksum and length', () => {
    const bytes = new Uint8Array([...lines.encode({ a: 'é\n' }), ...lines.encode([1, null])])
    expect(decode(bytes)).toMatch(/^[0-9a-f]{8} \d+ \{"a":"é\\n"\}\n/)
    expect(lines.decode(bytes)).toEqual({
      values: [{ a: 'é\n' }, [1, null]],
      ends: [lines.encode({ a: 'é\n' }).length, bytes.length],
      goodLength: bytes.length,
    })
  })

  test('a line without its newline is torn: the lines before it are kept', () => {
    const whole = lines.encode({ n: 1 })
    const torn = lines.encode({ n: 2 }).slice(0, 10)
    const decoded = lines.decode(new Uint8Array([...whole, ...torn]))
    expect(decoded.values).toEqual([{ n: 1 }])
    expect(decoded.goodLength).toBe(whole.length)
    expect(decoded.bad).toEqual({ line: 2, reason: 'torn line (no newline)' })
  })

  test('a flipped byte fails the checksum; a short line fails the length', () => {
    const line = lines.encode({ value: 'abc' })
    const flipped = line.slice()
    flipped[line.length - 4] = 'x'.charCodeAt(0)
    expect(lines.decode(flipped).bad?.reason).toBe('checksum mismatch')
    const short = new Uint8Array([...line.slice(0, line.length - 3), 0x0a])
    expect(lines.decode(short).bad?.reason).toMatch(/^length \d+ but \d+ bytes$/)
    expect(lines.decode(text('garbage\n')).bad?.reason).toBe('no line header')
  })
})

describe('opening a state log', () => {
  test('an empty storage gets a header and nothing to replay', () => {
    const storage = createMemoryStateStorage()
    const log = openStateLog(storage, identity(), 1000, IDS)
    expect(log.recovery).toEqual({ fresh: true, records: 0, restarts: 0 })
    expect(decode(storage.bytes())).toContain('"format":"livy-emulator-state/1"')
    expect(storage.syncs).toBe(1)
  })

  test('a torn tail is reported, cut off, and new records follow the good ones', () => {
    const bytes = logWith(3)
    const storage = createMemoryStateStorage(bytes.slice(0, bytes.length - 5))
    const log = openStateLog(storage, identity(), 0, IDS)
    const starts = lineStarts(bytes)
    expect(log.recovery).toEqual({
      fresh: false,
      records: 2,
      restarts: 0,
      dropped: {
        line: 4,
        reason: 'torn line (no newline)',
        bytes: bytes.length - 5 - (starts[3] as number),
      },
    })
    expect(log.takeRecords().map((r) => r.seq)).toEqual([1, 2])
    log.append({ at: 2000, type: 'control', op: { op: 'advance', ms: 5 } }, true)
    const reopened = openStateLog(createMemoryStateStorage(storage.bytes()), identity(), 0, IDS)
    expect(reopened.recovery.dropped).toBeUndefined()
    expect(reopened.takeRecords().map((r) => [r.seq, r.at])).toEqual([
      [1, 1000],
      [2, 1001],
      [3, 2000],
    ])
  })

  test('a corrupt line in the middle is refused, naming its byte offset, and the file is untouched', () => {
    const bytes = logWith(5)
    const starts = lineStarts(bytes)
    const damaged = bytes.slice()
    const inside = (starts[3] as number) + 20 // a byte of record 3
    damaged[inside] = (damaged[inside] as number) ^ 0x01
    const storage = createMemoryStateStorage(damaged, 'x.state')
    const open = () => openStateLog(storage, identity(), 0, IDS)
    expect(open).toThrow(StateFileError)
    expect(open).toThrow(
      `x.state is damaged at byte ${starts[3]} (line 4: checksum mismatch), with ${bytes.length - (starts[4] as number)} more bytes after that line`,
    )
    try {
      open()
    } catch (e) {
      expect((e as StateFileError).kind).toBe('damaged')
    }
    expect(storage.bytes()).toEqual(damaged)
    expect(storage.syncs).toBe(0)
  })

  test('repair keeps the lines before mid-file damage, after a backup of the whole file', () => {
    const bytes = logWith(5)
    const starts = lineStarts(bytes)
    const damaged = bytes.slice()
    const at = (starts[3] as number) + 20
    damaged[at] = (damaged[at] as number) ^ 0x01
    const storage = createMemoryStateStorage(damaged, 'x.state', { repair: true })
    const log = openStateLog(storage, identity(), 0, IDS)
    expect(log.recovery.records).toBe(2)
    expect(log.recovery.repaired).toEqual({ offset: starts[3], backup: 'x.state backup 1' })
    expect(storage.backups).toEqual([damaged])
    expect(storage.bytes()).toEqual(bytes.slice(0, starts[3]))
  })

  test('a well-framed line out of sequence before the tail counts as damage too', () => {
    const bytes = logWith(3)
    const starts = lineStarts(bytes)
    // Record 2 twice (a botched copy): the second copy is refused.
    const doubled = new Uint8Array([
      ...bytes.slice(0, starts[3]),
      ...bytes.slice(starts[2], starts[3]),
      ...bytes.slice(starts[3]),
    ])
    const open = () => openStateLog(createMemoryStateStorage(doubled), identity(), 0, IDS)
    expect(open).toThrow(/line 4: record number 2 where 3 was expected/)
    // As the last line it is a tail, and only dropped.
    const atTail = new Uint8Array([...bytes, ...bytes.slice(starts[2], starts[3])])
    const log = openStateLog(createMemoryStateStorage(atTail), identity(), 0, IDS)
    expect(log.recovery.records).toBe(3)
    expect(log.recovery.dropped?.reason).toBe('record number 2 where 4 was expected')
  })

  test('a header written under other options is refused, naming each difference', () => {
    const bytes = logWith(1)
    const open = (over: Parameters<typeof identity>[0]) => () =>
      openStateLog(createMemoryStateStorage(bytes, 'x.state'), identity(over), 0, IDS)
    expect(open({ seed: 'other' })).toThrow(StateFileError)
    expect(open({ seed: 'other' })).toThrow('seed: the file has "s", this emulator "other"')
    expect(open({ timing: resolveTiming('instant') })).toThrow(
      'timing.sessionStart: the file has 1000, this emulator 0',
    )
    expect(open({ livyConf: { 'livy.spark.master': 'yarn' } })).toThrow(
      'livyConf livy.spark.master: the file has no value, this emulator "yarn"',
    )
    expect(open({ clockKind: 'system' })).toThrow('clock: the file has a manual clock')
    expect(open({ profile: 'fabric' })).toThrow('profile: the file has "apache-0.9"')
    try {
      open({ seed: 'other' })()
    } catch (e) {
      expect((e as StateFileError).kind).toBe('mismatch')
      expect((e as Error).message).toContain(
        'x.state was written by an emulator started with other options',
      )
    }
  })

  test('a file that is not a state file is refused and left untouched', () => {
    const storage = createMemoryStateStorage(text('my notes\nnot a log\n'), 'notes.txt')
    expect(() => openStateLog(storage, identity(), 0, IDS)).toThrow(
      /notes\.txt is not a usable livy-emulator state file: its first line is damaged/,
    )
    expect(decode(storage.bytes())).toBe('my notes\nnot a log\n')
  })
})
