import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { gql, tokenFor } from '../helpers/http'
import { bringToHub, registerReturnFor } from '../helpers/returns'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const THROUGHPUT = `query ($date: Date!) {
  hubThroughput(hubId: "hub_1", date: $date) {
    hub { id } date dailyCapacityUnits
    hourly { hour received inspected }
    backlog { status count }
    dwell { receivedToInspectedP50 receivedToInspectedP90 }
  }
}`

async function inspect(id: string) {
  const res = await gql(
    t,
    'mutation ($input: InspectReturnInput!) { inspectReturn(input: $input) { status } }',
    {
      input: {
        returnId: id,
        grade: 'RESELLABLE',
        checklist: [
          { item: 'sealIntact', value: 'true' },
          { item: 'expiryDate', value: '2027-08-01' },
          { item: 'storageDamage', value: 'false' },
        ],
      },
    },
    await tokenFor(t, 'hub1@nestwork.demo'),
  )
  expect(res.data?.inspectReturn.status).toBe('INSPECTED')
}

async function throughput(date: string, email = 'hub1@nestwork.demo') {
  return gql(t, THROUGHPUT, { date }, await tokenFor(t, email))
}

describe('hubThroughput', () => {
  it('counts receipts and inspections per Asia/Shanghai hour, the backlog by state and dwell percentiles', async () => {
    // The test clock starts at 10:00 in Shanghai (02:00 UTC).
    const parcels = [
      await registerReturnFor(t, 1),
      await registerReturnFor(t, 1),
      await registerReturnFor(t, 1),
    ]
    for (const p of parcels) await bringToHub(t, p.code)
    t.setNow(new Date('2026-11-25T03:30:00Z')) // 11:30
    await inspect(parcels[0]!.id)
    t.setNow(new Date('2026-11-25T04:00:00Z')) // 12:00
    await inspect(parcels[1]!.id)
    t.setNow(new Date('2026-11-25T16:30:00Z')) // 00:30 on the 26th in Shanghai
    const late = await registerReturnFor(t, 1)
    await bringToHub(t, late.code)

    const res = await throughput('2026-11-25')
    const day = res.data!.hubThroughput
    expect(day).toMatchObject({ hub: { id: 'hub_1' }, date: '2026-11-25' })
    expect(day.hourly).toHaveLength(24)
    const busy = day.hourly.filter(
      (h: { received: number; inspected: number }) => h.received + h.inspected > 0,
    )
    expect(busy).toEqual([
      { hour: 10, received: 3, inspected: 0 },
      { hour: 11, received: 0, inspected: 1 },
      { hour: 12, received: 0, inspected: 1 },
    ])
    expect(day.backlog).toEqual([
      { status: 'IN_TRANSIT', count: 0 },
      { status: 'AT_HUB', count: 2 },
      { status: 'INSPECTED', count: 2 },
    ])
    expect(day.dwell).toEqual({ receivedToInspectedP50: 90, receivedToInspectedP90: 120 })

    const next = (await throughput('2026-11-26')).data!.hubThroughput
    expect(next.hourly[0]).toEqual({ hour: 0, received: 1, inspected: 0 })
    expect(next.dwell).toEqual({ receivedToInspectedP50: null, receivedToInspectedP90: null })
  })

  it("refuses another hub's operator and a date that is not one", async () => {
    expect(
      (await throughput('2026-11-25', 'hub2@nestwork.demo')).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN')
    expect((await throughput('2026-11-31')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
  })
})
