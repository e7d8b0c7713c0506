import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { fenToYuan } from '../../src/money'
import { defaultMaxDeclarationFen, moneyRanges } from '../../src/money-ranges'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor, type GraphQLResponse } from '../helpers/http'
import { bringToHub, registerReturnFor } from '../helpers/returns'

// Every money field's range (src/money-ranges.ts, plus the data-dependent limits), at its edges,
// through the API and through the page: a refusal names the field and writes nothing.

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const at = (iso: string) => t.setNow(new Date(iso))
const count = async (table: string, where = '1') =>
  (await t.db.all<{ n: number }>(sql.raw(`select count(*) as n from ${table} where ${where}`)))[0]!
    .n

/** The demo return's order value (registerReturnFor) and the demo alliance's claim cap. */
const orderValueFen = 25_800
const claimCapFen = 500_000

async function inspectedReturn() {
  const r = await registerReturnFor(t, 1)
  await bringToHub(t, r.code)
  const res = await gql(
    t,
    `mutation ($input: InspectReturnInput!) { inspectReturn(input: $input) { status } }`,
    {
      input: {
        returnId: r.id,
        grade: 'DAMAGED',
        checklist: [
          { item: 'sealIntact', value: 'true' },
          { item: 'expiryDate', value: '2027-08-01' },
          { item: 'storageDamage', value: 'false' },
        ],
      },
    },
    await tokenFor(t, 'hub1@nestwork.demo'),
  )
  if (!res.data) throw new Error(JSON.stringify(res.errors))
  return r
}

async function enrolled(month = '2026-11') {
  const m = await tokenFor(t, 'merchant1@nestwork.demo')
  await gql(t, `mutation { enrolInsurance(startMonth: "${month}") { startMonth } }`, {}, m)
  return m
}

async function octoberClosed() {
  const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
  const res = await gql(
    t,
    'mutation { closeSettlement(month: "2026-10", idempotencyKey: "close-2026-10") { id } }',
    {},
    coordinator,
  )
  if (!res.data) throw new Error(JSON.stringify(res.errors))
  return coordinator
}

async function filedClaim() {
  const m = await enrolled()
  await gql(
    t,
    'mutation { declareOrderValue(month: "2026-11", orderValueFen: 1000000) { premiumFen } }',
    {},
    m,
  )
  const res = await gql(
    t,
    `mutation ($input: FileClaimInput!) { fileClaim(input: $input) { id } }`,
    { input: { amountFen: 300_000, lossDate: '2026-11-20', description: '推车运输损坏' } },
    m,
  )
  return res.data!.fileClaim.id as string
}

const station = (commissionFen: unknown, largeItemCommissionFen: unknown = 0) => ({
  name: '测试站',
  storeName: '孩子王',
  address: '静安区南京西路1号',
  city: '上海',
  province: '上海',
  lat: 31.2,
  lng: 121.4,
  openingHours: '09:00-21:00',
  services: [],
  commissionFen,
  largeItemCommissionFen,
})

interface ApiField {
  /** What the field is, as the test names say. */
  name: string
  /** The field a refusal must name. */
  field: string
  /** Prepares the data, then sends `fen` through the mutation. */
  send: () => Promise<(fen: unknown) => Promise<GraphQLResponse>>
  /** Rows the mutation writes. */
  written: () => Promise<number>
  min: number
  max: number
}

const api: ApiField[] = [
  {
    name: 'a return’s order value',
    field: 'orderValueFen',
    send: async () => {
      const m = await tokenFor(t, 'merchant1@nestwork.demo')
      return (fen) =>
        gql(
          t,
          'mutation ($input: RegisterReturnInput!) { registerReturn(input: $input) { id } }',
          {
            input: {
              orderRef: 'TB-9',
              category: 'TOYS',
              itemDescription: '积木',
              orderValueFen: fen,
              reason: '缺件',
              hubId: 'hub_1',
            },
          },
          m,
        )
    },
    written: () => count('returns'),
    ...range(moneyRanges.returnOrderValueFen),
  },
  {
    name: 'a refund (at most the return’s order value)',
    field: 'refundFen',
    send: async () => {
      const r = await inspectedReturn()
      const m = await tokenFor(t, 'merchant1@nestwork.demo')
      return (fen) =>
        gql(
          t,
          'mutation ($input: ResolveReturnInput!) { resolveReturn(input: $input) { status } }',
          { input: { returnId: r.id, resolution: 'REFUND', refundFen: fen } },
          m,
        )
    },
    written: () => count('resolutions'),
    min: 1,
    max: orderValueFen,
  },
  {
    name: 'a declaration (at most the alliance maximum)',
    field: 'orderValueFen',
    send: async () => {
      const m = await enrolled()
      return (fen) =>
        gql(
          t,
          'mutation ($orderValueFen: SafeInt!) { declareOrderValue(month: "2026-11", orderValueFen: $orderValueFen) { premiumFen } }',
          { orderValueFen: fen },
          m,
        )
    },
    written: () => count('order_value_declarations'),
    min: 0,
    max: defaultMaxDeclarationFen,
  },
  {
    name: 'a claim (at most the claim cap)',
    field: 'amountFen',
    send: async () => {
      const m = await enrolled()
      return (fen) =>
        gql(
          t,
          'mutation ($input: FileClaimInput!) { fileClaim(input: $input) { id } }',
          { input: { amountFen: fen, lossDate: '2026-11-20', description: '推车运输损坏' } },
          m,
        )
    },
    written: () => count('claims'),
    min: 1,
    max: claimCapFen,
  },
  {
    name: 'a partial approval (below the claimed amount)',
    field: 'approvedFen',
    send: async () => {
      const id = await filedClaim()
      const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
      return (fen) =>
        gql(
          t,
          'mutation ($input: DecideClaimInput!) { decideClaim(input: $input) { status } }',
          {
            input: {
              claimId: id,
              decision: 'PARTIALLY_APPROVED',
              approvedFen: fen,
              reason: '按残值赔付',
            },
          },
          coordinator,
        )
    },
    written: () => count('claims', 'approved_fen is not null'),
    min: 1,
    max: 300_000 - 1,
  },
  {
    name: 'a cost',
    field: 'amountFen',
    send: async () => {
      const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
      return (fen) =>
        gql(
          t,
          'mutation ($input: RecordCostInput!) { recordCost(input: $input) { id } }',
          { input: { month: '2026-11', kind: 'SHARED', amountFen: fen, note: '审计' } },
          coordinator,
        )
    },
    written: () => count('costs'),
    ...range(moneyRanges.costFen),
  },
  {
    name: 'a station commission',
    field: 'commissionFen',
    send: async () => {
      const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
      return (fen) =>
        gql(
          t,
          'mutation ($input: StationInput!) { createStation(input: $input) { id } }',
          { input: station(fen) },
          coordinator,
        )
    },
    written: () => count('stations'),
    ...range(moneyRanges.commissionFen),
  },
  {
    name: 'a station’s large-item commission',
    field: 'largeItemCommissionFen',
    send: async () => {
      const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
      return (fen) =>
        gql(
          t,
          'mutation ($input: StationInput!) { createStation(input: $input) { id } }',
          { input: station(0, fen) },
          coordinator,
        )
    },
    written: () => count('stations'),
    ...range(moneyRanges.commissionFen),
  },
]

function range(r: { minFen: number; maxFen: number }) {
  return { min: r.minFen, max: r.maxFen }
}

/** A refusal for `field`: BAD_USER_INPUT naming it (extensions.field, or the coercion path). */
function expectRefused(res: GraphQLResponse, field: string) {
  expect(res.errors, JSON.stringify(res.data)).toBeDefined()
  const error = res.errors![0]!
  expect(error.extensions?.code).toBe('BAD_USER_INPUT')
  expect(String(error.extensions?.field ?? error.message)).toContain(field)
}

const edges = (f: ApiField) => [
  { what: 'its minimum', fen: f.min, ok: true },
  { what: 'its maximum', fen: f.max, ok: true },
  { what: 'one fen over its maximum', fen: f.max + 1, ok: false },
  { what: 'one fen under its minimum', fen: f.min - 1, ok: false },
  { what: 'zero', fen: 0, ok: f.min <= 0 },
  { what: 'a negative amount', fen: -100, ok: false },
  { what: 'a fraction of a fen', fen: f.min + 0.5, ok: false },
  { what: '99,999,999,999 yuan', fen: 9_999_999_999_900, ok: false },
]

describe('money fields through GraphQL', () => {
  const cases = api.flatMap((f) => edges(f).map((e) => ({ ...e, f, label: f.name })))
  it.each(cases)('$label: $what ($fen fen) is accepted: $ok', async ({ f, fen, ok }) => {
    at('2026-11-25T02:00:00Z')
    const send = await f.send()
    const before = await f.written()
    const res = await send(fen)
    if (ok) {
      expect(res.errors).toBeUndefined()
      expect(await f.written()).toBe(before + 1)
    } else {
      expectRefused(res, f.field)
      expect(await f.written()).toBe(before)
    }
  })

  it.each([
    { what: 'its largest credit', fen: moneyRanges.adjustmentFen.minFen, ok: true },
    { what: 'its largest charge', fen: moneyRanges.adjustmentFen.maxFen, ok: true },
    {
      what: 'one fen past its largest credit',
      fen: moneyRanges.adjustmentFen.minFen - 1,
      ok: false,
    },
    {
      what: 'one fen past its largest charge',
      fen: moneyRanges.adjustmentFen.maxFen + 1,
      ok: false,
    },
    { what: 'zero', fen: 0, ok: false },
    { what: 'a fraction of a fen', fen: -0.5, ok: false },
  ])('an adjustment: $what ($fen fen) is accepted: $ok', async ({ fen, ok }) => {
    const coordinator = await octoberClosed()
    const res = await gql(
      t,
      'mutation ($amountFen: SafeInt!) { addAdjustment(merchantId: "mer_01", month: "2026-10", amountFen: $amountFen, reason: "更正") { id } }',
      { amountFen: fen },
      coordinator,
    )
    if (ok) expect(res.errors).toBeUndefined()
    else expectRefused(res, 'amountFen')
    expect(await count('adjustments')).toBe(ok ? 1 : 0)
  })

  it('declares 30,000,000 yuan and reads it back through myInsurance, exactly in fen', async () => {
    const m = await enrolled()
    const declared = await gql(
      t,
      'mutation { declareOrderValue(month: "2026-11", orderValueFen: 3000000000) { orderValueFen premiumFen } }',
      {},
      m,
    )
    expect(declared.data!.declareOrderValue).toEqual({
      orderValueFen: 3_000_000_000,
      premiumFen: 15_000_000,
    })
    const mine = await gql(
      t,
      '{ myInsurance { premiums { month orderValueFen rateBp premiumFen } } }',
      {},
      m,
    )
    expect(mine.errors).toBeUndefined()
    expect(mine.data!.myInsurance.premiums).toContainEqual({
      month: '2026-11',
      orderValueFen: 3_000_000_000,
      rateBp: 50,
      premiumFen: 15_000_000,
    })
  })

  it('holds a declaration to the maximum of the settings version in force that month', async () => {
    await t.client.execute(`insert into alliance_settings (id, alliance_id, version, effective_from,
      max_share_of_hub_day_bp, premium_rate_bp, claim_cap_fen, benchmark_k, max_declaration_fen,
      created_at) select 'set_low', alliance_id, version + 1, '2026-11-01', max_share_of_hub_day_bp,
      premium_rate_bp, claim_cap_fen, benchmark_k, 1000000, created_at from alliance_settings`)
    at('2026-10-05T02:00:00Z')
    await enrolled('2026-10')
    at('2026-11-25T02:00:00Z')
    const m = await tokenFor(t, 'merchant1@nestwork.demo')
    const send = (month: string, fen: number) =>
      gql(
        t,
        `mutation { declareOrderValue(month: "${month}", orderValueFen: ${fen}) { premiumFen } }`,
        {},
        m,
      )
    const november = await send('2026-11', 1_000_001)
    expectRefused(november, 'orderValueFen')
    expect(november.errors![0]!.extensions!.maxFen).toBe(1_000_000)
    expect((await send('2026-11', 1_000_000)).errors).toBeUndefined()
    expect((await send('2026-10', 1_000_001)).errors).toBeUndefined()
  })
})

describe('the data-dependent rules hold against raw SQL too', () => {
  it('refuses a zero refund written straight into the database', async () => {
    const r = await inspectedReturn()
    await expect(
      t.client.execute({
        sql: `insert into resolutions (return_id, resolution, refund_fen, actor_id, at)
          values (?, 'REFUND', 0, 'usr_002', 'x')`,
        args: [r.id],
      }),
    ).rejects.toThrow(/BAD_USER_INPUT:refundFen/)
    expect(await count('resolutions')).toBe(0)
  })

  it('refuses a declaration above the alliance maximum, inserted or updated', async () => {
    await enrolled()
    const insert = (fen: number) =>
      t.client.execute(`insert into order_value_declarations
        (merchant_id, month, order_value_fen, declared_by, created_at)
        values ('mer_01', '2026-11', ${fen}, 'usr_002', 'x')`)
    await expect(insert(defaultMaxDeclarationFen + 1)).rejects.toThrow(
      /BAD_USER_INPUT:orderValueFen/,
    )
    await insert(defaultMaxDeclarationFen)
    await expect(
      t.client.execute(`update order_value_declarations set order_value_fen = order_value_fen + 1`),
    ).rejects.toThrow(/BAD_USER_INPUT:orderValueFen/)
    expect(
      await count('order_value_declarations', `order_value_fen = ${defaultMaxDeclarationFen}`),
    ).toBe(1)
  })

  it('refuses a claim above its cap or above the return’s order value', async () => {
    const r = await registerReturnFor(t, 1)
    const insert = (fen: number, returnId: string | null) =>
      t.client.execute({
        sql: `insert into claims (id, merchant_id, return_id, amount_fen, cap_fen, loss_date,
          description, status, paid_fen, filed_by, created_at)
          values (?, 'mer_01', ?, ?, 500000, '2026-11-20', 'x', 'SUBMITTED', 0, 'usr_002', 'x')`,
        args: [`clm_${fen}`, returnId, fen],
      })
    await expect(insert(claimCapFen + 1, null)).rejects.toThrow(/BAD_USER_INPUT:amountFen/)
    await expect(insert(orderValueFen + 1, r.id)).rejects.toThrow(/BAD_USER_INPUT:amountFen/)
    expect(await count('claims')).toBe(0)
  })

  it.each([
    [
      'costs',
      `insert into costs (id, alliance_id, month, kind, amount_fen, note, created_at)
      select 'cst_x', id, '2026-11', 'SHARED', ${moneyRanges.costFen.maxFen + 1}, '', 'x' from alliances`,
    ],
    [
      'adjustments',
      `insert into adjustments (id, alliance_id, merchant_id, month, amount_fen,
      reason, original_settlement_id, created_by, created_at)
      select 'adj_x', alliance_id, 'mer_01', '2026-12', ${moneyRanges.adjustmentFen.minFen - 1}, 'x', id,
      closed_by, 'x' from settlements`,
    ],
  ])('refuses an out-of-range amount in %s', async (table, insert) => {
    await octoberClosed()
    await expect(t.client.execute(insert)).rejects.toThrow(/BAD_USER_INPUT:amountFen/)
    expect(await count(table, "id like '%_x'")).toBe(0)
  })
})

/** Whether the page marks the form control named `name` as invalid. */
function invalid(html: string, name: string): boolean {
  const tag = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)
  return tag !== null && tag[0].includes('aria-invalid="true"')
}

async function signedIn(email: string) {
  const browser = new Browser(t)
  await browser.signIn(email)
  return browser
}

interface FormField {
  name: string
  /** The control that must be marked invalid. */
  control: string
  /** Prepares the data and opens the page; then posts `typed` in yuan. */
  send: () => Promise<(typed: string) => Promise<Response>>
  written: () => Promise<number>
  min: number
  max: number
}

const forms: FormField[] = [
  {
    name: 'a return’s order value',
    control: 'orderValue',
    send: async () => {
      const b = await signedIn('merchant1@nestwork.demo')
      await b.get('/returns/new')
      return (typed) =>
        b.post('/returns', {
          orderRef: 'TB-9',
          category: 'TOYS',
          itemDescription: '积木',
          orderValue: typed,
          reason: '缺件',
          hubId: 'hub_1',
        })
    },
    written: () => count('returns'),
    ...range(moneyRanges.returnOrderValueFen),
  },
  {
    name: 'a refund',
    control: 'refundYuan',
    send: async () => {
      const r = await inspectedReturn()
      const b = await signedIn('merchant1@nestwork.demo')
      await b.get('/desk')
      return (typed) =>
        b.post(`/desk/${r.id}/resolve`, { resolution: 'REFUND', refundYuan: typed, confirm: '1' })
    },
    written: () => count('resolutions'),
    min: 1,
    max: orderValueFen,
  },
  {
    name: 'a declaration',
    control: 'orderValue',
    send: async () => {
      await enrolled()
      const b = await signedIn('merchant1@nestwork.demo')
      await b.get('/insurance')
      return (typed) => b.post('/insurance/declarations', { month: '2026-11', orderValue: typed })
    },
    written: () => count('order_value_declarations'),
    min: 0,
    max: defaultMaxDeclarationFen,
  },
  {
    name: 'a claim',
    control: 'amount',
    send: async () => {
      await enrolled()
      const b = await signedIn('merchant1@nestwork.demo')
      await b.get('/insurance/claims/new')
      return (typed) =>
        b.post('/insurance/claims', {
          amount: typed,
          lossDate: '2026-11-20',
          description: '推车运输损坏',
        })
    },
    written: () => count('claims'),
    min: 1,
    max: claimCapFen,
  },
  {
    name: 'a cost',
    control: 'amount',
    send: async () => {
      const b = await signedIn('coordinator@nestwork.demo')
      await b.get('/settlement?month=2026-11')
      return (typed) =>
        b.post('/settlement/costs', { month: '2026-11', kind: 'SHARED', amount: typed })
    },
    written: () => count('costs'),
    ...range(moneyRanges.costFen),
  },
  {
    name: 'a station commission',
    control: 'commission',
    send: async () => {
      const b = await signedIn('coordinator@nestwork.demo')
      await b.get('/admin/stations/new')
      return (typed) =>
        b.post('/admin/stations', {
          name: '测试站',
          storeName: '孩子王',
          address: '静安区南京西路1号',
          city: '上海',
          province: '上海',
          lat: '31.2',
          lng: '121.4',
          openingHours: '09:00-21:00',
          commission: typed,
          largeCommission: '0',
        })
    },
    written: () => count('stations'),
    ...range(moneyRanges.commissionFen),
  },
]

const typedEdges = (f: FormField) => [
  { what: 'its minimum', typed: fenToYuan(f.min), ok: true },
  { what: 'its maximum', typed: fenToYuan(f.max), ok: true },
  { what: 'one fen over its maximum', typed: fenToYuan(f.max + 1), ok: false },
  { what: 'zero', typed: '0.00', ok: f.min <= 0 },
  { what: 'a negative amount', typed: '-1.00', ok: false },
  { what: 'a fraction of a fen', typed: '1.005', ok: false },
  { what: '99,999,999,999 yuan', typed: '99999999999', ok: false },
]

describe('money fields through the pages', () => {
  const cases = forms.flatMap((f) => typedEdges(f).map((e) => ({ ...e, f, label: f.name })))
  it.each(cases)('$label: $what ("$typed") is accepted: $ok', async ({ f, typed, ok }) => {
    at('2026-11-25T02:00:00Z')
    const send = await f.send()
    const before = await f.written()
    const res = await send(typed)
    if (ok) {
      expect(res.status).toBe(303)
      expect(await f.written()).toBe(before + 1)
    } else {
      expect(res.status).toBe(400)
      expect(invalid(await res.text(), f.control)).toBe(true)
      expect(await f.written()).toBe(before)
    }
  })

  it('names the alliance maximum, in the page’s language, for a 99,999,999,999-yuan declaration', async () => {
    await enrolled()
    const b = await signedIn('merchant1@nestwork.demo')
    await b.get('/insurance')
    const zh = await b.post('/insurance/declarations', {
      month: '2026-11',
      orderValue: '99999999999',
    })
    expect(zh.status).toBe(400)
    expect(await zh.text()).toContain('金额最多为 ¥100,000,000.00。')
    await b.post('/locale', { locale: 'en', next: '/' })
    const en = await b.post('/insurance/declarations', {
      month: '2026-11',
      orderValue: '100000000.01',
    })
    expect(await en.text()).toContain('The amount can be at most CN¥100,000,000.00.')
    expect(await count('order_value_declarations')).toBe(0)
  })

  it('names the claim cap for a claim far above it', async () => {
    await enrolled()
    const b = await signedIn('merchant1@nestwork.demo')
    await b.get('/insurance/claims/new')
    const res = await b.post('/insurance/claims', {
      amount: '99999999999',
      lossDate: '2026-11-20',
      description: '推车运输损坏',
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('单笔最高赔付 ¥5,000.00（按当日生效的条款）')
    expect(await count('claims')).toBe(0)
  })

  it.each([
    { what: 'its largest credit', typed: '-1000000.00', ok: true },
    { what: 'one fen past its largest credit', typed: '-1000000.01', ok: false },
    { what: 'one fen past its largest charge', typed: '1000000.01', ok: false },
    { what: 'zero', typed: '0', ok: false },
    { what: 'a fraction of a fen', typed: '-0.005', ok: false },
  ])('an adjustment: $what ("$typed") is accepted: $ok', async ({ typed, ok }) => {
    await octoberClosed()
    const b = await signedIn('coordinator@nestwork.demo')
    await b.get('/settlement?month=2026-10')
    const res = await b.post('/settlement/adjustments', {
      month: '2026-10',
      merchantId: 'mer_01',
      amount: typed,
      reason: '更正',
      confirm: '1',
    })
    expect(res.status).toBe(ok ? 303 : 400)
    if (!ok) expect(invalid(await res.text(), 'amount')).toBe(true)
    expect(await count('adjustments')).toBe(ok ? 1 : 0)
  })
})
