import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { tokenFor } from '../helpers/http'
import { bringToHub, registerReturnFor } from '../helpers/returns'
import { countStatements } from '../helpers/statements'

// A list's per-row fields are batched: the statements one operation runs do not grow with the
// number of rows. Rows are inserted with raw SQL, many at once, beside the app.
let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

async function userOf(email: string) {
  const res = (await t.client.execute({
    sql: 'select id, merchant_id as merchantId from users where email = ?',
    args: [email],
  })) as { rows: { id: string; merchantId: string }[] }
  return res.rows[0]!
}

/** `n` confirmed bookings of merchant1, spread over the three hubs and many days. */
async function insertBookings(n: number) {
  const { id, merchantId } = await userOf('merchant1@nestwork.demo')
  await t.client.execute({
    sql: `with recursive i(n) as (select 1 union all select n + 1 from i where n < ?)
      insert into bookings (id, seq, merchant_id, hub_id, date, units, status, idempotency_key,
        waitlist, created_by, created_at, updated_at)
      select 'bk_test_' || n, 100000 + n, ?, 'hub_' || (1 + n % 3),
        date('2027-01-01', '+' || (n % 300) || ' days'), 1, 'CONFIRMED', 'test-key-' || n,
        0, ?, '2026-11-25T02:00:00.000Z', '2026-11-25T02:00:00.000Z'
      from i`,
    args: [n, merchantId, id],
  })
}

/** Returns `from`..`to` of merchant1, bound for hub_1, checked in at sta_01 (as the rows say). */
async function insertReturns(from: number, to: number) {
  const { id, merchantId } = await userOf('merchant1@nestwork.demo')
  await t.client.execute({
    sql: `with recursive i(n) as (select ? union all select n + 1 from i where n < ?)
      insert into returns (id, code, merchant_id, hub_id, order_ref, category, item_description,
        order_value_fen, large_item, reason, status, station_id, created_by, created_at,
        updated_by, updated_at)
      select 'ret_test_' || n, 'TESTCODE' || printf('%06d', n), ?, 'hub_1', 'TB-' || n, 'FOOD',
        '奶粉 800g', 25800, 0, '包装破损', 'AT_STATION', 'sta_01', ?,
        '2026-11-24T02:00:00.000Z', ?, '2026-11-24T02:00:00.000Z'
      from i`,
    args: [from, to, merchantId, id, id],
  })
}

/** Claims `from`..`to`, spread over the alliance's first three merchants. */
async function insertClaims(from: number, to: number) {
  const { id } = await userOf('coordinator@nestwork.demo')
  await t.client.execute({
    sql: `with recursive i(n) as (select ? union all select n + 1 from i where n < ?),
        m as (select id, row_number() over (order by id) - 1 as k from merchants limit 3)
      insert into claims (id, merchant_id, amount_fen, loss_date, description, cap_fen, status,
        filed_by, created_at)
      select 'clm_test_' || n, m.id, 10000, '2026-11-20', '破损', 500000, 'FILED', ?,
        '2026-11-24T02:00:00.000Z'
      from i join m on m.k = n % 3`,
    args: [from, to, id],
  })
}

const MY_BOOKINGS = '{ myBookings { id hub { id name } } }'

describe('statements per GraphQL operation', () => {
  it('myBookings { hub } runs as many statements for 1,000 bookings as for 10', async () => {
    const token = await tokenFor(t, 'merchant1@nestwork.demo')
    await insertBookings(10)
    const few = await countStatements(t, MY_BOOKINGS, token)
    expect(few.errors).toBeUndefined()
    expect(few.data.myBookings).toHaveLength(10)

    await t.client.execute("delete from bookings where id like 'bk_test_%'")
    await insertBookings(1000)
    const many = await countStatements(t, MY_BOOKINGS, token)
    expect(many.errors).toBeUndefined()
    expect(many.data.myBookings).toHaveLength(1000)
    expect(new Set(many.data.myBookings.map((b: { hub: { id: string } }) => b.hub.id))).toEqual(
      new Set(['hub_1', 'hub_2', 'hub_3']),
    )
    expect(many.statements).toBe(few.statements)
    // The session, the bookings, their hubs.
    expect(many.statements).toBeLessThanOrEqual(4)
  })

  it.each([
    ['hub, station and timeline', 'hub { name } station { name } timeline { status }'],
    [
      'clocks, inspection and resolution',
      'sla { breached } inspection { grade } resolution { resolution }',
    ],
    ['responses and rating', 'responses { message } rating { stars }'],
  ])(
    'a page of returns with %s runs as many statements for 100 returns as for 5',
    async (_, fields) => {
      const query = `{ returns(first: 100) { nodes { id ${fields} } } }`
      const token = await tokenFor(t, 'merchant1@nestwork.demo')
      await insertReturns(1, 5)
      const few = await countStatements(t, query, token)
      expect(few.errors).toBeUndefined()
      expect(few.data.returns.nodes).toHaveLength(5)

      await insertReturns(6, 100)
      const many = await countStatements(t, query, token)
      expect(many.errors).toBeUndefined()
      expect(many.data.returns.nodes).toHaveLength(100)
      expect(many.statements).toBe(few.statements)
      // The session, the page, one statement per batched field (and the returns seen, once).
      expect(many.statements).toBeLessThanOrEqual(6)
    },
  )

  it('the fields of a page of returns say what the rows say', async () => {
    const token = await tokenFor(t, 'merchant1@nestwork.demo')
    await insertReturns(1, 3)
    const { data } = await countStatements(
      t,
      '{ returns(first: 100) { nodes { id hub { id } station { id } timeline { status } } } }',
      token,
    )
    expect(data.returns.nodes).toHaveLength(3)
    for (const node of data.returns.nodes) {
      expect(node).toMatchObject({
        hub: { id: 'hub_1' },
        station: { id: 'sta_01' },
        timeline: [{ status: 'AT_STATION' }],
      })
    }
  })

  it('claims { merchant } runs as many statements for 200 claims as for 6', async () => {
    const query = '{ claims { id merchant { id name } } }'
    const token = await tokenFor(t, 'coordinator@nestwork.demo')
    await insertClaims(1, 6)
    const few = await countStatements(t, query, token)
    expect(few.errors).toBeUndefined()
    expect(few.data.claims).toHaveLength(6)

    await insertClaims(7, 200)
    const many = await countStatements(t, query, token)
    expect(many.errors).toBeUndefined()
    expect(many.data.claims).toHaveLength(200)
    expect(
      new Set(many.data.claims.map((c: { merchant: { id: string } }) => c.merchant.id)).size,
    ).toBe(3)
    expect(many.statements).toBe(few.statements)
    expect(many.statements).toBeLessThanOrEqual(4)
  })

  it('a pickup run reconciles once, however many of its reconciliation fields are asked', async () => {
    const hub = await tokenFor(t, 'hub1@nestwork.demo')
    const { code } = await registerReturnFor(t, 1)
    await bringToHub(t, code)
    const runs = (await t.client.execute('select id from pickup_runs')) as {
      rows: { id: string }[]
    }
    const runId = runs.rows[0]!.id
    const bare = await countStatements(t, `{ pickupRun(id: "${runId}") { id } }`, hub)
    const full = await countStatements(
      t,
      `{ pickupRun(id: "${runId}") { id missing { id } unexpected { id } misrouted { code }
        receivedCount } }`,
      hub,
    )
    expect(full.errors).toBeUndefined()
    expect(full.data.pickupRun).toMatchObject({ missing: [], unexpected: [], receivedCount: 1 })
    expect(full.statements).toBe(bare.statements)
  })

  it('a second mutation in one operation reads what the first changed, not a cached answer', async () => {
    const { id } = await registerReturnFor(t, 1)
    const token = await tokenFor(t, 'merchant1@nestwork.demo')
    const res = await countStatements(
      t,
      `mutation { a: respondToReturn(id: "${id}", message: "已收到") { responses { message } }
        b: respondToReturn(id: "${id}", message: "正在处理") { responses { message } } }`,
      token,
    )
    expect(res.errors).toBeUndefined()
    expect(res.data.a.responses).toEqual([{ message: '已收到' }])
    expect(res.data.b.responses).toEqual([{ message: '已收到' }, { message: '正在处理' }])
  })
})
