import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { gql, tokenFor } from '../helpers/http'
import { bringToHub, registerReturnFor } from '../helpers/returns'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const at = (iso: string) => t.setNow(new Date(iso))
const merchant = (n: number) => tokenFor(t, `merchant${n}@nestwork.demo`)
const hubOp = () => tokenFor(t, 'hub1@nestwork.demo')

const INSPECT = /* GraphQL */ `
  mutation ($input: InspectReturnInput!) {
    inspectReturn(input: $input) {
      status
      inspection {
        grade
        checklist {
          item
          value
        }
      }
    }
  }
`
const RESOLVE = /* GraphQL */ `
  mutation ($input: ResolveReturnInput!) {
    resolveReturn(input: $input) {
      status
      resolution {
        resolution
        refundFen
      }
    }
  }
`
const foodChecklist = (expiryDate: string, sealIntact = 'true') => [
  { item: 'sealIntact', value: sealIntact },
  { item: 'expiryDate', value: expiryDate },
  { item: 'storageDamage', value: 'false' },
]

async function inspected(grade: string, expiryDate = '2027-08-01') {
  const r = await registerReturnFor(t, 1)
  await bringToHub(t, r.code)
  const res = await gql(
    t,
    INSPECT,
    { input: { returnId: r.id, grade, checklist: foodChecklist(expiryDate) } },
    await hubOp(),
  )
  if (!res.data) throw new Error(JSON.stringify(res.errors))
  return r
}

describe('the after-sales loop', () => {
  it('goes accept → diagnose → resolve → follow up, with every step on the timeline', async () => {
    at('2026-11-25T02:00:00Z')
    const r = await registerReturnFor(t, 1)
    const m = await merchant(1)
    at('2026-11-25T03:00:00Z')
    await gql(
      t,
      `mutation { respondToReturn(id: "${r.id}", message: "已收到，请到就近驿站交件") { id } }`,
      {},
      m,
    )
    at('2026-11-26T01:00:00Z')
    await bringToHub(t, r.code)
    at('2026-11-26T05:00:00Z')
    const insp = await gql(
      t,
      INSPECT,
      {
        input: {
          returnId: r.id,
          grade: 'DAMAGED',
          checklist: foodChecklist('2027-08-01', 'false'),
          notes: '罐体凹陷',
        },
      },
      await hubOp(),
    )
    expect(insp.data!.inspectReturn).toMatchObject({
      status: 'INSPECTED',
      inspection: { grade: 'DAMAGED' },
    })
    at('2026-11-26T09:00:00Z')
    const res = await gql(
      t,
      RESOLVE,
      { input: { returnId: r.id, resolution: 'REFUND', refundFen: 25_800 } },
      m,
    )
    expect(res.data!.resolveReturn).toEqual({
      status: 'RESOLVED',
      resolution: { resolution: 'REFUND', refundFen: 25_800 },
    })
    at('2026-11-27T01:00:00Z')
    const closed = await gql(
      t,
      `mutation { closeReturn(id: "${r.id}") { status timeline { status } sla { firstRespondedAt resolvedAt cycleHours breached } } }`,
      {},
      m,
    )
    const ret = closed.data!.closeReturn
    expect(ret.status).toBe('CLOSED')
    expect(ret.timeline.map((e: { status: string }) => e.status)).toEqual([
      'REGISTERED',
      'AT_STATION',
      'IN_TRANSIT',
      'AT_HUB',
      'INSPECTED',
      'RESOLVED',
      'CLOSED',
    ])
    expect(ret.sla).toEqual({
      firstRespondedAt: '2026-11-25T03:00:00.000Z',
      resolvedAt: '2026-11-26T09:00:00.000Z',
      cycleHours: 31,
      breached: false,
    })
  })

  it('refuses to restock expired food and requires it to be disposed of', async () => {
    const r = await inspected('EXPIRED', '2026-10-01')
    const m = await merchant(1)
    const restock = await gql(t, RESOLVE, { input: { returnId: r.id, resolution: 'RESTOCK' } }, m)
    expect(restock.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'resolution',
    })
    expect(restock.errors![0]!.message).toMatch(/EXPIRED goods must be disposed of/)
    const dispose = await gql(t, RESOLVE, { input: { returnId: r.id, resolution: 'DISPOSE' } }, m)
    expect(dispose.data!.resolveReturn.status).toBe('RESOLVED')
  })

  it('refuses a grade the checklist rules out', async () => {
    const r = await registerReturnFor(t, 1)
    await bringToHub(t, r.code)
    const res = await gql(
      t,
      INSPECT,
      { input: { returnId: r.id, grade: 'RESELLABLE', checklist: foodChecklist('2026-12-01') } },
      await hubOp(),
    )
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'grade' })
  })

  it('refuses inspecting a parcel that has not reached the hub, and inspecting twice', async () => {
    const r = await registerReturnFor(t, 1)
    const early = await gql(
      t,
      INSPECT,
      { input: { returnId: r.id, grade: 'DAMAGED', checklist: foodChecklist('2027-01-01') } },
      await hubOp(),
    )
    expect(early.errors![0]!.extensions!.code).toBe('CONFLICT')
    const done = await inspected('RESELLABLE')
    const again = await gql(
      t,
      INSPECT,
      { input: { returnId: done.id, grade: 'DAMAGED', checklist: foodChecklist('2027-08-01') } },
      await hubOp(),
    )
    expect(again.errors![0]!.extensions!.code).toBe('CONFLICT')
  })

  it('refuses a refund above the order value, in the domain and in the database', async () => {
    const r = await inspected('DAMAGED')
    const res = await gql(
      t,
      RESOLVE,
      { input: { returnId: r.id, resolution: 'REFUND', refundFen: 25_801 } },
      await merchant(1),
    )
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'refundFen' })
    await expect(
      t.client.execute({
        sql: `insert into resolutions (return_id, resolution, refund_fen, actor_id, at) values (?, 'REFUND', 99999999, 'usr_002', 'x')`,
        args: [r.id],
      }),
    ).rejects.toThrow(/refund exceeds the order value/)
  })

  it('keeps other merchants and other hubs out', async () => {
    const r = await inspected('DAMAGED')
    const other = await gql(
      t,
      RESOLVE,
      { input: { returnId: r.id, resolution: 'EXCHANGE' } },
      await merchant(2),
    )
    expect(other.errors![0]!.extensions!.code).toBe('NOT_FOUND')
    const r2 = await registerReturnFor(t, 1)
    await bringToHub(t, r2.code)
    const hub2 = await tokenFor(t, 'hub2@nestwork.demo')
    const res = await gql(
      t,
      INSPECT,
      { input: { returnId: r2.id, grade: 'DAMAGED', checklist: foodChecklist('2027-08-01') } },
      hub2,
    )
    expect(res.errors![0]!.extensions!.code).toBe('NOT_FOUND')
  })
})

describe('rating', () => {
  it('lets the customer rate a resolved return once, by code, without signing in', async () => {
    const r = await inspected('RESELLABLE')
    const RATE = `mutation { rateReturn(code: "${r.code}", stars: 5, comment: "很快就退款了") { stars comment } }`
    const early = await gql(t, `mutation { rateReturn(code: "${r.code}", stars: 4) { stars } }`)
    expect(early.errors![0]!.extensions!.code).toBe('CONFLICT')
    await gql(t, RESOLVE, { input: { returnId: r.id, resolution: 'RESTOCK' } }, await merchant(1))
    expect((await gql(t, RATE)).data).toEqual({ rateReturn: { stars: 5, comment: '很快就退款了' } })
    const twice = await gql(t, RATE)
    expect(twice.errors![0]!.message).toMatch(/already been rated/)
    const bad = await gql(t, `mutation { rateReturn(code: "${r.code}", stars: 6) { stars } }`)
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stars' })
  })
})

describe('service levels', () => {
  it('counts on-time responses and resolutions, and shows a breach as soon as it happens', async () => {
    at('2026-11-25T02:00:00Z')
    const fast = await registerReturnFor(t, 1)
    const slow = await registerReturnFor(t, 1)
    const m = await merchant(1)
    at('2026-11-25T03:00:00Z')
    await gql(t, `mutation { respondToReturn(id: "${fast.id}", message: "ok") { id } }`, {}, m)
    at('2026-11-25T04:00:00Z') // 2 h after registration: not yet late
    const q = `{ return(id: "${slow.id}") { sla { breached firstResponseBreached } } }`
    expect((await gql(t, q, {}, m)).data!.return.sla.breached).toBe(false)
    at('2026-11-25T04:00:01Z')
    expect((await gql(t, q, {}, m)).data!.return.sla).toEqual({
      breached: true,
      firstResponseBreached: true,
    })

    const levels = await gql(
      t,
      '{ serviceLevels(month: "2026-11") { month figures { returns firstResponseCounted firstResponseOnTime firstResponseOnTimeShare breached } byMerchant { merchant { id } } } }',
      {},
      m,
    )
    expect(levels.data!.serviceLevels).toEqual({
      month: '2026-11',
      figures: {
        returns: 2,
        firstResponseCounted: 2,
        firstResponseOnTime: 1,
        firstResponseOnTimeShare: 0.5,
        breached: 1,
      },
      byMerchant: null,
    })
  })

  it('shows a merchant only its own figures and the coordinator everyone’s', async () => {
    await registerReturnFor(t, 1)
    await registerReturnFor(t, 2)
    const own = await gql(
      t,
      '{ serviceLevels(month: "2026-11") { figures { returns } } }',
      {},
      await merchant(2),
    )
    expect(own.data!.serviceLevels.figures.returns).toBe(1)
    const peek = await gql(
      t,
      '{ serviceLevels(month: "2026-11", merchantId: "mer_01") { figures { returns } } }',
      {},
      await merchant(2),
    )
    expect(peek.errors![0]!.extensions!.code).toBe('NOT_FOUND')
    const all = await gql(
      t,
      '{ serviceLevels(month: "2026-11") { figures { returns } byMerchant { merchant { id } figures { returns } } byHub { hub { id } } } }',
      {},
      await tokenFor(t, 'coordinator@nestwork.demo'),
    )
    expect(all.data!.serviceLevels.figures.returns).toBe(2)
    expect(all.data!.serviceLevels.byMerchant).toEqual([
      { merchant: { id: 'mer_01' }, figures: { returns: 1 } },
      { merchant: { id: 'mer_02' }, figures: { returns: 1 } },
    ])
    const bad = await gql(t, '{ serviceLevels(month: "2026-13") { month } }', {}, await merchant(1))
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
  })

  it('counts a return in the Shanghai month it was registered in', async () => {
    at('2026-11-30T16:30:00Z') // 00:30 on 1 December in Shanghai
    await registerReturnFor(t, 1)
    const m = await merchant(1)
    const nov = await gql(t, '{ serviceLevels(month: "2026-11") { figures { returns } } }', {}, m)
    const dec = await gql(t, '{ serviceLevels(month: "2026-12") { figures { returns } } }', {}, m)
    expect([
      nov.data!.serviceLevels.figures.returns,
      dec.data!.serviceLevels.figures.returns,
    ]).toEqual([0, 1])
  })
})

describe('staff certification', () => {
  it('records staff and their certification, for the merchant only', async () => {
    const m = await merchant(1)
    const added = await gql(
      t,
      'mutation { addStaff(name: "李娜", certified: false) { id certified } }',
      {},
      m,
    )
    const id = added.data!.addStaff.id
    const cert = await gql(
      t,
      `mutation { setStaffCertification(staffId: "${id}", certified: true) { certified certifiedOn } }`,
      {},
      m,
    )
    expect(cert.data!.setStaffCertification).toEqual({ certified: true, certifiedOn: '2026-11-25' })
    const other = await gql(
      t,
      `mutation { setStaffCertification(staffId: "${id}", certified: false) { id } }`,
      {},
      await merchant(2),
    )
    expect(other.errors![0]!.extensions!.code).toBe('NOT_FOUND')
    expect((await gql(t, '{ staff { name } }', {}, await merchant(2))).data!.staff).toEqual([])
    const [row] = await t.db.all<{ n: number }>(
      sql`select count(*) as n from staff where certified = 1`,
    )
    expect(row!.n).toBe(1)
  })
})

describe('working lists', () => {
  const DESK = `{ afterSalesDesk { return { id status } needs grade dueAt dueFor overdue allowedResolutions } }`
  const QUEUE = `query ($hubId: ID) { inspectionQueue(hubId: $hubId) { return { id } arrivedAt resolutionDueAt overdue } }`

  it('gives a merchant its desk, nearest deadline first', async () => {
    at('2026-11-25T02:00:00Z')
    const fresh = await registerReturnFor(t, 1)
    await registerReturnFor(t, 2)
    at('2026-11-25T01:00:00Z')
    const graded = await inspected('DAMAGED')
    at('2026-11-25T03:30:00Z')
    const m = await merchant(1)
    const res = await gql(t, DESK, {}, m)
    expect(res.data!.afterSalesDesk).toEqual([
      {
        return: { id: graded.id, status: 'INSPECTED' },
        needs: ['RESPOND', 'RESOLVE'],
        grade: 'DAMAGED',
        dueAt: '2026-11-25T03:00:00.000Z',
        dueFor: 'FIRST_RESPONSE',
        overdue: true,
        allowedResolutions: ['REFUND', 'EXCHANGE', 'DISPOSE'],
      },
      {
        return: { id: fresh.id, status: 'REGISTERED' },
        needs: ['RESPOND'],
        grade: null,
        dueAt: '2026-11-25T04:00:00.000Z',
        dueFor: 'FIRST_RESPONSE',
        overdue: false,
        allowedResolutions: [],
      },
    ])
    await gql(t, `mutation { respondToReturn(id: "${fresh.id}", message: "ok") { id } }`, {}, m)
    const after = await gql(t, DESK, {}, m)
    expect(after.data!.afterSalesDesk.map((i: { return: { id: string } }) => i.return.id)).toEqual([
      graded.id,
    ])
    const hub = await gql(t, DESK, {}, await hubOp())
    expect(hub.errors![0]!.extensions!.code).toBe('FORBIDDEN')
  })

  it('gives a hub its parcels awaiting inspection, oldest first', async () => {
    at('2026-11-25T02:00:00Z')
    const first = await registerReturnFor(t, 1)
    await bringToHub(t, first.code)
    at('2026-11-25T02:30:00Z')
    const second = await registerReturnFor(t, 2)
    await bringToHub(t, second.code)
    await inspected('RESELLABLE') // inspected: no longer queued
    at('2026-11-26T02:10:00Z')
    const res = await gql(t, QUEUE, {}, await hubOp())
    expect(res.data!.inspectionQueue).toEqual([
      {
        return: { id: first.id },
        arrivedAt: '2026-11-25T02:00:00.000Z',
        resolutionDueAt: '2026-11-26T02:00:00.000Z',
        overdue: true,
      },
      {
        return: { id: second.id },
        arrivedAt: '2026-11-25T02:30:00.000Z',
        resolutionDueAt: '2026-11-26T02:30:00.000Z',
        overdue: false,
      },
    ])
    const hub2 = await tokenFor(t, 'hub2@nestwork.demo')
    expect((await gql(t, QUEUE, {}, hub2)).data!.inspectionQueue).toEqual([])
    const peek = await gql(t, QUEUE, { hubId: 'hub_1' }, hub2)
    expect(peek.errors![0]!.extensions!.code).toBe('NOT_FOUND')
    const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
    expect(
      (await gql(t, QUEUE, { hubId: 'hub_1' }, coordinator)).data!.inspectionQueue,
    ).toHaveLength(2)
    expect((await gql(t, QUEUE, { hubId: 'hub_2' }, coordinator)).data!.inspectionQueue).toEqual([])
    const merchantQueue = await gql(t, QUEUE, {}, await merchant(1))
    expect(merchantQueue.errors![0]!.extensions!.code).toBe('FORBIDDEN')
  })
})
