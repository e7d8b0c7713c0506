import { describe, expect, it } from 'vitest'
import type { Grade, ReturnStatus } from '../../db/schema'
import type { Return } from '../returns/service'
import { allowedResolutions } from '../inspection/rules'
import { computeSla } from '../inspection/sla'
import { deskItemOf } from './desk'

const now = new Date('2026-11-25T02:00:00Z')

const ret = (status: ReturnStatus) =>
  ({ id: 'ret_1', status, createdAt: '2026-11-25T01:00:00.000Z' }) as Return

const clocks = (over: Partial<Parameters<typeof computeSla>[0]> = {}) =>
  computeSla(
    {
      registeredAt: '2026-11-25T01:00:00.000Z',
      firstRespondedAt: null,
      arrivedAt: null,
      resolvedAt: null,
      ...over,
    },
    now,
  )

describe('the desk', () => {
  it('asks for a first response until there is one, with its deadline', () => {
    const item = deskItemOf(ret('REGISTERED'), null, clocks(), now)!
    expect(item).toMatchObject({
      needs: ['RESPOND'],
      dueAt: '2026-11-25T03:00:00.000Z',
      dueFor: 'FIRST_RESPONSE',
      overdue: false,
      allowedResolutions: [],
    })
    const answered = clocks({ firstRespondedAt: '2026-11-25T01:30:00.000Z' })
    expect(deskItemOf(ret('AT_HUB'), null, answered, now)).toBeNull()
  })

  it('asks for a decision on an inspected return, by the resolution clock', () => {
    const sla = clocks({
      firstRespondedAt: '2026-11-25T01:10:00.000Z',
      arrivedAt: '2026-11-24T01:00:00.000Z',
    })
    expect(deskItemOf(ret('INSPECTED'), 'DAMAGED', sla, now)).toMatchObject({
      needs: ['RESOLVE'],
      dueAt: '2026-11-25T01:00:00.000Z',
      dueFor: 'RESOLUTION',
      overdue: true,
      allowedResolutions: ['REFUND', 'EXCHANGE', 'DISPOSE'],
    })
  })

  it('takes the nearest of two running deadlines', () => {
    const sla = clocks({ arrivedAt: '2026-11-25T01:30:00.000Z' })
    const item = deskItemOf(ret('INSPECTED'), 'RESELLABLE', sla, now)!
    expect(item.needs).toEqual(['RESPOND', 'RESOLVE'])
    expect(item).toMatchObject({ dueAt: '2026-11-25T03:00:00.000Z', dueFor: 'FIRST_RESPONSE' })
  })

  it('asks for the follow-up close of a resolved return, with no deadline', () => {
    const sla = clocks({
      firstRespondedAt: '2026-11-25T01:10:00.000Z',
      arrivedAt: '2026-11-25T01:20:00.000Z',
      resolvedAt: '2026-11-25T01:40:00.000Z',
    })
    expect(deskItemOf(ret('RESOLVED'), 'DAMAGED', sla, now)).toMatchObject({
      needs: ['CLOSE'],
      dueAt: null,
      overdue: false,
    })
  })

  it('leaves closed and cancelled returns off the desk', () => {
    expect(deskItemOf(ret('CLOSED'), 'DAMAGED', clocks(), now)).toBeNull()
    expect(deskItemOf(ret('CANCELLED'), null, clocks(), now)).toBeNull()
  })

  it('is not overdue at the deadline itself, only after it', () => {
    const at = (iso: string) => deskItemOf(ret('REGISTERED'), null, clocks(), new Date(iso))!
    expect(at('2026-11-25T03:00:00.000Z').overdue).toBe(false)
    expect(at('2026-11-25T03:00:00.001Z').overdue).toBe(true)
  })
})

describe('allowedResolutions', () => {
  it.each<[Grade, string[]]>([
    ['RESELLABLE', ['REFUND', 'EXCHANGE', 'RESTOCK', 'DISPOSE']],
    ['DAMAGED', ['REFUND', 'EXCHANGE', 'DISPOSE']],
    ['PARTS_MISSING', ['REFUND', 'EXCHANGE', 'DISPOSE']],
    ['NEAR_EXPIRY', ['REFUND', 'EXCHANGE', 'DISPOSE']],
    ['EXPIRED', ['DISPOSE']],
    ['SAFETY_RISK', ['DISPOSE']],
  ])('%s leaves %j open', (grade, kinds) => {
    expect(allowedResolutions(grade)).toEqual(kinds)
  })
})
