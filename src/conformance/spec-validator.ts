import { readFileSync } from 'node:fs'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import { parse } from 'yaml'
import type { SpecViolation } from './types.ts'

type Json = Record<string, unknown>

/** Finds `spec/openapi.yaml` from src/ (development) and dist/src/ (published package). */
export function specPath(): URL {
  for (const candidate of ['../../spec/openapi.yaml', '../../../spec/openapi.yaml']) {
    const url = new URL(candidate, import.meta.url)
    try {
      readFileSync(url)
      return url
    } catch {
      // try the next layout
    }
  }
  throw new Error('spec/openapi.yaml not found next to the conformance suite')
}

const pointer = (parts: readonly string[]): string =>
  `#/${parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`

/** `/sessions/0/state` (ajv instancePath) → `$.sessions[0].state`. */
const jsonPath = (instancePath: string): string =>
  `$${instancePath
    .split('/')
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('')}`

interface Operation {
  readonly id: string
  readonly method: string
  readonly template: string
  readonly regex: RegExp
  readonly literalSegments: number
  readonly responses: Json
}

/** What the validator needs about a response. */
export interface ValidatableResponse {
  readonly method: string
  readonly path: string
  readonly status: number
  readonly headers: Headers
  readonly text: string
}

/**
 * Validates responses against `spec/openapi.yaml`: the status must be declared for the
 * operation, required headers present and well-formed, and the body must match the schema of
 * its media type. Schemas are compiled once (Ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses).
 *
 * @example
 * const validator = createSpecValidator()
 * validator.validate({ method: 'GET', path: '/sessions/0', status: 200, headers, text })
 * // [] or [{ path: '$.state', message: 'must be equal to one of the allowed values', … }]
 */
export function createSpecValidator(specText?: string) {
  const spec = parse(specText ?? readFileSync(specPath(), 'utf8')) as Json
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    allowUnionTypes: true,
    validateSchema: false,
  })
  for (const format of [
    'int32',
    'int64',
    'double',
    'float',
    'byte',
    'binary',
    'uri',
    'uuid',
    'date-time',
  ]) {
    ajv.addFormat(format, true)
  }
  ajv.addSchema(spec, 'livy-spec')
  const compiled = new Map<string, ValidateFunction>()
  const schemaAt = (ref: string): ValidateFunction => {
    let fn = compiled.get(ref)
    if (!fn) {
      fn = ajv.compile({ $ref: `livy-spec${ref}` })
      compiled.set(ref, fn)
    }
    return fn
  }
  const resolve = (node: unknown, at: string[]): { node: Json; at: string[] } => {
    let current = node as Json
    let path = at
    while (current && typeof current.$ref === 'string') {
      const ref = current.$ref as string
      path = ref
        .replace(/^#\//, '')
        .split('/')
        .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      current = path.reduce<unknown>((o, k) => (o as Json)?.[k], spec) as Json
    }
    return { node: current, at: path }
  }

  const operations: Operation[] = []
  for (const [template, item] of Object.entries((spec.paths ?? {}) as Record<string, Json>)) {
    for (const method of ['get', 'post', 'put', 'delete', 'patch', 'head', 'options']) {
      const op = item[method] as Json | undefined
      if (!op) continue
      const segments = template.split('/')
      operations.push({
        id: String(op.operationId),
        method: method.toUpperCase(),
        template,
        regex: new RegExp(
          `^${segments.map((s) => (s.startsWith('{') ? '([^/]+)' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}/?$`,
        ),
        literalSegments: segments.filter((s) => !s.startsWith('{')).length,
        responses: (op.responses ?? {}) as Json,
      })
    }
  }

  const findOperation = (method: string, path: string): Operation | undefined => {
    const effective = method === 'HEAD' ? 'GET' : method
    return operations
      .filter((o) => o.method === effective && o.regex.test(path))
      .sort((a, b) => b.literalSegments - a.literalSegments)[0]
  }

  return {
    /** Every operation in the spec (`createSession`, …) with its method and path. */
    operations: (): { id: string; method: string; template: string }[] =>
      operations.map(({ id, method, template }) => ({ id, method, template })),
    operationOf(method: string, path: string): string | undefined {
      return findOperation(method, path)?.id
    },
    validate(response: ValidatableResponse): SpecViolation[] {
      const op = findOperation(response.method, response.path)
      const request = `${response.method} ${response.path}`
      if (!op) return []
      const violation = (path: string, message: string): SpecViolation => ({
        operationId: op.id,
        request,
        status: response.status,
        path,
        message,
      })
      const key = String(response.status)
      const declared =
        op.responses[key] !== undefined
          ? key
          : op.responses[`${key[0]}XX`] !== undefined
            ? `${key[0]}XX`
            : op.responses.default !== undefined
              ? 'default'
              : undefined
      if (declared === undefined) {
        return [
          violation(
            'status',
            `status ${response.status} is not declared for ${op.id} (declared: ${Object.keys(op.responses).join(', ')})`,
          ),
        ]
      }
      const { node: res, at } = resolve(op.responses[declared], [
        'paths',
        op.template,
        op.method.toLowerCase(),
        'responses',
        declared,
      ])
      const out: SpecViolation[] = []
      for (const [name, header] of Object.entries((res.headers ?? {}) as Record<string, unknown>)) {
        const { node: h, at: hat } = resolve(header, [...at, 'headers', name])
        const value = response.headers.get(name)
        if (value === null) {
          if (h.required)
            out.push(violation(`header:${name}`, `required header ${name} is missing`))
          continue
        }
        if (h.schema) {
          const check = schemaAt(pointer([...hat, 'schema']))
          if (!check(value))
            out.push(
              violation(
                `header:${name}`,
                `header ${name}: ${check.errors?.map((e) => e.message).join('; ')} (got "${value}")`,
              ),
            )
        }
      }
      if (response.method === 'HEAD') return out
      const content = res.content as Record<string, Json> | undefined
      if (!content) {
        if (response.text !== '')
          out.push(
            violation(
              'body',
              `no body is declared for ${response.status}, got ${JSON.stringify(response.text.slice(0, 80))}`,
            ),
          )
        return out
      }
      // `x-empty-body`: Livy answers this status with the declared content or with nothing.
      if (response.text === '' && res['x-empty-body'] === true) return out
      const type =
        (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
      const mediaType =
        Object.keys(content).find((t) => t.toLowerCase() === type) ??
        (content['*/*'] ? '*/*' : undefined)
      if (mediaType === undefined) {
        out.push(
          violation(
            'header:Content-Type',
            `content type "${type}" is not declared for ${response.status} (declared: ${Object.keys(content).join(', ')})`,
          ),
        )
        return out
      }
      const media = content[mediaType] as Json
      if (!media.schema) return out
      if (!mediaType.includes('json')) return out
      if (response.text === '') {
        out.push(violation('body', `an empty body does not match the declared ${mediaType} schema`))
        return out
      }
      let body: unknown
      try {
        body = JSON.parse(response.text)
      } catch {
        out.push(
          violation('body', `body is not JSON: ${JSON.stringify(response.text.slice(0, 80))}`),
        )
        return out
      }
      const { at: mat } = resolve(media, [...at, 'content', mediaType])
      const check = schemaAt(pointer([...mat, 'schema']))
      if (!check(body)) {
        for (const e of check.errors ?? []) {
          const extra =
            e.keyword === 'additionalProperties'
              ? ` (${(e.params as { additionalProperty: string }).additionalProperty})`
              : e.keyword === 'enum'
                ? ` (${JSON.stringify((e.params as { allowedValues: unknown }).allowedValues)})`
                : ''
          out.push(violation(jsonPath(e.instancePath), `${e.message}${extra}`))
        }
      }
      return out
    },
  }
}

export type SpecValidator = ReturnType<typeof createSpecValidator>
