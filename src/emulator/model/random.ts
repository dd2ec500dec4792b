/**
 * Seeded pseudo-random source (sfc32). Every random choice in the emulator (UUIDs, app tags,
 * fixture text) comes from one of these, so the same seed gives the same bytes.
 *
 * @example
 * const random = createRandom('demo')
 * random.int(0, 9) // always the same for seed 'demo'
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number
  /** `n` lower-case alphanumeric characters (like Scala's `Random.alphanumeric`, lower-cased). */
  alphanumeric(n: number): string
  /** A version-4 UUID string. */
  uuid(): string
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T
  /** The seed this source was created from (after `reset()` the sequence starts again). */
  readonly seed: string
  /** Restarts the sequence from the seed. */
  reset(): void
}

/** cyrb128: spreads a string seed over four 32-bit words. */
function hashSeed(seed: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0]
}

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789'
const HEX = '0123456789abcdef'

/**
 * Creates a seeded random source.
 *
 * @example
 * createRandom(42).uuid() === createRandom(42).uuid() // true
 */
export function createRandom(seed: string | number = 'livy'): Random {
  const seedText = String(seed)
  let [a, b, c, d] = hashSeed(seedText)
  const next = (): number => {
    a >>>= 0
    b >>>= 0
    c >>>= 0
    d >>>= 0
    const t = (a + b + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  const random: Random = {
    seed: seedText,
    next,
    int,
    alphanumeric(n) {
      let out = ''
      for (let i = 0; i < n; i++) out += ALPHANUMERIC[int(0, ALPHANUMERIC.length - 1)]
      return out
    },
    uuid() {
      let out = ''
      for (let i = 0; i < 32; i++) {
        let digit = int(0, 15)
        if (i === 12) digit = 4
        if (i === 16) digit = 8 + (digit & 3)
        out += HEX[digit]
        if (i === 7 || i === 11 || i === 15 || i === 19) out += '-'
      }
      return out
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('pick() needs a non-empty list')
      return items[int(0, items.length - 1)] as (typeof items)[number]
    },
    reset() {
      ;[a, b, c, d] = hashSeed(seedText)
    },
  }
  return random
}
