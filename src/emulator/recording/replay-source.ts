import type { StatementKind } from '../model/outcomes/interpreters.ts'
import type { StatementOutputBody } from '../model/outcomes/outcome.ts'
import type { OutcomeSource } from '../model/outcomes/outcome-source.ts'
import { normaliseCode } from './normalise-code.ts'
import type { Recording } from './recording-format.ts'

/** Outputs recorded for one piece of code, answered in the order they were recorded. */
interface Answers {
  readonly outputs: StatementOutputBody[]
  next: number
}

/**
 * A recording as a source of statement outputs: code recorded for the statement's kind answers
 * with its recorded output, first by exact code, then by {@link normaliseCode}. Code recorded
 * several times answers with each recorded output in turn, then keeps the last (a `random()`
 * replays the sequence it gave). Anything else is left to the engine.
 *
 * @example
 * const source = createReplaySource(parseRecording(text), 'staging.json')
 * source.resolve({ sessionId: 0, statementId: 0, kind: 'pyspark', code: 'spark.range(10).count()' })
 * // { body: { status: 'ok', data: { 'text/plain': '10' } }, durationMs: undefined, abort: undefined }
 */
export function createReplaySource(recording: Recording, name = 'recording'): OutcomeSource {
  const exact = new Map<string, Answers>()
  const loose = new Map<string, Answers>()
  const add = (map: Map<string, Answers>, key: string, output: StatementOutputBody) => {
    const answers = map.get(key)
    if (answers) answers.outputs.push(output)
    else map.set(key, { outputs: [output], next: 0 })
  }
  for (const [kind, statements] of Object.entries(recording.statements)) {
    for (const s of statements ?? []) {
      add(exact, `${kind}\n${s.code}`, s.output)
      add(loose, `${kind}\n${normaliseCode(s.code, kind as StatementKind)}`, s.output)
    }
  }
  const take = (answers: Answers): StatementOutputBody => {
    const output = answers.outputs[Math.min(answers.next, answers.outputs.length - 1)]
    answers.next++
    return output as StatementOutputBody
  }
  return {
    name: `replay of ${name}`,
    resolve(context) {
      const answers =
        exact.get(`${context.kind}\n${context.code}`) ??
        loose.get(`${context.kind}\n${normaliseCode(context.code, context.kind)}`)
      if (!answers) return undefined
      return { body: take(answers), durationMs: undefined, abort: undefined }
    },
  }
}
