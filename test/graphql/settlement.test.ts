import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { gql, tokenFor } from '../helpers/http'
import { bringToHub, registerReturnFor } from '../helpers/returns'

let t: TestApp
let coordinator: string
beforeEach(async () => {
  t = await createTestApp()
  coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
})

const at = (iso: string) => t.setNow(new Date(iso))

const PREVIEW = /* GraphQL */ `
  query ($month: String!) {
    settlementPreview(month: $month) {
      id
      month
      status
      totalFen
      costTotalFen
      lines {
        merchant {
          id
        }
        shareFen
        items {
          kind
          amountFen
          basis
          cost {
            id
          }
        }
      }
    }
  }
`
const CLOSE = /* GraphQL */ `
  mutation ($month: String!, $key: String!) {
    closeSettlement(month: $month, idempotencyKey: $key) {
      id
      status
      totalFen
      lines {
        merchant {
          id
        }
        shareFen
        items {
          kind
          amountFen
        }
      }
    }
  }
`

/** October: two parcels for merchant 1 and one for merchant 2 reach hub_1; merchant 3 books. */
async function october() {
  at('2026-10-05T02:00:00Z')
  const book = await gql(
    t,
    'mutation { bookHubCapacity(input: { hubId: "hub_1", date: "2026-10-10", units: 50, idempotencyKey: "october-0001" }) { status } }',
    {},
    await tokenFor(t, 'merchant3@nestwork.demo'),
  )
  expect(book.data!.bookHubCapacity.status).toBe('CONFIRMED')
  for (const n of [1, 1, 2]) {
    const r = await registerReturnFor(t, n)
    await bringToHub(t, r.code)
  }
  await gql(
    t,
    'mutation { recordCost(input: { month: "2026-10", kind: TRANSPORT, amountFen: 99999, note: "货车" }) { id } }',
    {},
    coordinator,
  )
  at('2026-11-25T02:00:00Z')
}

describe('settlement preview and close', () => {
  it('splits every cost exactly and reconciles costs + commissions to the total', async () => {
    await october()
    const res = await gql(t, PREVIEW, { month: '2026-10' }, coordinator)
    expect(res.errors).toBeUndefined()
    const s = res.data!.settlementPreview
    expect(s.status).toBe('OPEN')
    // 3 hubs × (rent 38,000 + staff 96,000) + platform 12,000 + transport 999.99 yuan
    expect(s.costTotalFen).toBe(3 * (3_800_000 + 9_600_000) + 1_200_000 + 99_999)
    const items = s.lines.flatMap((l: { items: { kind: string; amountFen: number }[] }) => l.items)
    const commissions = items
      .filter((i: { kind: string }) => i.kind === 'COMMISSION')
      .reduce((a: number, i: { amountFen: number }) => a + i.amountFen, 0)
    expect(commissions).toBe(3 * 220) // three parcels at station 1's rate
    expect(s.totalFen).toBe(s.costTotalFen + commissions)
    const byCost = new Map<string, number>()
    for (const line of s.lines) {
      expect(line.shareFen).toBe(
        line.items.reduce((a: number, i: { amountFen: number }) => a + i.amountFen, 0),
      )
      for (const item of line.items) {
        if (item.cost) byCost.set(item.cost.id, (byCost.get(item.cost.id) ?? 0) + item.amountFen)
      }
    }
    const costRows = await t.db.all<{ id: string; amount_fen: number }>(
      sql`select id, amount_fen from costs where month = '2026-10'`,
    )
    for (const c of costRows) expect(byCost.get(c.id)).toBe(c.amount_fen)
  })

  it('charges Shanghai hub costs on parcels received (80%) and capacity booked (20%)', async () => {
    await october()
    const s = (await gql(t, PREVIEW, { month: '2026-10' }, coordinator)).data!.settlementPreview
    const rent = (
      await t.db.all<{ id: string }>(
        sql`select id from costs where month = '2026-10' and template_id = 'tpl_rent_1'`,
      )
    )[0]!.id
    const share = (merchant: string, kind: string) =>
      s.lines
        .find((l: { merchant: { id: string } }) => l.merchant.id === merchant)
        ?.items.filter(
          (i: { kind: string; cost: { id: string } | null }) =>
            i.kind === kind && i.cost?.id === rent,
        )
        .reduce((a: number, i: { amountFen: number }) => a + i.amountFen, 0) ?? 0
    expect(share('mer_01', 'HUB_UNITS')).toBe(2_026_667) // 2/3 of 80% of 38,000 yuan
    expect(share('mer_02', 'HUB_UNITS')).toBe(1_013_333)
    expect(share('mer_03', 'HUB_BOOKED')).toBe(760_000) // all of the booked 20%
  })

  it('closes to exactly the preview, once, and returns the same settlement again', async () => {
    await october()
    const preview = (await gql(t, PREVIEW, { month: '2026-10' }, coordinator)).data!
      .settlementPreview
    const first = await gql(t, CLOSE, { month: '2026-10', key: 'close-2026-10' }, coordinator)
    const closed = first.data!.closeSettlement
    expect(closed.status).toBe('CLOSED')
    expect(closed.totalFen).toBe(preview.totalFen)
    expect(closed.lines.map((l: { shareFen: number }) => l.shareFen)).toEqual(
      preview.lines.map((l: { shareFen: number }) => l.shareFen),
    )
    const again = await gql(t, CLOSE, { month: '2026-10', key: 'close-2026-10' }, coordinator)
    expect(again.data!.closeSettlement.id).toBe(closed.id)
    const other = await gql(t, CLOSE, { month: '2026-10', key: 'another-key-1' }, coordinator)
    expect(other.errors![0]!.extensions!.code).toBe('CONFLICT')
    const [count] = await t.db.all<{ n: number }>(sql`select count(*) as n from settlements`)
    expect(count!.n).toBe(1)
  })

  it('closes once under concurrent requests', async () => {
    await october()
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        gql(t, CLOSE, { month: '2026-10', key: 'close-2026-10' }, coordinator),
      ),
    )
    const ids = new Set(results.map((r) => r.data?.closeSettlement.id))
    expect(ids.size).toBe(1)
    const [count] = await t.db.all<{ n: number }>(sql`select count(*) as n from settlements`)
    expect(count!.n).toBe(1)
  })

  it('freezes a closed month in the domain and in the database', async () => {
    await october()
    await gql(t, CLOSE, { month: '2026-10', key: 'close-2026-10' }, coordinator)
    const cost = await gql(
      t,
      'mutation { recordCost(input: { month: "2026-10", kind: SHARED, amountFen: 100 }) { id } }',
      {},
      coordinator,
    )
    expect(cost.errors![0]!.extensions!.code).toBe('CONFLICT')
    for (const statement of [
      `update costs set amount_fen = 1 where month = '2026-10'`,
      `delete from costs where month = '2026-10'`,
      `update settlement_lines set amount_fen = 0`,
      `update settlements set total_fen = 0`,
      `update statements set total_fen = 0`,
      `insert into costs (id, alliance_id, month, kind, amount_fen, note, created_at) values ('x', 'all_yrd', '2026-10', 'SHARED', 5, '', 'x')`,
    ]) {
      await expect(t.client.execute(statement)).rejects.toThrow(/closed|never changes/)
    }
  })

  it('refuses to close a month that has not ended, naming the field', async () => {
    const res = await gql(t, CLOSE, { month: '2026-11', key: 'close-2026-11' }, coordinator)
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' })
  })

  it('refuses malformed months', async () => {
    for (const month of ['2026-13', '2026-1', '26-10', '2026-10-01']) {
      const res = await gql(t, PREVIEW, { month }, coordinator)
      expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
    }
  })
})

describe('statements', () => {
  it('shows a merchant only its own statement, and a station only its own', async () => {
    await october()
    await gql(t, CLOSE, { month: '2026-10', key: 'close-2026-10' }, coordinator)
    const m1 = await tokenFor(t, 'merchant1@nestwork.demo')
    const own = await gql(
      t,
      '{ myStatement(month: "2026-10") { id status merchant { id } totalFen items { kind } } }',
      {},
      m1,
    )
    expect(own.data!.myStatement).toMatchObject({ status: 'CLOSED', merchant: { id: 'mer_01' } })
    const peek = await gql(
      t,
      '{ myStatement(month: "2026-10", merchantId: "mer_02") { totalFen } }',
      {},
      m1,
    )
    expect(peek.errors![0]!.extensions!.code).toBe('NOT_FOUND')
    const preview = await gql(t, PREVIEW, { month: '2026-10' }, m1)
    expect(preview.errors![0]!.extensions!.code).toBe('FORBIDDEN')
    const station = await gql(
      t,
      '{ stationStatement(stationId: "sta_01", month: "2026-10") { totalFen items { amountFen } } }',
      {},
      await tokenFor(t, 'station1@nestwork.demo'),
    )
    expect(station.data!.stationStatement.totalFen).toBe(660)
    const other = await gql(
      t,
      '{ stationStatement(stationId: "sta_01", month: "2026-10") { totalFen } }',
      {},
      await tokenFor(t, 'station2@nestwork.demo'),
    )
    expect(other.errors![0]!.extensions!.code).toBe('FORBIDDEN')
  })

  it('marks a statement paid once, without touching its figures', async () => {
    await october()
    await gql(t, CLOSE, { month: '2026-10', key: 'close-2026-10' }, coordinator)
    const m1 = await tokenFor(t, 'merchant1@nestwork.demo')
    const st = (await gql(t, '{ myStatement(month: "2026-10") { id totalFen } }', {}, m1)).data!
      .myStatement
    const paid = await gql(
      t,
      `mutation { markStatementPaid(statementId: "${st.id}") { paidAt totalFen } }`,
      {},
      coordinator,
    )
    expect(paid.data!.markStatementPaid).toEqual({
      paidAt: '2026-11-25T02:00:00.000Z',
      totalFen: st.totalFen,
    })
    const twice = await gql(
      t,
      `mutation { markStatementPaid(statementId: "${st.id}") { paidAt } }`,
      {},
      coordinator,
    )
    expect(twice.errors![0]!.extensions!.code).toBe('CONFLICT')
  })

  it('carries an adjustment into the next open month, linked to the closed one', async () => {
    await october()
    await gql(t, CLOSE, { month: '2026-10', key: 'close-2026-10' }, coordinator)
    const adj = await gql(
      t,
      'mutation { addAdjustment(merchantId: "mer_01", month: "2026-10", amountFen: -5000, reason: "重复收费退回") { month amountFen } }',
      {},
      coordinator,
    )
    expect(adj.data!.addAdjustment).toEqual({ month: '2026-11', amountFen: -5000 })
    const nov = await gql(
      t,
      '{ myStatement(month: "2026-11") { status items { kind amountFen } } }',
      {},
      await tokenFor(t, 'merchant1@nestwork.demo'),
    )
    expect(nov.data!.myStatement.items).toContainEqual({ kind: 'ADJUSTMENT', amountFen: -5000 })
  })
})

describe('allocation rules', () => {
  it('versions the rules and stamps the version on the settlement', async () => {
    const set = await gql(
      t,
      'mutation { setAllocationRules(input: { bookedShareBp: 3000, sharedBasis: UNITS }) { version bookedShareBp sharedBasis } }',
      {},
      coordinator,
    )
    expect(set.data!.setAllocationRules).toEqual({
      version: 2,
      bookedShareBp: 3000,
      sharedBasis: 'UNITS',
    })
    const bad = await gql(
      t,
      'mutation { setAllocationRules(input: { bookedShareBp: 10001, sharedBasis: EQUAL }) { version } }',
      {},
      coordinator,
    )
    expect(bad.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'bookedShareBp',
    })
  })
})

describe('corrections', () => {
  const COSTS = `query ($month: String!) { costs(month: $month) {
    id amountFen note voided voidReason voidedAt reverses { id } reversedBy { id } } }`
  const VOID = `mutation ($id: ID!, $reason: String!) { voidCost(id: $id, reason: $reason) {
    id amountFen voided voidReason voidedAt } }`
  const REVERSE = `mutation ($id: ID!, $reason: String!) { reverseCost(id: $id, reason: $reason) {
    id month kind amountFen note voided reverses { id amountFen } } }`
  const UNPAID = `mutation ($id: ID!, $reason: String!) { unmarkStatementPaid(id: $id, reason: $reason) {
    id paidAt totalFen } }`

  /** The transport cost october() records. */
  const truck = async () =>
    (
      (await gql(t, COSTS, { month: '2026-10' }, coordinator)).data!.costs as {
        id: string
        note: string
      }[]
    ).find((c) => c.note === '货车')!
  const auditOf = (action: string) =>
    t.db.all<{ entity_id: string; actor_role: string; before_json: string; after_json: string }>(
      sql`select entity_id, actor_role, before_json, after_json from audit_log
        where action = ${action} order by id`,
    )
  const itemsOf = (s: { lines: { items: { cost: { id: string } | null }[] }[] }, id: string) =>
    s.lines.flatMap((l) => l.items).filter((i) => i.cost?.id === id)

  it('voids a cost of an open month: kept and marked, out of the preview and the close', async () => {
    await october()
    const cost = await truck()
    const before = (await gql(t, PREVIEW, { month: '2026-10' }, coordinator)).data!
      .settlementPreview
    expect(itemsOf(before, cost.id).length).toBeGreaterThan(0)

    const res = await gql(t, VOID, { id: cost.id, reason: '重复录入' }, coordinator)
    expect(res.data!.voidCost).toEqual({
      id: cost.id,
      amountFen: 99_999,
      voided: true,
      voidReason: '重复录入',
      voidedAt: '2026-11-25T02:00:00.000Z',
    })
    // Still listed, marked void; no longer in the preview's costs, items or total.
    const listed = (await gql(t, COSTS, { month: '2026-10' }, coordinator)).data!.costs
    expect(listed.find((c: { id: string }) => c.id === cost.id)).toMatchObject({ voided: true })
    const after = (await gql(t, PREVIEW, { month: '2026-10' }, coordinator)).data!.settlementPreview
    expect(after.costTotalFen).toBe(before.costTotalFen - 99_999)
    expect(after.totalFen).toBe(before.totalFen - 99_999)
    expect(itemsOf(after, cost.id)).toEqual([])

    const again = await gql(t, VOID, { id: cost.id, reason: '再次' }, coordinator)
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'VOIDED' })

    const closed = (await gql(t, CLOSE, { month: '2026-10', key: 'close-2026-10' }, coordinator))
      .data!.closeSettlement
    expect(closed.totalFen).toBe(after.totalFen)
    const [lines] = await t.db.all<{ n: number }>(
      sql`select count(*) as n from settlement_lines where cost_id = ${cost.id}`,
    )
    expect(lines!.n).toBe(0)

    const [entry, ...more] = await auditOf('cost.void')
    expect(more).toEqual([])
    expect(entry).toMatchObject({ entity_id: cost.id, actor_role: 'COORDINATOR' })
    expect(JSON.parse(entry!.before_json)).toMatchObject({ amountFen: 99_999, voided: false })
    expect(JSON.parse(entry!.after_json)).toMatchObject({ voided: true, reason: '重复录入' })
  })

  it('reverses a cost by a negative entry that cancels it merchant by merchant', async () => {
    await october()
    const cost = await truck()
    const before = (await gql(t, PREVIEW, { month: '2026-10' }, coordinator)).data!
      .settlementPreview
    const res = await gql(t, REVERSE, { id: cost.id, reason: '金额录错' }, coordinator)
    const reversal = res.data!.reverseCost
    expect(reversal).toMatchObject({
      month: '2026-10',
      kind: 'TRANSPORT',
      amountFen: -99_999,
      note: '金额录错',
      voided: false,
      reverses: { id: cost.id, amountFen: 99_999 },
    })
    const listed = (await gql(t, COSTS, { month: '2026-10' }, coordinator)).data!.costs
    expect(listed.find((c: { id: string }) => c.id === cost.id).reversedBy).toEqual({
      id: reversal.id,
    })

    const after = (await gql(t, PREVIEW, { month: '2026-10' }, coordinator)).data!.settlementPreview
    expect(after.costTotalFen).toBe(before.costTotalFen - 99_999)
    expect(after.totalFen).toBe(before.totalFen - 99_999)
    for (const line of after.lines) {
      const parts = line.items.filter(
        (i: { cost: { id: string } | null }) =>
          i.cost?.id === cost.id || i.cost?.id === reversal.id,
      )
      expect(parts.reduce((s: number, i: { amountFen: number }) => s + i.amountFen, 0)).toBe(0)
    }

    for (const [query, id, reason] of [
      [REVERSE, cost.id, 'REVERSED'],
      [VOID, cost.id, 'REVERSED'],
      [VOID, reversal.id, 'IS_REVERSAL'],
      [REVERSE, reversal.id, 'IS_REVERSAL'],
    ] as const) {
      const refused = await gql(t, query, { id, reason: '再来' }, coordinator)
      expect(refused.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason })
    }
    const [entry, ...more] = await auditOf('cost.reverse')
    expect(more).toEqual([])
    expect(entry!.entity_id).toBe(reversal.id)
    expect(JSON.parse(entry!.after_json)).toMatchObject({
      reverses: cost.id,
      amountFen: -99_999,
      reason: '金额录错',
    })
    // The database keeps a reversal an exact mirror of one live cost.
    await expect(
      t.client.execute(`insert into costs (id, alliance_id, month, kind, amount_fen, note,
        reverses_cost_id, created_at) values ('x', 'all_yrd', '2026-10', 'SHARED', -5, '', '${cost.id}', 'x')`),
    ).rejects.toThrow(/mirrors|UNIQUE/)
  })

  it('refuses a reason that is empty or too long, naming the field', async () => {
    await october()
    const cost = await truck()
    for (const reason of ['', '  ', 'x'.repeat(201)]) {
      const res = await gql(t, VOID, { id: cost.id, reason }, coordinator)
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' })
    }
  })

  it('refuses voids and reversals in a closed month, and so does the database', async () => {
    await october()
    const cost = await truck()
    await gql(t, CLOSE, { month: '2026-10', key: 'close-2026-10' }, coordinator)
    for (const query of [VOID, REVERSE]) {
      const res = await gql(t, query, { id: cost.id, reason: '太晚了' }, coordinator)
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CLOSED' })
    }
    for (const statement of [
      `update costs set voided_at = 'x', voided_by = 'usr_001', void_reason = 'r' where id = '${cost.id}'`,
      `insert into costs (id, alliance_id, month, kind, amount_fen, note, reverses_cost_id,
        created_at) values ('y', 'all_yrd', '2026-10', 'TRANSPORT', -99999, '', '${cost.id}', 'x')`,
    ]) {
      await expect(t.client.execute(statement)).rejects.toThrow(/month is closed/)
    }
    expect(await auditOf('cost.void')).toEqual([])
  })

  it('undoes paid with a reason until a later month closes, returning the premium to a receivable', async () => {
    // Merchant 1 is insured, so its statement carries a premium that payment turns into cash.
    at('2026-10-05T02:00:00Z')
    const m1 = await tokenFor(t, 'merchant1@nestwork.demo')
    await gql(t, 'mutation { enrolInsurance(startMonth: "2026-10") { startMonth } }', {}, m1)
    await gql(
      t,
      'mutation { declareOrderValue(month: "2026-10", orderValueFen: 1000000) { premiumFen } }',
      {},
      m1,
    )
    await october()
    await gql(t, CLOSE, { month: '2026-10', key: 'close-2026-10' }, coordinator)
    const m1Later = await tokenFor(t, 'merchant1@nestwork.demo')
    const st = (await gql(t, '{ myStatement(month: "2026-10") { id } }', {}, m1Later)).data!
      .myStatement
    const cash = async () =>
      Number(
        (
          await t.db.all<{ fen: number }>(
            sql`select coalesce(sum(amount_fen), 0) as fen from ledger_entries where account = 'pool:cash'`,
          )
        )[0]!.fen,
      )
    const PAID = `mutation ($id: ID!) { markStatementPaid(statementId: $id) { paidAt } }`

    const notPaid = await gql(t, UNPAID, { id: st.id, reason: '尚未付款' }, coordinator)
    expect(notPaid.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_PAID' })

    await gql(t, PAID, { id: st.id }, coordinator)
    const premium = await cash()
    expect(premium).toBeGreaterThan(0)
    const undone = await gql(t, UNPAID, { id: st.id, reason: '银行退回' }, coordinator)
    expect(undone.data!.unmarkStatementPaid).toMatchObject({ id: st.id, paidAt: null })
    expect(await cash()).toBe(0)
    // Paid again (the bank paid after all), undone again, paid again: the ledger follows.
    expect((await gql(t, PAID, { id: st.id }, coordinator)).data!.markStatementPaid.paidAt).toBe(
      '2026-11-25T02:00:00.000Z',
    )
    expect(await cash()).toBe(premium)
    await gql(t, UNPAID, { id: st.id, reason: '再次退回' }, coordinator)
    expect(await cash()).toBe(0)
    await gql(t, PAID, { id: st.id }, coordinator)
    expect(await cash()).toBe(premium)

    const entries = await auditOf('statement.unpaid')
    expect(entries).toHaveLength(2)
    expect(JSON.parse(entries[0]!.before_json)).toMatchObject({
      paidAt: '2026-11-25T02:00:00.000Z',
    })
    expect(JSON.parse(entries[0]!.after_json)).toMatchObject({
      paidAt: null,
      reason: '银行退回',
      premiumReturnedFen: premium,
    })

    // Once November is closed, October's payments are final, here and in the database.
    at('2026-12-03T02:00:00Z')
    const m1Now = await tokenFor(t, 'merchant1@nestwork.demo')
    await gql(
      t,
      'mutation { declareOrderValue(month: "2026-11", orderValueFen: 1000000) { premiumFen } }',
      {},
      m1Now,
    )
    const c = await tokenFor(t, 'coordinator@nestwork.demo')
    expect(
      (await gql(t, CLOSE, { month: '2026-11', key: 'close-2026-11' }, c)).data!.closeSettlement,
    ).toBeTruthy()
    const late = await gql(t, UNPAID, { id: st.id, reason: '太晚' }, c)
    expect(late.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'LATER_MONTH_CLOSED',
    })
    await expect(
      t.client.execute(
        `update statements set paid_at = null, paid_by = null where id = '${st.id}'`,
      ),
    ).rejects.toThrow(/later month is closed/)
    expect(await auditOf('statement.unpaid')).toHaveLength(2)
  })
})

describe('an open month’s figures and projection', () => {
  const FIGURES = /* GraphQL */ `
    query ($month: String!) {
      myStatement(month: $month) {
        status
        open
        totalFen
        parcels
        costPerParcelFen
        asOf
        projection {
          asOf
          parcels
          costFen
          costPerParcelFen
        }
        items {
          kind
          amountFen
        }
      }
    }
  `
  type Item = { kind: string; amountFen: number }
  const commissionsOf = (items: Item[]) =>
    items.filter((i) => i.kind === 'COMMISSION').reduce((a, i) => a + i.amountFen, 0)

  it('divides the cost so far by the parcels and projects parcels and commissions to month end', async () => {
    // 3 November, 10:00 in Shanghai: 3 of November's 30 days have gone by.
    at('2026-11-03T02:00:00Z')
    for (const n of [1, 1, 2]) await bringToHub(t, (await registerReturnFor(t, n)).code)
    const merchant = await tokenFor(t, 'merchant1@nestwork.demo')
    const res = await gql(t, FIGURES, { month: '2026-11' }, merchant)
    expect(res.errors).toBeUndefined()
    const s = res.data!.myStatement
    expect(s).toMatchObject({ status: 'OPEN', open: true, parcels: 2, asOf: '2026-11-03' })
    expect(s.costPerParcelFen).toBe(Math.round(s.totalFen / 2))
    const commissions = commissionsOf(s.items)
    expect(commissions).toBe(2 * 220)
    expect(s.projection).toEqual({
      asOf: '2026-11-03',
      parcels: 20,
      costFen: s.totalFen - commissions + commissions * 10,
      costPerParcelFen: Math.round((s.totalFen - commissions + commissions * 10) / 20),
    })

    const preview = await gql(
      t,
      '{ settlementPreview(month: "2026-11") { open parcels totalFen costPerParcelFen projection { parcels } } }',
      {},
      coordinator,
    )
    expect(preview.data!.settlementPreview).toMatchObject({
      open: true,
      parcels: 3,
      projection: { parcels: 30 },
    })
  })

  it('has no as-of date or projection once the month is closed, and still its parcels', async () => {
    await october()
    const closed = await gql(t, CLOSE, { month: '2026-10', key: 'close-figures' }, coordinator)
    expect(closed.errors).toBeUndefined()
    const merchant = await tokenFor(t, 'merchant1@nestwork.demo')
    const s = (await gql(t, FIGURES, { month: '2026-10' }, merchant)).data!.myStatement
    expect(s).toMatchObject({ open: false, parcels: 2, asOf: null, projection: null })
    expect(s.costPerParcelFen).toBe(Math.round(s.totalFen / 2))
    const settled = await gql(
      t,
      '{ settlement(month: "2026-10") { open parcels asOf projection { parcels } } }',
      {},
      coordinator,
    )
    expect(settled.data!.settlement).toEqual({
      open: false,
      parcels: 3,
      asOf: null,
      projection: null,
    })
  })

  it('gives no cost per parcel before any parcel arrives', async () => {
    at('2026-11-01T02:00:00Z')
    const merchant = await tokenFor(t, 'merchant1@nestwork.demo')
    const s = (await gql(t, FIGURES, { month: '2026-11' }, merchant)).data!.myStatement
    expect(s).toMatchObject({ parcels: 0, costPerParcelFen: null, asOf: '2026-11-01' })
    expect(s.projection).toMatchObject({ parcels: 0, costPerParcelFen: null })
    expect(s.projection.costFen).toBe(s.totalFen)
  })
})
