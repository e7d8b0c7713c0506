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
