// Stands in for the `lru-cache` package in the Worker bundle (wrangler.toml [alias]): graphql-yoga
// only keeps parsed documents and validation results in it, through `new LRUCache({ max, ttl })`,
// `get` and `set`. A Map in insertion order is enough for that and a sixtieth of the size.
export class LRUCache<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>()
  private readonly max: number
  private readonly ttl: number

  constructor(options: { max?: number; ttl?: number } = {}) {
    this.max = options.max ?? 1024
    this.ttl = options.ttl ?? 0
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.entries.delete(key)
    if (this.ttl > 0 && entry.expires <= Date.now()) return undefined
    // Re-inserted, so the least recently used entry is always the first.
    this.entries.set(key, entry)
    return entry.value
  }

  set(key: K, value: V): this {
    this.entries.delete(key)
    this.entries.set(key, { value, expires: this.ttl > 0 ? Date.now() + this.ttl : Infinity })
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!)
    return this
  }

  has(key: K): boolean {
    return this.get(key) !== undefined
  }

  delete(key: K): boolean {
    return this.entries.delete(key)
  }

  clear(): void {
    this.entries.clear()
  }

  get size(): number {
    return this.entries.size
  }
}
