import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, dateRange, isIsoDate, localDate, monthBounds } from './local-date'

describe('local dates', () => {
  it.each(['2026-02-30', '2026-13-01', '2026-1-01', '2025-02-29', 'tomorrow', ''])(
    'rejects %j',
    (value) => expect(isIsoDate(value)).toBe(false),
  )

  it('accepts leap days that exist', () => {
    expect(isIsoDate('2028-02-29')).toBe(true)
  })

  it('reads the Shanghai date across UTC midnight', () => {
    expect(localDate(new Date('2026-11-25T15:59:59Z'))).toBe('2026-11-25')
    expect(localDate(new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26')
  })

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('round-trips any date through addDays', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.integer({ min: -1000, max: 1000 }),
        (d, n) => {
          const iso = d.toISOString().slice(0, 10)
          expect(isIsoDate(iso)).toBe(true)
          expect(addDays(addDays(iso, n), -n)).toBe(iso)
        },
      ),
    )
  })

  it('gives month bounds and ranges', () => {
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(dateRange('2026-11-29', '2026-12-02')).toEqual([
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ])
  })
})
