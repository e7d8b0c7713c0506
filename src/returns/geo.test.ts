import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { distanceMeters } from './geo'

describe('distanceMeters', () => {
  it('measures Shanghai People’s Square to Hangzhou West Lake at about 164 km', () => {
    const d = distanceMeters({ lat: 31.2304, lng: 121.4737 }, { lat: 30.2431, lng: 120.1508 })
    expect(d / 1000).toBeGreaterThan(160)
    expect(d / 1000).toBeLessThan(168)
  })

  it('is symmetric, zero for a point itself, and obeys the triangle inequality', () => {
    const point = fc.record({
      lat: fc.double({ min: -89, max: 89, noNaN: true }),
      lng: fc.double({ min: -179, max: 179, noNaN: true }),
    })
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        expect(distanceMeters(a, a)).toBeCloseTo(0, 6)
        expect(distanceMeters(a, b)).toBeCloseTo(distanceMeters(b, a), 3)
        expect(distanceMeters(a, c)).toBeLessThanOrEqual(
          distanceMeters(a, b) + distanceMeters(b, c) + 1e-6,
        )
      }),
    )
  })
})
