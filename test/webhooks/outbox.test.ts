import { asc } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { outboxEvents } from '../../db/schema'
import { createTestApp, type TestApp } from '../helpers/app'
import { gql, tokenFor } from '../helpers/http'
import { bringToHub, registerReturnFor } from '../helpers/returns'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const events = () => t.db.select().from(outboxEvents).orderBy(asc(outboxEvents.seq))

describe('the outbox', () => {
  it('records each move of a return, in order, with its alliance, merchant and hub', async () => {
    const { id, code } = await registerReturnFor(t, 1)
    await bringToHub(t, code)
    const rows = await events()
    expect(rows.map((e) => e.type)).toEqual([
      'return.registered',
      'return.checked_in',
      'return.picked_up',
      'return.received',
    ])
    for (const e of rows) {
      expect(e).toMatchObject({ returnId: id, merchantId: 'mer_01', hubId: 'hub_1' })
      expect(e.id).toMatch(/^evt_[0-9a-f]{24}$/)
      expect(e.allianceId).toBeTruthy()
    }
    const received = JSON.parse(rows.at(-1)!.data)
    expect(received.return).toMatchObject({ id, code, status: 'AT_HUB', stationId: 'sta_01' })
  })

  it('never carries the customer contact', async () => {
    await registerReturnFor(t, 1, { customerContact: '13800138000' })
    const [registered] = await events()
    expect(registered!.data).not.toContain('13800138000')
    expect(JSON.parse(registered!.data).return.orderValueFen).toBe(25_800)
  })

  it('writes no event for a refused change, nor a second one for a repeated change', async () => {
    const { id, code } = await registerReturnFor(t, 1)
    await bringToHub(t, code)
    const merchant = await tokenFor(t, 'merchant1@nestwork.demo')
    const cancel = await gql(t, `mutation { cancelReturn(id: "${id}") { status } }`, {}, merchant)
    expect(cancel.errors?.[0]?.extensions?.code).toBe('CONFLICT')
    const station = await tokenFor(t, 'station1@nestwork.demo')
    await gql(t, `mutation { checkInParcel(code: "${code}") { alreadyCheckedIn } }`, {}, station)
    const types = (await events()).map((e) => e.type)
    expect(types).not.toContain('return.cancelled')
    expect(types.filter((e) => e === 'return.checked_in')).toHaveLength(1)
  })

  it('records a cancellation that happened', async () => {
    const { id } = await registerReturnFor(t, 2)
    const merchant = await tokenFor(t, 'merchant2@nestwork.demo')
    await gql(t, `mutation { cancelReturn(id: "${id}") { status } }`, {}, merchant)
    expect((await events()).map((e) => [e.type, e.merchantId])).toEqual([
      ['return.registered', 'mer_02'],
      ['return.cancelled', 'mer_02'],
    ])
  })

  it('records a booking as confirmed or waitlisted, and a replayed booking not again', async () => {
    const merchant = await tokenFor(t, 'merchant1@nestwork.demo')
    const input = { hubId: 'hub_1', date: '2026-11-27', units: 5, idempotencyKey: 'outbox-key-1' }
    const book = `mutation ($input: BookHubCapacityInput!) { bookHubCapacity(input: $input) { id } }`
    const first = await gql(t, book, { input }, merchant)
    await gql(t, book, { input }, merchant)
    const rows = await events()
    expect(rows.map((e) => e.type)).toEqual(['booking.confirmed'])
    expect(JSON.parse(rows[0]!.data).booking).toMatchObject({
      id: first.data!.bookHubCapacity.id,
      units: 5,
      status: 'CONFIRMED',
    })
  })
})
