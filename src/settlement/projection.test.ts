import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { costPerParcel, monthProgress, projectMonth, soFarOf } from './projection'

const shanghai = (date: string, hour = 12) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 8 * 3600_000 + hour * 3600_000)

describe('monthProgress', () => {
  it.each([
    ['2026-12', shanghai('2026-12-02'), '2026-12-02', 2, 31],
    ['2026-02', shanghai('2026-02-28'), '2026-02-28', 28, 28],
    ['2028-02', shanghai('2028-02-10'), '2028-02-10', 10, 29],
    // 23:30 UTC on 30 November is already 1 December in Shanghai.
    ['2026-12', new Date('2026-11-30T23:30:00Z'), '2026-12-01', 1, 31],
    ['2026-11', new Date('2026-11-30T23:30:00Z'), '2026-12-01', 30, 30],
    ['2027-01', shanghai('2026-12-15'), '2026-12-15', 0, 31],
  ])('%s at %s stands at %s, %i of %i days', (month, now, asOf, elapsedDays, daysInMonth) => {
    expect(monthProgress(month, now)).toEqual({ asOf, elapsedDays, daysInMonth })
  })
})

describe('costPerParcel', () => {
  it.each([
    [13_192_880, 4, 3_298_220],
    [100, 3, 33],
    [200, 3, 67],
    [5, 2, 3],
    [-5, 2, -3],
    [0, 7, 0],
    [100, 0, null],
  ])('%i fen over %i parcels is %s fen', (cost, parcels, expected) => {
    expect(costPerParcel(cost, parcels)).toBe(expected)
  })

  it('is the nearest whole fen, halves away from zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 1, max: 10 ** 6 }),
        (c, n) => {
          const each = costPerParcel(c, n)!
          expect(Number.isSafeInteger(each)).toBe(true)
          expect(each).toBeGreaterThanOrEqual(0)
          expect(Math.abs(each * n - c) * 2).toBeLessThanOrEqual(n)
        },
      ),
    )
  })
})

const progress = fc.integer({ min: 28, max: 31 }).chain((daysInMonth) =>
  fc.record({
    asOf: fc.constant('2026-12-02'),
    daysInMonth: fc.constant(daysInMonth),
    elapsedDays: fc.integer({ min: 1, max: daysInMonth }),
  }),
)
const soFar = fc.record({
  parcels: fc.integer({ min: 0, max: 10 ** 6 }),
  variableFen: fc.integer({ min: 0, max: 10 ** 11 }),
  fixedFen: fc.integer({ min: 0, max: 10 ** 11 }),
})

describe('projectMonth', () => {
  it('scales what grows with parcels by the days and keeps the fixed part', () => {
    const p = projectMonth(
      { parcels: 4, variableFen: 1_200, fixedFen: 13_191_680 },
      { asOf: '2026-12-02', elapsedDays: 2, daysInMonth: 31 },
    )
    expect(p).toEqual({
      asOf: '2026-12-02',
      parcels: 62,
      costFen: 13_191_680 + 18_600,
      costPerParcelFen: 213_069,
    })
  })

  it('is the figures so far once every day of the month has gone by', () => {
    fc.assert(
      fc.property(soFar, (s) => {
        const p = projectMonth(s, { asOf: '2027-01-03', elapsedDays: 31, daysInMonth: 31 })!
        expect(p.parcels).toBe(s.parcels)
        expect(p.costFen).toBe(s.fixedFen + s.variableFen)
      }),
    )
  })

  it('projects whole fen and parcels, never below the figures so far nor negative', () => {
    fc.assert(
      fc.property(soFar, progress, (s, at) => {
        const p = projectMonth(s, at)!
        expect(Number.isSafeInteger(p.costFen)).toBe(true)
        expect(Number.isSafeInteger(p.parcels)).toBe(true)
        expect(p.parcels).toBeGreaterThanOrEqual(s.parcels)
        expect(p.costFen).toBeGreaterThanOrEqual(s.fixedFen + s.variableFen)
        expect(p.costPerParcelFen ?? 0).toBeGreaterThanOrEqual(0)
        expect(p.costPerParcelFen).toBe(costPerParcel(p.costFen, p.parcels))
      }),
    )
  })

  it('stays within half a fen of the exact linear extrapolation', () => {
    fc.assert(
      fc.property(soFar, progress, (s, at) => {
        const exact = (s.variableFen * at.daysInMonth) / at.elapsedDays
        const p = projectMonth(s, at)!
        expect(Math.abs(p.costFen - s.fixedFen - exact)).toBeLessThanOrEqual(0.5 + 1e-6 * exact)
      }),
    )
  })

  it('has nothing to extrapolate from before the month starts', () => {
    const s = { parcels: 0, variableFen: 0, fixedFen: 500 }
    expect(projectMonth(s, { asOf: '2026-11-20', elapsedDays: 0, daysInMonth: 31 })).toBeNull()
  })
})

describe('soFarOf', () => {
  it('counts commissions as growing with parcels and everything else as fixed', () => {
    const lines = [
      { kind: 'HUB_UNITS' as const, amountFen: 10_000 },
      { kind: 'COMMISSION' as const, amountFen: 600 },
      { kind: 'PREMIUM' as const, amountFen: 250 },
      { kind: 'ADJUSTMENT' as const, amountFen: -1_000 },
    ]
    expect(soFarOf(lines, 3)).toEqual({ parcels: 3, variableFen: 600, fixedFen: 9_250 })
  })
})
