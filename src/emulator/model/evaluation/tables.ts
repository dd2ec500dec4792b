/**
 * Tables every session's SQL and DataFrames see (Spark's `default` database): declared by the
 * user (`createLivyEmulator({ tables })`, `--table`, `POST /__emulator/tables`) or generated
 * (`sampleData`). They belong to the emulator, not to a session.
 */

/** A cell: what JSON can carry. Strings are parsed into the column's type when it has one. */
export type TableCell = string | number | boolean | null

export interface TableDefinition {
  /** A Spark identifier: letters, digits and `_`, not starting with a digit. */
  readonly name: string
  /**
   * Column types as a Spark DDL string (`'id INT, name STRING, score DECIMAL(3,1)'`); without
   * one, types are inferred from the values as `spark.createDataFrame` infers them.
   */
  readonly schema?: string
  /** Rows as objects (column → value) or arrays (in schema order). */
  readonly rows: readonly (Readonly<Record<string, TableCell>> | readonly TableCell[])[]
}

/** The emulator's tables. `version` changes with every change (engines re-read them then). */
export interface SeededTables {
  list(): readonly TableDefinition[]
  define(table: TableDefinition): void
  remove(name: string): boolean
  /** Back to the tables the emulator was created with. */
  reset(): void
  readonly version: number
}

/** Rows a table may have (they travel to the engine with each change). */
export const MAX_TABLE_ROWS = 100_000

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/

/**
 * Checks a table that came from a user (JSON, a file) and returns it typed, or throws a
 * `TypeError` that says what is wrong.
 *
 * @example
 * checkTable({ name: 'people', rows: [{ id: 1, name: 'ann' }] })
 */
export function checkTable(value: unknown): TableDefinition {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new TypeError('a table is {"name": …, "rows": [...], "schema"?: "a INT, b STRING"}')
  const { name, schema, rows } = value as Record<string, unknown>
  if (typeof name !== 'string' || !IDENTIFIER.test(name))
    throw new TypeError(
      `table name must be a Spark identifier (letters, digits, _), got ${JSON.stringify(name)}`,
    )
  if (schema !== undefined && (typeof schema !== 'string' || schema.length > 10_000))
    throw new TypeError('schema must be a DDL string such as "id INT, name STRING"')
  if (!Array.isArray(rows)) throw new TypeError('rows must be an array')
  if (rows.length > MAX_TABLE_ROWS)
    throw new TypeError(`a table has at most ${MAX_TABLE_ROWS} rows, got ${rows.length}`)
  const cell = (v: unknown): v is TableCell =>
    v === null ||
    typeof v === 'string' ||
    typeof v === 'boolean' ||
    (typeof v === 'number' && Number.isFinite(v))
  for (const [i, row] of rows.entries()) {
    const cells = Array.isArray(row)
      ? row
      : row !== null && typeof row === 'object'
        ? Object.values(row as object)
        : undefined
    if (!cells?.every(cell))
      throw new TypeError(
        `row ${i} must be an object or an array of strings, finite numbers, booleans or null`,
      )
  }
  return {
    name,
    ...(schema === undefined ? {} : { schema: schema as string }),
    rows: rows as TableDefinition['rows'],
  }
}

/**
 * @example
 * const tables = createSeededTables([{ name: 't', rows: [[1]] , schema: 'x INT' }])
 * tables.define({ name: 'u', rows: [] , schema: 'y STRING' })
 */
export function createSeededTables(initial: readonly TableDefinition[] = []): SeededTables {
  const start = initial.map(checkTable)
  let current = new Map(start.map((t) => [t.name.toLowerCase(), t]))
  let version = 0
  return {
    list: () => [...current.values()],
    define(table) {
      const checked = checkTable(table)
      current.set(checked.name.toLowerCase(), checked)
      version++
    },
    remove(name) {
      const removed = current.delete(name.toLowerCase())
      if (removed) version++
      return removed
    },
    reset() {
      current = new Map(start.map((t) => [t.name.toLowerCase(), t]))
      version++
    },
    get version() {
      return version
    },
  }
}
