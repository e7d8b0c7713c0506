import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cashByMonth, type CashRow } from './history'

describe('cashByMonth', () => {
  it('is empty before any cash moved', () => {
    expect(cashByMonth([], '2026-11')).toEqual([])
  })

  it('carries the balance through months without movement up to the given month', () => {
    const rows: CashRow[] = [
      { month: '2026-09', kind: 'PREMIUM_COLLECTED', fen: 500_000 },
      { month: '2026-11', kind: 'PREMIUM_COLLECTED', fen: 120_000 },
      { month: '2026-11', kind: 'CLAIM_PAID', fen: -300_000 },
    ]
    expect(cashByMonth(rows, '2027-01')).toEqual([
      {
        month: '2026-09',
        premiumsFen: 500_000,
        payoutsFen: 0,
        netFen: 500_000,
        balanceFen: 500_000,
      },
      { month: '2026-10', premiumsFen: 0, payoutsFen: 0, netFen: 0, balanceFen: 500_000 },
      {
        month: '2026-11',
        premiumsFen: 120_000,
        payoutsFen: 300_000,
        netFen: -180_000,
        balanceFen: 320_000,
      },
      { month: '2026-12', premiumsFen: 0, payoutsFen: 0, netFen: 0, balanceFen: 320_000 },
      { month: '2027-01', premiumsFen: 0, payoutsFen: 0, netFen: 0, balanceFen: 320_000 },
    ])
  })

  it('runs to a month with movement after the given month', () => {
    const rows: CashRow[] = [{ month: '2026-12', kind: 'CLAIM_PAID', fen: -1 }]
    expect(cashByMonth(rows, '2026-11').map((m) => m.month)).toEqual(['2026-12'])
  })

  it('ends on the sum of every movement, whatever the order of the rows', () => {
    const month = fc
      .tuple(fc.integer({ min: 2024, max: 2027 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`)
    const row = fc.record({
      month,
      kind: fc.constantFrom('PREMIUM_COLLECTED', 'CLAIM_PAID'),
      fen: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
    })
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        const series = cashByMonth(rows, '2026-06')
        const total = rows.reduce((s, r) => s + r.fen, 0)
        expect(series.at(-1)!.balanceFen).toBe(total)
        for (const m of series) expect(m.premiumsFen - m.payoutsFen).toBe(m.netFen)
        const months = series.map((m) => m.month)
        expect(months).toEqual([...new Set(months)].sort())
      }),
    )
  })
})
