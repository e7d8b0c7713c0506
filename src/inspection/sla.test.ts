import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeSla, percentile } from './sla'

const facts = (over: Partial<Parameters<typeof computeSla>[0]> = {}) => ({
  registeredAt: '2026-11-30T15:30:00.000Z', // 23:30 on 30 Nov in Shanghai
  firstRespondedAt: null,
  arrivedAt: null,
  resolvedAt: null,
  ...over,
})

describe('service clocks', () => {
  it('puts the first-response deadline 2 hours after registration, across midnight and month end', () => {
    const sla = computeSla(facts(), new Date('2026-11-30T16:00:00Z'))
    expect(sla.firstResponseDueAt).toBe('2026-11-30T17:30:00.000Z') // 01:30 on 1 Dec local
    expect(sla.breached).toBe(false)
  })

  it('shows a breach the moment a deadline passes, without any batch job', () => {
    expect(computeSla(facts(), new Date('2026-11-30T17:30:00.000Z')).firstResponseBreached).toBe(
      false,
    )
    expect(computeSla(facts(), new Date('2026-11-30T17:30:00.001Z')).firstResponseBreached).toBe(
      true,
    )
  })

  it('starts the 24-hour resolution clock when the parcel reaches the hub', () => {
    const sla = computeSla(
      facts({
        firstRespondedAt: '2026-11-30T16:00:00.000Z',
        arrivedAt: '2026-12-02T03:00:00.000Z',
      }),
      new Date('2026-12-03T02:59:00Z'),
    )
    expect(sla.resolutionDueAt).toBe('2026-12-03T03:00:00.000Z')
    expect(sla.breached).toBe(false)
  })

  it('measures the cycle to resolution and flags one over 5 days', () => {
    const sla = computeSla(
      facts({
        firstRespondedAt: '2026-11-30T15:40:00.000Z',
        arrivedAt: '2026-12-05T03:00:00.000Z',
        resolvedAt: '2026-12-05T16:00:00.000Z',
      }),
      new Date('2027-01-01T00:00:00Z'),
    )
    expect(sla.cycleHours).toBe(120.5)
    expect(sla.cycleBreached).toBe(true)
    expect(sla.resolutionBreached).toBe(false)
  })

  it('keeps deadlines exactly 2 h and 24 h after their starts for any instants', () => {
    const instant = fc.date({
      min: new Date('2020-01-01'),
      max: new Date('2035-01-01'),
      noInvalidDate: true,
    })
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 30 * 24 * 3600_000 }), (start, gap) => {
        const registeredAt = start.toISOString()
        const arrivedAt = new Date(start.getTime() + gap).toISOString()
        const sla = computeSla(facts({ registeredAt, arrivedAt }), new Date(start.getTime() + gap))
        expect(Date.parse(sla.firstResponseDueAt) - start.getTime()).toBe(2 * 3600_000)
        expect(Date.parse(sla.resolutionDueAt!) - Date.parse(arrivedAt)).toBe(24 * 3600_000)
        expect(sla.cycleHours).toBeCloseTo(gap / 3600_000, 1)
      }),
    )
  })
})

describe('percentile', () => {
  it.each([
    [[], 50, null],
    [[5], 90, 5],
    [[1, 2, 3, 4], 50, 2],
    [[10, 1, 7, 3, 5, 9, 2, 8, 6, 4], 90, 9],
  ])('nearest rank of %j at p%i is %s', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected)
  })
})
