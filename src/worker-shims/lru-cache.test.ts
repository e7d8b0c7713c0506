import { afterEach, describe, expect, it, vi } from 'vitest'
import { LRUCache } from './lru-cache'

afterEach(() => {
  vi.useRealTimers()
})

describe("the Worker's LRU cache", () => {
  it('drops the least recently used entry beyond max', () => {
    const cache = new LRUCache<string, number>({ max: 2 })
    cache.set('a', 1).set('b', 2)
    expect(cache.get('a')).toBe(1)
    cache.set('c', 3)
    expect(cache.get('b')).toBeUndefined()
    expect([cache.get('a'), cache.get('c'), cache.size]).toEqual([1, 3, 2])
  })

  it('forgets an entry once its ttl has passed', () => {
    vi.useFakeTimers()
    const cache = new LRUCache<string, number>({ max: 10, ttl: 1000 })
    cache.set('a', 1)
    vi.advanceTimersByTime(999)
    expect(cache.get('a')).toBe(1)
    vi.advanceTimersByTime(1000)
    expect(cache.has('a')).toBe(false)
    expect(cache.size).toBe(0)
  })
})
