import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { band, cohortFigure, dimensionScore, overallScore, quantile, stars } from './methodology'

/** A deliberately independent reference: weights of the two neighbouring order statistics. */
function referenceQuantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b)
  const h = (s.length - 1) * q
  const below = s[Math.floor(h)]!
  const above = s[Math.min(Math.floor(h) + 1, s.length - 1)]!
  const f = h - Math.floor(h)
  return below * (1 - f) + above * f
}

const cohort = (volumes: number[], scores?: number[]) =>
  volumes.map((volume, i) => ({ merchantId: `m${i}`, volume, score: scores?.[i] ?? 50 + i }))

describe('quantile', () => {
  it('matches the reference on random data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.constantFrom(0.25, 0.5, 0.75),
        (values, q) => {
          expect(quantile(values, q)).toBeCloseTo(referenceQuantile(values, q), 9)
        },
      ),
    )
  })

  it.each([
    [[1, 2, 3, 4], 0.5, 2.5],
    [[10], 0.25, 10],
    [[1, 2, 3, 4, 5], 0.25, 2],
  ])('of %j at %s is %s', (values, q, expected) => {
    expect(quantile(values, q)).toBe(expected)
  })
})

describe('scores', () => {
  it.each([
    ['TIMELINESS', 0.5, 0],
    ['TIMELINESS', 0.75, 50],
    ['TIMELINESS', 1, 100],
    ['TIMELINESS', 0.2, 0],
    ['PROFESSIONALISM', 0.75, 100],
    ['PROFESSIONALISM', 0.525, 50],
    ['CARE', 4, 50],
    ['CARE', 5, 100],
  ] as const)('%s at %s scores %s', (dimension, figure, expected) => {
    expect(dimensionScore(dimension, figure)).toBe(expected)
  })

  it.each([
    [95, 5],
    [90, 5],
    [89.9, 4],
    [75, 4],
    [60, 3],
    [40, 2],
    [0, 1],
  ])('a score of %s earns %s stars', (score, expected) => {
    expect(stars(score)).toBe(expected)
  })

  it('averages only the dimensions with figures', () => {
    expect(overallScore([80, null, 60, null])).toBe(70)
    expect(overallScore([null, null])).toBeNull()
  })
})

describe('cohort privacy', () => {
  it('suppresses a cohort of 4', () => {
    expect(cohortFigure(cohort([10, 10, 10, 10]), 5)).toMatchObject({
      size: 4,
      median: null,
      suppressedReason: 'COHORT_TOO_SMALL',
    })
  })

  it('suppresses 5 merchants when one holds more than 60% of the volume', () => {
    expect(cohortFigure(cohort([61, 10, 10, 10, 9]), 5).suppressedReason).toBe(
      'DOMINANT_CONTRIBUTOR',
    )
    expect(cohortFigure(cohort([60, 10, 10, 10, 10]), 5).suppressedReason).toBeNull()
  })

  it('never goes below 5 merchants, whatever the setting', () => {
    expect(cohortFigure(cohort([1, 1, 1, 1]), 2).suppressedReason).toBe('COHORT_TOO_SMALL')
  })

  it('publishes quartiles only, never a minimum or maximum', () => {
    const figure = cohortFigure(cohort([5, 5, 5, 5, 5], [10, 20, 30, 40, 50]), 5)
    expect(figure).toEqual({ size: 5, p25: 20, median: 30, p75: 40, suppressedReason: null })
    expect(Object.keys(figure)).not.toContain('min')
  })

  it('places a merchant in a quartile band', () => {
    const figure = cohortFigure(cohort([5, 5, 5, 5, 5], [10, 20, 30, 40, 50]), 5)
    expect([5, 25, 35, 45].map((s) => band(s, figure))).toEqual([
      'BELOW_P25',
      'P25_TO_MEDIAN',
      'MEDIAN_TO_P75',
      'ABOVE_P75',
    ])
  })
})
