import { describe, expect, it } from 'vitest'
import { labelledPoints, niceStep, scale } from '../../views/insurance/charts'

describe('chart scales', () => {
  it.each([
    [0, 100],
    [500_000, 200_000],
    [1_350_000, 500_000],
    [100, 100],
    [9_999, 5_000],
  ])('steps a span of %i fen by %i', (span, step) => {
    expect(niceStep(span)).toBe(step)
  })

  it('always includes zero and covers every value', () => {
    const { ticks, lo, hi } = scale([-30_000, 120_000])
    expect(ticks).toContain(0)
    expect(lo).toBeLessThanOrEqual(-30_000)
    expect(hi).toBeGreaterThanOrEqual(120_000)
  })
})

describe('labelledPoints', () => {
  it('labels every change and the last point of a short series, once per flat run', () => {
    expect([...labelledPoints([1, 2, 3, 5, 5])].sort()).toEqual([0, 1, 2, 4])
  })
  it('labels the first, the highest and the last of a long series, never side by side', () => {
    const values = [1, 2, 3, 9, 4, 5, 6, 7, 8]
    expect([...labelledPoints(values)].sort()).toEqual([0, 3, 8])
    const peakBeforeLast = [1, 2, 3, 4, 5, 6, 7, 9, 8]
    expect([...labelledPoints(peakBeforeLast)].sort()).toEqual([0, 8])
  })
})
