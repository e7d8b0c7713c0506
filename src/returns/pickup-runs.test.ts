import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { users } from '../../db/schema'
import { createTestApp, type TestApp } from '../../test/helpers/app'
import type { Actor } from '../auth/roles'
import { checkInParcel } from './check-in'
import {
  closePickupRun,
  createPickupRun,
  receiveParcel,
  runManifest,
  runSummaries,
  stationsWaiting,
} from './pickup-runs'
import { registerReturn } from './service'

let t: TestApp
const now = new Date('2026-11-25T02:00:00Z')
const later = new Date('2026-11-25T03:30:00Z')

beforeEach(async () => {
  t = await createTestApp()
})

async function actor(email: string): Promise<Actor> {
  const [u] = await t.db
    .select()
    .from(users)
    .where(eq(users.email, `${email}@nestwork.demo`))
  return { ...u!, userId: u!.id }
}

/** A parcel registered by merchant1 for `hubId` and checked in at station `n` at `at`. */
async function parcelAt(n: number, hubId = 'hub_1', at = now) {
  const merchant = await actor('merchant1')
  const r = await registerReturn(
    t.db,
    merchant,
    {
      orderRef: 'O-1',
      category: 'TOYS',
      itemDescription: '木质积木',
      orderValueFen: 9_900,
      largeItem: false,
      reason: '缺件',
      hubId,
      customerContact: undefined,
    },
    at,
    'test-contact-key-test-contact-key-32',
  )
  await checkInParcel(t.db, await actor(`station${n}`), r.code, at)
  return r
}

describe('stationsWaiting', () => {
  it('counts checked-in parcels per station bound for the operator’s hub, most first', async () => {
    await parcelAt(1, 'hub_1', later)
    await parcelAt(2, 'hub_1', now)
    await parcelAt(2, 'hub_1', later)
    await parcelAt(2, 'hub_2')
    const waiting = await stationsWaiting(t.db, await actor('hub1'))
    expect(waiting.map((w) => [w.station.id, w.hubId, w.parcels, w.since])).toEqual([
      ['sta_02', 'hub_1', 2, now.toISOString()],
      ['sta_01', 'hub_1', 1, later.toISOString()],
    ])
  })

  it('forgets parcels once a run has taken them', async () => {
    await parcelAt(1)
    const hub = await actor('hub1')
    await createPickupRun(t.db, hub, { stationId: 'sta_01' }, later)
    expect(await stationsWaiting(t.db, hub)).toEqual([])
  })

  it('shows a coordinator every hub, or the one asked for', async () => {
    await parcelAt(1, 'hub_1')
    await parcelAt(1, 'hub_2')
    const coordinator = await actor('coordinator')
    const all = await stationsWaiting(t.db, coordinator)
    expect(all.map((w) => w.hubId).sort()).toEqual(['hub_1', 'hub_2'])
    const one = await stationsWaiting(t.db, coordinator, 'hub_2')
    expect(one.map((w) => [w.station.id, w.hubId])).toEqual([['sta_01', 'hub_2']])
  })

  it('keeps a hub operator to its own hub and refuses other roles', async () => {
    await parcelAt(1, 'hub_2')
    expect(await stationsWaiting(t.db, await actor('hub1'), 'hub_2')).toEqual([])
    await expect(stationsWaiting(t.db, await actor('merchant1'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
  })
})

describe('runSummaries and runManifest', () => {
  it('count what a run took, what arrived and what arrived unexpectedly', async () => {
    const [p1, p2] = [await parcelAt(1), await parcelAt(1)]
    const hub = await actor('hub1')
    const run = await createPickupRun(t.db, hub, { stationId: 'sta_01' }, now)
    const stray = await parcelAt(1) // checked in after the truck left
    await receiveParcel(t.db, hub, { runId: run.id, code: p1.code }, later)
    await receiveParcel(t.db, hub, { runId: run.id, code: stray.code }, later)

    const [summary] = await runSummaries(t.db, hub)
    expect(summary).toMatchObject({ expected: 2, received: 1, unexpected: 1 })
    expect(summary!.run.id).toBe(run.id)

    const manifest = await runManifest(t.db, hub, run.id)
    const lines = manifest.lines.map((l) => [l.parcel.code, l.receipt?.at ?? null])
    expect(lines.sort()).toEqual(
      [
        [p1.code, later.toISOString()],
        [p2.code, null],
      ].sort(),
    )
    expect(manifest.unexpected.map((r) => r.code)).toEqual([stray.code])
    expect(manifest.missing.map((r) => r.code)).toEqual([p2.code])

    await closePickupRun(t.db, hub, run.id, later)
    expect((await runManifest(t.db, hub, run.id)).run.status).toBe('CLOSED')
  })

  it('lists only the operator’s hub, and one hub for a coordinator who asks', async () => {
    await parcelAt(1, 'hub_1')
    await parcelAt(2, 'hub_2')
    await createPickupRun(t.db, await actor('hub1'), { stationId: 'sta_01' }, now)
    await createPickupRun(t.db, await actor('hub2'), { stationId: 'sta_02' }, later)
    const own = await runSummaries(t.db, await actor('hub2'))
    expect(own.map((s) => [s.run.hubId, s.stationName, s.expected])).toEqual([
      ['hub_2', expect.any(String), 1],
    ])
    const coordinator = await actor('coordinator')
    expect((await runSummaries(t.db, coordinator)).map((s) => s.run.hubId)).toEqual([
      'hub_2',
      'hub_1',
    ])
    expect(
      (await runSummaries(t.db, coordinator, { hubId: 'hub_1' })).map((s) => s.run.hubId),
    ).toEqual(['hub_1'])
  })
})
