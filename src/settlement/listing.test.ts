import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/helpers/app'
import { gql, tokenFor } from '../../test/helpers/http'
import { bringToHub, registerReturnFor } from '../../test/helpers/returns'
import type { Actor } from '../auth/roles'
import { findClose, startClose } from './close-jobs'
import {
  adjustmentsAgainst,
  adjustmentsLandingIn,
  closedMonth,
  costsByIds,
  listClosedMonths,
  merchantStatements,
  settlementStatements,
  stationStatements,
  statementRow,
} from './listing'
import { addAdjustment, closeSettlement, markStatementPaid, recordCost } from './service'

let t: TestApp
const now = new Date('2026-11-25T02:00:00Z')

const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({
  userId: 'usr_001',
  allianceId: 'all_yrd',
  email: 'x@nestwork.demo',
  role,
  displayName: 'x',
  locale: 'zh-CN',
  merchantId: null,
  stationId: null,
  hubId: null,
  ...extra,
})
const coordinator = actor('COORDINATOR')
const merchant1 = actor('MERCHANT', { userId: 'usr_002', merchantId: 'mer_01' })
const station1 = actor('STATION_OPERATOR', { userId: 'usr_022', stationId: 'sta_01' })
const station2 = actor('STATION_OPERATOR', { userId: 'usr_023', stationId: 'sta_02' })

/** October with three parcels through station 1 (two of merchant 1), closed. */
async function closedOctober() {
  t.setNow(new Date('2026-10-05T02:00:00Z'))
  for (const n of [1, 1, 2]) await bringToHub(t, (await registerReturnFor(t, n)).code)
  t.setNow(now)
  return closeSettlement(t.db, coordinator, { month: '2026-10', idempotencyKey: 'close-oct' }, now)
}

beforeEach(async () => {
  t = await createTestApp()
})

describe('closed months and their statements', () => {
  it('lists closed months with totals, who closed them and how much is paid', async () => {
    expect(await listClosedMonths(t.db, coordinator)).toEqual([])
    const closed = await closedOctober()
    const [smt] = (await settlementStatements(t.db, coordinator, '2026-10')).filter(
      (s) => s.merchantId === 'mer_01',
    )
    await markStatementPaid(t.db, coordinator, smt!.id, now)
    const months = await listClosedMonths(t.db, coordinator)
    expect(months).toEqual([
      {
        id: closed.id,
        month: '2026-10',
        totalFen: closed.totalFen,
        costTotalFen: closed.costTotalFen,
        rulesVersion: 1,
        closedAt: now.toISOString(),
        closedByName: '联盟协调员 王敏',
        statements: 21,
        paid: 1,
      },
    ])
    expect(await closedMonth(t.db, coordinator, '2026-09')).toBeNull()
    await expect(listClosedMonths(t.db, merchant1)).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('gives merchants their own statements and stations theirs, with parcels', async () => {
    await closedOctober()
    const mine = await merchantStatements(t.db, merchant1)
    expect(mine.map((s) => [s.month, s.merchantId])).toEqual([['2026-10', 'mer_01']])
    await expect(merchantStatements(t.db, merchant1, 'mer_02')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    expect((await merchantStatements(t.db, coordinator, 'mer_02'))[0]!.merchantId).toBe('mer_02')
    await expect(merchantStatements(t.db, station1)).rejects.toMatchObject({ code: 'FORBIDDEN' })

    const [station] = await stationStatements(t.db, station1, 'sta_01')
    expect(station).toMatchObject({ month: '2026-10', totalFen: 660, parcels: 3, paidAt: null })
    await expect(stationStatements(t.db, station2, 'sta_01')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(statementRow(t.db, merchant1, station!.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    expect((await statementRow(t.db, station1, station!.id)).parcels).toBe(3)
  })
})

describe('adjustments and costs', () => {
  it('lists corrections where they land and against what they correct, in order', async () => {
    await closedOctober()
    for (const [merchantId, amountFen, reason] of [
      ['mer_01', -5000, 'first'],
      ['mer_02', 700, 'second'],
      ['mer_01', 300, 'third'],
    ] as const) {
      await addAdjustment(
        t.db,
        coordinator,
        { merchantId, month: '2026-10', amountFen, reason },
        now,
      )
    }
    const landing = await adjustmentsLandingIn(t.db, merchant1, '2026-11', 'mer_01')
    expect(landing.map((a) => [a.reason, a.originalMonth, a.month])).toEqual([
      ['first', '2026-10', '2026-11'],
      ['third', '2026-10', '2026-11'],
    ])
    await expect(adjustmentsLandingIn(t.db, merchant1, '2026-11', 'mer_02')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    expect((await adjustmentsAgainst(t.db, coordinator, '2026-10')).map((a) => a.reason)).toEqual([
      'first',
      'second',
      'third',
    ])
  })

  it('reads the costs a statement refers to, only from the actor’s alliance', async () => {
    const cost = await recordCost(
      t.db,
      coordinator,
      { month: '2026-10', kind: 'SHARED', amountFen: 100, hubId: undefined, note: 'n' },
      now,
    )
    const found = await costsByIds(t.db, merchant1, [
      cost.id,
      ...Array.from({ length: 150 }, (_, i) => `cst_missing_${i}`),
      cost.id,
    ])
    expect([...found.keys()]).toEqual([cost.id])
    const other = await costsByIds(t.db, { ...merchant1, allianceId: 'all_other' }, [cost.id])
    expect(other.size).toBe(0)
  })
})

describe('close jobs', () => {
  it('runs a close in the background through its stages, once per key', async () => {
    t.setNow(new Date('2026-10-05T02:00:00Z'))
    await bringToHub(t, (await registerReturnFor(t, 1)).code)
    const job = startClose(
      t.db,
      coordinator,
      { month: '2026-10', idempotencyKey: 'job-key-1' },
      now,
    )
    expect(job.stage).toBe('computing')
    expect(
      startClose(t.db, coordinator, { month: '2026-10', idempotencyKey: 'job-key-1' }, now),
    ).toBe(job)
    await job.finished
    expect(job.stage).toBe('done')
    expect(job.result!.status).toBe('CLOSED')
    expect(findClose('all_yrd', '2026-10', 'job-key-1')).toBe(job)
    expect(findClose('all_yrd', '2026-10', 'other-key')).toBeUndefined()
  })

  it('keeps a refusal as the job’s error', async () => {
    const job = startClose(
      t.db,
      coordinator,
      { month: '2026-10', idempotencyKey: 'job-key-2', expectedTotalFen: 1 },
      now,
    )
    await job.finished
    expect(job.stage).toBe('failed')
    expect(job.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'TOTAL_CHANGED' } })
    const token = await tokenFor(t, 'coordinator@nestwork.demo')
    const settlement = await gql(t, '{ settlement(month: "2026-10") { id } }', {}, token)
    expect(settlement.data!.settlement).toBeNull()
  })
})
