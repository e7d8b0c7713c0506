import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { Db } from './db'
import { countHit, countInProcess, inProcessCounters, liveWindow } from './rate-limit-in-process'

const windowMs = 60_000
const start = Date.parse('2026-11-25T02:00:00Z')

function counters() {
  const db = {} as Db
  countInProcess(db)
  return inProcessCounters(db)!
}

describe('in-process windows', () => {
  test('count exactly as fixed windows per key do, across any number of generations', () => {
    const step = fc.record({
      key: fc.constantFrom('a', 'b', 'c', 'd'),
      // Mostly within a window, sometimes across one or several.
      gap: fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 200_000 })),
      peek: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        const held = counters()
        const model = new Map<string, { startMs: number; hits: number }>()
        let now = start
        for (const { key, gap, peek } of steps) {
          now += gap
          const known = model.get(key)
          const live = known && known.startMs > now - windowMs ? known : undefined
          if (peek) {
            expect(liveWindow(held, key, windowMs, now)?.hits).toBe(live?.hits)
            continue
          }
          const expected = live ? { ...live, hits: live.hits + 1 } : { startMs: now, hits: 1 }
          model.set(key, expected)
          expect({ ...countHit(held, key, windowMs, now) }).toEqual(expected)
        }
      }),
    )
  })

  test('hold at most their bound when addresses are sprayed, keeping the newest', () => {
    const held = counters()
    for (let i = 0; i < 250_000; i++) countHit(held, `track:${i}`, windowMs, start + i)
    const g = held.get(windowMs)!
    expect(g.current.size + g.previous.size).toBeLessThanOrEqual(100_000)
    expect(liveWindow(held, 'track:249999', windowMs, start + 250_000)?.hits).toBe(1)
    // A key counted again keeps its count whichever generation holds it.
    countHit(held, 'track:249999', windowMs, start + 250_001)
    expect(liveWindow(held, 'track:249999', windowMs, start + 250_002)?.hits).toBe(2)
  })
})
