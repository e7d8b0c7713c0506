// The invariants that matter most, proven on D1 under workerd as well as on libSQL under Node:
// D1 has no interactive transactions and binds at most 100 parameters per statement, so this
// is where a query or batch that only works on libSQL would show.
import { env, SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'

type Result = { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] }

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await SELF.fetch('https://nestwork.test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  })
  return (await res.json()) as Result
}

async function token(email: string) {
  const res = await gql(
    'mutation ($e: String!) { login(email: $e, password: "nestwork-demo") { token } }',
    { e: email },
  )
  return res.data.login.token as string
}

/** A date three days ahead in Shanghai: open for booking whatever the real clock says. */
function bookableDate() {
  return new Date(Date.now() + 8 * 3600_000 + 3 * 86_400_000).toISOString().slice(0, 10)
}

describe('invariants on D1', () => {
  it('never overbooks a hub-day under concurrent bookings', async () => {
    const date = bookableDate()
    const coordinator = await token('coordinator@nestwork.demo')
    await gql(
      `mutation { setHubCapacity(hubId: "hub_2", date: "${date}", capacityUnits: 100) { capacityUnits } }`,
      {},
      coordinator,
    )
    const tokens = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => token(`merchant${n}@nestwork.demo`)),
    )
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        gql(
          'mutation ($input: BookHubCapacityInput!) { bookHubCapacity(input: $input) { status } }',
          { input: { hubId: 'hub_2', date, units: 5, idempotencyKey: `race-key-${i}` } },
          tokens[i % 5],
        ),
      ),
    )
    const confirmed = results.filter((r) => r.data?.bookHubCapacity.status === 'CONFIRMED')
    expect(confirmed).toHaveLength(20)
    const row = await env.DB.prepare(
      `select confirmed_units, capacity_units from hub_days where hub_id = 'hub_2' and date = ?`,
    )
      .bind(date)
      .first<{ confirmed_units: number; capacity_units: number }>()
    expect(row).toEqual({ confirmed_units: 100, capacity_units: 100 })
  })

  it('checks a parcel in once and pays one commission, then follows it to the hub', async () => {
    const merchant = await token('merchant1@nestwork.demo')
    const registered = await gql(
      `mutation { registerReturn(input: { orderRef: "D1-1", category: TOYS, itemDescription: "积木", orderValueFen: 9900, reason: "缺件", hubId: "hub_1", customerContact: "13900000000" }) { id code } }`,
      {},
      merchant,
    )
    const { id, code } = registered.data.registerReturn
    const station = await token('station1@nestwork.demo')
    const scans = await Promise.all(
      Array.from({ length: 10 }, () =>
        gql(`mutation { checkInParcel(code: "${code}") { alreadyCheckedIn } }`, {}, station),
      ),
    )
    expect(scans.filter((s) => s.data?.checkInParcel.alreadyCheckedIn === false)).toHaveLength(1)
    const commissions = await env.DB.prepare('select count(*) as n from commissions').first<{
      n: number
    }>()
    expect(commissions!.n).toBe(1)

    const hub = await token('hub1@nestwork.demo')
    const run = await gql('mutation { createPickupRun(stationId: "sta_01") { id } }', {}, hub)
    const runId = run.data.createPickupRun.id
    const received = await gql(
      `mutation { receiveParcel(runId: "${runId}", code: "${code}") { expected return { status } } }`,
      {},
      hub,
    )
    expect(received.data.receiveParcel).toEqual({ expected: true, return: { status: 'AT_HUB' } })
    const track = await gql(`{ returnByCode(code: "${code}") { status timeline { status } } }`)
    expect(track.data.returnByCode.timeline.map((e: { status: string }) => e.status)).toEqual([
      'REGISTERED',
      'AT_STATION',
      'IN_TRANSIT',
      'AT_HUB',
    ])
    // One audit entry per move, each with its request id: the nine repeated scans wrote none.
    const audit = await env.DB.prepare(
      'select action, request_id from audit_log where entity_id = ? order by id',
    )
      .bind(id)
      .all<{ action: string; request_id: string | null }>()
    expect(audit.results.map((e) => e.action)).toEqual([
      'return.register',
      'parcel.checkIn',
      'parcel.pickUp',
      'parcel.receive',
    ])
    expect(audit.results.every((e) => (e.request_id ?? '').length > 0)).toBe(true)
    await expect(env.DB.prepare('delete from audit_log').run()).rejects.toThrow(/append-only/)
  })

  it('previews a month’s settlement with every cost split exactly', async () => {
    const coordinator = await token('coordinator@nestwork.demo')
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
    const res = await gql(
      `{ settlementPreview(month: "${month}") { totalFen costTotalFen lines { shareFen } } }`,
      {},
      coordinator,
    )
    expect(res.errors).toBeUndefined()
    const s = res.data.settlementPreview
    expect(s.costTotalFen).toBe(3 * (3_800_000 + 9_600_000) + 1_200_000)
    expect(s.lines.reduce((a: number, l: { shareFen: number }) => a + l.shareFen, 0)).toBe(
      s.totalFen,
    )
  })
})
