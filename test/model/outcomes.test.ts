import { describe, expect, test } from 'vitest'
import { renderJson } from '../../src/emulator/model/json-value.ts'
import {
  createInterpreterMemory,
  createToyInterpreters,
  runDefaultInterpreter,
} from '../../src/emulator/model/outcomes/interpreters.ts'
import { createOutcomeRules } from '../../src/emulator/model/outcomes/outcome.ts'

const run = (
  kind: 'spark' | 'pyspark' | 'sparkr' | 'sql',
  code: string,
  memory = createInterpreterMemory(),
) => runDefaultInterpreter(kind, code, memory, 1000)

describe('default Scala output', () => {
  test('an expression binds resN like the Scala REPL', () => {
    const memory = createInterpreterMemory()
    expect(run('spark', '1 + 1', memory)).toEqual({
      status: 'ok',
      data: { 'text/plain': 'res0: Int = 2\n' },
    })
    expect(run('spark', '2 * 3', memory)).toEqual({
      status: 'ok',
      data: { 'text/plain': 'res1: Int = 6\n' },
    })
  })
  test('a val prints its name, type and value, and is remembered', () => {
    const memory = createInterpreterMemory()
    expect(run('spark', 'val x = 5', memory).status).toBe('ok')
    expect(run('spark', 'x * 2', memory)).toEqual({
      status: 'ok',
      data: { 'text/plain': 'res0: Int = 10\n' },
    })
  })
  test('println prints the value', () => {
    expect(run('spark', 'println("hi")')).toEqual({ status: 'ok', data: { 'text/plain': 'hi\n' } })
  })
  test('Int division truncates and doubles print Java style', () => {
    expect(run('spark', '7 / 2')).toEqual({
      status: 'ok',
      data: { 'text/plain': 'res0: Int = 3\n' },
    })
    expect(run('spark', '1.0 + 1')).toEqual({
      status: 'ok',
      data: { 'text/plain': 'res0: Double = 2.0\n' },
    })
  })
  test('an unknown name is a Scala compile error with ename "Error"', () => {
    const out = run('spark', 'abcde')
    expect(out.status).toBe('error')
    if (out.status === 'error') {
      expect(out.ename).toBe('Error')
      expect(out.evalue).toMatch(/^<console>:\d+: error: not found: value abcde$/)
    }
  })
  test('an unfinished expression is an incomplete statement', () => {
    expect(run('spark', '(1 + ')).toEqual({
      status: 'error',
      ename: 'Error',
      evalue: 'incomplete statement',
      traceback: [],
    })
  })
  test('code beyond the toy interpreter runs quietly', () => {
    expect(run('spark', 'spark.range(10).count()')).toEqual({
      status: 'ok',
      data: { 'text/plain': '' },
    })
  })
})

describe('an emulator’s interpreters remember parses, never values', () => {
  test('code run again is evaluated again, against the names bound since', () => {
    const toys = createToyInterpreters()
    const memory = createInterpreterMemory()
    const again = (kind: 'spark' | 'pyspark' | 'sql', code: string) =>
      toys.run(kind, code, memory, 1000)
    expect(again('spark', 'val x = 1')).toEqual(run('spark', 'val x = 1'))
    expect(again('spark', 'x + 1')).toEqual({
      status: 'ok',
      data: { 'text/plain': 'res0: Int = 2\n' },
    })
    again('spark', 'val x = 41')
    expect(again('spark', 'x + 1')).toEqual({
      status: 'ok',
      data: { 'text/plain': 'res1: Int = 42\n' },
    })
    expect(again('pyspark', 'y')).toMatchObject({ status: 'error', ename: 'NameError' })
    again('pyspark', 'y = 3')
    expect(again('pyspark', 'y')).toEqual({ status: 'ok', data: { 'text/plain': '3' } })
  })

  test('Scala read once still runs in full each time, up to a line it cannot finish', () => {
    const toys = createToyInterpreters()
    const memory = createInterpreterMemory()
    const code = 'val a = 1\nimport x.y\na + 1\n(\nval b = 2'
    const first = toys.run('spark', code, memory, 1000)
    expect(first).toEqual(run('spark', code))
    expect(first).toEqual({
      status: 'error',
      ename: 'Error',
      evalue: 'incomplete statement',
      traceback: [],
    })
    expect([...memory.scala.keys()]).toEqual(['a'])
    memory.scala.clear()
    expect(toys.run('spark', code, memory, 1000)).toEqual(first)
    expect([...memory.scala.keys()]).toEqual(['a'])
    expect(toys.run('spark', 'a + 1', memory, 1000)).toEqual({
      status: 'ok',
      data: { 'text/plain': 'res2: Int = 2\n' },
    })
  })

  test('a remembered failure to parse answers as it did the first time', () => {
    const toys = createToyInterpreters()
    for (let i = 0; i < 3; i++) {
      expect(toys.run('spark', '1 +', createInterpreterMemory(), 1000)).toEqual(run('spark', '1 +'))
    }
  })

  test('more distinct code than it keeps is still answered right', () => {
    const toys = createToyInterpreters()
    for (let i = 0; i < 2000; i++) {
      expect(toys.run('sql', `SELECT ${i}`, createInterpreterMemory(), 1000)).toEqual(
        run('sql', `SELECT ${i}`),
      )
    }
  })
})

describe('default Python output', () => {
  test('the value of the last expression, stripped', () => {
    expect(run('pyspark', '1 + 1')).toEqual({ status: 'ok', data: { 'text/plain': '2' } })
  })
  test('print output is returned without the trailing newline', () => {
    expect(run('pyspark', 'print("hello")')).toEqual({
      status: 'ok',
      data: { 'text/plain': 'hello' },
    })
  })
  test('an undefined name is a NameError with a traceback', () => {
    expect(run('pyspark', 'x')).toEqual({
      status: 'error',
      ename: 'NameError',
      evalue: "name 'x' is not defined",
      traceback: ['Traceback (most recent call last):\n', "NameError: name 'x' is not defined\n"],
    })
  })
  test('assignments are remembered and print nothing', () => {
    const memory = createInterpreterMemory()
    expect(run('pyspark', 'x = 21', memory)).toEqual({ status: 'ok', data: { 'text/plain': '' } })
    expect(run('pyspark', 'x * 2', memory)).toEqual({ status: 'ok', data: { 'text/plain': '42' } })
  })
  test('Python division gives floats', () => {
    expect(run('pyspark', '1 / 2')).toEqual({ status: 'ok', data: { 'text/plain': '0.5' } })
  })
})

describe('default R output', () => {
  test('values print as R vectors', () => {
    expect(run('sparkr', '1 + 1')).toEqual({ status: 'ok', data: { 'text/plain': '[1] 2' } })
    expect(run('sparkr', '"a"')).toEqual({ status: 'ok', data: { 'text/plain': '[1] "a"' } })
  })
})

describe('default SQL output', () => {
  test('SELECT of literals returns Spark schema JSON and one row', () => {
    const out = run('sql', "SELECT 1 AS a, 'x' AS b, 1.5 AS c, true AS d, null AS e")
    expect(renderJson(out)).toBe(
      '{"status":"ok","data":{"application/json":{"schema":{"type":"struct","fields":[' +
        '{"name":"a","type":"integer","nullable":false,"metadata":{}},' +
        '{"name":"b","type":"string","nullable":false,"metadata":{}},' +
        '{"name":"c","type":"decimal(2,1)","nullable":false,"metadata":{}},' +
        '{"name":"d","type":"boolean","nullable":false,"metadata":{}},' +
        '{"name":"e","type":"void","nullable":true,"metadata":{}}]},' +
        '"data":[[1,"x",1.5,true,null]]}}}',
    )
  })
  test('unaliased columns are named the way Spark names them', () => {
    const out = run('sql', 'SELECT 1 + 1')
    expect(JSON.stringify(out)).toContain('"name":"(1 + 1)"')
  })
  test('statements the toy engine cannot run return an empty result', () => {
    expect(renderJson(run('sql', 'SELECT * FROM t'))).toBe(
      '{"status":"ok","data":{"application/json":{"schema":{"type":"struct","fields":[]},"data":[]}}}',
    )
  })
})

describe('outcome rules', () => {
  const ctx = (code: string, kind: 'spark' | 'pyspark' = 'spark', sessionId = 0) => ({
    sessionId,
    statementId: 0,
    kind,
    code,
  })
  test('match by exact code, regex or predicate', () => {
    const rules = createOutcomeRules()
    rules.add({ match: 'a', output: { 'text/plain': 'A' } })
    rules.add({ match: /^b/, output: { 'text/plain': 'B' } })
    rules.add({ match: (c) => c.code === 'c', output: { 'text/plain': 'C' } })
    expect(rules.resolve(ctx(' a '))?.body).toEqual({ status: 'ok', data: { 'text/plain': 'A' } })
    expect(rules.resolve(ctx('bee'))?.body).toEqual({ status: 'ok', data: { 'text/plain': 'B' } })
    expect(rules.resolve(ctx('c'))?.body).toEqual({ status: 'ok', data: { 'text/plain': 'C' } })
    expect(rules.resolve(ctx('d'))).toBeUndefined()
  })
  test('a string matches code that contains it, {exact} only the whole code (both trimmed)', () => {
    const rules = createOutcomeRules()
    rules.add({ match: 'spark.range', output: { 'text/plain': 'contains' } })
    rules.add({ match: { exact: 'x = 1' }, output: { 'text/plain': 'exact' } })
    expect(rules.resolve(ctx('df = spark.range(10)\ndf.count()'))?.body).toEqual({
      status: 'ok',
      data: { 'text/plain': 'contains' },
    })
    expect(rules.resolve(ctx('  x = 1\n'))?.body).toEqual({
      status: 'ok',
      data: { 'text/plain': 'exact' },
    })
    expect(rules.resolve(ctx('x = 12'))).toBeUndefined()
  })
  test('an empty string match is refused: it would answer every statement', () => {
    const rules = createOutcomeRules()
    expect(() => rules.add({ match: '  ', output: { 'text/plain': '' } })).toThrow(/empty match/)
  })
  test('the newest matching rule wins', () => {
    const rules = createOutcomeRules()
    rules.add({ match: /.*/, output: { 'text/plain': 'old' } })
    rules.add({ match: /.*/, output: { 'text/plain': 'new' } })
    expect(rules.resolve(ctx('x'))?.body).toEqual({ status: 'ok', data: { 'text/plain': 'new' } })
  })
  test('a rule limited to n uses retires after them', () => {
    const rules = createOutcomeRules()
    const handle = rules.add({ match: 'x', error: { ename: 'E', evalue: 'v' }, times: 1 })
    expect(rules.resolve(ctx('x'))?.body).toEqual({
      status: 'error',
      ename: 'E',
      evalue: 'v',
      traceback: [],
    })
    expect(rules.resolve(ctx('x'))).toBeUndefined()
    expect(handle.used).toBe(1)
  })
  test('rules can be limited to a kind and a session', () => {
    const rules = createOutcomeRules()
    rules.add({ match: 'x', kind: 'pyspark', sessionId: 3, durationMs: 5 })
    expect(rules.resolve(ctx('x', 'spark', 3))).toBeUndefined()
    expect(rules.resolve(ctx('x', 'pyspark', 2))).toBeUndefined()
    expect(rules.resolve(ctx('x', 'pyspark', 3))?.durationMs).toBe(5)
  })
  test('a rule that answers nothing is refused when it is added', () => {
    expect(() => createOutcomeRules().add({ match: 'x' })).toThrow(TypeError)
    expect(() => createOutcomeRules().add({ match: 'x', durationMs: -1 })).toThrow(RangeError)
  })
})
