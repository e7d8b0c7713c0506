import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { gql, tokenFor } from '../helpers/http'
import { bringToHub, registerReturnFor } from '../helpers/returns'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const PLAN = `version lanes { code kind merchants { id name } toHub { id } }`
const READ = `query ($hubId: ID!) { sortPlan(hubId: $hubId) { ${PLAN} } }`
const GENERATE = `mutation ($hubId: ID!) { generateSortPlan(hubId: $hubId) { ${PLAN} } }`
const SET = `mutation ($hubId: ID!, $lanes: [SortLaneInput!]!) {
  setSortPlan(hubId: $hubId, lanes: $lanes) { ${PLAN} } }`

interface Plan {
  version: number
  lanes: { code: string; kind: string; merchants: { id: string }[]; toHub: { id: string } | null }[]
}
const hub = (n: number) => tokenFor(t, `hub${n}@nestwork.demo`)

async function read(token: string, hubId = 'hub_1'): Promise<Plan> {
  const res = await gql(t, READ, { hubId }, token)
  if (!res.data) throw new Error(JSON.stringify(res.errors))
  return res.data.sortPlan as Plan
}

const validLanes = [
  { code: 'a1', kind: 'MERCHANT', merchantIds: ['mer_01', 'mer_02'] },
  { code: 'B2', kind: 'MERCHANT', merchantIds: ['mer_03'] },
  { code: 'L1', kind: 'LARGE' },
  { code: 'Q1', kind: 'QUARANTINE' },
  { code: 'T1', kind: 'TRANSFER', toHubId: 'hub_2' },
]

describe('sortPlan', () => {
  it('stores version 1 on the first read: every merchant in one lane, plus large, quarantine and one transfer lane per other hub', async () => {
    const token = await hub(1)
    const plan = await read(token)
    expect(plan.version).toBe(1)
    const merchants = plan.lanes.flatMap((l) => l.merchants.map((m) => m.id))
    expect(merchants).toHaveLength(20)
    expect(new Set(merchants).size).toBe(20)
    for (const lane of plan.lanes) expect(lane.merchants.length).toBeLessThanOrEqual(4)
    expect(plan.lanes.filter((l) => l.kind === 'LARGE').map((l) => l.code)).toEqual(['L1'])
    expect(plan.lanes.filter((l) => l.kind === 'QUARANTINE').map((l) => l.code)).toEqual(['Q1'])
    expect(plan.lanes.filter((l) => l.kind === 'TRANSFER').map((l) => l.toHub?.id)).toEqual([
      'hub_2',
      'hub_3',
    ])
    // Reading again does not make another version.
    expect((await read(token)).version).toBe(1)
  })

  it("puts last month's busiest merchants into lanes of their own, largest first", async () => {
    // The first receipt stores version 1 (nothing received yet); December's plan weighs November.
    for (const n of [2, 2, 1]) await bringToHub(t, (await registerReturnFor(t, n)).code)
    t.setNow(new Date('2026-12-10T02:00:00Z'))
    const res = await gql(t, GENERATE, { hubId: 'hub_1' }, await hub(1))
    const plan = res.data!.generateSortPlan as Plan
    expect(plan.version).toBe(2)
    expect(plan.lanes[0]!.merchants[0]!.id).toBe('mer_02')
    expect(plan.lanes[1]!.merchants[0]!.id).toBe('mer_01')
    expect(await read(await hub(1))).toEqual(plan)
  })

  it("refuses another hub's operator and everyone but hub operators and coordinators", async () => {
    for (const token of [await hub(2), await tokenFor(t, 'merchant1@nestwork.demo')]) {
      const res = await gql(t, READ, { hubId: 'hub_1' }, token)
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    }
  })
})

describe('generateSortPlan and setSortPlan', () => {
  it('keeps versions: generating and setting each store the next one', async () => {
    const token = await tokenFor(t, 'coordinator@nestwork.demo')
    expect((await read(token)).version).toBe(1)
    const generated = await gql(t, GENERATE, { hubId: 'hub_1' }, token)
    expect(generated.data?.generateSortPlan.version).toBe(2)
    const set = await gql(t, SET, { hubId: 'hub_1', lanes: validLanes }, await hub(1))
    const plan = set.data?.setSortPlan as Plan
    expect(plan.version).toBe(3)
    expect(plan.lanes.map((l) => [l.code, l.kind, l.merchants.map((m) => m.id)])).toEqual([
      ['A1', 'MERCHANT', ['mer_01', 'mer_02']],
      ['B2', 'MERCHANT', ['mer_03']],
      ['L1', 'LARGE', []],
      ['Q1', 'QUARANTINE', []],
      ['T1', 'TRANSFER', []],
    ])
    expect((await read(token)).version).toBe(3)
  })

  it.each([
    [
      'a merchant in two lanes',
      [...validLanes, { code: 'C1', kind: 'MERCHANT', merchantIds: ['mer_01'] }],
    ],
    ['a code used twice', [...validLanes, { code: 'A1', kind: 'MERCHANT' }]],
    ['no quarantine lane', validLanes.filter((l) => l.kind !== 'QUARANTINE')],
    ['two large lanes', [...validLanes, { code: 'L2', kind: 'LARGE' }]],
    [
      'a transfer lane to its own hub',
      [...validLanes, { code: 'T2', kind: 'TRANSFER', toHubId: 'hub_1' }],
    ],
    ['a transfer lane without a hub', [...validLanes, { code: 'T2', kind: 'TRANSFER' }]],
    [
      'a merchant of no alliance',
      [...validLanes, { code: 'C1', kind: 'MERCHANT', merchantIds: ['mer_99'] }],
    ],
  ])('refuses a plan with %s and keeps the one in force', async (_, lanes) => {
    const token = await hub(1)
    await read(token)
    const res = await gql(t, SET, { hubId: 'hub_1', lanes }, token)
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    expect((await read(token)).version).toBe(1)
  })

  it("refuses another hub's operator", async () => {
    const res = await gql(t, SET, { hubId: 'hub_1', lanes: validLanes }, await hub(2))
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    const gen = await gql(t, GENERATE, { hubId: 'hub_1' }, await hub(2))
    expect(gen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })
})
