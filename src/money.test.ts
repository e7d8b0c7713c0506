import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { apportion, formatFen } from './money'

describe('apportion', () => {
  it('always sums exactly to the total, whatever the weights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0))
          const parts = apportion(total, weights)
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total)
        },
      ),
    )
  })

  it('never misses a part by a whole fen or more from its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          const sum = weights.reduce((a, b) => a + b, 0)
          apportion(total, weights).forEach((part, i) => {
            expect(Math.abs(part - (total * weights[i]!) / sum)).toBeLessThan(1)
          })
        },
      ),
    )
  })

  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [-100, [1, 1, 1], [-34, -33, -33]],
    [5, [0, 1], [0, 5]],
    [0, [0, 0], [0, 0]],
  ])('splits %i over %j as %j', (total, weights, expected) => {
    expect(apportion(total, weights)).toEqual(expected)
  })

  it('refuses fractional fen and a non-zero total over zero weights', () => {
    expect(() => apportion(1.5, [1])).toThrow(TypeError)
    expect(() => apportion(1, [0, 0])).toThrow(RangeError)
  })
})

describe('formatFen', () => {
  it('formats fen as yuan for each language', () => {
    expect(formatFen(123456, 'zh-CN')).toBe('¥1,234.56')
    expect(formatFen(5, 'en')).toMatch(/^CN¥0\.05$/)
  })
})
