import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { demoStations } from '../../db/seed/demo-data'
import { createTestApp, type TestApp } from '../../test/helpers/app'
import { pbkdf2Hasher } from '../auth/password'
import { signIn } from '../auth/service'
import type { Actor } from '../auth/roles'
import { DomainError } from '../errors'
import { checkInParcel } from './check-in'
import { cancelReturn, registerReturn } from './service'
import { stationParcels } from './station-console'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const hasher = pbkdf2Hasher(1000)

/** Signs a demo user in through the domain and gives the actor pages and GraphQL would get. */
async function actor(email: string): Promise<Actor> {
  const deps = { hasher, now: () => new Date('2026-11-25T02:00:00Z') }
  const input = { email, password: 'nestwork-demo', ip: '198.51.100.7', kind: 'WEB' as const }
  return (await signIn(t.db, deps, input)).actor
}

const contactKey = 'test-contact-key-test-contact-key-000'
const register = (merchant: Actor, largeItem = false) =>
  registerReturn(
    t.db,
    merchant,
    {
      orderRef: 'O-1',
      category: 'TOYS',
      itemDescription: '积木',
      orderValueFen: 9_900,
      largeItem,
      reason: '缺件',
      hubId: 'hub_1',
      customerContact: undefined,
    },
    new Date('2026-11-25T02:00:00Z'),
    contactKey,
  )

/** 2026-11-24 23:30 in Shanghai, 2026-11-25 00:10, 23:50 and 2026-11-26 00:00. */
const instants = [
  '2026-11-24T15:30:00Z',
  '2026-11-24T16:10:00Z',
  '2026-11-25T15:50:00Z',
  '2026-11-25T16:00:00Z',
].map((iso) => new Date(iso))

describe('stationParcels', () => {
  it('lists the parcels checked in at the station on a Shanghai day, latest first', async () => {
    const merchant = await actor('merchant1@nestwork.demo')
    const op = await actor('station1@nestwork.demo')
    const other = await actor('station2@nestwork.demo')
    const parcels = []
    for (let i = 0; i < 4; i++) parcels.push(await register(merchant, i === 2))
    // sta_01 offers no large-item service: the clerk takes the large one anyway, with a reason.
    const overrideReason = '顾客抱着婴儿，无法再去别的站点'
    for (let i = 0; i < 4; i++) {
      await checkInParcel(t.db, op, parcels[i]!.code, instants[i]!, { overrideReason })
    }
    const elsewhere = await register(merchant)
    await checkInParcel(t.db, other, elsewhere.code, instants[1]!)

    const today = await stationParcels(t.db, op, { date: '2026-11-25' })
    expect(today.map((p) => p.code)).toEqual([parcels[2]!.code, parcels[1]!.code])
    expect(today[0]).toMatchObject({
      category: 'TOYS',
      largeItem: true,
      status: 'AT_STATION',
      checkedInAt: '2026-11-25T15:50:00.000Z',
      commissionFen: demoStations[0]!.largeItemCommissionFen,
    })
    expect(today[1]!.commissionFen).toBe(demoStations[0]!.commissionFen)
    expect((await stationParcels(t.db, op, { date: '2026-11-24' })).map((p) => p.code)).toEqual([
      parcels[0]!.code,
    ])
    expect((await stationParcels(t.db, other, { date: '2026-11-25' })).map((p) => p.code)).toEqual([
      elsewhere.code,
    ])
  })

  it('leaves out cancelled and merely registered returns', async () => {
    const merchant = await actor('merchant1@nestwork.demo')
    const op = await actor('station1@nestwork.demo')
    const cancelled = await register(merchant)
    await cancelReturn(t.db, merchant, cancelled.id, instants[1]!)
    await register(merchant)
    expect(await stationParcels(t.db, op, { date: '2026-11-25' })).toEqual([])
  })

  it('shows a station only to its operator or a coordinator', async () => {
    const merchant = await actor('merchant1@nestwork.demo')
    const coordinator = await actor('coordinator@nestwork.demo')
    const refused = (p: Promise<unknown>) =>
      p.then(
        () => 'allowed',
        (e: DomainError) => e.code,
      )
    expect(await refused(stationParcels(t.db, merchant, { date: '2026-11-25' }))).toBe(
      'BAD_USER_INPUT',
    )
    expect(
      await refused(stationParcels(t.db, merchant, { date: '2026-11-25', stationId: 'sta_01' })),
    ).toBe('FORBIDDEN')
    expect(
      await refused(
        stationParcels(t.db, await actor('station2@nestwork.demo'), {
          date: '2026-11-25',
          stationId: 'sta_01',
        }),
      ),
    ).toBe('FORBIDDEN')
    expect(await refused(stationParcels(t.db, null, { date: '2026-11-25' }))).toBe(
      'UNAUTHENTICATED',
    )
    expect(
      await stationParcels(t.db, coordinator, { date: '2026-11-25', stationId: 'sta_01' }),
    ).toEqual([])
  })
})

describe('checkInParcel refusals', () => {
  it('names why a parcel cannot be checked in', async () => {
    const merchant = await actor('merchant1@nestwork.demo')
    const reason = (p: Promise<unknown>) =>
      p.then(
        () => 'checked in',
        (e: DomainError) => `${e.code}:${e.details.reason ?? ''}`,
      )
    const cancelled = await register(merchant)
    await cancelReturn(t.db, merchant, cancelled.id, instants[1]!)
    const op1 = await actor('station1@nestwork.demo')
    expect(await reason(checkInParcel(t.db, op1, cancelled.code, instants[1]!))).toBe(
      'CONFLICT:CANCELLED',
    )
    const elsewhere = await register(merchant)
    await checkInParcel(t.db, await actor('station2@nestwork.demo'), elsewhere.code, instants[1]!)
    expect(await reason(checkInParcel(t.db, op1, elsewhere.code, instants[1]!))).toBe(
      'CONFLICT:OTHER_STATION',
    )
    await t.db.run(sql`update stations set active = 0 where id = 'sta_01'`)
    const fresh = await register(merchant)
    expect(await reason(checkInParcel(t.db, op1, fresh.code, instants[1]!))).toBe(
      'CONFLICT:STATION_INACTIVE',
    )
    expect(await reason(checkInParcel(t.db, op1, 'ZZZZZZZZZZZZ', instants[1]!))).toBe('NOT_FOUND:')
    expect(await reason(checkInParcel(t.db, op1, '12345', instants[1]!))).toBe(
      'BAD_USER_INPUT:CODE_FORMAT',
    )
  })

  it('refuses a large item at a station without the service, naming the nearest that has it', async () => {
    const merchant = await actor('merchant1@nestwork.demo')
    const op1 = await actor('station1@nestwork.demo')
    const pram = await register(merchant, true)
    const refusal = await checkInParcel(t.db, op1, pram.code, instants[1]!).catch(
      (e: DomainError) => e,
    )
    expect(refusal).toMatchObject({ code: 'CONFLICT' })
    const details = (refusal as DomainError).details
    expect(details.reason).toBe('LARGE_ITEM_NOT_SERVED')
    const nearest = demoStations.find((s) => s.id === details.nearestStationId)!
    expect(nearest.services).toContain('LARGE_ITEMS')
    expect(details.nearestStation).toBe(nearest.name)
    // Nothing moved: the parcel is still waiting for a drop-off.
    expect((await stationParcels(t.db, op1, { date: '2026-11-25' })).length).toBe(0)
  })

  it('takes a large item with the clerk’s reason, and keeps the reason in the audit log', async () => {
    const merchant = await actor('merchant1@nestwork.demo')
    const op1 = await actor('station1@nestwork.demo')
    const pram = await register(merchant, true)
    const overrideReason = '  顾客行动不便  '
    const done = await checkInParcel(t.db, op1, pram.code, instants[1]!, { overrideReason })
    expect(done).toMatchObject({ alreadyCheckedIn: false, hub: { id: 'hub_1' } })
    const { rows } = (await t.client.execute({
      sql: "select after_json from audit_log where entity_id = ? and action = 'parcel.checkIn'",
      args: [pram.id],
    })) as { rows: { after_json: string }[] }
    expect(JSON.parse(rows[0]!.after_json)).toMatchObject({ largeItemOverride: '顾客行动不便' })
  })

  it('takes a large item without a reason at a station that offers the service', async () => {
    const merchant = await actor('merchant1@nestwork.demo')
    const op2 = await actor('station2@nestwork.demo')
    const station2 = demoStations.find((s) => s.id === op2.stationId)!
    expect(station2.services).toContain('LARGE_ITEMS')
    const pram = await register(merchant, true)
    expect(await checkInParcel(t.db, op2, pram.code, instants[1]!)).toMatchObject({
      alreadyCheckedIn: false,
    })
  })
})
