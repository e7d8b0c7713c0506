import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { gql, tokenFor, type GraphQLResponse } from '../helpers/http'
import { bringToHub, registerReturnFor } from '../helpers/returns'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

interface Row {
  id: number
  actor_user_id: string | null
  actor_role: string
  request_id: string | null
  action: string
  entity_type: string
  entity_id: string
  before_json: string | null
  after_json: string | null
}

const entries = (action: string) =>
  t.db.all<Row>(sql`select * from audit_log where action = ${action} order by id`)
const allEntries = () => t.db.all<Row>(sql`select * from audit_log order by id`)
const json = (text: string | null) => (text === null ? null : JSON.parse(text))

/** A GraphQL call carrying its own request id, as a proxy or client would send it. */
async function call<T = any>(query: string, token: string, requestId: string, variables = {}) {
  const res = await t.app.request('http://localhost/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'x-request-id': requestId,
    },
    body: JSON.stringify({ query, variables }),
  })
  return (await res.json()) as GraphQLResponse<T>
}

const userId = async (token: string) =>
  (await gql(t, '{ me { id } }', {}, token)).data!.me.id as string

const BOOK = `mutation ($input: BookHubCapacityInput!) { bookHubCapacity(input: $input) { id status } }`
const book = (token: string, units: number, key: string, requestId: string) =>
  call(BOOK, token, requestId, {
    input: { hubId: 'hub_1', date: '2026-11-27', units, idempotencyKey: key },
  })

describe('the audit log records each change once, with who, which request and what changed', () => {
  it('records a booking, and nothing for a refused or repeated one', async () => {
    const m = await tokenFor(t, 'merchant1@nestwork.demo')
    const res = await book(m, 40, 'audit-key-1', 'req-book-1')
    const id = res.data!.bookHubCapacity.id
    const [entry, ...rest] = await entries('booking.confirm')
    expect(rest).toEqual([])
    expect(entry).toMatchObject({
      actor_user_id: await userId(m),
      actor_role: 'MERCHANT',
      request_id: 'req-book-1',
      entity_type: 'booking',
      entity_id: id,
      before_json: null,
    })
    expect(json(entry!.after_json)).toEqual({
      status: 'CONFIRMED',
      hubId: 'hub_1',
      date: '2026-11-27',
      units: 40,
    })

    await book(m, 40, 'audit-key-1', 'req-book-2') // a replay changes nothing
    const refused = await book(m, 100_000, 'audit-key-2', 'req-book-3')
    expect(refused.errors![0]!.extensions!.code).toBe('CAPACITY_EXCEEDED')
    expect((await allEntries()).map((e) => e.request_id)).toEqual(['req-book-1'])
  })

  it('records a cancellation and the waitlisted booking it promotes', async () => {
    const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
    await call(
      'mutation { setHubCapacity(hubId: "hub_1", date: "2026-11-27", capacityUnits: 20) { capacityUnits } }',
      coordinator,
      'req-cap',
    )
    // 40% of a hub-day per merchant: 8 units each; two bookings leave 4 units, too few for 8.
    const first = await book(await tokenFor(t, 'merchant1@nestwork.demo'), 8, 'k-first-1', 'r1')
    await book(await tokenFor(t, 'merchant3@nestwork.demo'), 8, 'k-other-1', 'r3')
    const m2 = await tokenFor(t, 'merchant2@nestwork.demo')
    const waiting = await call(BOOK, m2, 'r2', {
      input: {
        hubId: 'hub_1',
        date: '2026-11-27',
        units: 8,
        idempotencyKey: 'k-wait-1',
        waitlist: true,
      },
    })
    expect(waiting.data!.bookHubCapacity.status).toBe('WAITLISTED')
    await call(
      `mutation { cancelBooking(id: "${first.data!.bookHubCapacity.id}") { status } }`,
      coordinator,
      'req-cancel',
    )
    const log = await allEntries()
    expect(log.map((e) => [e.action, e.request_id])).toEqual([
      ['hub.capacity.set', 'req-cap'],
      ['booking.confirm', 'r1'],
      ['booking.confirm', 'r3'],
      ['booking.waitlist', 'r2'],
      ['booking.cancel', 'req-cancel'],
      ['booking.promote', 'req-cancel'],
    ])
    expect(json(log[0]!.before_json)).toEqual({ capacityUnits: 1500 })
    expect(json(log[0]!.after_json)).toEqual({ capacityUnits: 20, confirmedUnits: 0 })
    expect(json(log[4]!.before_json)).toEqual({ status: 'CONFIRMED', units: 8 })
    expect(json(log[4]!.after_json)).toEqual({ status: 'CANCELLED', units: 8 })
    expect(log[5]!.entity_id).toBe(waiting.data!.bookHubCapacity.id)
    expect(json(log[5]!.after_json)).toEqual({ status: 'CONFIRMED', units: 8 })
  })

  it('audits each promotion of concurrent cancels once, under the cancel that made it', async () => {
    const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
    await call(
      'mutation { setHubCapacity(hubId: "hub_1", date: "2026-11-27", capacityUnits: 40) { capacityUnits } }',
      coordinator,
      'req-cap',
    )
    const merchant = async (n: number) => tokenFor(t, `merchant${n}@nestwork.demo`)
    // 40 units: 16 + 16 + 8 confirmed (40% is a merchant's most), then ten of 4 waitlisted.
    const held: string[] = []
    for (const [n, units] of [
      [1, 16],
      [2, 16],
      [3, 8],
    ] as const) {
      const res = await book(await merchant(n), units, `k-held-${n}`, `r-held-${n}`)
      expect(res.data?.bookHubCapacity.status, JSON.stringify(res.errors)).toBe('CONFIRMED')
      held.push(res.data!.bookHubCapacity.id)
    }
    for (let n = 4; n <= 13; n++) {
      const res = await call(BOOK, await merchant(n), `r-wait-${n}`, {
        input: {
          hubId: 'hub_1',
          date: '2026-11-27',
          units: 4,
          idempotencyKey: `k-waiting-${n}`,
          waitlist: true,
        },
      })
      expect(res.data?.bookHubCapacity.status, JSON.stringify(res.errors)).toBe('WAITLISTED')
    }
    // The same coordinator cancels all three at once, in the same millisecond (a fixed clock).
    const cancelled = await Promise.all(
      held.map((id, i) =>
        call(`mutation { cancelBooking(id: "${id}") { status } }`, coordinator, `req-cancel-${i}`),
      ),
    )
    for (const res of cancelled) expect(res.data!.cancelBooking.status).toBe('CANCELLED')

    // Which cancel promoted which booking, from the events their triggers wrote in order.
    const events = await t.db.all<{ booking_id: string; kind: string }>(
      sql`select booking_id, kind from booking_events
          where kind in ('CANCELLED', 'PROMOTED') order by id`,
    )
    const cancelRequest = new Map(
      (await entries('booking.cancel')).map((e) => [e.entity_id, e.request_id]),
    )
    const promotedBy = new Map<string, string | null | undefined>()
    let current: string | null | undefined
    for (const e of events) {
      if (e.kind === 'CANCELLED') current = cancelRequest.get(e.booking_id)
      else promotedBy.set(e.booking_id, current)
    }
    expect(promotedBy.size).toBe(10)
    const promotions = await entries('booking.promote')
    expect(promotions).toHaveLength(10)
    expect(new Set(promotions.map((p) => p.entity_id)).size).toBe(10)
    for (const p of promotions) {
      expect(p.request_id, p.entity_id).toBe(promotedBy.get(p.entity_id))
      expect(json(p.after_json)).toEqual({ status: 'CONFIRMED', units: 4 })
    }
    // More than one cancel promoted something: the requests really were told apart.
    expect(new Set(promotions.map((p) => p.request_id)).size).toBeGreaterThan(1)
  })

  it('records a check-in with its commission, and nothing for a repeat scan', async () => {
    const { id, code } = await registerReturnFor(t, 1)
    const station = await tokenFor(t, 'station1@nestwork.demo')
    const checkIn = `mutation { checkInParcel(code: "${code}") { alreadyCheckedIn commissionFen } }`
    const res = await call(checkIn, station, 'req-scan-1')
    await call(checkIn, station, 'req-scan-2')
    const [entry, ...rest] = await entries('parcel.checkIn')
    expect(rest).toEqual([])
    expect(entry).toMatchObject({
      actor_user_id: await userId(station),
      actor_role: 'STATION_OPERATOR',
      request_id: 'req-scan-1',
      entity_id: id,
    })
    expect(json(entry!.before_json)).toEqual({ status: 'REGISTERED' })
    expect(json(entry!.after_json)).toEqual({
      status: 'AT_STATION',
      stationId: 'sta_01',
      commissionFen: res.data!.checkInParcel.commissionFen,
    })
  })

  it('records a settlement close once, not its replay', async () => {
    const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
    const close =
      'mutation { closeSettlement(month: "2026-10", idempotencyKey: "close-2026-10") { id totalFen } }'
    const res = await call(close, coordinator, 'req-close-1')
    await call(close, coordinator, 'req-close-2')
    const [entry, ...rest] = await entries('settlement.close')
    expect(rest).toEqual([])
    expect(entry).toMatchObject({
      actor_role: 'COORDINATOR',
      request_id: 'req-close-1',
      entity_id: res.data!.closeSettlement.id,
    })
    expect(json(entry!.before_json)).toEqual({ month: '2026-10', status: 'OPEN' })
    expect(json(entry!.after_json)).toMatchObject({
      month: '2026-10',
      status: 'CLOSED',
      totalFen: res.data!.closeSettlement.totalFen,
    })
  })

  it('records a claim decision, and nothing for a second decision', async () => {
    const m = await tokenFor(t, 'merchant1@nestwork.demo')
    t.setNow(new Date('2026-10-05T02:00:00Z'))
    await gql(t, 'mutation { enrolInsurance(startMonth: "2026-10") { startMonth } }', {}, m)
    t.setNow(new Date('2026-11-25T02:00:00Z'))
    const filed = await gql(
      t,
      'mutation ($input: FileClaimInput!) { fileClaim(input: $input) { id } }',
      { input: { amountFen: 30_000, lossDate: '2026-10-04', description: '运输损坏' } },
      m,
    )
    const claimId = filed.data!.fileClaim.id
    const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
    const decide = (decision: string, requestId: string) =>
      call(
        'mutation ($input: DecideClaimInput!) { decideClaim(input: $input) { status } }',
        coordinator,
        requestId,
        { input: { claimId, decision, approvedFen: 10_000, reason: '部分证据' } },
      )
    expect((await decide('PARTIALLY_APPROVED', 'req-decide-1')).data).toBeTruthy()
    const again = await decide('PARTIALLY_APPROVED', 'req-decide-2')
    expect(again.errors![0]!.extensions!.code).toBe('CONFLICT')
    const [entry, ...rest] = await entries('claim.decide')
    expect(rest).toEqual([])
    expect(entry).toMatchObject({ request_id: 'req-decide-1', entity_id: claimId })
    expect(json(entry!.before_json)).toEqual({
      status: 'SUBMITTED',
      amountFen: 30_000,
      approvedFen: null,
    })
    expect(json(entry!.after_json)).toEqual({
      status: 'PARTIALLY_APPROVED',
      amountFen: 30_000,
      approvedFen: 10_000,
    })
  })

  it('records each move of a return, and a customer’s rating once with no actor', async () => {
    const { id, code } = await registerReturnFor(t, 1)
    await bringToHub(t, code)
    await gql(
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
    const resolved = await gql(
      t,
      'mutation ($input: ResolveReturnInput!) { resolveReturn(input: $input) { status } }',
      { input: { returnId: id, resolution: 'RESTOCK' } },
      await tokenFor(t, 'merchant1@nestwork.demo'),
    )
    expect(resolved.data!.resolveReturn.status).toBe('RESOLVED')
    const moves = await t.db.all<{ action: string }>(
      sql`select action from audit_log where entity_id = ${id} order by id`,
    )
    expect(moves.map((m) => m.action)).toEqual([
      'return.register',
      'parcel.checkIn',
      'parcel.pickUp',
      'parcel.receive',
      'return.inspect',
      'return.resolve',
    ])
    const rate = (requestId: string) =>
      t.app.request('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': requestId },
        body: JSON.stringify({
          query: `mutation { rateReturn(code: "${code}", stars: 4) { stars } }`,
        }),
      })
    await rate('req-rate-1')
    await rate('req-rate-2')
    const [entry, ...rest] = await entries('return.rate')
    expect(rest).toEqual([])
    expect(entry).toMatchObject({
      actor_user_id: null,
      actor_role: 'PUBLIC',
      request_id: 'req-rate-1',
      entity_id: id,
    })
    expect(json(entry!.after_json)).toEqual({ stars: 4 })
  })

  it('refuses to change or remove an entry', async () => {
    await book(await tokenFor(t, 'merchant1@nestwork.demo'), 1, 'audit-key-x', 'req-x')
    await expect(t.db.run(sql`update audit_log set action = 'forged'`)).rejects.toThrow()
    await expect(t.db.run(sql`delete from audit_log`)).rejects.toThrow()
    expect((await allEntries()).map((e) => e.action)).toEqual(['booking.confirm'])
  })
})

const LOG = `query ($first: Int, $after: String, $action: String, $entityId: ID) {
  auditLog(first: $first, after: $after, action: $action, entityId: $entityId) {
    nodes { id action entityId requestId actorRole before after }
    pageInfo { endCursor hasNextPage }
  }
}`

describe('auditLog query', () => {
  it('pages the log newest first and filters it, for coordinators', async () => {
    const m = await tokenFor(t, 'merchant1@nestwork.demo')
    for (const n of [1, 2, 3]) await book(m, n, `page-key-${n}`, `req-page-${n}`)
    const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
    const first = await gql(t, LOG, { first: 2 }, coordinator)
    expect(first.data!.auditLog.nodes.map((n: { requestId: string }) => n.requestId)).toEqual([
      'req-page-3',
      'req-page-2',
    ])
    expect(first.data!.auditLog.pageInfo.hasNextPage).toBe(true)
    const next = await gql(
      t,
      LOG,
      { first: 2, after: first.data!.auditLog.pageInfo.endCursor },
      coordinator,
    )
    expect(next.data!.auditLog.nodes.map((n: { requestId: string }) => n.requestId)).toEqual([
      'req-page-1',
    ])
    expect(next.data!.auditLog.pageInfo).toEqual({ endCursor: null, hasNextPage: false })

    const one = first.data!.auditLog.nodes[1]
    const filtered = await gql(t, LOG, { entityId: one.entityId }, coordinator)
    expect(filtered.data!.auditLog.nodes).toEqual([one])
    const none = await gql(t, LOG, { action: 'settlement.close' }, coordinator)
    expect(none.data!.auditLog.nodes).toEqual([])
  })

  it.each([
    ['merchant1@nestwork.demo', 'FORBIDDEN'],
    ['station1@nestwork.demo', 'FORBIDDEN'],
    ['hub1@nestwork.demo', 'FORBIDDEN'],
    [null, 'UNAUTHENTICATED'],
  ])('refuses %s with %s', async (email, code) => {
    const token = email ? await tokenFor(t, email) : undefined
    const res = await gql(t, LOG, {}, token)
    expect(res.data).toBeNull()
    expect(res.errors![0]!.extensions!.code).toBe(code)
  })

  it('refuses a malformed cursor as bad input', async () => {
    const res = await gql(t, LOG, { after: 'x' }, await tokenFor(t, 'coordinator@nestwork.demo'))
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
  })
})

const READABLE = `query ($person: String, $actor: ID, $action: String) {
  auditLog(person: $person, actor: $actor, action: $action) {
    nodes { action actorUserId actionLabel changes { field label before after changed } }
  }
}`

describe('auditLog for people', () => {
  it('names the action and formats the changes in the caller’s language', async () => {
    const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
    const recorded = await gql(
      t,
      'mutation { recordCost(input: { month: "2026-11", kind: TRANSPORT, amountFen: 120000 }) { id } }',
      {},
      coordinator,
    )
    t.setNow(new Date('2026-11-25T16:30:00Z'))
    await gql(
      t,
      `mutation { voidCost(id: "${recorded.data!.recordCost.id}", reason: "typo") { id } }`,
      {},
      coordinator,
    )
    await gql(t, 'mutation { setLocale(locale: "en") { id } }', {}, coordinator)
    const english = await gql(t, READABLE, { action: 'cost.void' }, coordinator)
    const [entry] = english.data!.auditLog.nodes
    expect(entry.actionLabel).toBe('Cost voided')
    expect(entry.changes).toEqual([
      {
        field: 'month',
        label: 'Month',
        before: 'November 2026',
        after: 'November 2026',
        changed: false,
      },
      { field: 'kind', label: 'Kind', before: 'Transport', after: 'Transport', changed: false },
      {
        field: 'amountFen',
        label: 'Amount',
        before: 'CN¥1,200.00',
        after: 'CN¥1,200.00',
        changed: false,
      },
      { field: 'voided', label: 'Voided', before: 'No', after: 'Yes', changed: true },
      { field: 'reason', label: 'Reason', before: null, after: 'typo', changed: true },
    ])

    await gql(t, 'mutation { setLocale(locale: "zh-CN") { id } }', {}, coordinator)
    const chinese = await gql(t, READABLE, { action: 'cost.record' }, coordinator)
    const [recordedEntry] = chinese.data!.auditLog.nodes
    expect(recordedEntry.actionLabel).toBe('记录成本')
    expect(recordedEntry.changes).toContainEqual({
      field: 'amountFen',
      label: '金额',
      before: null,
      after: '¥1,200.00',
      changed: true,
    })
  })

  it('filters by a person’s name or email, and still by actor id', async () => {
    const m = await tokenFor(t, 'merchant1@nestwork.demo')
    for (const n of [1, 2]) await book(m, n, `person-key-${n}`, `req-person-${n}`)
    const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
    const merchantId = await userId(m)
    const actors = async (vars: Record<string, string>) =>
      (await gql(t, READABLE, vars, coordinator)).data!.auditLog.nodes.map(
        (n: { actorUserId: string }) => n.actorUserId,
      )
    expect(await actors({ person: 'Merchant1@' })).toEqual([merchantId, merchantId])
    const [row] = await t.db.all<{ name: string }>(
      sql`select display_name as name from users where id = ${merchantId}`,
    )
    const name = row!.name
    expect(await actors({ person: name.slice(1, 4) })).toEqual([merchantId, merchantId])
    expect(await actors({ actor: merchantId })).toEqual([merchantId, merchantId])
    expect(await actors({ person: 'station1@' })).toEqual([])
  })

  it('refuses a cursor from before the log was paged by time as bad input', async () => {
    const res = await gql(t, LOG, { after: '42' }, await tokenFor(t, 'coordinator@nestwork.demo'))
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
    expect(res.errors![0]!.extensions!.field).toBe('after')
  })

  it('keeps actionLabel and changes from a merchant', async () => {
    const res = await gql(t, READABLE, {}, await tokenFor(t, 'merchant1@nestwork.demo'))
    expect(res.data).toBeNull()
    expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN')
  })
})
