import { describe, expect, it } from 'vitest'
import type { Role } from '../../db/schema'
import { canActForHub, canActForMerchant, canActForStation, requireRole, type Actor } from './roles'

function actor(role: Role, org: Partial<Actor> = {}): Actor {
  return {
    userId: 'usr_1',
    allianceId: 'all_1',
    email: 'x@example.com',
    role,
    displayName: 'X',
    locale: 'en',
    merchantId: null,
    stationId: null,
    hubId: null,
    ...org,
  }
}

const coordinator = actor('COORDINATOR')
const merchant = actor('MERCHANT', { merchantId: 'mer_01' })
const station = actor('STATION_OPERATOR', { stationId: 'sta_01' })
const hub = actor('HUB_OPERATOR', { hubId: 'hub_1' })

describe('role checks', () => {
  it('refuses anonymous callers with UNAUTHENTICATED', () => {
    expect(() => requireRole(null, 'MERCHANT')).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    )
  })

  it('refuses a role that is not listed with FORBIDDEN', () => {
    expect(() => requireRole(station, 'MERCHANT', 'COORDINATOR')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    )
    expect(requireRole(merchant, 'MERCHANT', 'COORDINATOR')).toBe(merchant)
  })

  it.each([
    ['the coordinator', coordinator, 'mer_01', true],
    ['the coordinator', coordinator, 'mer_02', true],
    ['the merchant itself', merchant, 'mer_01', true],
    ['another merchant', merchant, 'mer_02', false],
    ['a station operator', station, 'mer_01', false],
    ['a hub operator', hub, 'mer_01', false],
  ])('lets %s act for merchant %s: %s', (_, a, id, expected) => {
    expect(canActForMerchant(a, id)).toBe(expected)
  })

  it.each([
    [coordinator, 'sta_02', true],
    [station, 'sta_01', true],
    [station, 'sta_02', false],
    [merchant, 'sta_01', false],
  ])('station %#: %s acts for %s → %s', (a, id, expected) => {
    expect(canActForStation(a, id)).toBe(expected)
  })

  it.each([
    [coordinator, 'hub_2', true],
    [hub, 'hub_1', true],
    [hub, 'hub_2', false],
    [merchant, 'hub_1', false],
  ])('hub %#: %s acts for %s → %s', (a, id, expected) => {
    expect(canActForHub(a, id)).toBe(expected)
  })
})
