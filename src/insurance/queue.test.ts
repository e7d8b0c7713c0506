import { describe, expect, it } from 'vitest'
import type { ClaimStatus } from '../../db/schema'
import { previousMonth, queueOrder } from './queue'
import type { Claim } from './service'

const claim = (id: string, status: ClaimStatus, createdAt: string) =>
  ({ id, status, createdAt }) as Claim

describe('queueOrder', () => {
  it('puts claims waiting for a decision first, oldest first, then the rest oldest first', () => {
    const claims = [
      claim('a', 'APPROVED', '2026-11-01T00:00:00Z'),
      claim('b', 'SUBMITTED', '2026-11-20T00:00:00Z'),
      claim('c', 'UNDER_REVIEW', '2026-11-10T00:00:00Z'),
      claim('d', 'PAID', '2026-10-01T00:00:00Z'),
      claim('f', 'SUBMITTED', '2026-11-10T00:00:00Z'),
      claim('e', 'REJECTED', '2026-11-05T00:00:00Z'),
    ]
    expect(queueOrder(claims).map((c) => c.id)).toEqual(['c', 'f', 'b', 'd', 'a', 'e'])
  })
})

describe('previousMonth', () => {
  it.each([
    ['2026-11', '2026-10'],
    ['2027-01', '2026-12'],
    ['2026-10', '2026-09'],
  ])('%s → %s', (month, expected) => {
    expect(previousMonth(month)).toBe(expected)
  })
})
