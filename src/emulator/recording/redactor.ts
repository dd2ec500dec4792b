/** What replaces a secret in a recording. */
export const REDACTED = '<redacted>'

/** Keys whose values are secrets wherever they appear (Spark conf, query parameters, JSON). */
const SECRET_KEY =
  /pass(word|wd)?|secret|token|credential|api[-_.]?key|access[-_.]?key|private[-_.]?key|signature|\bsig\b|auth/i

/** Secrets shorter than this are not scrubbed from free text (they would hit ordinary words). */
const MIN_SECRET = 4

/**
 * Keeps credentials out of a recording. It learns every secret the proxy handles (the
 * upstream credentials, each client's `Authorization`, cookies, tokens) and scrubs them from
 * any text before it is written; values under secret-looking keys (`spark.hadoop.fs.s3a.secret.key`,
 * `?access_token=`) are replaced whatever they are.
 *
 * @example
 * const r = createRedactor()
 * r.learnAuthorization('Basic YWxpY2U6czNjcmV0')
 * r.text('password is s3cret') // 'password is <redacted>'
 */
export interface Redactor {
  /** Learns a secret value (and its URL-encoded form). */
  learn(secret: string | undefined): void
  /** Learns an `Authorization` value: the whole value, its token, a Basic password. */
  learnAuthorization(value: string | undefined): void
  /** Learns every value of a `Cookie` or `Set-Cookie` header. */
  learnCookies(value: string | undefined): void
  /** Text with every learnt secret replaced. */
  text(value: string): string
  /** A path with query parameters under secret-looking names replaced (and learnt secrets scrubbed). */
  path(pathAndQuery: string): string
  /** A JSON value with secret-looking keys' values replaced and learnt secrets scrubbed from every string. */
  json(value: unknown): unknown
  /** A JSON value with learnt secrets scrubbed from every string (keys are not looked at). */
  strings(value: unknown): unknown
  /** A request body: JSON redacted as {@link Redactor.json}, anything else scrubbed as text. */
  body(text: string): string
}

export function createRedactor(): Redactor {
  const secrets = new Set<string>()
  let ordered: string[] = []
  const learn = (secret: string | undefined) => {
    if (!secret || secret.length < MIN_SECRET) return
    for (const s of [secret, encodeURIComponent(secret)]) secrets.add(s)
    // Longest first: a token that contains another secret is scrubbed whole.
    ordered = [...secrets].sort((a, b) => b.length - a.length)
  }
  const text = (value: string): string => {
    let out = value
    for (const s of ordered) if (out.includes(s)) out = out.split(s).join(REDACTED)
    return out
  }
  const json = (value: unknown, key?: string): unknown => {
    if (key !== undefined && SECRET_KEY.test(key) && value !== null && typeof value !== 'object')
      return REDACTED
    if (typeof value === 'string') return text(value)
    if (Array.isArray(value)) return value.map((v) => json(v))
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(value)) {
        // A `__proto__` key stays an ordinary key.
        Object.defineProperty(out, k, {
          value: json(v, k),
          enumerable: true,
          writable: true,
          configurable: true,
        })
      }
      return out
    }
    return value
  }
  return {
    learn,
    learnAuthorization(value) {
      if (!value) return
      learn(value)
      const [scheme, ...rest] = value.trim().split(/\s+/)
      const credentials = rest.join(' ')
      learn(credentials)
      if (scheme?.toLowerCase() === 'basic') {
        try {
          const decoded = atob(credentials)
          learn(decoded)
          const colon = decoded.indexOf(':')
          if (colon >= 0) learn(decoded.slice(colon + 1))
        } catch {
          // Not base64: the whole value is learnt already.
        }
      }
    },
    learnCookies(value) {
      if (!value) return
      for (const part of value.split(/[;,]/)) {
        const eq = part.indexOf('=')
        if (eq < 0) continue
        const v = part
          .slice(eq + 1)
          .trim()
          .replace(/^"|"$/g, '')
        const name = part.slice(0, eq).trim().toLowerCase()
        // Cookie attributes (Path=/, Expires=…) are not secrets.
        if (['path', 'domain', 'expires', 'max-age', 'samesite'].includes(name)) continue
        learn(v)
      }
    },
    text,
    path(pathAndQuery) {
      const q = pathAndQuery.indexOf('?')
      if (q < 0) return text(pathAndQuery)
      const query = pathAndQuery
        .slice(q + 1)
        .split('&')
        .map((pair) => {
          const eq = pair.indexOf('=')
          const name = eq < 0 ? pair : pair.slice(0, eq)
          let decoded = name
          try {
            decoded = decodeURIComponent(name)
          } catch {
            // A malformed escape: the raw name is checked.
          }
          return eq >= 0 && SECRET_KEY.test(decoded) ? `${name}=${REDACTED}` : pair
        })
        .join('&')
      return text(`${pathAndQuery.slice(0, q)}?${query}`)
    },
    json: (value) => json(value),
    strings(value) {
      const walk = (v: unknown): unknown => {
        if (typeof v === 'string') return text(v)
        if (Array.isArray(v)) return v.map(walk)
        if (v !== null && typeof v === 'object') {
          const out: Record<string, unknown> = {}
          for (const [k, x] of Object.entries(v))
            Object.defineProperty(out, k, {
              value: walk(x),
              enumerable: true,
              writable: true,
              configurable: true,
            })
          return out
        }
        return v
      }
      return walk(value)
    },
    body(value) {
      try {
        return JSON.stringify(json(JSON.parse(value)))
      } catch {
        return text(value)
      }
    },
  }
}
