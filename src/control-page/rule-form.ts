/** What the rule form holds: every field as the text the user typed. */
export interface RuleFields {
  matchBy: 'exact' | 'contains' | 'regex'
  match: string
  flags: string
  kind: '' | 'spark' | 'pyspark' | 'sparkr' | 'sql'
  sessionId: string
  answer: 'text' | 'json' | 'error' | 'abort'
  text: string
  json: string
  ename: string
  evalue: string
  traceback: string
  abort: string
  durationMs: string
  times: string
}

export const EMPTY_RULE: RuleFields = {
  matchBy: 'contains',
  match: '',
  flags: '',
  kind: '',
  sessionId: '',
  answer: 'text',
  text: '',
  json: '',
  ename: '',
  evalue: '',
  traceback: '',
  abort: '',
  durationMs: '',
  times: '',
}

/** The form's verdict: the JSON to post, or a message per field that is wrong. */
export type FormResult =
  | { readonly ok: true; readonly json: Record<string, unknown> }
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>> }

/**
 * An optional whole number typed in a field: undefined when empty, a message when it is not
 * a whole number at least `min`.
 */
export function wholeNumber(text: string, min: number): number | string | undefined {
  const t = text.trim()
  if (t === '') return undefined
  if (!/^-?\d+$/.test(t)) return 'must be a whole number'
  const n = Number(t)
  if (!Number.isSafeInteger(n)) return 'is too large'
  return n < min ? `must be at least ${min}` : n
}

/**
 * The JSON `POST /__emulator/outcomes` takes, checked as the API checks it (an exact, contained
 * or regular-expression match; a known kind; whole numbers; an object of mime types as output),
 * so that the form says what is wrong before sending. The API has the last word (its regular
 * expressions run on RE2 and refuse nested quantifiers): its refusal is shown too.
 *
 * @example
 * ruleJson({ ...EMPTY_RULE, match: 'spark.range', text: '10' })
 * // { ok: true, json: { match: { contains: 'spark.range' }, output: { 'text/plain': '10' } } }
 */
export function ruleJson(f: RuleFields): FormResult {
  const errors: Record<string, string> = {}
  const json: Record<string, unknown> = {}
  if (f.match === '') errors.match = 'Say which code the rule answers'
  else if (f.matchBy === 'exact') json.match = f.match
  else if (f.matchBy === 'contains') json.match = { contains: f.match }
  else {
    if (!/^[imsu]*$/.test(f.flags)) errors.flags = 'Flags are some of i, m, s, u'
    try {
      new RegExp(f.match, f.flags.replace(/[^imsu]/g, ''))
      json.match = { regex: f.match, ...(f.flags ? { flags: f.flags } : {}) }
    } catch (e) {
      errors.match = `Not a regular expression: ${(e as Error).message}`
    }
  }
  if (f.kind !== '') json.kind = f.kind
  const numbers: [keyof RuleFields, number, string][] = [
    ['sessionId', 0, 'Session id'],
    ['durationMs', 0, 'Duration'],
    ['times', 1, 'Times'],
  ]
  for (const [field, min, name] of numbers) {
    const n = wholeNumber(f[field], min)
    if (typeof n === 'string') errors[field] = `${name} ${n}`
    else if (n !== undefined) json[field] = n
  }
  switch (f.answer) {
    case 'text':
      json.output = { 'text/plain': f.text }
      break
    case 'json': {
      try {
        const value: unknown = JSON.parse(f.json)
        json.output = { 'application/json': value }
      } catch (e) {
        errors.json = `Not JSON: ${(e as Error).message}`
      }
      break
    }
    case 'error':
      if (f.ename.trim() === '') errors.ename = 'An error needs a name (ename), e.g. ValueError'
      json.error = {
        ename: f.ename.trim(),
        evalue: f.evalue,
        ...(f.traceback.trim() ? { traceback: f.traceback.split(/(?<=\n)/) } : {}),
      }
      break
    case 'abort':
      if (f.abort.trim() === '') errors.abort = 'Say why the statement aborts'
      json.abort = f.abort
      break
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, json }
}
