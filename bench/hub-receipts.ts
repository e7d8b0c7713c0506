// Hub receipts benchmark: a hub operator scans parcels in, through the whole app, against the
// floor of the statements a receipt is made of:
//
//   raw statements          one libSQL batch per parcel: the receipt row and the move to AT_HUB
//   receiveParcel (GraphQL) POST /graphql through the whole app in process (app.request), which
//                           also reads the parcel, the sort plan, writes the audit and answers the
//                           lane with today's count in it
//
// Every GraphQL parcel is then scanned a second time. Invariants: each parcel has exactly one
// receipt (0 double receipts), every answer and every receipt names the lane the hub's plan
// gives its merchant (0 wrong lanes), and every parcel ends AT_HUB.
import { demoUsers } from '../db/seed/seed'
import { benchApp, timedLoop, type BenchApp } from './in-process'
import { intFromEnv, quick, type Measurement, type Result } from './scenario'

export const name = 'hub-receipts'

const labels = { raw: 'raw statements', graphql: 'receiveParcel (GraphQL)' } as const

const RECEIVE = `mutation ($runId: ID!, $code: String!) {
  receiveParcel(runId: $runId, code: $code) { alreadyReceived received lane { code } }
}`

async function gql(b: BenchApp, token: string, query: string, variables: object = {}) {
  const res = await b.app.request('http://bench.local/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await res.json()) as { data?: any; errors?: unknown }
  if (!body.data) throw new Error(JSON.stringify(body.errors))
  return body.data
}

/** `count` parcels of merchant 1 checked in at station 1 and taken by a run to hub 1. */
async function parcelsOnRun(b: BenchApp, tokens: Record<string, string>, count: number) {
  const codes: string[] = []
  for (let i = 0; i < count; i++) {
    const input = {
      orderRef: `BENCH-HUB-${i}`,
      category: 'TOYS',
      itemDescription: 'Stacking rings',
      orderValueFen: 5_900,
      reason: 'Arrived damaged',
      hubId: 'hub_1',
    }
    const r = await gql(
      b,
      tokens.merchant!,
      'mutation ($input: RegisterReturnInput!) { registerReturn(input: $input) { code } }',
      { input },
    )
    await gql(
      b,
      tokens.station!,
      `mutation { checkInParcel(code: "${r.registerReturn.code}") { alreadyCheckedIn } }`,
    )
    codes.push(r.registerReturn.code)
  }
  const run = await gql(b, tokens.hub!, 'mutation { createPickupRun(stationId: "sta_01") { id } }')
  return { runId: run.createPickupRun.id as string, codes }
}

export async function run(): Promise<Result> {
  const scans = intFromEnv('BENCH_SCANS', quick ? 100 : 400)
  console.log(`  ${scans} parcels received each way (BENCH_SCANS) …`)
  const b = await benchApp()
  try {
    const email = (role: string) => demoUsers().find((u) => u.email.startsWith(role))!.email
    const tokens: Record<string, string> = {}
    for (const role of ['merchant1', 'station1', 'hub1'] as const) {
      tokens[role.replace(/\d$/, '')] = (await b.signIn(email(role), 'API')).token
    }
    const plan = await gql(
      b,
      tokens.hub!,
      '{ sortPlan(hubId: "hub_1") { version lanes { code merchants { id } } } }',
    )
    const lanes = plan.sortPlan.lanes as { code: string; merchants: { id: string }[] }[]
    const expectedLane = lanes.find((l) => l.merchants.some((m) => m.id === 'mer_01'))!.code
    const hubUser = (
      await b.client.execute({ sql: 'select id from users where email = ?', args: [email('hub1')] })
    ).rows[0]!.id as string

    const rawSet = await parcelsOnRun(b, tokens, scans)
    const rawIds = await Promise.all(
      rawSet.codes.map(async (code) => {
        const { rows } = await b.client.execute({
          sql: 'select id from returns where code = ?',
          args: [code],
        })
        return rows[0]!.id as string
      }),
    )
    const apiSet = await parcelsOnRun(b, tokens, scans)

    let wrongLanes = 0
    let notReceived = 0
    const at = () => new Date().toISOString()
    const raw = async (i: number) => {
      const now = at()
      await b.client.batch(
        [
          {
            sql: `insert into run_receipts (return_id, run_id, expected, received_by, at, lane_code,
                    sort_plan_version, hub_id, merchant_id) values (?, ?, 1, ?, ?, ?, ?, ?, ?)
                  on conflict (return_id) do nothing`,
            args: [
              rawIds[i]!,
              rawSet.runId,
              hubUser,
              now,
              expectedLane,
              plan.sortPlan.version,
              'hub_1',
              'mer_01',
            ],
          },
          {
            sql: `update returns set status = 'AT_HUB', updated_by = ?, updated_at = ?
                  where id = ? and status = 'IN_TRANSIT'`,
            args: [hubUser, now, rawIds[i]!],
          },
        ],
        'write',
      )
    }
    const graphql = async (i: number) => {
      const got = await gql(b, tokens.hub!, RECEIVE, { runId: apiSet.runId, code: apiSet.codes[i] })
      if (got.receiveParcel.lane?.code !== expectedLane) wrongLanes++
      if (!got.receiveParcel.received) notReceived++
    }

    const measurements: Measurement[] = [
      { label: labels.raw, operations: scans, seconds: await timedLoop(scans, raw) },
      { label: labels.graphql, operations: scans, seconds: await timedLoop(scans, graphql) },
    ]
    // A second scan of every parcel: answered as already received, written nowhere.
    let repeatsNotNoticed = 0
    await timedLoop(scans, async (i) => {
      const got = await gql(b, tokens.hub!, RECEIVE, { runId: apiSet.runId, code: apiSet.codes[i] })
      if (!got.receiveParcel.alreadyReceived) repeatsNotNoticed++
      if (got.receiveParcel.lane?.code !== expectedLane) wrongLanes++
    })

    const count = async (sql: string) => Number((await b.client.execute(sql)).rows[0]![0])
    const doubles = await count(
      'select count(*) from (select return_id from run_receipts group by return_id having count(*) > 1)',
    )
    const storedWrong = await count(
      `select count(*) from run_receipts where lane_code is not '${expectedLane}'`,
    )
    const notAtHub = await count(
      `select count(*) from returns where hub_id = 'hub_1' and status = 'IN_TRANSIT'`,
    )
    const failures: string[] = []
    if (doubles > 0) failures.push(`${doubles} double receipts`)
    if (wrongLanes + storedWrong > 0) failures.push(`${wrongLanes + storedWrong} wrong lanes`)
    if (repeatsNotNoticed > 0)
      failures.push(`${repeatsNotNoticed} repeat scans not answered as such`)
    if (notReceived + notAtHub > 0) failures.push(`${notReceived + notAtHub} parcels not received`)
    return {
      measurements,
      baseline: labels.raw,
      failures,
      notes: [
        `Workload: ${scans} parcels of one merchant on one run each way, scanned in sequence, then ` +
          `each GraphQL parcel scanned again; ${doubles} double receipts, ` +
          `${wrongLanes + storedWrong} wrong lanes (lane ${expectedLane} expected)`,
        `${labels.raw}: @libsql/client batch of the receipt insert and the status update, no ` +
          `look-ups, no audit, no HTTP`,
        `${labels.graphql}: app.request() through every middleware and yoga, bearer token, no network`,
      ],
    }
  } finally {
    await b.close()
  }
}
