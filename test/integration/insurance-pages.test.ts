import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { formatCode } from '../../src/returns/code'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'
import { registerReturnFor } from '../helpers/returns'

// The test clock stands at 2026-11-25 10:00 in Shanghai (02:00 UTC); `at` moves it, e.g. into
// October to enrol and declare a month that can then be settled.
const htmx = { 'hx-request': 'true' }

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const at = (iso: string) => t.setNow(new Date(iso))

async function signedIn(email: string) {
  const browser = new Browser(t)
  await browser.signIn(email)
  return browser
}

const merchant = (n: number) => signedIn(`merchant${n}@nestwork.demo`)
const coordinator = () => signedIn('coordinator@nestwork.demo')

/** Enrols through the page, from `startMonth`. */
async function enrol(browser: Browser, startMonth: string) {
  await browser.get('/insurance')
  const res = await browser.post('/insurance/enrol', { startMonth })
  expect(res.status).toBe(303)
  expect(res.headers.get('location')).toBe('/insurance?enrolled=1#cover')
}

const declare = (browser: Browser, month: string, orderValue: string, headers = {}) =>
  browser.post('/insurance/declarations', { month, orderValue }, headers)

const declaredFen = async (merchantId: string, month: string) =>
  (
    await t.db.all<{ fen: number }>(sql`
      select order_value_fen as fen from order_value_declarations
      where merchant_id = ${merchantId} and month = ${month}`)
  )[0]?.fen

const claimForm = (extra: Record<string, string> = {}) => ({
  returnId: '',
  amount: '200.00',
  lossDate: '2026-11-20',
  description: '婴儿推车运输途中损坏',
  ...extra,
})

/** Files a claim through the merchant page's form; returns its id. */
async function fileClaim(browser: Browser, extra: Record<string, string> = {}) {
  await browser.get('/insurance')
  const res = await browser.post('/insurance/claims', claimForm(extra))
  if (res.status !== 303) throw new Error(`claim refused with ${res.status}: ${await res.text()}`)
  const location = res.headers.get('location')!
  return /^\/insurance\/claims\/(clm_\w+)\?filed=1$/.exec(location)![1]!
}

const claimRow = async (id: string) =>
  (
    await t.db.all<{ status: string; approved_fen: number | null; paid_fen: number }>(
      sql`select status, approved_fen, paid_fen from claims where id = ${id}`,
    )
  )[0]!

/** October's premium for merchant 1, settled and paid: it is cash in the pool. */
async function fundPool(orderValueFen: number) {
  at('2026-10-05T02:00:00Z')
  const m = await tokenFor(t, 'merchant1@nestwork.demo')
  await gql(t, 'mutation { enrolInsurance(startMonth: "2026-10") { startMonth } }', {}, m)
  await gql(
    t,
    `mutation { declareOrderValue(month: "2026-10", orderValueFen: ${orderValueFen}) { premiumFen } }`,
    {},
    m,
  )
  at('2026-11-25T02:00:00Z')
  const c = await tokenFor(t, 'coordinator@nestwork.demo')
  await gql(
    t,
    'mutation { closeSettlement(month: "2026-10", idempotencyKey: "close-2026-10") { id } }',
    {},
    c,
  )
  const st = await gql(
    t,
    '{ myStatement(month: "2026-10") { id } }',
    {},
    await tokenFor(t, 'merchant1@nestwork.demo'),
  )
  const paid = await gql(
    t,
    `mutation { markStatementPaid(statementId: "${st.data!.myStatement.id}") { paidAt } }`,
    {},
    c,
  )
  expect(paid.errors).toBeUndefined()
}

describe('the merchant’s cover and declarations', () => {
  it('enrols from the page and declares October in yuan, showing the premium', async () => {
    at('2026-10-05T02:00:00Z')
    const browser = await merchant(1)
    const first = await (await browser.get('/insurance')).text()
    expect(first).toContain('<h1>责任险</h1>')
    expect(first).toContain('您尚未参保')
    expect(first).toContain('0.5%')
    expect(first).not.toContain('id="new-claim"')

    await enrol(browser, '2026-10')
    const page = await (await browser.get('/insurance?enrolled=1')).text()
    expect(page).toContain('已参保。您的保障自2026年10月开始。')
    // September is before the cover: only October can be declared.
    expect(page).toContain('id="declaration-2026-10"')
    expect(page).not.toContain('id="declaration-2026-09"')

    const res = await declare(browser, '2026-10', '¥12,345.67')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/insurance?declared=2026-10#declarations')
    expect(await declaredFen('mer_01', '2026-10')).toBe(1_234_567)
    const after = await (await browser.get(res.headers.get('location')!)).text()
    // 1,234,567 fen × 0.5% = 6,172.835 fen, rounded half up.
    expect(after).toContain('已申报2026年10月订单金额 ¥12,345.67，保费为 ¥61.73。')
    expect(after).toContain('value="12345.67"')
    expect(after).toMatch(/<th scope="row">2026年10月<\/th>.*¥61\.73/s)
  })

  it.each([
    ['0.29', 29],
    ['１９．９', 1_990],
    ['1000000', 100_000_000],
    ['258.1元', 25_810],
  ])('reads %j yuan as exactly %i fen', async (yuan, fen) => {
    at('2026-10-05T02:00:00Z')
    const browser = await merchant(2)
    await enrol(browser, '2026-10')
    expect((await declare(browser, '2026-10', yuan)).status).toBe(303)
    expect(await declaredFen('mer_02', '2026-10')).toBe(fen)
  })

  it('answers htmx with the month swapped in place and the premiums table out of band', async () => {
    at('2026-10-05T02:00:00Z')
    const browser = await merchant(1)
    await enrol(browser, '2026-10')
    const res = await declare(browser, '2026-10', '2000', htmx)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).not.toContain('<html')
    expect(html).toMatch(/^<div class="declaration" id="declaration-2026-10">/)
    expect(html).toContain('保费为 ¥10.00')
    expect(html).toContain('id="premiums"')
    expect(html).toContain('hx-swap-oob="true"')
  })

  it('refuses a malformed amount on its field, keeping what was typed', async () => {
    at('2026-10-05T02:00:00Z')
    const browser = await merchant(1)
    await enrol(browser, '2026-10')
    const res = await declare(browser, '2026-10', '12.345')
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toMatch(/id="declaration-2026-10-value"[^>]*aria-invalid="true"/)
    expect(html).toContain('请输入以元为单位、最多两位小数的金额，例如 258.00。')
    expect(html).toContain('value="12.345"')
    expect(await declaredFen('mer_01', '2026-10')).toBeUndefined()

    const fragment = await declare(browser, '2026-10', '', htmx)
    expect(fragment.status).toBe(400)
    expect(await fragment.text()).toContain('请填写金额（元）。')
  })

  it('refuses a declaration for a settled month with a localised message', async () => {
    await fundPool(100_000)
    const browser = await merchant(1)
    const page = await (await browser.get('/insurance')).text()
    // Last month is settled and shown without a form; this month is open.
    expect(page).toContain('2026年10月已结算：该申报不能再修改。')
    expect(page).toContain('id="declaration-2026-11-value"')
    expect(page).not.toContain('id="declaration-2026-10-value"')

    const res = await declare(browser, '2026-10', '5000')
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('未保存：2026年10月已经结算，申报不能再修改。')
    expect(await declaredFen('mer_01', '2026-10')).toBe(100_000)

    const fragment = await declare(browser, '2026-10', '5000', htmx)
    expect(fragment.status).toBe(409)
    expect(await fragment.text()).toContain('未保存：2026年10月已经结算')
  })

  it('speaks English, the premium formatted for English', async () => {
    at('2026-10-05T02:00:00Z')
    const browser = await merchant(1)
    await browser.post('/locale', { locale: 'en', next: '/insurance' })
    await enrol(browser, '2026-10')
    await declare(browser, '2026-10', '2000')
    const html = await (await browser.get('/insurance?declared=2026-10')).text()
    expect(html).toContain('Declared CN¥2,000.00 for October 2026: the premium is CN¥10.00.')
  })
})

describe('claims', () => {
  it('files a claim on one of the merchant’s returns, listed by code in the picker', async () => {
    const browser = await merchant(1)
    await enrol(browser, '2026-11')
    const ret = await registerReturnFor(t, 1)
    const other = await registerReturnFor(t, 2)
    const page = await (await browser.get('/insurance')).text()
    expect(page).toContain(
      `<option value="${ret.id}">${formatCode(ret.code)} · 奶粉 800g · ¥258.00`,
    )
    expect(page).not.toContain(other.id)

    const id = await fileClaim(browser, { returnId: ret.id, amount: '200' })
    const html = await (await browser.get(`/insurance/claims/${id}?filed=1`)).text()
    expect(html).toContain('理赔已提交。')
    expect(html).toContain('已提交')
    expect(html).toContain(formatCode(ret.code))
    expect(html).toContain('¥200.00')
    expect(html).toContain('¥5,000.00') // the cap of the loss date's terms
    expect(html).not.toContain('id="decide"') // merchants do not decide
    const list = await (await browser.get('/insurance')).text()
    expect(list).toContain(`href="/insurance/claims/${id}"`)
  })

  it('refuses a claim over the cap, naming the cap, and keeps what was typed', async () => {
    const browser = await merchant(1)
    await enrol(browser, '2026-11')
    const res = await browser.post('/insurance/claims', claimForm({ amount: '5000.01' }))
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain(
      '2026年11月20日发生的损失单笔最高赔付 ¥5,000.00（按当日生效的条款）。请申请 ¥5,000.00 或以下的金额。',
    )
    expect(html).toMatch(/id="field-amount"[^>]*aria-invalid="true"/)
    expect(html).toContain('value="5000.01"')
    expect(html).toContain('婴儿推车运输途中损坏')
    expect((await t.db.all(sql`select id from claims`)).length).toBe(0)
  })

  it('refuses more than the return’s order value, a future date, no description', async () => {
    const browser = await merchant(1)
    await enrol(browser, '2026-11')
    const ret = await registerReturnFor(t, 1)
    const over = await browser.post(
      '/insurance/claims',
      claimForm({ returnId: ret.id, amount: '258.01' }),
    )
    expect(over.status).toBe(400)
    expect(await over.text()).toContain('关联该退货的理赔金额最多为其订单金额 ¥258.00。')

    const future = await browser.post('/insurance/claims', claimForm({ lossDate: '2026-11-26' }))
    expect(await future.text()).toContain('损失日期不能晚于今天。')

    const empty = await browser.post(
      '/insurance/claims',
      claimForm({ description: ' ', amount: 'abc', lossDate: '2026-02-30' }),
    )
    const html = await empty.text()
    const invalid = [...html.matchAll(/id="field-(\w+)"[^>]*aria-invalid="true"/g)].map((m) => m[1])
    expect(invalid.sort()).toEqual(['amount', 'description', 'lossDate'])
    expect(html).toContain('请描述损失经过。')
    expect((await t.db.all(sql`select id from claims`)).length).toBe(0)
  })

  it('says every rule a claim breaks at once: a future loss date and an amount over the cap', async () => {
    const browser = await merchant(1)
    await enrol(browser, '2026-11')
    const res = await browser.post(
      '/insurance/claims',
      claimForm({ lossDate: '2026-11-26', amount: '5000.01' }),
    )
    expect(res.status).toBe(400)
    const html = await res.text()
    const invalid = [...html.matchAll(/id="field-(\w+)"[^>]*aria-invalid="true"/g)].map((m) => m[1])
    expect(invalid.sort()).toEqual(['amount', 'lossDate'])
    expect(html).toContain('损失日期不能晚于今天。')
    expect(html).toContain('单笔最高赔付 ¥5,000.00')
    expect((await t.db.all(sql`select id from claims`)).length).toBe(0)
  })

  it('refuses a loss before the cover starts, and a second open claim on a return', async () => {
    const browser = await merchant(1)
    await enrol(browser, '2026-11')
    const before = await browser.post('/insurance/claims', claimForm({ lossDate: '2026-10-31' }))
    expect(await before.text()).toContain('该日期不在保障期内：您的保障自2026年11月开始。')
    const ret = await registerReturnFor(t, 1)
    await fileClaim(browser, { returnId: ret.id })
    const again = await browser.post('/insurance/claims', claimForm({ returnId: ret.id }))
    expect(again.status).toBe(400)
    expect(await again.text()).toContain('该退货已有一笔等待决定或赔付的理赔。')
  })

  it('lets a coordinator review and decide in part, once, and the merchant sees it', async () => {
    const m = await merchant(1)
    await enrol(m, '2026-11')
    const id = await fileClaim(m, { amount: '200' })

    const c = await coordinator()
    const queue = await (await c.get('/insurance/claims')).text()
    expect(queue).toContain('禾苗奶粉专营店')
    expect(queue).toContain(`href="/insurance/claims/${id}"`)
    const page = await (await c.get(`/insurance/claims/${id}`)).text()
    expect(page).toContain('id="decide"')
    expect(page).toMatch(/<input id="field-approvedAmount"[^>]* value="200\.00"/)

    const review = await c.post(`/insurance/claims/${id}/review`, {})
    expect(review.status).toBe(303)
    expect((await claimRow(id)).status).toBe('UNDER_REVIEW')

    // A full approval of less is refused with what to do instead.
    const wrong = await c.post(`/insurance/claims/${id}/decision`, {
      decision: 'APPROVED',
      approvedAmount: '150',
      reason: '部分货物可回收',
    })
    expect(wrong.status).toBe(400)
    expect(await wrong.text()).toContain(
      '全额批准将赔付 ¥200.00。如需批准较少金额，请选择“部分批准”。',
    )

    const res = await c.post(`/insurance/claims/${id}/decision`, {
      decision: 'PARTIALLY_APPROVED',
      approvedAmount: '150.00',
      reason: '部分货物可回收',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/insurance/claims/${id}?decided=1`)
    expect(await claimRow(id)).toEqual({
      status: 'PARTIALLY_APPROVED',
      approved_fen: 15_000,
      paid_fen: 0,
    })

    const twice = await c.post(`/insurance/claims/${id}/decision`, {
      decision: 'REJECTED',
      approvedAmount: '',
      reason: '重复',
    })
    expect(twice.status).toBe(409)
    const conflict = await twice.text()
    expect(conflict).toContain('未记录：这笔理赔已有决定（部分批准），以下方的决定为准。')
    expect(conflict).not.toContain('id="decide"')
    expect((await claimRow(id)).approved_fen).toBe(15_000)
    const late = await c.post(`/insurance/claims/${id}/review`, {})
    expect(late.status).toBe(409)
    expect((await claimRow(id)).status).toBe('PARTIALLY_APPROVED')

    const seen = await (await m.get(`/insurance/claims/${id}`)).text()
    expect(seen).toContain('部分批准')
    expect(seen).toContain('已批准 ¥150.00，将在下一次赔付中支付。')
    expect(seen).toContain('部分货物可回收')
  })

  it('asks for a decision and a reason, and rejects without an amount', async () => {
    const m = await merchant(1)
    await enrol(m, '2026-11')
    const id = await fileClaim(m)
    const c = await coordinator()
    const empty = await c.post(`/insurance/claims/${id}/decision`, {
      decision: '',
      approvedAmount: '200.00',
      reason: '',
    })
    expect(empty.status).toBe(400)
    const html = await empty.text()
    expect(html).toContain('请选择审核结果。')
    expect(html).toContain('请填写决定理由。')
    const rejected = await c.post(`/insurance/claims/${id}/decision`, {
      decision: 'REJECTED',
      approvedAmount: 'whatever',
      reason: '不在保障范围',
    })
    expect(rejected.status).toBe(303)
    expect(await claimRow(id)).toMatchObject({ status: 'REJECTED', approved_fen: 0 })
  })

  it('orders the queue with claims waiting for a decision first and filters by status', async () => {
    const m = await merchant(1)
    await enrol(m, '2026-11')
    at('2026-11-25T01:00:00Z')
    const decided = await fileClaim(m, { description: 'first' })
    at('2026-11-25T01:30:00Z')
    const waiting = await fileClaim(m, { description: 'second' })
    at('2026-11-25T02:00:00Z')
    const c = await coordinator()
    await c.get(`/insurance/claims/${decided}`)
    await c.post(`/insurance/claims/${decided}/decision`, {
      decision: 'APPROVED',
      approvedAmount: '200.00',
      reason: 'ok',
    })
    const queue = await (await c.get('/insurance/claims')).text()
    expect(queue.indexOf(waiting)).toBeLessThan(queue.indexOf(decided))
    const filtered = await (await c.get('/insurance/claims?status=APPROVED')).text()
    expect(filtered).toContain(decided)
    expect(filtered).not.toContain(`/insurance/claims/${waiting}`)
  })
})

describe('the pool dashboard and payouts', () => {
  /** Claims of merchants 2 and 3, approved in that order (payouts follow the decisions). */
  async function approvedClaims() {
    const c = await tokenFor(t, 'coordinator@nestwork.demo')
    const ids: string[] = []
    for (const [n, amount] of [
      [2, '1000.00'],
      [3, '500.00'],
    ] as const) {
      at(`2026-11-25T03:0${n}:00Z`)
      const m = await merchant(n)
      await enrol(m, '2026-11')
      const id = await fileClaim(m, { amount })
      const decided = await gql(
        t,
        'mutation ($input: DecideClaimInput!) { decideClaim(input: $input) { status } }',
        { input: { claimId: id, decision: 'APPROVED', reason: 'ok' } },
        c,
      )
      expect(decided.data!.decideClaim.status).toBe('APPROVED')
      ids.push(id)
    }
    return ids
  }

  it('shows the balance, an SVG chart of cash by month and premiums against payouts', async () => {
    await fundPool(100_000_000) // ¥1,000,000 of orders → ¥5,000 premium, paid
    const c = await coordinator()
    const res = await c.get('/insurance/pool')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/<dt>资金池现金<\/dt><dd><span class="money">¥5,000\.00<\/span>/)
    expect(html).toContain('<svg')
    expect(html).toContain('role="img"')
    expect(html).toContain('<title id="cash-chart-title">各月月末资金池现金</title>')
    expect(html).toContain('2026年10月：¥5,000.00；2026年11月：¥5,000.00')
    expect(html).toContain('2026年10月：保费 ¥5,000.00，赔付 ¥0.00')
    expect(html).toContain('class="pool-chart__line"')
    expect(html).toContain('没有等待赔付的已批准理赔。')
  })

  it('previews payouts pro rata when cash is short and pays them once', async () => {
    await fundPool(20_000_000) // ¥1,000 in cash
    const [first, second] = await approvedClaims()
    at('2026-11-25T04:00:00Z')
    const c = await coordinator()
    const html = await (await c.get('/insurance/pool')).text()
    expect(html).toContain('可用现金（¥1,000.00）不足以支付全部应付金额（¥1,500.00）')
    expect(html).toContain('66.7%')
    const row = (id: string) =>
      new RegExp(`id="payout-${id}".*?</tr>`, 's').exec(html)![0].replace(/<[^>]+>/g, ' ')
    expect(row(first!)).toMatch(/¥1,000\.00\s+¥666\.67\s+¥333\.33/)
    expect(row(second!)).toMatch(/¥500\.00\s+¥333\.33\s+¥166\.67/)

    // The confirmation step (in place with htmx), carrying a key made on the server.
    const confirm = await (await c.get('/insurance/pool/payout', htmx)).text()
    expect(confirm).toMatch(/^<section class="card" id="payout"/)
    expect(confirm).toContain('现在按上表向 2 笔理赔支付 ¥1,000.00？资金池将保留现金 ¥0.00。')
    const key = /name="idempotencyKey" value="([\w-]+)"/.exec(confirm)![1]!
    expect(confirm).toContain('name="expectedFen" value="100000"')

    const run = await c.post('/insurance/payouts', { idempotencyKey: key, expectedFen: '100000' })
    expect(run.status).toBe(303)
    expect(run.headers.get('location')).toBe(`/insurance/pool?payout=${key}#payout`)
    const done = await (await c.get(run.headers.get('location')!)).text()
    expect(done).toContain('已向 2 笔理赔支付 ¥1,000.00（2026年11月）。¥500.00 留待下一次赔付。')
    expect(await claimRow(first!)).toMatchObject({ status: 'APPROVED', paid_fen: 66_667 })
    expect(await claimRow(second!)).toMatchObject({ status: 'APPROVED', paid_fen: 33_333 })

    // Sending the same confirmation again pays nothing more.
    const again = await c.post('/insurance/payouts', { idempotencyKey: key, expectedFen: '100000' })
    expect(again.headers.get('location')).toBe(`/insurance/pool?payout=${key}&again=1#payout`)
    expect(await (await c.get(again.headers.get('location')!)).text()).toContain('没有重复支付')
    const runs = await t.db.all(sql`select id from ledger_transactions where kind = 'CLAIM_PAID'`)
    expect(runs.length).toBe(1)

    // The chart now shows November's payout; the merchant sees what is still owed.
    const after = await (await c.get('/insurance/pool')).text()
    expect(after).toContain('2026年11月：保费 ¥0.00，赔付 ¥1,000.00')
    const m2 = await merchant(2)
    expect(await (await m2.get(`/insurance/claims/${first}`)).text()).toContain(
      '已批准 ¥1,000.00；已赔付 ¥666.67，余下 ¥333.33 将在之后的赔付中支付。',
    )
  })

  it('refuses to pay figures the coordinator did not see', async () => {
    await fundPool(20_000_000)
    await approvedClaims()
    const c = await coordinator()
    const res = await c.post('/insurance/payouts', {
      idempotencyKey: 'payout-stale-0001',
      expectedFen: '99999',
    })
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('未支付：自您查看以来，资金池或已批准的理赔发生了变化。')
    expect(
      await t.db.all(sql`select id from ledger_transactions where kind = 'CLAIM_PAID'`),
    ).toEqual([])
  })

  it('shows merchants the pool totals only', async () => {
    await fundPool(100_000_000)
    const m = await merchant(1)
    const html = await (await m.get('/insurance/pool')).text()
    expect(html).toContain('¥5,000.00')
    expect(html).not.toContain('<svg')
    expect(html).not.toContain('id="payout"')
    expect(await (await m.get('/insurance')).text()).toContain('资金池现金')
  })
})

describe('evidence files', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])

  /** Posts a multipart form the way a browser does, with the session and CSRF cookies. */
  async function postMultipart(browser: Browser, path: string, form: FormData) {
    form.set('_csrf', browser.csrf!)
    const cookie = ['nw_session', 'nw_csrf']
      .map((name) => `${name}=${browser.cookie(name)}`)
      .join('; ')
    return t.app.request(`http://localhost${path}`, {
      method: 'POST',
      body: form,
      headers: { cookie, 'x-test-ip': '198.51.100.7' },
    })
  }

  const withFiles = (files: [string, Uint8Array, string][], extra = {}) => {
    const form = new FormData()
    for (const [k, v] of Object.entries(claimForm(extra))) form.set(k, v)
    for (const [name, bytes, type] of files) {
      form.append('evidence', new File([bytes as Uint8Array<ArrayBuffer>], name, { type }))
    }
    return form
  }

  it('stores photos with a claim and serves them to the merchant and coordinators only', async () => {
    const m = await merchant(1)
    await enrol(m, '2026-11')
    await m.get('/insurance')
    const res = await postMultipart(
      m,
      '/insurance/claims',
      withFiles([['破损照片.png', png, 'image/png']]),
    )
    expect(res.status).toBe(303)
    const id = /clm_\w+/.exec(res.headers.get('location')!)![0]
    const page = await (await m.get(`/insurance/claims/${id}`)).text()
    const href = new RegExp(`/insurance/claims/${id}/evidence/evi_\\w+`).exec(page)![0]
    expect(page).toContain('破损照片.png')
    expect(page).toContain(`<img src="${href}"`)

    const own = await m.get(href)
    expect(own.status).toBe(200)
    expect(own.headers.get('content-type')).toBe('image/png')
    expect(own.headers.get('cache-control')).toBe('private, no-store')
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(png)
    const c = await coordinator()
    expect((await c.get(href)).status).toBe(200)
    expect(await (await c.get('/insurance/claims')).text()).toMatch(
      new RegExp(`<td class="num" data-label="附件">1</td>`),
    )
    const other = await merchant(2)
    expect((await other.get(href)).status).toBe(404)
    const station = await signedIn('station1@nestwork.demo')
    expect((await station.get(href)).status).toBe(403)
  })

  it('refuses a file that is not a photo or PDF, whatever its name, and files nothing', async () => {
    const m = await merchant(1)
    await enrol(m, '2026-11')
    await m.get('/insurance')
    const html = new TextEncoder().encode('<script>alert(1)</script>')
    const res = await postMultipart(
      m,
      '/insurance/claims',
      withFiles([['photo.png', html, 'image/png']]),
    )
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('“photo.png”不是照片（JPEG、PNG、WebP）或 PDF。')
    expect((await t.db.all(sql`select id from claims`)).length).toBe(0)
    expect((await t.db.all(sql`select id from claim_evidence`)).length).toBe(0)
  })

  it('refuses an upload larger than the limits allow before reading it, in the page’s language', async () => {
    const m = await merchant(1)
    await enrol(m, '2026-11')
    await m.get('/insurance')
    const big = new Uint8Array(26 * 1024 * 1024)
    big.set(png)
    const res = await postMultipart(
      m,
      '/insurance/claims',
      withFiles([['big.png', big, 'image/png']]),
    )
    expect(res.status).toBe(413)
    expect(await res.text()).toContain('未保存任何内容：每笔理赔最多 5 个文件，每个不超过 5 MB。')
    expect((await t.db.all(sql`select id from claims`)).length).toBe(0)
  })

  it('adds files while the claim waits for a decision, not after', async () => {
    const m = await merchant(1)
    await enrol(m, '2026-11')
    const id = await fileClaim(m)
    await m.get(`/insurance/claims/${id}`)
    const add = new FormData()
    add.append('evidence', new File([png as Uint8Array<ArrayBuffer>], 'a.png'))
    add.append(
      'evidence',
      new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])], 'b.pdf'),
    )
    const res = await postMultipart(m, `/insurance/claims/${id}/evidence`, add)
    expect(res.status).toBe(303)
    const rows = await t.db.all<{ content_type: string }>(
      sql`select content_type from claim_evidence where claim_id = ${id} order by file_name`,
    )
    expect(rows.map((r) => r.content_type)).toEqual(['image/png', 'application/pdf'])

    const c = await coordinator()
    await c.post(`/insurance/claims/${id}/decision`, {
      decision: 'REJECTED',
      approvedAmount: '',
      reason: 'x',
    })
    const late = new FormData()
    late.append('evidence', new File([png as Uint8Array<ArrayBuffer>], 'c.png'))
    const refused = await postMultipart(m, `/insurance/claims/${id}/evidence`, late)
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('该理赔已有决定，不能再添加文件。')
  })
})

describe('who may see what', () => {
  it('sends visitors to sign in', async () => {
    const visitor = new Browser(t)
    for (const path of ['/insurance', '/insurance/claims', '/insurance/pool']) {
      const res = await visitor.get(path)
      expect(res.status).toBe(302)
      expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`)
    }
  })

  it('keeps the queue, decisions and payouts to coordinators', async () => {
    const m = await merchant(1)
    await enrol(m, '2026-11')
    const id = await fileClaim(m)
    expect((await m.get('/insurance/claims')).status).toBe(403)
    expect((await m.get('/insurance/pool/payout')).status).toBe(403)
    const decide = await m.post(`/insurance/claims/${id}/decision`, {
      decision: 'APPROVED',
      approvedAmount: '200',
      reason: 'mine',
    })
    expect(decide.status).toBe(403)
    expect((await m.post(`/insurance/claims/${id}/review`, {})).status).toBe(403)
    expect(
      (await m.post('/insurance/payouts', { idempotencyKey: 'payout-by-merchant' })).status,
    ).toBe(403)
    expect((await claimRow(id)).status).toBe('SUBMITTED')

    const c = await coordinator()
    expect((await c.get('/insurance')).status).toBe(403)
    const hub = await signedIn('hub1@nestwork.demo')
    expect((await hub.get('/insurance/pool')).status).toBe(403)
    expect((await hub.get(`/insurance/claims/${id}`)).status).toBe(403)
  })

  it('never shows a merchant another merchant’s claim', async () => {
    const m = await merchant(1)
    await enrol(m, '2026-11')
    const id = await fileClaim(m)
    const other = await merchant(2)
    const res = await other.get(`/insurance/claims/${id}`)
    expect(res.status).toBe(404)
    expect(await res.text()).not.toContain('婴儿推车运输途中损坏')
    expect(await (await other.get('/insurance')).text()).not.toContain(id)
  })
})
