import { describe, expect, it } from 'vitest'
import type { OutboxEvent } from '../events/types'
import { computeSla } from '../inspection/sla'
import { audienceOf } from './audience'
import { clockEvents, dueSoon } from './sla-clock'

const registeredAt = '2026-11-25T00:00:00.000Z'
const at = (minutes: number) => new Date(Date.parse(registeredAt) + minutes * 60_000)
const open = { registeredAt, firstRespondedAt: null, arrivedAt: null, resolvedAt: null }

describe('a deadline within 30 minutes', () => {
  it.each([
    [60, null],
    [89, null],
    [90, 'FIRST_RESPONSE'],
    [119, 'FIRST_RESPONSE'],
    [121, null],
  ])('at minute %i of an unanswered return: %s', (minute, clock) => {
    expect(dueSoon(computeSla(open, at(minute)), at(minute))?.clock ?? null).toBe(clock)
  })

  it('watches the resolution once the first response is sent and the parcel is at the hub', () => {
    const facts = {
      ...open,
      firstRespondedAt: at(10).toISOString(),
      arrivedAt: at(60).toISOString(),
    }
    const now = at(60 + 24 * 60 - 20)
    expect(dueSoon(computeSla(facts, now), now)).toEqual({
      clock: 'RESOLUTION',
      dueAt: at(60 + 24 * 60).toISOString(),
    })
  })

  it('makes one breach event with an id fixed by the return, and none for a clock on time', () => {
    const r = {
      id: 'ret_1',
      code: 'ABC',
      status: 'REGISTERED',
      allianceId: 'all_1',
      merchantId: 'mer_1',
      hubId: 'hub_1',
      stationId: null,
    }
    const late = clockEvents(r, computeSla(open, at(150)), at(150))
    expect(late.map((e) => [e.type, e.id])).toEqual([['sla.breached', 'evt_sla_breached_ret_1']])
    expect(clockEvents(r, computeSla(open, at(10)), at(10))).toEqual([])
  })
})

describe('who hears of an event', () => {
  const event = (merchantId: string | null): OutboxEvent => ({
    id: 'evt_1',
    type: 'return.received',
    allianceId: 'all_1',
    merchantId,
    hubId: 'hub_1',
    stationId: 'sta_1',
    returnId: null,
    data: {},
    createdAt: registeredAt,
  })

  it.each([
    [
      'PARCEL_AT_STATION',
      { merchantId: 'mer_1', coordinators: false, stationId: 'sta_1', hubId: null },
    ],
    [
      'PARCEL_AT_HUB',
      { merchantId: 'mer_1', coordinators: false, stationId: null, hubId: 'hub_1' },
    ],
    ['SLA_BREACHED', { merchantId: 'mer_1', coordinators: false, stationId: null, hubId: 'hub_1' }],
    ['CLAIM_PAID', { merchantId: 'mer_1', coordinators: false, stationId: null, hubId: null }],
    ['ADJUSTMENT', { merchantId: 'mer_1', coordinators: true, stationId: null, hubId: null }],
  ] as const)('%s goes to %o', (kind, audience) => {
    expect(audienceOf(kind, event('mer_1'))).toEqual(audience)
  })

  it('goes to the coordinators when it concerns no member', () => {
    expect(audienceOf('STATEMENT_READY', event(null))).toEqual({
      merchantId: null,
      coordinators: true,
      stationId: null,
      hubId: null,
    })
  })
})
