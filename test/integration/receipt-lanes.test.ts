import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { runReceipts } from '../../db/schema'
import { formatCode } from '../../src/returns/code'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'
import { registerReturnFor } from '../helpers/returns'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const RECEIVE = `mutation ($runId: ID!, $code: String!) {
  receiveParcel(runId: $runId, code: $code) {
    alreadyReceived lane { code kind } laneCountToday return { id }
  }
}`
const PLAN = `query { sortPlan(hubId: "hub_1") { version lanes { code kind merchants { id } } } }`

/**
 * A parcel of merchant `n` checked in at station 1, bound for hub 1 (station 1 takes no large
 * items: the clerk overrides with a reason).
 */
async function parcel(n: number, extra: Record<string, unknown> = {}) {
  const { code } = await registerReturnFor(t, n, extra)
  await gql(
    t,
    `mutation { checkInParcel(code: "${code}", overrideReason: "顾客不便") { alreadyCheckedIn } }`,
    {},
    await tokenFor(t, 'station1@nestwork.demo'),
  )
  return code
}

async function run(token: string) {
  const res = await gql(t, 'mutation { createPickupRun(stationId: "sta_01") { id } }', {}, token)
  return res.data!.createPickupRun.id as string
}

async function receive(token: string, runId: string, code: string) {
  const res = await gql(t, RECEIVE, { runId, code }, token)
  if (!res.data) throw new Error(JSON.stringify(res.errors))
  return res.data.receiveParcel as {
    alreadyReceived: boolean
    lane: { code: string; kind: string } | null
    laneCountToday: number
    return: { id: string }
  }
}

/** The code of the lane the hub's plan in force puts merchant `id` in. */
async function laneOf(token: string, id: string) {
  const plan = (await gql(t, PLAN, {}, token)).data!.sortPlan
  return plan.lanes.find((l: { merchants: { id: string }[] }) =>
    l.merchants.some((m) => m.id === id),
  ).code as string
}

describe('receiveParcel answers with the lane', () => {
  it("sends a parcel to its merchant's lane, a large item to the large lane, and counts today's parcels per lane", async () => {
    const hub = await tokenFor(t, 'hub1@nestwork.demo')
    const [a, b, large] = [await parcel(1), await parcel(1), await parcel(1, { largeItem: true })]
    const runId = await run(hub)
    const lane = await laneOf(hub, 'mer_01')

    const first = await receive(hub, runId, a)
    expect(first.lane).toEqual({ code: lane, kind: 'MERCHANT' })
    expect(first.laneCountToday).toBe(1)
    expect((await receive(hub, runId, b)).laneCountToday).toBe(2)
    const big = await receive(hub, runId, large)
    expect(big.lane).toEqual({ code: 'L1', kind: 'LARGE' })
    expect(big.laneCountToday).toBe(1)
    // A repeat scan answers the lane it used, and counts nothing twice.
    const again = await receive(hub, runId, a)
    expect(again).toMatchObject({ alreadyReceived: true, lane: { code: lane }, laneCountToday: 2 })

    const [row] = await t.db
      .select()
      .from(runReceipts)
      .where(eq(runReceipts.returnId, first.return.id))
    expect(row).toMatchObject({ laneCode: lane, sortPlanVersion: 1 })
  })

  it('uses the plan in force at the scan and keeps what an earlier receipt used', async () => {
    const hub = await tokenFor(t, 'hub1@nestwork.demo')
    const [a, b] = [await parcel(1), await parcel(1)]
    const runId = await run(hub)
    const before = await receive(hub, runId, a)
    const set = await gql(
      t,
      `mutation ($lanes: [SortLaneInput!]!) { setSortPlan(hubId: "hub_1", lanes: $lanes) { version } }`,
      {
        lanes: [
          { code: 'Z9', kind: 'MERCHANT', merchantIds: ['mer_01'] },
          { code: 'L1', kind: 'LARGE' },
          { code: 'Q1', kind: 'QUARANTINE' },
        ],
      },
      hub,
    )
    expect(set.data?.setSortPlan.version).toBe(2)
    const after = await receive(hub, runId, b)
    expect(after.lane).toEqual({ code: 'Z9', kind: 'MERCHANT' })
    expect(after.laneCountToday).toBe(1)
    const [row] = await t.db
      .select()
      .from(runReceipts)
      .where(eq(runReceipts.returnId, after.return.id))
    expect(row).toMatchObject({ laneCode: 'Z9', sortPlanVersion: 2 })
    expect((await receive(hub, runId, a)).lane).toEqual(before.lane)
  })

  it('counts today in Shanghai: a parcel received yesterday evening is not in today’s count', async () => {
    const hub = await tokenFor(t, 'hub1@nestwork.demo')
    const [a, b] = [await parcel(1), await parcel(1)]
    const runId = await run(hub)
    t.setNow(new Date('2026-11-25T15:59:00Z')) // 23:59 in Shanghai
    await receive(hub, runId, a)
    t.setNow(new Date('2026-11-25T16:01:00Z')) // 00:01 the next day
    expect((await receive(hub, runId, b)).laneCountToday).toBe(1)
  })

  it('answers a lane of null, and a count of 0, for a merchant in no lane', async () => {
    const hub = await tokenFor(t, 'hub1@nestwork.demo')
    await gql(
      t,
      `mutation ($lanes: [SortLaneInput!]!) { setSortPlan(hubId: "hub_1", lanes: $lanes) { version } }`,
      {
        lanes: [
          { code: 'L1', kind: 'LARGE' },
          { code: 'Q1', kind: 'QUARANTINE' },
        ],
      },
      hub,
    )
    const code = await parcel(1)
    const got = await receive(hub, await run(hub), code)
    expect(got).toMatchObject({ alreadyReceived: false, lane: null, laneCountToday: 0 })
  })
})

describe('the receiving page shows the lane', () => {
  it.each([
    ['en', 'Lane · Merchant lane', '1 in this lane today'],
    ['zh-CN', '分拣格口 · 商家格口', '该格口今日已有 1 件'],
  ])(
    'shows the lane big with today’s count (%s), by htmx and without JavaScript',
    async (locale, label, counted) => {
      const browser = new Browser(t)
      await browser.signIn('hub1@nestwork.demo')
      await browser.post('/locale', { locale, next: '/' })
      const [a, b] = [await parcel(1), await parcel(1)]
      await browser.get('/runs')
      const created = await browser.post('/runs', { stationId: 'sta_01' })
      const runId = created.headers.get('location')!.slice('/runs/'.length)
      const lane = await laneOf(await tokenFor(t, 'hub1@nestwork.demo'), 'mer_01')

      const res = await browser.post(
        `/runs/${runId}/receive`,
        { code: a },
        { 'hx-request': 'true' },
      )
      expect(res.status).toBe(200)
      const fragment = await res.text()
      expect(fragment).toContain('class="lane-callout lane-callout--merchant"')
      expect(fragment).toContain(`<p class="lane-callout__code">${lane}</p>`)
      expect(fragment).toContain(label)
      expect(fragment).toContain(counted)

      const page = await (await browser.post(`/runs/${runId}/receive`, { code: b })).text()
      expect(page).toContain('<html')
      expect(page).toContain(`<p class="lane-callout__code">${lane}</p>`)
      expect(page).toContain(formatCode(b))
      expect(page).toContain(counted.replace('1', '2'))
    },
  )
})

describe('quarantine at receipt', () => {
  const FLAGGED = `mutation ($runId: ID!, $code: String!, $q: QuarantineReason) {
    receiveParcel(runId: $runId, code: $code, quarantine: $q) {
      lane { code kind } laneCountToday quarantineReason return { id }
    }
  }`

  it('sends a flagged parcel to the quarantine lane and keeps why with the receipt', async () => {
    const hub = await tokenFor(t, 'hub1@nestwork.demo')
    const [a, b] = [await parcel(1), await parcel(1, { largeItem: true })]
    const runId = await run(hub)
    const damaged = await gql(t, FLAGGED, { runId, code: a, q: 'DAMAGED' }, hub)
    expect(damaged.data!.receiveParcel).toMatchObject({
      lane: { code: 'Q1', kind: 'QUARANTINE' },
      laneCountToday: 1,
      quarantineReason: 'DAMAGED',
    })
    // Quarantine comes before the large-item lane.
    const large = await gql(t, FLAGGED, { runId, code: b, q: 'SAFETY' }, hub)
    expect(large.data!.receiveParcel).toMatchObject({ lane: { kind: 'QUARANTINE' } })
    expect(large.data!.receiveParcel.laneCountToday).toBe(2)
    const rows = await t.db.select().from(runReceipts)
    expect(rows.map((r) => [r.laneCode, r.quarantineReason]).sort()).toEqual([
      ['Q1', 'DAMAGED'],
      ['Q1', 'SAFETY'],
    ])
    // A repeat scan without the flag answers what the receipt recorded.
    const again = await gql(t, FLAGGED, { runId, code: a }, hub)
    expect(again.data!.receiveParcel).toMatchObject({
      lane: { code: 'Q1' },
      quarantineReason: 'DAMAGED',
    })
  })

  it.each([
    ['en', 'Food near expiry', 'Quarantine flag'],
    ['zh-CN', '食品临近过期', '隔离标记'],
  ])('flags a parcel from the receiving form (%s)', async (locale, reason, field) => {
    const browser = new Browser(t)
    await browser.signIn('hub1@nestwork.demo')
    await browser.post('/locale', { locale, next: '/' })
    const code = await parcel(1)
    await browser.get('/runs')
    const created = await browser.post('/runs', { stationId: 'sta_01' })
    const runId = created.headers.get('location')!.slice('/runs/'.length)
    expect(await (await browser.get(`/runs/${runId}`)).text()).toContain(field)

    const refused = await browser.post(
      `/runs/${runId}/receive`,
      { code, quarantine: 'MOULDY' },
      { 'hx-request': 'true' },
    )
    expect(refused.status).toBe(400)
    expect(await t.db.select().from(runReceipts)).toEqual([])

    const res = await browser.post(
      `/runs/${runId}/receive`,
      { code, quarantine: 'NEAR_EXPIRY' },
      { 'hx-request': 'true' },
    )
    expect(res.status).toBe(200)
    const fragment = await res.text()
    expect(fragment).toContain('class="lane-callout lane-callout--quarantine"')
    expect(fragment).toContain(`<p class="lane-callout__reason">${reason}</p>`)
    const [row] = await t.db.select().from(runReceipts)
    expect(row).toMatchObject({ laneCode: 'Q1', quarantineReason: 'NEAR_EXPIRY' })
  })
})
