import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allocateCost, allocateMonth, type CostInput, type Rules, type Usage } from './allocate'

const rules: Rules = { version: 1, bookedShareBp: 2000, sharedBasis: 'EQUAL' }
const merchants = ['mer_01', 'mer_02', 'mer_03']
const usage = (over: Partial<Usage> = {}): Usage => ({
  merchants,
  units: {},
  booked: {},
  carried: {},
  commissions: [],
  adjustments: [],
  premiums: [],
  ...over,
})
const sum = (xs: { amountFen: number }[]) => xs.reduce((a, b) => a + b.amountFen, 0)

const hubs = ['hub_1', 'hub_2', 'hub_3']
const counts = fc.dictionary(
  fc.constantFrom(...hubs),
  fc.dictionary(fc.constantFrom('mer_01', 'mer_02', 'mer_03', 'mer_04'), fc.nat(2_000_000)),
)
const arbUsage = fc.record({
  merchants: fc
    .uniqueArray(fc.constantFrom('mer_01', 'mer_02', 'mer_03', 'mer_04', 'mer_05'), {
      minLength: 1,
      maxLength: 5,
    })
    .map((m): string[] => m.sort()),
  units: counts,
  booked: counts,
  carried: counts,
  commissions: fc.constant<Usage['commissions']>([]),
  adjustments: fc.constant<Usage['adjustments']>([]),
  premiums: fc.constant<Usage['premiums']>([]),
})
const arbCost = fc.record({
  id: fc.constant('cst_1'),
  kind: fc.constantFrom('HUB_OPERATIONS' as const, 'TRANSPORT' as const, 'SHARED' as const),
  amountFen: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 2 ** 45 })),
  hubId: fc.option(fc.constantFrom(...hubs), { nil: null }),
})
const arbRules = fc.record({
  version: fc.constant(1),
  bookedShareBp: fc.integer({ min: 0, max: 10_000 }),
  sharedBasis: fc.constantFrom('EQUAL' as const, 'UNITS' as const),
})

describe('allocateCost', () => {
  // A generous limit: 10,000 cases take seconds on an idle machine, longer on a busy CI one.
  it('always splits a cost into parts that sum exactly to it (10,000 random cases)', () => {
    fc.assert(
      fc.property(arbCost, arbUsage, arbRules, (cost, u, r) => {
        const lines = allocateCost(cost, u, r)
        expect(sum(lines)).toBe(cost.amountFen)
        for (const line of lines) {
          expect(Number.isSafeInteger(line.amountFen)).toBe(true)
          expect(line.amountFen).toBeGreaterThan(0)
          expect(u.merchants).toContain(line.merchantId)
        }
      }),
      { numRuns: 10_000 },
    )
  }, 120_000)

  it('gives each merchant its share within one fen of the exact proportion', () => {
    fc.assert(
      fc.property(arbCost, arbUsage, arbRules, (cost, u, r) => {
        const kinds = new Set(allocateCost(cost, u, r).map((l) => l.kind))
        for (const kind of kinds) {
          const lines = allocateCost(cost, u, r).filter((l) => l.kind === kind)
          const part = sum(lines)
          for (const l of lines) {
            expect(Math.abs(l.amountFen - (part * l.basis.mine) / l.basis.total)).toBeLessThan(1)
          }
        }
      }),
      { numRuns: 2_000 },
    )
  })

  it('splits a hub cost 80/20 between units processed and capacity booked', () => {
    const lines = allocateCost(
      { id: 'c', kind: 'HUB_OPERATIONS', amountFen: 10_000, hubId: 'hub_1' },
      usage({
        units: { hub_1: { mer_01: 3, mer_02: 1 } },
        booked: { hub_1: { mer_03: 10 } },
      }),
      rules,
    )
    expect(lines.map((l) => [l.kind, l.merchantId, l.amountFen])).toEqual([
      ['HUB_UNITS', 'mer_01', 6000],
      ['HUB_UNITS', 'mer_02', 2000],
      ['HUB_BOOKED', 'mer_03', 2000],
    ])
  })

  it('falls back, and says so, when nobody used the hub', () => {
    const lines = allocateCost(
      { id: 'c', kind: 'HUB_OPERATIONS', amountFen: 100, hubId: 'hub_2' },
      usage({ units: { hub_1: { mer_01: 5 } } }),
      { ...rules, bookedShareBp: 0 },
    )
    expect(lines.map((l) => [l.merchantId, l.amountFen, l.basis.fallback])).toEqual([
      ['mer_01', 34, 'EQUAL'],
      ['mer_02', 33, 'EQUAL'],
      ['mer_03', 33, 'EQUAL'],
    ])
  })

  it('breaks ties by merchant id, so the same inputs always give the same split', () => {
    const lines = allocateCost(
      { id: 'c', kind: 'SHARED', amountFen: 2, hubId: null },
      usage(),
      rules,
    )
    expect(lines.map((l) => [l.merchantId, l.amountFen])).toEqual([
      ['mer_01', 1],
      ['mer_02', 1],
    ])
  })

  it('charges everything to a sole member', () => {
    const lines = allocateCost(
      { id: 'c', kind: 'TRANSPORT', amountFen: 123_457, hubId: null },
      usage({ merchants: ['mer_07'] }),
      rules,
    )
    expect(lines).toHaveLength(1)
    expect(lines[0]!.amountFen).toBe(123_457)
  })
})

describe('allocateMonth', () => {
  it('reconciles: merchant totals and the month total equal costs + commissions + adjustments', () => {
    fc.assert(
      fc.property(
        fc.array(arbCost, { maxLength: 8 }).map((cs) => cs.map((c, i) => ({ ...c, id: `c${i}` }))),
        arbUsage,
        arbRules,
        fc.array(fc.record({ fen: fc.nat(100_000), parcels: fc.nat(50) }), { maxLength: 4 }),
        (costs: CostInput[], u, r, comm) => {
          const commissions = comm.map((c, i) => ({
            merchantId: u.merchants[i % u.merchants.length]!,
            stationId: `sta_0${i}`,
            amountFen: c.fen,
            parcels: c.parcels,
          }))
          const month = allocateMonth(costs, { ...u, commissions }, r)
          const expected = sum(costs) + sum(commissions)
          expect(month.totalFen).toBe(expected)
          expect(Object.values(month.totals).reduce((a, b) => a + b, 0)).toBe(expected)
          expect(Object.values(month.stationTotals).reduce((a, b) => a + b, 0)).toBe(
            sum(commissions),
          )
        },
      ),
      { numRuns: 1_000 },
    )
  })
})
