import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { gql, tokenFor } from '../helpers/http'
import { registerReturnFor } from '../helpers/returns'

let t: TestApp
let coordinator: string
beforeEach(async () => {
  t = await createTestApp()
  coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
})

const at = (iso: string) => t.setNow(new Date(iso))
const merchant = (n: number) => tokenFor(t, `merchant${n}@nestwork.demo`)

async function enrolAndDeclare(n: number, month: string, orderValueFen: number) {
  const m = await merchant(n)
  await gql(t, `mutation { enrolInsurance(startMonth: "${month}") { startMonth } }`, {}, m)
  return gql(
    t,
    `mutation { declareOrderValue(month: "${month}", orderValueFen: ${orderValueFen}) { premiumFen rateBp } }`,
    {},
    m,
  )
}

const FILE = /* GraphQL */ `
  mutation ($input: FileClaimInput!) {
    fileClaim(input: $input) {
      id
      status
      capFen
    }
  }
`
const DECIDE = /* GraphQL */ `
  mutation ($input: DecideClaimInput!) {
    decideClaim(input: $input) {
      status
      approvedFen
    }
  }
`

async function ledgerBalanced() {
  const rows = await t.db.all<{ id: string; total: number; n: number; expected: number }>(sql`
    select t.id, sum(e.amount_fen) as total, count(e.id) as n, t.entry_count as expected
    from ledger_transactions t left join ledger_entries e on e.transaction_id = t.id
    group by t.id`)
  for (const r of rows) {
    expect(r.total).toBe(0)
    expect(r.n).toBe(r.expected)
  }
  return rows.length
}

/** Premiums: October's, charged at close and collected when the statement is paid. */
async function fundPool(orderValueFen: number) {
  at('2026-10-05T02:00:00Z')
  await enrolAndDeclare(1, '2026-10', orderValueFen)
  at('2026-11-25T02:00:00Z')
  await gql(
    t,
    'mutation { closeSettlement(month: "2026-10", idempotencyKey: "close-2026-10") { id } }',
    {},
    coordinator,
  )
  const st = await gql(t, '{ myStatement(month: "2026-10") { id } }', {}, await merchant(1))
  await gql(
    t,
    `mutation { markStatementPaid(statementId: "${st.data!.myStatement.id}") { paidAt } }`,
    {},
    coordinator,
  )
}

describe('premiums', () => {
  it('charges 0.5% of the declared order value, rounded half up, on the month’s statement', async () => {
    at('2026-10-05T02:00:00Z')
    const res = await enrolAndDeclare(1, '2026-10', 1_234_567)
    expect(res.data!.declareOrderValue).toEqual({ premiumFen: 6173, rateBp: 50 })
    at('2026-11-25T02:00:00Z')
    const st = await gql(
      t,
      '{ myStatement(month: "2026-10") { items { kind amountFen } } }',
      {},
      await merchant(1),
    )
    expect(st.data!.myStatement.items).toContainEqual({ kind: 'PREMIUM', amountFen: 6173 })
  })

  it('blocks closing the month until every enrolled merchant has declared', async () => {
    at('2026-10-05T02:00:00Z')
    await gql(
      t,
      'mutation { enrolInsurance(startMonth: "2026-10") { startMonth } }',
      {},
      await merchant(2),
    )
    at('2026-11-25T02:00:00Z')
    const res = await gql(
      t,
      'mutation { closeSettlement(month: "2026-10", idempotencyKey: "close-2026-10") { id } }',
      {},
      coordinator,
    )
    expect(res.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      merchantIds: ['mer_02'],
    })
  })

  it('moves premiums into pool cash when the statement is paid, with a balanced ledger', async () => {
    await fundPool(100_000_000) // ¥1,000,000 of orders → ¥5,000 premium
    const pool = await gql(
      t,
      '{ insurancePool { balanceFen reserveFen pendingFen } }',
      {},
      coordinator,
    )
    expect(pool.data!.insurancePool).toEqual({ balanceFen: 500_000, reserveFen: 0, pendingFen: 0 })
    expect(await ledgerBalanced()).toBe(2)
  })
})

describe('claims', () => {
  it('refuses a claim over the cap, naming the cap', async () => {
    at('2026-10-05T02:00:00Z')
    await enrolAndDeclare(1, '2026-10', 1000)
    const res = await gql(
      t,
      FILE,
      { input: { amountFen: 500_001, lossDate: '2026-10-04', description: '婴儿推车运输损坏' } },
      await merchant(1),
    )
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amountFen' })
    expect(res.errors![0]!.message).toMatch(/5,000\.00/)
  })

  it('uses the terms in force on the loss date', async () => {
    at('2026-10-05T02:00:00Z')
    await enrolAndDeclare(1, '2026-10', 1000)
    await t.client.execute(`insert into alliance_settings (id, alliance_id, version, effective_from,
      max_share_of_hub_day_bp, premium_rate_bp, claim_cap_fen, benchmark_k, created_at)
      values ('set_2', 'all_yrd', 2, '2026-10-03', 4000, 50, 300000, 5, 'x')`)
    const m = await merchant(1)
    const before = await gql(
      t,
      FILE,
      { input: { amountFen: 400_000, lossDate: '2026-10-02', description: 'a' } },
      m,
    )
    expect(before.data!.fileClaim.capFen).toBe(500_000)
    const after = await gql(
      t,
      FILE,
      { input: { amountFen: 400_000, lossDate: '2026-10-04', description: 'b' } },
      m,
    )
    expect(after.errors![0]!.extensions!.field).toBe('amountFen')
  })

  it('decides once, refuses deciding twice, and keeps one open claim per return', async () => {
    at('2026-10-05T02:00:00Z')
    await enrolAndDeclare(1, '2026-10', 1000)
    const m = await merchant(1)
    const r = await registerReturnFor(t, 1)
    const input = {
      returnId: r.id,
      amountFen: 20_000,
      lossDate: '2026-10-05',
      description: '奶粉丢失',
    }
    const claim = (await gql(t, FILE, { input }, m)).data!.fileClaim
    const dup = await gql(t, FILE, { input }, m)
    expect(dup.errors![0]!.extensions!.code).toBe('CONFLICT')
    const over = await gql(t, FILE, { input: { ...input, amountFen: 25_801 } }, m)
    expect(over.errors![0]!.extensions!.field).toBe('amountFen')
    const several = await gql(
      t,
      FILE,
      { input: { ...input, amountFen: 600_000, lossDate: '2026-10-06' } },
      m,
    )
    expect(several.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'lossDate',
      problems: [
        { field: 'lossDate' },
        { field: 'amountFen', capFen: 500_000 },
        { field: 'amountFen', orderValueFen: 25_800 },
      ],
    })

    const decided = await gql(
      t,
      DECIDE,
      {
        input: {
          claimId: claim.id,
          decision: 'PARTIALLY_APPROVED',
          approvedFen: 15_000,
          reason: '部分可回收',
        },
      },
      coordinator,
    )
    expect(decided.data!.decideClaim).toEqual({ status: 'PARTIALLY_APPROVED', approvedFen: 15_000 })
    const twice = await gql(
      t,
      DECIDE,
      { input: { claimId: claim.id, decision: 'REJECTED', reason: 'x' } },
      coordinator,
    )
    expect(twice.errors![0]!.extensions!.code).toBe('CONFLICT')
    const byMerchant = await gql(
      t,
      DECIDE,
      { input: { claimId: claim.id, decision: 'APPROVED', reason: 'x' } },
      m,
    )
    expect(byMerchant.errors![0]!.extensions!.code).toBe('FORBIDDEN')
    expect(await ledgerBalanced()).toBe(1)
  })

  it('pays approved claims pro rata when cash is short, the rest staying payable', async () => {
    await fundPool(20_000_000) // premium 100,000 fen in cash
    const claimFor = async (n: number, amountFen: number) => {
      at(`2026-11-25T03:0${n}:00Z`) // decisions in order: payouts follow it
      const m = await merchant(n)
      await gql(t, 'mutation { enrolInsurance { startMonth } }', {}, m)
      const c = (
        await gql(t, FILE, { input: { amountFen, lossDate: '2026-11-20', description: 'x' } }, m)
      ).data!.fileClaim
      await gql(
        t,
        DECIDE,
        { input: { claimId: c.id, decision: 'APPROVED', reason: 'ok' } },
        coordinator,
      )
      return c.id
    }
    await claimFor(2, 100_000)
    await claimFor(3, 50_000)
    const preview = await gql(
      t,
      '{ claimPayoutPreview { availableFen payments { outstandingFen payFen } } }',
      {},
      coordinator,
    )
    expect(preview.data!.claimPayoutPreview).toEqual({
      availableFen: 100_000,
      payments: [
        { outstandingFen: 100_000, payFen: 66_667 },
        { outstandingFen: 50_000, payFen: 33_333 },
      ],
    })
    const PAY =
      'mutation { runClaimPayout(month: "2026-11", idempotencyKey: "payout-2026-11") { balanceFen pendingFen paidFen replayed } }'
    const run = await gql(t, PAY, {}, coordinator)
    expect(run.data!.runClaimPayout).toEqual({
      balanceFen: 0,
      pendingFen: 50_000,
      paidFen: 100_000,
      replayed: false,
    })
    expect((await gql(t, PAY, {}, coordinator)).data!.runClaimPayout.replayed).toBe(true)
    expect(await ledgerBalanced()).toBe(5)
    await expect(t.client.execute('update ledger_entries set amount_fen = 1')).rejects.toThrow(
      /immutable/,
    )
  })

  it('shows a merchant only its own claims and cover', async () => {
    at('2026-10-05T02:00:00Z')
    await enrolAndDeclare(1, '2026-10', 1000)
    await gql(
      t,
      FILE,
      { input: { amountFen: 100, lossDate: '2026-10-05', description: 'x' } },
      await merchant(1),
    )
    const other = await gql(
      t,
      '{ claims { id } myInsurance { enrolment { startMonth } claims { id } } }',
      {},
      await merchant(2),
    )
    expect(other.data).toEqual({ claims: [], myInsurance: { enrolment: null, claims: [] } })
    const queue = await gql(t, '{ claims(status: SUBMITTED) { merchant { id } } }', {}, coordinator)
    expect(queue.data!.claims).toEqual([{ merchant: { id: 'mer_01' } }])
  })

  it('refuses an unbalanced transaction in the database itself', async () => {
    await t.client.execute(
      `insert into ledger_transactions (id, alliance_id, kind, month, memo, entry_count, created_at)
       values ('ltx_bad', 'all_yrd', 'CLAIM_PAID', '2026-11', 'x', 2, 'x')`,
    )
    await t.client.execute(
      `insert into ledger_entries (transaction_id, account, amount_fen) values ('ltx_bad', 'pool:cash', 5)`,
    )
    await expect(
      t.client.execute(
        `insert into ledger_entries (transaction_id, account, amount_fen) values ('ltx_bad', 'pool:fund', -4)`,
      ),
    ).rejects.toThrow(/does not balance/)
  })
})
