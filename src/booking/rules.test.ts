import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assertOpenForChanges, cutoffFor, shareCapUnits } from './rules'

const at = (iso: string) => new Date(iso)

describe('booking cutoff (18:00 Shanghai the day before)', () => {
  it('puts the cutoff for a date at 10:00 UTC the day before', () => {
    expect(cutoffFor('2026-11-27').toISOString()).toBe('2026-11-26T10:00:00.000Z')
  })

  it.each([
    ['17:59 Shanghai the day before', '2026-11-26T09:59:59Z', true],
    ['18:00 Shanghai the day before', '2026-11-26T10:00:00Z', false],
    ['00:30 Shanghai on the day (16:30 UTC the evening before)', '2026-11-26T16:30:00Z', false],
    ['23:59 Shanghai two days before (15:59 UTC)', '2026-11-25T15:59:00Z', true],
  ])('at %s booking 2026-11-27 is open: %s', (_, now, open) => {
    const check = () => assertOpenForChanges('2026-11-27', at(now))
    if (open) expect(check).not.toThrow()
    else expect(check).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'date' }))
  })

  it('uses the Shanghai date, not the UTC one, to decide what is in the past', () => {
    // 2026-11-26 01:00 in Shanghai is still 2026-11-25 in UTC.
    expect(() => assertOpenForChanges('2026-11-25', at('2026-11-25T17:00:00Z'))).toThrow(/past/)
  })

  it('refuses dates more than 60 days ahead and accepts day 60', () => {
    const now = at('2026-11-25T02:00:00Z')
    expect(() => assertOpenForChanges('2027-01-24', now)).not.toThrow()
    expect(() => assertOpenForChanges('2027-01-25', now)).toThrow(/60 days/)
  })
})

describe('fair share', () => {
  it.each([
    [1500, 4000, 600],
    [1000, 4000, 400],
    [7, 4000, 2],
    [0, 4000, 0],
    [1500, 10000, 1500],
  ])('caps %i units at %i bp to %i', (capacity, bp, expected) => {
    expect(shareCapUnits(capacity, bp)).toBe(expected)
  })

  it('never exceeds the share and never loses a whole unit to rounding', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 10_000 }), (capacity, bp) => {
        const cap = shareCapUnits(capacity, bp)
        expect(cap * 10_000).toBeLessThanOrEqual(capacity * bp)
        expect((cap + 1) * 10_000).toBeGreaterThan(capacity * bp)
      }),
    )
  })
})
