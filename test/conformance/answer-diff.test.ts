import { describe, expect, test } from 'vitest'
import {
  describeDivergence,
  exchangeDifferences,
  jsonDifferences,
  lineDifferences,
  transcriptDivergences,
} from '../../src/conformance/answer-diff.ts'
import type { NormalisedExchange } from '../../src/conformance/normalise.ts'
import { renderSideBySide, wrapText } from '../../src/conformance/reports/side-by-side.ts'

const answer = (body: string, status = 200, headers = {}): NormalisedExchange => ({
  request: 'GET /sessions/S0',
  status,
  headers,
  body,
})

describe('how two answers differ', () => {
  test('JSON bodies differ by path: changed, absent and extra fields, array items', () => {
    expect(
      jsonDifferences(
        { id: 'S0', state: 'idle', appInfo: { sparkUiUrl: null }, log: ['a', 'b'] },
        { id: 'S0', state: 'busy', appInfo: { sparkUiUrl: null, extra: 1 }, log: ['a'] },
      ),
    ).toEqual([
      { field: '$.state', a: '"idle"', b: '"busy"' },
      { field: '$.appInfo.extra', a: undefined, b: '1' },
      { field: '$.log[1]', a: '"b"', b: undefined },
    ])
    expect(jsonDifferences({ 'text/plain': 1 }, { 'text/plain': 2 })).toEqual([
      { field: '$["text/plain"]', a: '1', b: '2' },
    ])
  })

  test('the same fields in another order are a difference (Livy fixes its field order)', () => {
    expect(
      jsonDifferences({ id: 0, name: null, kind: 'spark' }, { id: 0, kind: 'spark', name: null }),
    ).toEqual([{ field: '$ (field order)', a: 'id, name, kind', b: 'id, kind, name' }])
  })

  test('a body that is not JSON differs line by line, a line only one side has shifting nothing after it', () => {
    expect(
      lineDifferences(
        '<html>\n<h2>HTTP ERROR 404</h2>\n<p>x</p>\n</html>',
        '<html>\n<p>x</p>\n</html>',
      ),
    ).toEqual([{ field: 'body line 2', a: '<h2>HTTP ERROR 404</h2>', b: undefined }])
    expect(lineDifferences('a\nb\nc', 'a\nB\nc')).toEqual([
      { field: 'body line 2', a: 'b', b: 'B' },
    ])
  })

  test('status and compared headers come first, then the body', () => {
    expect(
      exchangeDifferences(
        answer('{"msg":"deleted"}', 200, { 'content-type': 'application/json' }),
        answer('', 204, {}),
      ),
    ).toEqual([
      { field: 'status', a: '200', b: '204' },
      { field: 'header content-type', a: 'application/json', b: undefined },
      { field: 'body', a: '{"msg":"deleted"}', b: '' },
    ])
  })

  test('transcripts: one divergence per exchange that differs; a different request ends the comparison', () => {
    const a = [
      answer('{"state":"idle"}'),
      answer('{}'),
      { ...answer('{}'), request: 'DELETE /sessions/S0' },
      answer('{}'),
    ]
    const b = [
      answer('{"state":"busy"}'),
      answer('{}'),
      { ...answer('{}'), request: 'GET /batches' },
    ]
    expect(transcriptDivergences(a, b)).toEqual([
      {
        index: 0,
        request: 'GET /sessions/S0',
        fields: [{ field: '$.state', a: '"idle"', b: '"busy"' }],
      },
      {
        index: 2,
        request: 'DELETE /sessions/S0',
        fields: [{ field: 'request', a: 'DELETE /sessions/S0', b: 'GET /batches' }],
      },
    ])
  })
})

describe('side by side', () => {
  test('a long value wraps within its column and nothing of it is lost', () => {
    const long = JSON.stringify({ msg: 'x'.repeat(150), more: ['y'.repeat(40), 'z'] })
    const lines = wrapText(long, 30)
    expect(lines.join('')).toBe(long)
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30)
    // Breaks prefer the JSON's own separators.
    expect(wrapText('{"a":1,"bb":22,"ccc":333}', 16)).toEqual(['{"a":1,"bb":22,', '"ccc":333}'])
  })

  test('columns are aligned on every line, wrapped ones too, within the width', () => {
    const long = `"${'v'.repeat(120)}"`
    const text = describeDivergence(
      {
        index: 3,
        request: 'GET /sessions/S0',
        fields: [
          { field: 'status', a: '200', b: '404' },
          { field: '$.sessions[0].name', a: long, b: undefined },
        ],
      },
      { width: 80 },
    )
    const [title, ...table] = text.split('\n')
    expect(title).toBe('#3 GET /sessions/S0')
    for (const line of table) expect(line.length).toBeLessThanOrEqual(80)
    const bColumn = (table[0] as string).indexOf('B')
    expect(bColumn).toBeGreaterThan(0)
    expect((table[1] as string).indexOf('404')).toBe(bColumn)
    expect((table[2] as string).indexOf('(absent)')).toBe(bColumn)
    // The long value is whole: its pieces, read down the A column, give it back.
    const aColumn = (table[0] as string).indexOf('A')
    const pieces = table.slice(2).map((l) => l.slice(aColumn, bColumn).trimEnd())
    expect(pieces.join('')).toBe(long)
    expect(pieces.length).toBeGreaterThan(1)
  })

  test('the header names the two sides', () => {
    expect(
      renderSideBySide([['$.state', '"idle"', '"busy"']], {
        header: ['field', 'livy', 'emulator'],
        width: 60,
      })[0],
    ).toMatch(/^field +livy +emulator$/)
  })
})
