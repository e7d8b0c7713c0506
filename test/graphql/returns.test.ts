import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { beforeEach, describe, expect, it } from 'vitest'
import { demoStations } from '../../db/seed/demo-data'
import { countInProcess } from '../../src/rate-limit'
import { nextStatuses } from '../../src/returns/status'
import { countDuring, countsStatements } from '../helpers/statements'
import { createTestApp, type TestApp } from '../helpers/app'
import { gql, tokenFor } from '../helpers/http'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const REGISTER = /* GraphQL */ `
  mutation ($input: RegisterReturnInput!) {
    registerReturn(input: $input) {
      id
      code
      status
      orderValueFen
      largeItem
      hub {
        id
      }
      station {
        id
      }
      timeline {
        status
        at
      }
      labelUrl
    }
  }
`
const input = (extra: Record<string, unknown> = {}) => ({
  orderRef: 'TB-2026-000123',
  category: 'FOOD',
  itemDescription: '飞鹤星飞帆 3段 奶粉 800g',
  orderValueFen: 25_800,
  reason: '包装破损',
  hubId: 'hub_1',
  customerContact: '13812345678',
  ...extra,
})

async function register(token: string, extra: Record<string, unknown> = {}) {
  const res = await gql(t, REGISTER, { input: input(extra) }, token)
  if (!res.data) throw new Error(JSON.stringify(res.errors))
  return res.data.registerReturn as { id: string; code: string; status: string }
}

const CHECK_IN = `mutation ($code: String!) { checkInParcel(code: $code) { alreadyCheckedIn commissionFen return { status } } }`
const merchant = (n: number) => tokenFor(t, `merchant${n}@nestwork.demo`)
const station = (n: number) => tokenFor(t, `station${n}@nestwork.demo`)
const hub = (n: number) => tokenFor(t, `hub${n}@nestwork.demo`)

describe('registerReturn', () => {
  it('registers a return with an unguessable code, a timeline and a label', async () => {
    const r = await gql(t, REGISTER, { input: input() }, await merchant(1))
    expect(r.errors).toBeUndefined()
    const ret = r.data!.registerReturn
    expect(ret.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/)
    expect(ret).toMatchObject({
      status: 'REGISTERED',
      orderValueFen: 25_800,
      largeItem: false,
      hub: { id: 'hub_1' },
      station: null,
    })
    expect(ret.timeline).toEqual([{ status: 'REGISTERED', at: '2026-11-25T02:00:00.000Z' }])
    expect(ret.labelUrl).toBe(`http://localhost/returns/${ret.id}/label`)
  })

  it('stores the customer contact only encrypted', async () => {
    await register(await merchant(1))
    const rows = await t.db.all<Record<string, unknown>>(sql`select * from returns`)
    expect(JSON.stringify(rows)).not.toContain('13812345678')
    expect(rows[0]!.contact_ciphertext).toBeTruthy()
  })

  it.each([
    ['a negative order value', { orderValueFen: -1 }, 'orderValueFen'],
    ['an empty reason', { reason: '  ' }, 'reason'],
    ['an unknown hub', { hubId: 'hub_9' }, 'hubId'],
    ['an over-long description', { itemDescription: 'x'.repeat(201) }, 'itemDescription'],
  ])('refuses %s, naming the field', async (_, extra, field) => {
    const res = await gql(t, REGISTER, { input: input(extra) }, await merchant(1))
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field })
  })

  it('refuses an unknown category and a fractional order value before running', async () => {
    for (const extra of [{ category: 'PETS' }, { orderValueFen: 1.5 }]) {
      const res = await gql(t, REGISTER, { input: input(extra) }, await merchant(1))
      expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
    }
  })

  it('lets only merchants register', async () => {
    const res = await gql(t, REGISTER, { input: input() }, await station(1))
    expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN')
  })
})

describe('suggestedHub', () => {
  const SUGGEST = /* GraphQL */ `
    query ($region: String!) {
      suggestedHub(region: $region) {
        hub {
          id
          city
        }
        region
        reason
        stations
        regionStations
      }
    }
  `
  const suggest = async (region: string, email = 'merchant1@nestwork.demo') =>
    gql(t, SUGGEST, { region }, await tokenFor(t, email))

  it('suggests the hub the region’s stations send their pickups to, with the counts', async () => {
    const suzhou = demoStations.filter((s) => s.city === '苏州').length
    expect((await suggest('苏州')).data!.suggestedHub).toEqual({
      hub: { id: 'hub_1', city: 'Shanghai' },
      region: '苏州',
      reason: 'ALL_STATIONS',
      stations: suzhou,
      regionStations: suzhou,
    })
    const jiangsu = (await suggest('江苏省', 'coordinator@nestwork.demo')).data!.suggestedHub
    expect(jiangsu).toMatchObject({ hub: { id: 'hub_3' }, reason: 'MOST_STATIONS' })
    expect(jiangsu.regionStations).toBe(demoStations.filter((s) => s.province === '江苏').length)
    expect(jiangsu.stations).toBeLessThan(jiangsu.regionStations)
    expect(jiangsu.stations * 2).toBeGreaterThan(jiangsu.regionStations)
  })

  it('is null for a region without a station, and refuses one it cannot read', async () => {
    expect((await suggest('拉萨')).data!.suggestedHub).toBeNull()
    const long = await suggest('x'.repeat(41))
    expect(long.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
    const blank = await suggest('  ')
    expect(blank.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
  })

  it('is for merchants and coordinators', async () => {
    const station = await suggest('苏州', 'station1@nestwork.demo')
    expect(station.errors![0]!.extensions!.code).toBe('FORBIDDEN')
  })
})

describe('tenancy', () => {
  it('hides merchant A’s return from merchant B, by id and in lists', async () => {
    const a = await register(await merchant(1))
    const b = await merchant(2)
    const byId = await gql(t, `{ return(id: "${a.id}") { id } }`, {}, b)
    expect(byId.errors![0]!.extensions!.code).toBe('NOT_FOUND')
    const list = await gql(t, '{ returns { nodes { id } } }', {}, b)
    expect(list.data!.returns.nodes).toEqual([])
    const own = await gql(t, '{ returns { nodes { id } } }', {}, await merchant(1))
    expect(own.data!.returns.nodes).toEqual([{ id: a.id }])
  })

  it.runIf(countsStatements)(
    'reads a return found by code once, and what else a lookup asks for in one more statement',
    async () => {
      const a = await register(await merchant(1))
      await gql(t, CHECK_IN, { code: a.code }, await station(3))
      const lookup = (fields: string) =>
        countDuring(t, () => gql(t, `{ returnByCode(code: "${a.code}") { ${fields} } }`))
      // The window's first hit writes the counters; the next ones of this address do not.
      await lookup('code')
      const lean = await lookup('code status stationName nextStatus')
      expect(lean.statements).toBe(1)
      expect(lean.result.data!.returnByCode).toEqual({
        code: a.code,
        status: 'AT_STATION',
        stationName: demoStations[2]!.name,
        nextStatus: 'IN_TRANSIT',
      })
      const full = await lookup(
        'status timeline { status } messages { text } outcome { kind } canRate',
      )
      expect(full.result.data!.returnByCode).toEqual({
        status: 'AT_STATION',
        timeline: [{ status: 'REGISTERED' }, { status: 'AT_STATION' }],
        messages: [],
        outcome: { kind: 'AWAITING_PARCEL' },
        canRate: false,
      })
      expect(full.statements).toBe(2)
    },
  )

  it('shows the public only status, category, station and dates by code', async () => {
    const a = await register(await merchant(1))
    await gql(t, CHECK_IN, { code: a.code }, await station(3))
    const res = await gql(
      t,
      `{ returnByCode(code: "${a.code.toLowerCase()}") { code category status stationName timeline { status at } } }`,
    )
    expect(res.data!.returnByCode).toEqual({
      code: a.code,
      category: 'FOOD',
      status: 'AT_STATION',
      stationName: demoStations[2]!.name,
      timeline: [
        { status: 'REGISTERED', at: '2026-11-25T02:00:00.000Z' },
        { status: 'AT_STATION', at: '2026-11-25T02:00:00.000Z' },
      ],
    })
    const introspect = await gql(t, '{ __type(name: "PublicReturn") { fields { name } } }')
    expect(introspect.data!.__type.fields.map((f: { name: string }) => f.name).sort()).toEqual([
      'canRate',
      'category',
      'code',
      'messages',
      'nextStatus',
      'outcome',
      'stationName',
      'status',
      'timeline',
    ])
  })

  it('answers null for an unknown code and rate-limits lookups per IP', async () => {
    const q = '{ returnByCode(code: "0000-0000-0000") { code } }'
    const first = await gql(t, q)
    expect(first.data).toEqual({ returnByCode: null })
    for (let i = 0; i < 29; i++) await gql(t, q)
    const limited = await gql(t, q)
    expect(limited.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED' })
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(first.headers.get('retry-after')).toBeNull()
    const otherIp = await gql(t, q, {}, undefined, '192.0.2.44')
    expect(otherIp.data).toEqual({ returnByCode: null })
  })

  it.each(['the database', 'process'])(
    'refuses even a found code once the address is out of misses (counted in %s)',
    async (where) => {
      if (where === 'process') countInProcess(t.db)
      const a = await register(await merchant(1))
      const q = `{ returnByCode(code: "${a.code}") { code status } }`
      expect((await gql(t, q)).data!.returnByCode).toEqual({ code: a.code, status: 'REGISTERED' })
      for (let i = 0; i < 30; i++) await gql(t, '{ returnByCode(code: "0000-0000-0000") { code } }')
      const limited = await gql(t, q)
      expect(limited.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED' })
      const otherIp = await gql(t, q, {}, undefined, '192.0.2.45')
      expect(otherIp.data!.returnByCode).toEqual({ code: a.code, status: 'REGISTERED' })
    },
  )

  it('pages through returns with cursors, newest first', async () => {
    const token = await merchant(1)
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      t.setNow(new Date(Date.UTC(2026, 10, 25, 2, i)))
      ids.push((await register(token, { orderRef: `O-${i}` })).id)
    }
    const page1 = await gql(
      t,
      '{ returns(first: 2) { nodes { id } pageInfo { endCursor hasNextPage } } }',
      {},
      token,
    )
    expect(page1.data!.returns.nodes.map((n: { id: string }) => n.id)).toEqual([ids[4], ids[3]])
    const after = page1.data!.returns.pageInfo.endCursor
    const page2 = await gql(
      t,
      `{ returns(first: 3, after: "${after}") { nodes { id } pageInfo { hasNextPage } } }`,
      {},
      token,
    )
    expect(page2.data!.returns.nodes.map((n: { id: string }) => n.id)).toEqual([
      ids[2],
      ids[1],
      ids[0],
    ])
    expect(page2.data!.returns.pageInfo.hasNextPage).toBe(false)
    const bad = await gql(t, '{ returns(after: "garbage") { nodes { id } } }', {}, token)
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' })
  })
})

describe('checkInParcel', () => {
  it('checks a parcel in once and earns the station its commission once', async () => {
    const a = await register(await merchant(1))
    const op = await station(1)
    const first = await gql(t, CHECK_IN, { code: a.code }, op)
    expect(first.data!.checkInParcel).toEqual({
      alreadyCheckedIn: false,
      commissionFen: demoStations[0]!.commissionFen,
      return: { status: 'AT_STATION' },
    })
    const again = await gql(t, CHECK_IN, { code: a.code }, op)
    expect(again.data!.checkInParcel.alreadyCheckedIn).toBe(true)
    const [row] = await t.db.all<{ n: number }>(sql`select count(*) as n from commissions`)
    expect(row!.n).toBe(1)
  })

  it('earns exactly one commission under 25 concurrent scans from two stations', async () => {
    const a = await register(await merchant(1))
    const ops = await Promise.all([station(1), station(2)])
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => gql(t, CHECK_IN, { code: a.code }, ops[i % 2])),
    )
    const fresh = results.filter((r) => r.data?.checkInParcel.alreadyCheckedIn === false)
    expect(fresh).toHaveLength(1)
    const [row] = await t.db.all<{ n: number; total: number }>(
      sql`select count(*) as n, sum(amount_fen) as total from commissions`,
    )
    expect(row!.n).toBe(1)
    const refused = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')
    expect(
      fresh.length +
        refused.length +
        results.filter((r) => r.data?.checkInParcel.alreadyCheckedIn).length,
    ).toBe(25)
  })

  it('pays the large-item rate for prams and cots', async () => {
    const big = await register(await merchant(2), { category: 'SUPPLIES', largeItem: true })
    const res = await gql(t, CHECK_IN, { code: big.code }, await station(2))
    expect(res.data!.checkInParcel.commissionFen).toBe(demoStations[1]!.largeItemCommissionFen)
  })

  it('refuses a deactivated station and a cancelled return', async () => {
    const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
    await gql(
      t,
      'mutation { setStationActive(id: "sta_05", active: false) { active } }',
      {},
      coordinator,
    )
    const a = await register(await merchant(1))
    const inactive = await gql(t, CHECK_IN, { code: a.code }, await station(5))
    expect(inactive.errors![0]!.extensions!.code).toBe('CONFLICT')
    const b = await register(await merchant(1))
    await gql(t, `mutation { cancelReturn(id: "${b.id}") { status } }`, {}, await merchant(1))
    const cancelled = await gql(t, CHECK_IN, { code: b.code }, await station(1))
    expect(cancelled.errors![0]!.message).toMatch(/cancelled/)
  })

  it('answers NOT_FOUND for an unknown code', async () => {
    const res = await gql(t, CHECK_IN, { code: 'ZZZZ-ZZZZ-ZZZZ' }, await station(1))
    expect(res.errors![0]!.extensions!.code).toBe('NOT_FOUND')
  })
})

describe('pickup runs', () => {
  it('takes the station’s parcels, receives them and reconciles missing and unexpected', async () => {
    const m = await merchant(1)
    const [p1, p2, p3] = [await register(m), await register(m), await register(m)]
    const op = await station(1)
    await gql(t, CHECK_IN, { code: p1.code }, op)
    await gql(t, CHECK_IN, { code: p2.code }, op)
    const h = await hub(1)
    const run = await gql(
      t,
      'mutation { createPickupRun(stationId: "sta_01") { id hub { id } parcels { code status } } }',
      {},
      h,
    )
    const { id: runId, parcels } = run.data!.createPickupRun
    expect(parcels.map((p: { code: string }) => p.code).sort()).toEqual([p1.code, p2.code].sort())
    expect(parcels.every((p: { status: string }) => p.status === 'IN_TRANSIT')).toBe(true)

    await gql(t, CHECK_IN, { code: p3.code }, op) // handed in after the truck left
    const RECEIVE = `mutation ($code: String!) { receiveParcel(runId: "${runId}", code: $code) { alreadyReceived expected return { status } } }`
    const r1 = await gql(t, RECEIVE, { code: p1.code }, h)
    expect(r1.data!.receiveParcel).toEqual({
      alreadyReceived: false,
      expected: true,
      return: { status: 'AT_HUB' },
    })
    expect((await gql(t, RECEIVE, { code: p1.code }, h)).data!.receiveParcel.alreadyReceived).toBe(
      true,
    )
    const r3 = await gql(t, RECEIVE, { code: p3.code }, h)
    expect(r3.data!.receiveParcel).toMatchObject({ expected: false, return: { status: 'AT_HUB' } })

    const closed = await gql(
      t,
      `mutation { closePickupRun(runId: "${runId}") { status missing { code status } unexpected { code } receivedCount } }`,
      {},
      h,
    )
    expect(closed.data!.closePickupRun).toEqual({
      status: 'CLOSED',
      missing: [{ code: p2.code, status: 'IN_TRANSIT' }],
      unexpected: [{ code: p3.code }],
      receivedCount: 2,
    })
    const late = await gql(t, RECEIVE, { code: p2.code }, h)
    expect(late.errors![0]!.extensions!.code).toBe('CONFLICT')
  })

  it('keeps other hubs’ operators away from a run', async () => {
    const run = await gql(
      t,
      'mutation { createPickupRun(stationId: "sta_01") { id } }',
      {},
      await hub(1),
    )
    const other = await gql(
      t,
      `{ pickupRun(id: "${run.data!.createPickupRun.id}") { id } }`,
      {},
      await hub(2),
    )
    expect(other.errors![0]!.extensions!.code).toBe('NOT_FOUND')
    const byMerchant = await gql(
      t,
      'mutation { createPickupRun(stationId: "sta_01") { id } }',
      {},
      await merchant(1),
    )
    expect(byMerchant.errors![0]!.extensions!.code).toBe('FORBIDDEN')
  })
})

describe('a parcel at the wrong hub', () => {
  const RUN = `query ($id: ID!) {
    pickupRun(id: $id) {
      status
      missing { code }
      unexpected { code }
      misrouted { code category status scannedAt hub { id } }
      receivedCount
    }
  }`
  const RECEIVE = `mutation ($runId: ID!, $code: String!) {
    receiveParcel(runId: $runId, code: $code) { alreadyReceived expected return { status } }
  }`
  const receipts = () =>
    t.db.all<{ return_id: string; run_id: string }>(sql`select return_id, run_id from run_receipts`)
  const written = async () =>
    (
      await t.db.all<{ n: number }>(
        sql`select (select count(*) from run_receipts) + (select count(*) from run_misroutes) as n`,
      )
    )[0]!.n

  it('is not received there: it goes on the transfer lane, is recorded as mis-routed, and its own hub still receives it', async () => {
    const parcel = await register(await merchant(1)) // bound for hub 1
    await gql(t, CHECK_IN, { code: parcel.code }, await station(1))
    const createRun = 'mutation { createPickupRun(stationId: "sta_01") { id hub { id } } }'
    const own = (await gql(t, createRun, {}, await hub(1))).data!.createPickupRun.id as string
    const other = (await gql(t, createRun, {}, await hub(2))).data!.createPickupRun
    expect(other.hub.id).toBe('hub_2')

    // The truck for hub 1 unloads at hub 2 by mistake.
    const TRANSFER = `mutation ($runId: ID!, $code: String!) {
      receiveParcel(runId: $runId, code: $code) {
        received alreadyReceived transferTo { id } lane { kind } laneCountToday return { status }
      }
    }`
    const sent = await gql(t, TRANSFER, { runId: other.id, code: parcel.code }, await hub(2))
    expect(sent.data!.receiveParcel).toEqual({
      received: false,
      alreadyReceived: false,
      transferTo: { id: 'hub_1' },
      lane: { kind: 'TRANSFER' },
      laneCountToday: 1,
      return: { status: 'IN_TRANSIT' },
    })
    expect(await receipts()).toEqual([])
    const stillOnItsWay = await gql(
      t,
      `{ return(id: "${parcel.id}") { status } }`,
      {},
      await hub(1),
    )
    expect(stillOnItsWay.data!.return.status).toBe('IN_TRANSIT')

    // A second scan records it once.
    const again = await gql(t, TRANSFER, { runId: other.id, code: parcel.code }, await hub(2))
    expect(again.data!.receiveParcel).toMatchObject({ alreadyReceived: true, laneCountToday: 1 })
    const shown = (await gql(t, RUN, { id: other.id }, await hub(2))).data!.pickupRun
    expect(shown).toMatchObject({ missing: [], unexpected: [], receivedCount: 0 })
    expect(shown.misrouted).toEqual([
      {
        code: parcel.code,
        category: 'FOOD',
        status: 'IN_TRANSIT',
        scannedAt: expect.any(String),
        hub: { id: 'hub_1' },
      },
    ])
    const closed = await gql(
      t,
      `mutation { closePickupRun(runId: "${other.id}") { status misrouted { code } } }`,
      {},
      await hub(2),
    )
    expect(closed.data!.closePickupRun).toEqual({
      status: 'CLOSED',
      misrouted: [{ code: parcel.code }],
    })

    // Sent on, it arrives at hub 1 on its own run, as expected.
    const received = await gql(t, RECEIVE, { runId: own, code: parcel.code }, await hub(1))
    expect(received.data!.receiveParcel).toEqual({
      alreadyReceived: false,
      expected: true,
      return: { status: 'AT_HUB' },
    })
    expect(await receipts()).toEqual([{ return_id: parcel.id, run_id: own }])
    const after = (await gql(t, RUN, { id: other.id }, await hub(2))).data!.pickupRun
    expect(after.misrouted).toMatchObject([{ code: parcel.code, status: 'AT_HUB' }])
    // Hub 1's run knows nothing of hub 2's scan.
    expect((await gql(t, RUN, { id: own }, await hub(1))).data!.pickupRun).toMatchObject({
      misrouted: [],
      receivedCount: 1,
    })
  })

  it('keeps another hub out of a run: NOT_FOUND, and nothing is written', async () => {
    const parcel = await register(await merchant(1))
    await gql(t, CHECK_IN, { code: parcel.code }, await station(1))
    const run = await gql(
      t,
      'mutation { createPickupRun(stationId: "sta_01") { id } }',
      {},
      await hub(1),
    )
    const runId = run.data!.createPickupRun.id
    const before = await written()
    for (const op of [
      gql(t, RECEIVE, { runId, code: parcel.code }, await hub(2)),
      gql(t, `mutation { closePickupRun(runId: "${runId}") { id } }`, {}, await hub(2)),
    ]) {
      expect((await op).errors![0]!.extensions!.code).toBe('NOT_FOUND')
    }
    expect(await written()).toBe(before)
    const open = await gql(t, `{ pickupRun(id: "${runId}") { status } }`, {}, await hub(1))
    expect(open.data!.pickupRun.status).toBe('OPEN')
  })

  it('is refused by the database too: no receipt or arrival at another hub', async () => {
    const parcel = await register(await merchant(1))
    await gql(t, CHECK_IN, { code: parcel.code }, await station(1))
    const createRun = 'mutation { createPickupRun(stationId: "sta_01") { id } }'
    const own = (await gql(t, createRun, {}, await hub(1))).data!.createPickupRun.id
    const other = (await gql(t, createRun, {}, await hub(2))).data!.createPickupRun.id
    const userOf = async (email: string) =>
      (await t.db.all<{ id: string }>(sql`select id from users where email = ${email}`))[0]!.id
    const [hub1User, hub2User] = [
      await userOf('hub1@nestwork.demo'),
      await userOf('hub2@nestwork.demo'),
    ]
    const at = '2026-11-25T02:00:00.000Z'
    const receipt = (runId: string, by: string) =>
      t.client.execute({
        sql: `insert into run_receipts (return_id, run_id, expected, received_by, at)
          values (?, ?, 0, ?, ?)`,
        args: [parcel.id, runId, by, at],
      })
    await expect(receipt(other, hub2User)).rejects.toThrow(/WRONG_HUB/)
    await expect(receipt(own, hub2User)).rejects.toThrow(/WRONG_HUB/)
    await expect(
      t.client.execute({
        sql: `update returns set status = 'AT_HUB', updated_by = ? where id = ?`,
        args: [hub2User, parcel.id],
      }),
    ).rejects.toThrow(/WRONG_HUB/)
    await expect(
      t.client.execute({
        sql: 'insert into run_misroutes (run_id, return_id, scanned_by, at) values (?, ?, ?, ?)',
        args: [own, parcel.id, hub1User, at],
      }),
    ).rejects.toThrow(/NOT_MISROUTED/)
  })
})

describe('stations', () => {
  it('lists the nearest active stations first, publicly, without commercial terms', async () => {
    const res = await gql(
      t,
      '{ nearestStations(lat: 31.2304, lng: 121.4737, limit: 5) { station { id city } distanceMeters } }',
    )
    const list = res.data!.nearestStations
    expect(list).toHaveLength(5)
    expect(list.every((s: { station: { city: string } }) => s.station.city === '上海')).toBe(true)
    const distances = list.map((s: { distanceMeters: number }) => s.distanceMeters)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
    const terms = await gql(
      t,
      '{ nearestStations(lat: 31.2, lng: 121.4) { station { commissionFen } } }',
    )
    expect(terms.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED')
    const bad = await gql(t, '{ nearestStations(lat: 91, lng: 0) { distanceMeters } }')
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lat' })
  })

  it('drops deactivated stations from the nearest list', async () => {
    const q = '{ nearestStations(lat: 31.2304, lng: 121.4737, limit: 1) { station { id } } }'
    const nearest = (await gql(t, q)).data!.nearestStations[0].station.id
    const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
    await gql(
      t,
      `mutation { setStationActive(id: "${nearest}", active: false) { id } }`,
      {},
      coordinator,
    )
    expect((await gql(t, q)).data!.nearestStations[0].station.id).not.toBe(nearest)
  })

  it('sums a station’s commissions for the month for its operator only', async () => {
    const m = await merchant(1)
    for (const extra of [{}, { largeItem: true }]) {
      const r = await register(m, extra)
      await gql(t, CHECK_IN, { code: r.code }, await station(2))
    }
    const q =
      '{ stationCommissions(stationId: "sta_02", month: "2026-11") { parcels totalFen lines { amountFen } } }'
    const own = await gql(t, q, {}, await station(2))
    expect(own.data!.stationCommissions).toMatchObject({
      parcels: 2,
      totalFen: demoStations[1]!.commissionFen + demoStations[1]!.largeItemCommissionFen,
    })
    const other = await gql(t, q, {}, await station(3))
    expect(other.errors![0]!.extensions!.code).toBe('FORBIDDEN')
  })

  it('lets an operator edit its hours and services, and refuses a malformed time', async () => {
    const op = await station(4)
    const ok = await gql(
      t,
      'mutation { updateStationDetails(id: "sta_04", input: { openingHours: "08:00-20:00", services: [TOY_SANITISING] }) { openingHours services } }',
      {},
      op,
    )
    expect(ok.data!.updateStationDetails).toEqual({
      openingHours: '08:00-20:00',
      services: ['TOY_SANITISING'],
    })
    const bad = await gql(
      t,
      'mutation { updateStationDetails(id: "sta_04", input: { openingHours: "late", services: [] }) { id } }',
      {},
      op,
    )
    expect(bad.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'openingHours',
    })
    const notMine = await gql(
      t,
      'mutation { updateStationDetails(id: "sta_05", input: { openingHours: "08:00-20:00", services: [] }) { id } }',
      {},
      op,
    )
    expect(notMine.errors![0]!.extensions!.code).toBe('FORBIDDEN')
  })
})

describe('the status machine', () => {
  const legal = new Set(
    Object.entries(nextStatuses).flatMap(([from, tos]) => tos.map((to) => `${from}>${to}`)),
  )

  it('refuses an illegal move even from raw SQL', async () => {
    const a = await register(await merchant(1))
    await expect(
      t.client.execute({ sql: `update returns set status = 'AT_HUB' where id = ?`, args: [a.id] }),
    ).rejects.toThrow(/illegal return status change/)
  })

  it('never reaches an illegal state under any sequence of commands', async () => {
    const command = fc.oneof(
      fc.record({ kind: fc.constant('checkIn' as const), parcel: fc.nat(2), station: fc.nat(1) }),
      fc.record({ kind: fc.constant('cancel' as const), parcel: fc.nat(2) }),
      fc.record({ kind: fc.constant('run' as const), station: fc.nat(1) }),
      fc.record({ kind: fc.constant('receive' as const), parcel: fc.nat(2) }),
      fc.record({ kind: fc.constant('close' as const) }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 12 }), async (commands) => {
        t = await createTestApp()
        const m = await merchant(1)
        const ops = [await station(1), await station(2)]
        const h = await hub(1)
        const parcels = [await register(m), await register(m), await register(m)]
        let runId: string | undefined
        for (const c of commands) {
          if (c.kind === 'checkIn')
            await gql(t, CHECK_IN, { code: parcels[c.parcel]!.code }, ops[c.station])
          if (c.kind === 'cancel')
            await gql(t, `mutation { cancelReturn(id: "${parcels[c.parcel]!.id}") { id } }`, {}, m)
          if (c.kind === 'run') {
            const r = await gql(
              t,
              `mutation { createPickupRun(stationId: "sta_0${c.station + 1}") { id } }`,
              {},
              h,
            )
            runId = r.data?.createPickupRun.id ?? runId
          }
          if (c.kind === 'receive' && runId) {
            await gql(
              t,
              `mutation { receiveParcel(runId: "${runId}", code: "${parcels[c.parcel]!.code}") { expected } }`,
              {},
              h,
            )
          }
          if (c.kind === 'close' && runId)
            await gql(t, `mutation { closePickupRun(runId: "${runId}") { id } }`, {}, h)
        }
        const events = await t.db.all<{ return_id: string; status: string }>(
          sql`select return_id, status from return_events order by id`,
        )
        for (const p of parcels) {
          const path = events.filter((e) => e.return_id === p.id).map((e) => e.status)
          expect(path[0]).toBe('REGISTERED')
          for (let i = 1; i < path.length; i++)
            expect(legal.has(`${path[i - 1]}>${path[i]}`)).toBe(true)
          const [row] = await t.db.all<{ status: string; n: number }>(
            sql`select r.status, (select count(*) from commissions c where c.return_id = r.id) as n
                from returns r where r.id = ${p.id}`,
          )
          expect(row!.status).toBe(path.at(-1))
          expect(row!.n).toBe(['REGISTERED', 'CANCELLED'].includes(row!.status) ? 0 : 1)
        }
      }),
      { numRuns: 25 },
    )
  }, 120_000)
})
