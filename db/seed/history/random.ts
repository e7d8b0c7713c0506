/**
 * The history's one source of chance: a small seeded generator (sfc32), so the same seed and the
 * same "today" always write the same rows.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  /** A float in [min, max). */
  between(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** One of `items`, each as likely as its weight. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T
  /** Fills `bytes` as `crypto.getRandomValues` would. */
  fill<T extends ArrayBufferView>(bytes: T): T
}

/** The generator for a 32-bit seed. */
export function seededRandom(seed: number): Random {
  let a = 0x9e3779b9
  let b = 0x243f6a88
  let c = 0xb7e15162
  let d = seed >>> 0
  const u32 = () => {
    a >>>= 0
    b >>>= 0
    c >>>= 0
    d >>>= 0
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return t >>> 0
  }
  for (let i = 0; i < 15; i++) u32()
  const next = () => u32() / 4_294_967_296
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted(items, weight) {
      const total = items.reduce((s, i) => s + weight(i), 0)
      let x = next() * total
      for (const item of items) {
        x -= weight(item)
        if (x < 0) return item
      }
      return items.at(-1)!
    },
    fill(bytes) {
      const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      for (let i = 0; i < view.length; i++) view[i] = u32() & 0xff
      return bytes
    },
  }
}
