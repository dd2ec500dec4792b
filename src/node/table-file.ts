import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import {
  checkTable,
  type TableCell,
  type TableDefinition,
} from '../emulator/model/evaluation/tables.ts'

/**
 * A table from a file, for `--table name=path`: CSV with a header line (column types inferred
 * as Spark's CSV reader does with `inferSchema`: int, bigint, double, boolean, timestamp,
 * string), or JSON (an array of objects, or one object per line, types inferred as
 * `createDataFrame` does).
 *
 * @example
 * const people = await readTableFile('people', 'fixtures/people.csv')
 */
export async function readTableFile(name: string, path: string): Promise<TableDefinition> {
  const ext = extname(path).toLowerCase()
  const json = ext === '.json' || ext === '.jsonl' || ext === '.ndjson'
  if (ext !== '.csv' && !json)
    throw new TypeError(`--table takes a .csv or .json file, got ${path}`)
  const text = await readFile(path, 'utf8')
  return checkTable(json ? { name, rows: jsonRows(text) } : { name, ...csvTable(text) })
}

function jsonRows(text: string): unknown[] {
  const trimmed = text.trim()
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as unknown[]
  return trimmed
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown)
}

/** RFC 4180 fields: quotes around a field, `""` for a quote inside one. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''))
}

const INT = /^[+-]?\d+$/
const DOUBLE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/

function inferType(values: readonly string[]): string {
  const present = values.filter((v) => v !== '')
  if (present.length === 0) return 'STRING'
  if (present.every((v) => INT.test(v)))
    return present.every((v) => Math.abs(Number(v)) <= 2147483647) ? 'INT' : 'BIGINT'
  if (present.every((v) => DOUBLE.test(v))) return 'DOUBLE'
  if (present.every((v) => /^(true|false)$/i.test(v))) return 'BOOLEAN'
  if (present.every((v) => TIMESTAMP.test(v))) return 'TIMESTAMP'
  return 'STRING'
}

function csvTable(text: string): { schema: string; rows: TableCell[][] } {
  const [header, ...body] = parseCsv(text)
  if (!header) throw new TypeError('the CSV file is empty: it needs a header line')
  const types = header.map((_, i) => inferType(body.map((r) => r[i] ?? '')))
  const schema = header.map((h, i) => `\`${h.replace(/`/g, '``')}\` ${types[i]}`).join(', ')
  const rows = body.map((r) =>
    header.map((_, i): TableCell => {
      const v = r[i] ?? ''
      if (v === '') return null
      const type = types[i]
      if (type === 'INT' || type === 'BIGINT' || type === 'DOUBLE') return Number(v)
      if (type === 'BOOLEAN') return v.toLowerCase() === 'true'
      return v
    }),
  )
  return { schema, rows }
}
