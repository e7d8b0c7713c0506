import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hourBuckets, percentile } from './throughput'

describe('percentile', () => {
  it.each([
    [[], 50, null],
    [[7], 90, 7],
    [[4, 1, 3, 2], 50, 2],
    [[4, 1, 3, 2], 90, 4],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 90, 90],
  ])('of %j at p%i is %j', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected)
  })

  it('is one of the values, with at least p% of them at or below it and fewer than p% below', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1 }),
        fc.integer({ min: 1, max: 100 }),
        (values, p) => {
          const v = percentile(values, p)!
          expect(values).toContain(v)
          expect(values.filter((x) => x <= v).length / values.length).toBeGreaterThanOrEqual(
            p / 100,
          )
          expect(values.filter((x) => x < v).length / values.length).toBeLessThan(p / 100)
        },
      ),
    )
  })
})

describe('hourBuckets', () => {
  it('answers all 24 hours, zero where nothing happened', () => {
    const hours = hourBuckets(
      [{ hour: 9, n: 3 }],
      [
        { hour: 9, n: 1 },
        { hour: 23, n: 2 },
      ],
    )
    expect(hours).toHaveLength(24)
    expect(hours[9]).toEqual({ hour: 9, received: 3, inspected: 1 })
    expect(hours[23]).toEqual({ hour: 23, received: 0, inspected: 2 })
    expect(hours.reduce((s, h) => s + h.received + h.inspected, 0)).toBe(6)
  })
})
