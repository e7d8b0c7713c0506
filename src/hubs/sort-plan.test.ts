import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateSortPlan, laneFor, transferLaneFor, type Volume } from './sort-plan'

const arbVolumes = fc
  .uniqueArray(
    fc.record({ merchantId: fc.stringMatching(/^mer_[a-z0-9]{1,4}$/), units: fc.nat(5_000) }),
    {
      selector: (v) => v.merchantId,
      maxLength: 40,
    },
  )
  .map((vs): Volume[] => vs)
const arbInput = fc.record({
  volumes: arbVolumes,
  otherHubIds: fc.uniqueArray(fc.constantFrom('hub_2', 'hub_3', 'hub_4'), { maxLength: 3 }),
  maxMerchantsPerLane: fc.integer({ min: 1, max: 8 }),
  minMerchantLanes: fc.integer({ min: 1, max: 6 }),
})

describe('generateSortPlan', () => {
  it('puts every merchant in exactly one lane', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const placed = generateSortPlan(input).flatMap((l) => l.merchantIds)
        expect([...placed].sort()).toEqual(input.volumes.map((v) => v.merchantId).sort())
      }),
    )
  })

  it('never puts more merchants in a lane than the bound', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        for (const lane of generateSortPlan(input)) {
          expect(lane.merchantIds.length).toBeLessThanOrEqual(input.maxMerchantsPerLane)
        }
      }),
    )
  })

  it('keeps every merchant lane within the average load plus the largest single volume', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const units = new Map(input.volumes.map((v) => [v.merchantId, v.units]))
        const lanes = generateSortPlan(input).filter((l) => l.kind === 'MERCHANT')
        const loads = lanes.map((l) => l.merchantIds.reduce((a, m) => a + units.get(m)!, 0))
        const total = loads.reduce((a, b) => a + b, 0)
        const largest = Math.max(0, ...input.volumes.map((v) => v.units))
        for (const load of loads) expect(load).toBeLessThanOrEqual(total / lanes.length + largest)
      }),
    )
  })

  it('has one large lane, one quarantine lane and one transfer lane per other hub, with unique codes', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const plan = generateSortPlan(input)
        expect(plan.filter((l) => l.kind === 'LARGE')).toHaveLength(1)
        expect(plan.filter((l) => l.kind === 'QUARANTINE')).toHaveLength(1)
        expect(plan.filter((l) => l.kind === 'TRANSFER').map((l) => l.toHubId)).toEqual(
          [...input.otherHubIds].sort(),
        )
        expect(new Set(plan.map((l) => l.code)).size).toBe(plan.length)
      }),
    )
  })

  it('puts the largest merchants into different lanes first', () => {
    const plan = generateSortPlan({
      volumes: [
        { merchantId: 'mer_a', units: 900 },
        { merchantId: 'mer_b', units: 800 },
        { merchantId: 'mer_c', units: 100 },
        { merchantId: 'mer_d', units: 50 },
      ],
      otherHubIds: ['hub_2'],
      maxMerchantsPerLane: 2,
    })
    expect(plan.map((l) => [l.code, l.kind, l.merchantIds])).toEqual([
      ['A1', 'MERCHANT', ['mer_a', 'mer_d']],
      ['A2', 'MERCHANT', ['mer_b', 'mer_c']],
      ['L1', 'LARGE', []],
      ['Q1', 'QUARANTINE', []],
      ['T1', 'TRANSFER', []],
    ])
  })
})

describe('laneFor', () => {
  const plan = generateSortPlan({
    volumes: [
      { merchantId: 'mer_a', units: 10 },
      { merchantId: 'mer_b', units: 5 },
    ],
    otherHubIds: ['hub_2'],
    maxMerchantsPerLane: 1,
  })

  it('sends a quarantined parcel to the quarantine lane even when it is large', () => {
    expect(laneFor(plan, { merchantId: 'mer_a', large: true, quarantine: true })?.code).toBe('Q1')
  })

  it('sends a large parcel to the large lane', () => {
    expect(laneFor(plan, { merchantId: 'mer_a', large: true, quarantine: false })?.code).toBe('L1')
  })

  it("sends any other parcel to its merchant's lane", () => {
    expect(laneFor(plan, { merchantId: 'mer_b', large: false, quarantine: false })?.code).toBe('A2')
  })

  it("finds the other hub's transfer lane", () => {
    expect(transferLaneFor(plan, 'hub_2')?.code).toBe('T1')
  })
})
