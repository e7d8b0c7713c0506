import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { parseCsv } from '../helpers/csv'
import { Browser, gql, tokenFor } from '../helpers/http'
import { formatFen } from '../../src/money'
import { bringToHub, registerReturnFor } from '../helpers/returns'

// The test clock stands at 2026-11-25 10:00 in Shanghai: October has ended and can be closed,
// November is the current (open) month.
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
  at('2026-11-25T02:00:00Z')
}

const fen = async (where: string) =>
  (
    await t.db.all<{ amount_fen: number }>(sql.raw(`select amount_fen from costs where ${where}`))
  ).map((r) => r.amount_fen)

/** The confirmation step's hidden fields, as the page hands them out. */
function confirmation(html: string) {
  return {
    idempotencyKey: /name="idempotencyKey" value="([^"]+)"/.exec(html)![1]!,
    expectedTotalFen: /name="expectedTotalFen" value="(-?\d+)"/.exec(html)![1]!,
  }
}

/** Closes October the way the page does: confirmation, htmx post, polling until redirected. */
async function closeOctober(coordinator: Browser) {
  const confirm = await coordinator.get('/settlement/close?month=2026-10', htmx)
  expect(confirm.status).toBe(200)
  const fields = confirmation(await confirm.text())
  const started = await coordinator.post('/settlement/close', { month: '2026-10', ...fields }, htmx)
  expect(started.status).toBe(200)
  const progress = await started.text()
  const poll = /hx-get="([^"]+)"/.exec(progress)![1]!.replace(/&amp;/g, '&')
  for (let i = 0; i < 100; i++) {
    const res = await coordinator.get(poll, htmx)
    const redirect = res.headers.get('hx-redirect')
    if (redirect) return { redirect, progress, fields, html: await res.text() }
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error('the close never finished')
}

const statementIds = (html: string) =>
  [...html.matchAll(/id="statement-(smt_[a-z0-9]+)"/g)].map((m) => m[1]!)

describe('coordinator: costs and preview', () => {
  it('records a cost typed in yuan exactly and answers with running totals', async () => {
    const coordinator = await signedIn('coordinator@nestwork.demo')
    const page = await (await coordinator.get('/settlement?month=2026-10')).text()
    expect(page).toContain('2026年10月费用')
    expect(page).toContain('每月固定') // the recurring template costs are marked
    expect(page).toContain('hx-post="/settlement/costs"')

    const res = await coordinator.post(
      '/settlement/costs',
      { month: '2026-10', kind: 'TRANSPORT', amount: '999.99', hubId: '', note: '货车, "加急"' },
      htmx,
    )
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).not.toContain('<html')
    expect(html).toMatch(/^<section class="card" id="costs"/)
    expect(await fen(`month = '2026-10' and kind = 'TRANSPORT'`)).toEqual([99_999])
    expect(html).toContain('已录入全网的运输 ¥999.99。')
    expect(html).toContain('货车, &quot;加急&quot;')
    // Totals by kind and the grand total, to the fen: the recurring templates (3 hubs × (rent
    // 38,000 + staff 96,000) + platform 12,000 yuan) and the new 999.99.
    expect(html).toMatch(/运输合计<\/th><td class="num"><span class="money">¥999\.99</)
    expect(html).toMatch(/售后中心运营合计<\/th><td class="num"><span class="money">¥402,000\.00</)
    expect(html).toMatch(/费用总计[\s\S]*?¥414,999\.99/)
    // The running total of the last row is the grand total (its corrections cell follows).
    expect(html).toMatch(
      /<td class="num muted"><span class="money">¥414,999\.99<\/span><\/td><td>(?:(?!<tr)[\s\S])*<\/td><\/tr><\/tbody>/,
    )
    // The preview below is swapped out of band with the new cost in it.
    expect(html).toContain('id="preview" aria-labelledby="preview-title" hx-swap-oob="true"')
    expect(html).toMatch(/费用 <span class="money">¥414,999\.99<\/span>/)
  })

  it('refuses amounts it cannot read exactly, saying why, and keeps what was typed', async () => {
    const coordinator = await signedIn('coordinator@nestwork.demo')
    await coordinator.get('/settlement?month=2026-10')
    const res = await coordinator.post(
      '/settlement/costs',
      { month: '2026-10', kind: 'SHARED', amount: '12.345', note: '审计' },
      htmx,
    )
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('最多两位小数')
    expect(html).toContain('value="12.345"')
    expect(html).toContain('aria-invalid="true"')
    expect(await fen(`month = '2026-10' and kind = 'SHARED' and template_id is null`)).toEqual([])
  })

  it('shows every merchant, the items with their basis in words, and a reconciliation', async () => {
    await october()
    const coordinator = await signedIn('coordinator@nestwork.demo')
    const html = await (await coordinator.get('/settlement?month=2026-10')).text()
    expect(html).toContain('预览：2026年10月按现在的数据如何分摊')
    expect(html.match(/<tbody class="merchant"/g)).toHaveLength(20)
    expect(html).toContain('禾苗奶粉专营店')
    // Costs + commissions + adjustments = total, exactly.
    expect(html).toContain('reconcile reconcile--ok')
    expect(html).toContain('核对无误')
    expect(html).toMatch(/费用 <span class="money">¥414,000\.00<\/span>/)
    expect(html).toMatch(/驿站佣金 <span class="money">¥6\.60<\/span>/)
    expect(html).toMatch(/合计 <span class="money">¥414,006\.60<\/span>/)
    // The drill-down: loaded when a merchant's row is unfolded, or its statement without htmx.
    expect(html).toContain(
      '<details hx-get="/settlement/items?month=2026-10&amp;merchant=mer_01" hx-trigger="toggle once"',
    )
    expect(html).toContain('href="/statements/2026-10?merchant=mer_01"')
    const items = await coordinator.get('/settlement/items?month=2026-10&merchant=mer_01', htmx)
    expect(items.status).toBe(200)
    const drill = await items.text()
    expect(drill).toMatch(/^<table class="items">/)
    expect(drill).toContain('上海售后中心共收货 3 件，本商户占 2 件')
    expect(drill).toContain('备用规则：')
    expect(drill).toContain('本月杭州售后中心没有收货，因此按成员平均分摊。')
    expect(drill).toContain('20 家成员平均分摊，本商户占 1 份')
    expect(drill).toContain('静安寺站收件 2 件')
    // Merchant 1's Shanghai rent, 2/3 of 80% of 38,000 yuan.
    expect(drill).toContain('¥20,266.67')
    const booked = await coordinator.get('/settlement/items?month=2026-10&merchant=mer_03', htmx)
    expect(await booked.text()).toContain('上海售后中心共预订处理能力 50 件，本商户占 50 件')
  })

  it('speaks English when asked, with money through Intl', async () => {
    await october()
    const coordinator = await signedIn('coordinator@nestwork.demo')
    await coordinator.post('/locale', { locale: 'en', next: '/settlement?month=2026-10' })
    const html = await (await coordinator.get('/settlement?month=2026-10')).text()
    expect(html).toContain('Preview: how October 2026 would be split now')
    expect(html).toContain('CN¥414,006.60')
    const items = await coordinator.get('/settlement/items?month=2026-10&merchant=mer_01', htmx)
    const drill = await items.text()
    expect(drill).toContain('2 of 3 parcels received at Shanghai Hub')
    expect(drill).toContain('no parcels were received at Hangzhou Hub this month')
  })

  it('versions the rules from a percentage and re-splits the preview', async () => {
    const coordinator = await signedIn('coordinator@nestwork.demo')
    await coordinator.get('/settlement?month=2026-10')
    const res = await coordinator.post(
      '/settlement/rules',
      { month: '2026-10', bookedSharePercent: '12.5', sharedBasis: 'UNITS' },
      htmx,
    )
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('第 2 版规则已保存')
    expect(html).toContain('87.5% 按该中心收货件数分摊，12.5% 按在该中心预订的处理能力分摊')
    expect(html).toContain('hx-swap-oob="true"')
    const [rules] = await t.db.all<{ booked_share_bp: number; shared_basis: string }>(
      sql`select booked_share_bp, shared_basis from allocation_rules order by version desc limit 1`,
    )
    expect(rules).toEqual({ booked_share_bp: 1250, shared_basis: 'UNITS' })
    const bad = await coordinator.post(
      '/settlement/rules',
      { month: '2026-10', bookedSharePercent: '120', sharedBasis: 'EQUAL' },
      htmx,
    )
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('请输入 0 到 100 之间的百分比。')
  })
})

describe('coordinator: closing a month', () => {
  it('closes through a confirmation, shows progress, then the month is closed and frozen', async () => {
    await october()
    const coordinator = await signedIn('coordinator@nestwork.demo')
    const page = await (await coordinator.get('/settlement?month=2026-10')).text()
    expect(page).toContain('hx-get="/settlement/close"')

    const confirm = await (await coordinator.get('/settlement/close?month=2026-10', htmx)).text()
    expect(confirm).toContain('确定为2026年10月结账吗？')
    expect(confirm).toContain('20 家商户的对账单合计')
    expect(confirm).toContain('¥414,006.60')
    expect(confirm).toContain('结账后2026年10月将被冻结')
    expect(confirmation(confirm).expectedTotalFen).toBe('41400660')

    const { redirect, progress, html } = await closeOctober(coordinator)
    expect(progress).toContain('hx-trigger="every 1s"')
    expect(progress).toContain('<progress')
    expect(progress).toContain('正在为2026年10月结账')
    expect(redirect).toBe('/settlement?month=2026-10&closed=1')
    expect(html).toContain('2026年10月已结账。合计：')

    const closed = await (await coordinator.get(redirect)).text()
    expect(closed).toContain('badge badge--closed')
    expect(closed).toContain('2026年10月已结账，合计 ¥414,006.60。以下对账单为最终版本。')
    expect(closed).toContain('联盟协调员 王敏于')
    expect(closed).not.toContain('hx-post="/settlement/costs"') // no cost form on a closed month
    expect(closed).not.toContain('hx-get="/settlement/close"')
    expect(statementIds(closed).length).toBe(21) // 20 merchants + station 1

    // Recording a cost is refused, in words.
    const cost = await coordinator.post(
      '/settlement/costs',
      { month: '2026-10', kind: 'SHARED', amount: '10' },
      htmx,
    )
    expect(cost.status).toBe(409)
    expect(await cost.text()).toContain('2026年10月已结账：不能再录入或修改费用')

    // Sending a close again (without JavaScript) only leads back to the closed month.
    const again = await coordinator.post('/settlement/close', {
      month: '2026-10',
      idempotencyKey: 'another-key-123',
    })
    expect(again.status).toBe(303)
    expect(again.headers.get('location')).toBe('/settlement?month=2026-10')
    const [count] = await t.db.all<{ n: number }>(sql`select count(*) as n from settlements`)
    expect(count!.n).toBe(1)

    const history = await (await coordinator.get('/settlement/history')).text()
    expect(history).toContain('href="/settlement?month=2026-10"')
    expect(history).toContain('¥414,006.60')
    expect(history).toContain('联盟协调员 王敏')
    expect(history).toContain('0 / 21')
  })

  it('works without JavaScript too: cost, close, mark paid, adjustment', async () => {
    await october()
    const coordinator = await signedIn('coordinator@nestwork.demo')
    await coordinator.get('/settlement?month=2026-10')
    const cost = await coordinator.post('/settlement/costs', {
      month: '2026-10',
      kind: 'TRANSPORT',
      amount: '0.29',
      hubId: 'hub_1',
    })
    expect(cost.status).toBe(303)
    const recorded = await (await coordinator.get(cost.headers.get('location')!)).text()
    expect(recorded).toContain('已录入上海售后中心的运输 ¥0.29。')

    const confirm = await (await coordinator.get('/settlement/close?month=2026-10')).text()
    expect(confirm).toContain('<html')
    expect(confirm).toContain('确定为2026年10月结账吗？')
    const res = await coordinator.post('/settlement/close', {
      month: '2026-10',
      ...confirmation(confirm),
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/settlement?month=2026-10&closed=1')

    const closed = await (await coordinator.get('/settlement?month=2026-10')).text()
    const id = statementIds(closed)[0]!
    const paid = await coordinator.post(`/settlement/statements/${id}/paid`, {})
    expect(paid.status).toBe(303)
    expect(await (await coordinator.get(paid.headers.get('location')!)).text()).toContain(
      '已标记为已付款。',
    )
    const adjusted = await coordinator.post('/settlement/adjustments', {
      month: '2026-10',
      merchantId: 'mer_02',
      amount: '12.5',
      reason: '漏计运费',
    })
    expect(adjusted.status).toBe(303)
    expect(await (await coordinator.get(adjusted.headers.get('location')!)).text()).toContain(
      '已为棉柔宝纸尿裤旗舰店记录 ¥12.50 的调整，将计入2026年11月。',
    )
  })

  it('refuses a close whose total changed since it was confirmed', async () => {
    await october()
    const coordinator = await signedIn('coordinator@nestwork.demo')
    const fields = confirmation(
      await (await coordinator.get('/settlement/close?month=2026-10', htmx)).text(),
    )
    await coordinator.post('/settlement/costs', { month: '2026-10', kind: 'SHARED', amount: '1' })
    const res = await coordinator.post('/settlement/close', { month: '2026-10', ...fields })
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toContain('未结账：2026年10月现在合计 ¥414,007.60，而不是您确认的 ¥414,006.60')
    expect(html).toContain('name="expectedTotalFen" value="41400760"') // confirm again
    const [count] = await t.db.all<{ n: number }>(sql`select count(*) as n from settlements`)
    expect(count!.n).toBe(0)
  })

  it('does not offer to close a month that has not ended', async () => {
    const coordinator = await signedIn('coordinator@nestwork.demo')
    const html = await (await coordinator.get('/settlement?month=2026-11')).text()
    expect(html).toContain('2026年11月尚未结束：从2026年12月起才能结账。')
    expect(html).not.toContain('hx-get="/settlement/close"')
    const res = await coordinator.post('/settlement/close', {
      month: '2026-11',
      idempotencyKey: 'close-2026-11',
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('2026年11月尚未结束：请在下个月 1 日起结账。')
  })

  it('marks a statement paid once, saying who and when, without touching the figures', async () => {
    await october()
    const coordinator = await signedIn('coordinator@nestwork.demo')
    await closeOctober(coordinator)
    const [row] = await t.db.all<{ id: string; total_fen: number }>(
      sql`select id, total_fen from statements where merchant_id = 'mer_01'`,
    )
    await coordinator.get('/settlement?month=2026-10')
    at('2026-11-25T09:30:00Z')
    const res = await coordinator.post(`/settlement/statements/${row!.id}/paid`, {}, htmx)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(new RegExp(`^<tr id="statement-${row!.id}"`))
    expect(html).toContain('badge badge--paid')
    expect(html).toContain('2026年11月25日 17:30 · 联盟协调员 王敏')
    expect(html).not.toContain('标记为已付款</button>')

    const twice = await coordinator.post(`/settlement/statements/${row!.id}/paid`, {}, htmx)
    expect(twice.status).toBe(409)
    expect(await twice.text()).toContain('这份对账单此前已标记为已付款。')
    const [after] = await t.db.all<{ total_fen: number; paid_at: string }>(
      sql`select total_fen, paid_at from statements where id = ${row!.id}`,
    )
    expect(after).toEqual({ total_fen: row!.total_fen, paid_at: '2026-11-25T09:30:00.000Z' })
  })

  it('adds an adjustment that lands in the next open month', async () => {
    await october()
    const coordinator = await signedIn('coordinator@nestwork.demo')
    await closeOctober(coordinator)
    await coordinator.get('/settlement?month=2026-10')
    const res = await coordinator.post(
      '/settlement/adjustments',
      { month: '2026-10', merchantId: 'mer_01', amount: '-50', reason: '重复收费退回' },
      htmx,
    )
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('已为禾苗奶粉专营店记录 -¥50.00 的调整，将计入2026年11月。')
    expect(html).toContain('<a href="/settlement?month=2026-11">2026年11月</a>')

    const bad = await coordinator.post(
      '/settlement/adjustments',
      { month: '2026-10', merchantId: 'mer_01', amount: '0', reason: '' },
      htmx,
    )
    expect(bad.status).toBe(400)
    const refused = await bad.text()
    expect(refused).toContain('金额不能为零。')
    expect(refused).toContain('请填写原因')

    const november = await (await coordinator.get('/settlement?month=2026-11')).text()
    const items = await coordinator.get('/settlement/items?month=2026-11&merchant=mer_01', htmx)
    expect(await items.text()).toContain('对2026年10月的更正：重复收费退回')
    expect(november).toMatch(/调整 <span class="money">-¥50\.00<\/span>/)
    expect(november).toContain('reconcile reconcile--ok')

    const merchant = await signedIn('merchant1@nestwork.demo')
    const statement = await (await merchant.get('/statements/2026-11')).text()
    expect(statement).toContain('对2026年10月的更正：重复收费退回')
    expect(statement).toContain('-¥50.00')
  })
})

describe('merchant statements', () => {
  it('lists closed months with payment and the open month as a live preview', async () => {
    await october()
    await closeOctober(await signedIn('coordinator@nestwork.demo'))
    const merchant = await signedIn('merchant1@nestwork.demo')
    const html = await (await merchant.get('/statements')).text()
    expect(html).toContain('href="/statements/2026-11"')
    expect(html).toContain('未结账 · 实时预览')
    expect(html).toContain('href="/statements/2026-10"')
    expect(html).toContain('href="/statements/2026-10.csv"')
    expect(html).toContain('badge badge--unpaid')
    const home = await (await merchant.get('/')).text()
    expect(home).toContain('href="/statements"')
  })

  it('shows a statement with a bar chart, print and CSV, grouped by kind', async () => {
    await october()
    await closeOctober(await signedIn('coordinator@nestwork.demo'))
    const merchant = await signedIn('merchant1@nestwork.demo')
    const res = await merchant.get('/statements/2026-10')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('2026年10月对账单')
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="where-title where-desc"/)
    expect(html).toContain('<title id="where-title">费用去向</title>')
    expect(html.match(/<rect /g)!.length).toBeGreaterThanOrEqual(4)
    expect(html).toContain('class="chart__label">中心·收货</text>')
    expect(html).toContain('data-print="true" hidden')
    expect(html).toContain('<script src="/static/settlement.js" defer=""></script>')
    expect(html).toContain('售后中心运营（按收货件数） · <span class="money">')
    expect(html).toContain('上海售后中心共收货 3 件，本商户占 2 件')
  })

  it('exports a CSV that parses back to the same items and total', async () => {
    await october()
    await closeOctober(await signedIn('coordinator@nestwork.demo'))
    const merchant = await signedIn('merchant1@nestwork.demo')
    const res = await merchant.get('/statements/2026-10.csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toContain('statement-mer_01-2026-10.csv')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parseCsv(new TextDecoder().decode(bytes))
    // The header in the merchant's language (Chinese until they choose English).
    expect(rows[0]).toEqual([
      '类别',
      '成本',
      '备注',
      '分摊依据',
      '本商户用量',
      '总用量',
      '售后中心',
      '分摊金额（分）',
      '分摊金额（元）',
    ])
    await merchant.post('/locale', { locale: 'en', next: '/' })
    const english = parseCsv(await (await merchant.get('/statements/2026-10.csv')).text())
    expect(english[0]).toEqual([
      'Kind',
      'Cost',
      'Note',
      'Split by',
      'Your usage',
      'Total usage',
      'Hub',
      'Share (fen)',
      'Share (yuan)',
    ])
    const figures = (table: string[][]) => table.slice(1).map((r) => [r[0], r[1], r[7]])
    expect(figures(english)).toEqual(figures(rows))
    const body = rows.slice(1, -1)
    const total = rows.at(-1)!

    const api = await gql(
      t,
      '{ myStatement(month: "2026-10") { totalFen items { kind amountFen cost { id } } } }',
      {},
      await tokenFor(t, 'merchant1@nestwork.demo'),
    )
    const statement = api.data!.myStatement
    expect(body.map((r) => ({ kind: r[0], cost: r[1] || null, fen: Number(r[7]) }))).toEqual(
      statement.items.map(
        (i: { kind: string; amountFen: number; cost: { id: string } | null }) => ({
          kind: i.kind,
          cost: i.cost?.id ?? null,
          fen: i.amountFen,
        }),
      ),
    )
    expect(total[0]).toBe('TOTAL')
    expect(Number(total[7])).toBe(statement.totalFen)
    expect(body.reduce((sum, r) => sum + Number(r[7]), 0)).toBe(statement.totalFen)
    for (const r of [...body, total]) expect(Math.round(Number(r[8]) * 100)).toBe(Number(r[7]))
    expect(body.some((r) => r[2] === '上海售后中心 场地租金' && r[6] === '上海售后中心')).toBe(true)
  })

  it('lets coordinators open any merchant’s statement', async () => {
    await october()
    const coordinator = await signedIn('coordinator@nestwork.demo')
    const res = await coordinator.get('/statements/2026-10?merchant=mer_02')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('棉柔宝纸尿裤旗舰店')
    expect(html).toContain('2026年10月尚未结账')
    expect(html).toContain('href="/statements/2026-10.csv?merchant=mer_02"')
    expect((await coordinator.get('/statements')).status).toBe(200)
  })
})

describe('an open month’s figures', () => {
  const FIGURES =
    'query ($m: String!) { myStatement(month: $m) { totalFen costPerParcelFen projection { parcels costFen costPerParcelFen } } }'

  it('says the month is still open, as of today, with the cost per parcel and a projection', async () => {
    at('2026-11-03T02:00:00Z')
    for (const n of [1, 1, 2]) await bringToHub(t, (await registerReturnFor(t, n)).code)
    const api = await gql(
      t,
      FIGURES,
      { m: '2026-11' },
      await tokenFor(t, 'merchant1@nestwork.demo'),
    )
    const s = api.data!.myStatement
    const merchant = await signedIn('merchant1@nestwork.demo')
    const html = await (await merchant.get('/statements/2026-11')).text()
    expect(html).toContain('2026年11月尚未结账——数据截至 2026年11月3日，结账前仍会变化。')
    expect(html).toMatch(/<dt>目前收货件数<\/dt><dd>2<\/dd>/)
    expect(html).toContain(
      `<dt>目前每件成本</dt><dd><span class="money">${formatFen(s.costPerParcelFen, 'zh-CN')}</span>`,
    )
    expect(html).toContain('按目前进度预计至月末')
    expect(html).toMatch(/<dt>件数<\/dt><dd>20<\/dd>/)
    expect(html).toContain(formatFen(s.projection.costFen, 'zh-CN'))
    expect(html).toContain(formatFen(s.projection.costPerParcelFen, 'zh-CN'))
    expect(html).toContain('截至 2026年11月3日，含当天')

    await merchant.post('/locale', { locale: 'en', next: '/statements/2026-11' })
    const en = await (await merchant.get('/statements/2026-11')).text()
    expect(en).toContain('November 2026 is still open — figures as of Nov 3, 2026.')
    expect(en).toContain('<dt>Cost per parcel so far</dt>')
    expect(en).toContain('Projected to the end of the month')
    expect(en).toContain(formatFen(s.projection.costFen, 'en'))

    const coordinator = await signedIn('coordinator@nestwork.demo')
    const preview = await (await coordinator.get('/settlement?month=2026-11')).text()
    expect(preview).toContain('2026年11月尚未结账——数据截至 2026年11月3日')
    expect(preview).toMatch(/<dt>目前收货件数<\/dt><dd>3<\/dd>/)
    expect(preview).toMatch(/<dt>件数<\/dt><dd>30<\/dd>/)
  })

  it('shows a closed month’s parcels and cost per parcel, with nothing projected', async () => {
    await october()
    await closeOctober(await signedIn('coordinator@nestwork.demo'))
    const api = await gql(
      t,
      FIGURES,
      { m: '2026-10' },
      await tokenFor(t, 'merchant1@nestwork.demo'),
    )
    const merchant = await signedIn('merchant1@nestwork.demo')
    const html = await (await merchant.get('/statements/2026-10')).text()
    expect(html).toMatch(/<dt>收货件数<\/dt><dd>2<\/dd>/)
    expect(html).toContain(formatFen(api.data!.myStatement.costPerParcelFen, 'zh-CN'))
    expect(html).not.toContain('尚未结账')
    expect(html).not.toContain('按目前进度预计至月末')
  })
})

describe('station commissions', () => {
  it('shows commissions by month with parcels, closed and so far', async () => {
    await october()
    await closeOctober(await signedIn('coordinator@nestwork.demo'))
    at('2026-11-20T02:00:00Z')
    await bringToHub(t, (await registerReturnFor(t, 3)).code)
    at('2026-11-25T02:00:00Z')
    const station = await signedIn('station1@nestwork.demo')
    const html = await (await station.get('/commissions')).text()
    const month = (m: string) =>
      html.slice(html.indexOf(`id="commissions-${m}"`)).split('</tbody>')[0]!
    expect(month('2026-10')).toContain('已结账')
    expect(month('2026-10')).toContain('<td class="num">3</td>')
    expect(month('2026-10')).toContain('¥6.60')
    expect(month('2026-10')).toContain('badge badge--unpaid')
    expect(month('2026-11')).toContain('截至目前')
    expect(month('2026-11')).toContain('<td class="num">1</td>')
    expect(month('2026-11')).toContain('¥2.20')
    expect(html).toContain('禾苗奶粉专营店')
  })
})

describe('authorisation', () => {
  it('keeps each role to its own pages and rows', async () => {
    await october()
    const anonymous = new Browser(t)
    const signIn = await anonymous.get('/settlement')
    expect(signIn.status).toBe(302)
    expect(signIn.headers.get('location')).toBe('/login?next=%2Fsettlement')

    const merchant = await signedIn('merchant1@nestwork.demo')
    expect((await merchant.get('/settlement?month=2026-10')).status).toBe(403)
    expect((await merchant.get('/settlement/history')).status).toBe(403)
    expect((await merchant.get('/commissions')).status).toBe(403)
    expect(
      (await merchant.post('/settlement/costs', { month: '2026-10', kind: 'SHARED', amount: '1' }))
        .status,
    ).toBe(403)
    expect((await merchant.get('/statements/2026-10?merchant=mer_02')).status).toBe(404)
    expect((await merchant.get('/statements/2026-10.csv?merchant=mer_02')).status).toBe(404)
    expect((await merchant.get('/statements?merchant=mer_02')).status).toBe(404)
    expect((await merchant.get('/statements/2026-10?merchant=mer_01')).status).toBe(200)

    const station = await signedIn('station1@nestwork.demo')
    expect((await station.get('/settlement?month=2026-10')).status).toBe(403)
    expect((await station.get('/statements')).status).toBe(403)
    expect((await station.get('/statements/2026-10')).status).toBe(403)
    expect((await station.get('/commissions?station=sta_02')).status).toBe(403)
    expect((await station.get('/commissions')).status).toBe(200)

    const hub = await signedIn('hub1@nestwork.demo')
    expect((await hub.get('/settlement')).status).toBe(403)
    expect((await hub.get('/statements')).status).toBe(403)
  })
})

describe('coordinator: correcting costs and payments', () => {
  /** The id of the cost whose note is given, in October. */
  const costId = async (note: string) =>
    (
      await t.db.all<{ id: string }>(
        sql`select id from costs where month = '2026-10' and note = ${note} and reverses_cost_id is null`,
      )
    )[0]!.id
  const platform = () => costId('平台与系统维护')

  it('voids a cost in place, struck through with its reason, and re-splits the preview', async () => {
    const coordinator = await signedIn('coordinator@nestwork.demo')
    const page = await (await coordinator.get('/settlement?month=2026-10')).text()
    const id = await platform()
    // Each live cost offers a void and a reverse, with a reason, that work without JavaScript.
    expect(page).toContain(`action="/settlement/costs/${id}/void"`)
    expect(page).toContain(`formaction="/settlement/costs/${id}/reverse"`)
    expect(page).toContain(`hx-post="/settlement/costs/${id}/reverse"`)

    const res = await coordinator.post(
      `/settlement/costs/${id}/void`,
      { month: '2026-10', reason: '本月平台费已免' },
      htmx,
    )
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/^<section class="card" id="costs"/)
    expect(html).toContain('已作废共担费用 ¥12,000.00：该笔费用仍会列出，但不再计入分摊。')
    expect(html).toMatch(new RegExp(`<tr id="cost-${id}" class="cost cost--void">`))
    expect(html).toContain('<del>平台与系统维护</del>')
    expect(html).toMatch(/作废：本月平台费已免/)
    // Out of every total: 414,000 − 12,000 yuan of recurring costs remain.
    expect(html).toMatch(/费用总计[\s\S]*?¥402,000\.00/)
    expect(html).toContain('id="preview" aria-labelledby="preview-title" hx-swap-oob="true"')
    expect(html).toMatch(/费用 <span class="money">¥402,000\.00<\/span>/)
    expect(html).not.toContain(`action="/settlement/costs/${id}/void"`)

    const [row] = await t.db.all<{ voided_at: string; void_reason: string }>(
      sql`select voided_at, void_reason from costs where id = ${id}`,
    )
    expect(row).toEqual({ voided_at: '2026-11-25T02:00:00.000Z', void_reason: '本月平台费已免' })
    const [audit] = await t.db.all<{ n: number }>(
      sql`select count(*) as n from audit_log where action = 'cost.void' and entity_id = ${id}`,
    )
    expect(audit!.n).toBe(1)

    // Voiding it again says why not, beside the cost.
    const again = await coordinator.post(
      `/settlement/costs/${id}/void`,
      { month: '2026-10', reason: '再次' },
      htmx,
    )
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('该笔费用已作废。')
  })

  it('reverses a cost without JavaScript: a redirect, then the negative entry on the page', async () => {
    const coordinator = await signedIn('coordinator@nestwork.demo')
    await coordinator.post('/locale', { locale: 'en', next: '/settlement?month=2026-10' })
    await coordinator.get('/settlement?month=2026-10')
    const id = await platform()
    const res = await coordinator.post(`/settlement/costs/${id}/reverse`, {
      month: '2026-10',
      reason: 'billed twice',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/settlement?month=2026-10&reversed=${id}#costs`)
    const html = await (await coordinator.get(res.headers.get('location')!)).text()
    expect(html).toContain(
      'Reversed CN¥12,000.00 of Shared costs by an entry of -CN¥12,000.00: the two cancel out in the split.',
    )
    expect(html).toContain('class="cost cost--reversal"')
    expect(html).toContain('cancels “平台与系统维护”: billed twice')
    expect(html).toContain('class="badge badge--reversed">Reversed</span>')
    expect(html).toMatch(/All costs[\s\S]*?CN¥402,000\.00/)
    const [reversal] = await t.db.all<{ amount_fen: number; note: string }>(
      sql`select amount_fen, note from costs where reverses_cost_id = ${id}`,
    )
    expect(reversal).toEqual({ amount_fen: -1_200_000, note: 'billed twice' })
  })

  it('asks for a reason, keeping the form open with what was typed', async () => {
    const coordinator = await signedIn('coordinator@nestwork.demo')
    await coordinator.get('/settlement?month=2026-10')
    const id = await platform()
    for (const reason of ['', 'x'.repeat(201)]) {
      const res = await coordinator.post(
        `/settlement/costs/${id}/void`,
        { month: '2026-10', reason },
        htmx,
      )
      expect(res.status).toBe(400)
      const html = await res.text()
      expect(html).toContain('请填写原因，最多 200 个字符。')
      expect(html).toContain('<details class="cost-correct" open="">')
    }
    const [row] = await t.db.all<{ voided_at: string | null }>(
      sql`select voided_at from costs where id = ${id}`,
    )
    expect(row!.voided_at).toBeNull()
  })

  it('refuses to correct a closed month’s costs', async () => {
    await october()
    const coordinator = await signedIn('coordinator@nestwork.demo')
    await closeOctober(coordinator)
    const page = await (await coordinator.get('/settlement?month=2026-10')).text()
    expect(page).not.toContain('/void"')
    const id = await platform()
    for (const action of ['void', 'reverse']) {
      const res = await coordinator.post(
        `/settlement/costs/${id}/${action}`,
        { month: '2026-10', reason: '太晚' },
        htmx,
      )
      expect(res.status).toBe(409)
      expect(await res.text()).toContain('2026年10月已结账：不能再录入或修改费用。')
    }
  })

  it('undoes paid with a reason until a later month is closed', async () => {
    await october()
    const coordinator = await signedIn('coordinator@nestwork.demo')
    await closeOctober(coordinator)
    const [row] = await t.db.all<{ id: string }>(
      sql`select id from statements where merchant_id = 'mer_02'`,
    )
    const id = row!.id
    await coordinator.get('/settlement?month=2026-10')
    const paid = await (
      await coordinator.post(`/settlement/statements/${id}/paid`, {}, htmx)
    ).text()
    expect(paid).toContain(`action="/settlement/statements/${id}/unpaid"`)
    expect(paid).toContain('撤销已付款…')

    const missing = await coordinator.post(`/settlement/statements/${id}/unpaid`, {}, htmx)
    expect(missing.status).toBe(400)
    const res = await coordinator.post(
      `/settlement/statements/${id}/unpaid`,
      { reason: '付款被银行退回' },
      htmx,
    )
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(new RegExp(`^<tr id="statement-${id}"`))
    expect(html).toContain('已撤销付款：这份对账单恢复为未付款。')
    expect(html).toContain('badge badge--unpaid')
    expect(html).toContain('标记为已付款')
    const [entry] = await t.db.all<{ after_json: string }>(
      sql`select after_json from audit_log where action = 'statement.unpaid' and entity_id = ${id}`,
    )
    expect(JSON.parse(entry!.after_json)).toMatchObject({ paidAt: null, reason: '付款被银行退回' })

    // Without JavaScript too: a redirect back to the statement.
    await coordinator.post(`/settlement/statements/${id}/paid`, {})
    const plain = await coordinator.post(`/settlement/statements/${id}/unpaid`, { reason: '误点' })
    expect(plain.status).toBe(303)
    expect(plain.headers.get('location')).toBe(
      `/settlement?month=2026-10&unpaid=${id}#statement-${id}`,
    )
    expect(await (await coordinator.get(plain.headers.get('location')!)).text()).toContain(
      '已撤销付款',
    )

    // Paid again; once November is closed the payment stands, and the page no longer offers it.
    await coordinator.post(`/settlement/statements/${id}/paid`, {})
    at('2026-12-02T02:00:00Z')
    const closed = await gql(
      t,
      'mutation { closeSettlement(month: "2026-11", idempotencyKey: "close-2026-11") { id } }',
      {},
      await tokenFor(t, 'coordinator@nestwork.demo'),
    )
    expect(closed.data!.closeSettlement.id).toBeTruthy()
    const later = await signedIn('coordinator@nestwork.demo')
    const page = await (await later.get('/settlement?month=2026-10')).text()
    expect(page).not.toContain(`/settlement/statements/${id}/unpaid`)
    const late = await later.post(`/settlement/statements/${id}/unpaid`, { reason: '太晚' }, htmx)
    expect(late.status).toBe(409)
    expect(await late.text()).toContain('之后的月份已结账：此付款不能再撤销。')
  })
})
