import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  accounts,
  claimApproved,
  claimsPaid,
  premiumCharged,
  premiumCollected,
  type Entry,
} from './ledger'
import { payout, premiumFen } from './rules'

describe('premiumFen', () => {
  it.each([
    [1_234_567, 50, 6173],
    [100, 50, 1], // 0.5 fen rounds half up
    [99, 50, 0], // 0.495 fen rounds down
    [0, 50, 0],
    [2_000_000_000_000, 50, 10_000_000_000],
  ])('charges %i fen at %i bp as %i fen', (value, bp, expected) => {
    expect(premiumFen(value, bp)).toBe(expected)
  })

  it('is within half a fen of the exact premium, rounding halves up', () => {
    fc.assert(
      fc.property(fc.nat(10 ** 12), fc.integer({ min: 0, max: 10_000 }), (value, bp) => {
        const exact = (value * bp) / 10_000
        const p = premiumFen(value, bp)
        expect(p - exact).toBeLessThanOrEqual(0.5 + 1e-6)
        expect(exact - p).toBeLessThan(0.5 + 1e-6)
      }),
    )
  })
})

describe('payout', () => {
  it('pays everything when the pool can, and exactly the available fen pro rata when not', () => {
    fc.assert(
      fc.property(
        fc.nat(2_000_000),
        fc.array(fc.integer({ min: 1, max: 500_000 }), { minLength: 1, maxLength: 12 }),
        (available, owed) => {
          const parts = payout(
            available,
            owed.map((o, i) => ({ claimId: `c${i}`, outstandingFen: o })),
          )
          const total = owed.reduce((a, b) => a + b, 0)
          expect(parts.reduce((a, b) => a + b, 0)).toBe(Math.min(available, total))
          parts.forEach((p, i) => {
            expect(p).toBeGreaterThanOrEqual(0)
            expect(p).toBeLessThanOrEqual(owed[i]!)
          })
        },
      ),
      { numRuns: 2_000 },
    )
  })

  it('splits a shortfall in proportion, ties to the earlier claim', () => {
    expect(
      payout(100, [
        { claimId: 'a', outstandingFen: 300 },
        { claimId: 'b', outstandingFen: 300 },
        { claimId: 'c', outstandingFen: 300 },
      ]),
    ).toEqual([34, 33, 33])
  })
})

describe('the ledger', () => {
  it('balances and keeps cash equal to collected premiums minus payouts, for any sequence', () => {
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('premium' as const),
        m: fc.nat(3),
        fen: fc.integer({ min: 1, max: 100_000 }),
      }),
      fc.record({
        kind: fc.constant('claim' as const),
        m: fc.nat(3),
        fen: fc.integer({ min: 1, max: 500_000 }),
      }),
      fc.record({ kind: fc.constant('payout' as const) }),
    )
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const entries: Entry[] = []
        const owed = new Map<string, number>()
        let collected = 0
        let paidOut = 0
        const post = (tx: Entry[]) => {
          expect(tx.reduce((a, e) => a + e.amountFen, 0)).toBe(0)
          entries.push(...tx)
        }
        for (const s of steps) {
          const merchant = `mer_0${'m' in s ? s.m : 0}`
          if (s.kind === 'premium') {
            post(premiumCharged(merchant, s.fen))
            post(premiumCollected(merchant, s.fen))
            collected += s.fen
          } else if (s.kind === 'claim') {
            post(claimApproved(merchant, s.fen))
            owed.set(merchant, (owed.get(merchant) ?? 0) + s.fen)
          } else {
            const cash = collected - paidOut
            const list = [...owed.entries()]
            const parts = payout(
              cash,
              list.map(([id, o]) => ({ claimId: id, outstandingFen: o })),
            )
            post(claimsPaid(list.map(([merchantId], i) => ({ merchantId, fen: parts[i]! }))))
            list.forEach(([id, o], i) => owed.set(id, o - parts[i]!))
            paidOut += parts.reduce((a, b) => a + b, 0)
          }
        }
        const balance = (account: string) =>
          entries.filter((e) => e.account === account).reduce((a, e) => a + e.amountFen, 0)
        expect(entries.reduce((a, e) => a + e.amountFen, 0)).toBe(0)
        expect(balance(accounts.cash)).toBe(collected - paidOut)
        expect(balance(accounts.cash)).toBeGreaterThanOrEqual(0)
        for (const [m, o] of owed) expect(o + balance(accounts.payable(m))).toBe(0)
      }),
    )
  })
})
