import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { demoMerchants, demoStations } from '../../db/seed/demo-data'
import { createTestApp, testStart, type TestApp } from '../helpers/app'
import { parseCsv } from '../helpers/csv'
import { Browser, gql, tokenFor } from '../helpers/http'

// The test clock stands at 2026-11-25 10:00 in Shanghai (02:00 UTC).
let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const REGISTER = `mutation ($input: RegisterReturnInput!) { registerReturn(input: $input) { id code } }`
const RETURNS = `query ($search: String, $status: ReturnStatus, $category: Category, $hubId: ID,
  $stationId: ID, $createdFrom: Date, $createdTo: Date, $slaState: ReturnSlaState, $first: Int,
  $after: String) {
  returns(search: $search, status: $status, category: $category, hubId: $hubId,
    stationId: $stationId, createdFrom: $createdFrom, createdTo: $createdTo, slaState: $slaState,
    first: $first, after: $after) {
    nodes { id code orderRef }
    pageInfo { endCursor hasNextPage }
  }
}`

const merchant = (n: number) => tokenFor(t, `merchant${n}@nestwork.demo`)

interface Registered {
  id: string
  code: string
}

async function register(token: string, extra: Record<string, unknown> = {}): Promise<Registered> {
  const input = {
    orderRef: 'TB-1',
    category: 'FOOD',
    itemDescription: '奶粉 800g',
    orderValueFen: 25_800,
    reason: '包装破损',
    hubId: 'hub_1',
    ...extra,
  }
  const res = await gql(t, REGISTER, { input }, token)
  if (!res.data) throw new Error(JSON.stringify(res.errors))
  return res.data.registerReturn
}

async function ids(token: string, vars: Record<string, unknown>) {
  const res = await gql(t, RETURNS, vars, token)
  if (!res.data) throw new Error(JSON.stringify(res.errors))
  return (res.data.returns.nodes as { id: string }[]).map((n) => n.id).sort()
}

const at = (iso: string) => t.setNow(new Date(iso))

describe('searching returns', () => {
  it('finds a return by its code, typed loosely, by its order reference and by the full contact', async () => {
    const m1 = await merchant(1)
    const a = await register(m1, { orderRef: 'TB-AAA', customerContact: '138 1234 5678' })
    const b = await register(m1, { orderRef: 'TB-BBB', customerContact: 'Li.Na@Example.com' })
    const spaced = `${a.code.slice(0, 4).toLowerCase()}-${a.code.slice(4, 8)} ${a.code.slice(8)}`
    expect(await ids(m1, { search: spaced })).toEqual([a.id])
    expect(await ids(m1, { search: 'TB-BBB' })).toEqual([b.id])
    expect(await ids(m1, { search: '13812345678' })).toEqual([a.id])
    expect(await ids(m1, { search: 'li.na@example.com' })).toEqual([b.id])
    // Only the full contact matches, never a part of it, and nothing is stored in the clear.
    expect(await ids(m1, { search: '1381234' })).toEqual([])
    const stored = await t.db.all<{ n: number }>(
      sql`select count(*) as n from returns where contact_hash like '%1381234%' or contact_ciphertext like '%1381234%'`,
    )
    expect(stored[0]!.n).toBe(0)
  })

  it('never finds another merchant’s return by its code, order reference or contact', async () => {
    const m1 = await merchant(1)
    const m2 = await merchant(2)
    const theirs = await register(m2, { orderRef: 'TB-B-ONLY', customerContact: '13900000000' })
    for (const search of [theirs.code, 'TB-B-ONLY', '13900000000']) {
      expect(await ids(m1, { search })).toEqual([])
      expect(await ids(m2, { search })).toEqual([theirs.id])
    }
  })

  it('shows a hub operator only the returns bound for its hub, and the coordinator all', async () => {
    const m1 = await merchant(1)
    const m2 = await merchant(2)
    const toHub1 = await register(m1, { orderRef: 'TB-H1' })
    const toHub2 = await register(m2, { orderRef: 'TB-H2', hubId: 'hub_2' })
    const hub1 = await tokenFor(t, 'hub1@nestwork.demo')
    expect(await ids(hub1, {})).toEqual([toHub1.id])
    expect(await ids(hub1, { search: 'TB-H2' })).toEqual([])
    expect(await ids(hub1, { hubId: 'hub_2' })).toEqual([])
    const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
    expect(await ids(coordinator, {})).toEqual([toHub1.id, toHub2.id].sort())
    expect(await ids(coordinator, { search: 'TB-H2' })).toEqual([toHub2.id])
    expect(await ids(coordinator, { hubId: 'hub_1' })).toEqual([toHub1.id])
  })
})

describe('filtering returns', () => {
  it('filters by status, category, hub and station', async () => {
    const m1 = await merchant(1)
    const food = await register(m1)
    const toys = await register(m1, { category: 'TOYS', hubId: 'hub_2' })
    const station = await tokenFor(t, 'station1@nestwork.demo')
    const checkIn = await gql(
      t,
      'mutation ($code: String!) { checkInParcel(code: $code) { alreadyCheckedIn } }',
      { code: toys.code },
      station,
    )
    expect(checkIn.errors).toBeUndefined()
    expect(await ids(m1, { status: 'REGISTERED' })).toEqual([food.id])
    expect(await ids(m1, { status: 'AT_STATION' })).toEqual([toys.id])
    expect(await ids(m1, { category: 'TOYS' })).toEqual([toys.id])
    expect(await ids(m1, { hubId: 'hub_1' })).toEqual([food.id])
    expect(await ids(m1, { stationId: demoStations[0]!.id })).toEqual([toys.id])
    expect(await ids(m1, { category: 'TOYS', status: 'REGISTERED' })).toEqual([])
  })

  it('filters by Shanghai registration dates, both included', async () => {
    const m1 = await merchant(1)
    at('2026-11-22T15:59:00Z') // 23:59 on the 22nd in Shanghai
    const late22 = await register(m1)
    at('2026-11-22T16:00:00Z') // 00:00 on the 23rd in Shanghai
    const early23 = await register(m1)
    at('2026-11-24T10:00:00Z')
    const on24 = await register(m1)
    expect(await ids(m1, { createdFrom: '2026-11-23' })).toEqual([early23.id, on24.id].sort())
    expect(await ids(m1, { createdTo: '2026-11-22' })).toEqual([late22.id])
    expect(await ids(m1, { createdFrom: '2026-11-23', createdTo: '2026-11-23' })).toEqual([
      early23.id,
    ])
    const bad = await gql(t, RETURNS, { createdFrom: '2026-11-24', createdTo: '2026-11-23' }, m1)
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
  })

  it('filters open returns by where they stand on the 5-day cycle', async () => {
    const m1 = await merchant(1)
    at('2026-11-19T02:00:00Z') // six days ago
    const breached = await register(m1)
    const cancelled = await register(m1)
    await gql(t, 'mutation ($id: ID!) { cancelReturn(id: $id) { id } }', { id: cancelled.id }, m1)
    at('2026-11-20T12:00:00Z') // four and a half days ago
    const dueSoon = await register(m1)
    at('2026-11-24T02:00:00Z')
    const onTime = await register(m1)
    t.setNow(testStart)
    expect(await ids(m1, { slaState: 'BREACHED' })).toEqual([breached.id])
    expect(await ids(m1, { slaState: 'DUE_SOON' })).toEqual([dueSoon.id])
    expect(await ids(m1, { slaState: 'ON_TIME' })).toEqual([onTime.id])
  })
})

describe('paging through search results', () => {
  it('pages newest first across returns registered at the same instant, each once', async () => {
    const m1 = await merchant(1)
    const made: string[] = []
    for (let i = 0; i < 7; i++) {
      if (i % 3 === 0) at(new Date(testStart.getTime() - (10 - i) * 60_000).toISOString())
      made.push((await register(m1, { orderRef: 'TB-SAME' })).id)
    }
    await register(m1, { orderRef: 'TB-OTHER' })
    const seen: string[] = []
    let after: string | undefined
    for (let pages = 0; pages < 10; pages++) {
      const res = await gql(t, RETURNS, { search: 'TB-SAME', first: 3, after }, m1)
      const { nodes, pageInfo } = res.data.returns
      seen.push(...nodes.map((n: { id: string }) => n.id))
      if (!pageInfo.hasNextPage) break
      after = pageInfo.endCursor
    }
    expect(seen).toHaveLength(7)
    expect([...seen].sort()).toEqual([...made].sort())
    expect(new Set(seen).size).toBe(7)
  })

  it('reads each page in index order, without an OR cursor or a sort of all rows', async () => {
    const plan = await t.db.all<{ detail: string }>(sql`explain query plan
      select * from returns where merchant_id = ${demoMerchants[0]!.id}
        and (created_at, id) < ('2026-11-25T00:00:00.000Z', 'ret_z')
      order by created_at desc, id desc limit 21`)
    const details = plan.map((p) => p.detail).join('\n')
    expect(details).toMatch(/returns_merchant/)
    expect(details).not.toMatch(/TEMP B-TREE/)
  })

  it('finds search matches through their own indexes, not by reading all the merchant’s rows', async () => {
    const plan = await t.db.all<{ detail: string }>(sql`explain query plan
      select * from returns where +merchant_id = ${demoMerchants[0]!.id}
        and (code = 'X' or order_ref = 'X' or contact_hash = 'h')
      order by created_at desc, id desc limit 21`)
    const details = plan.map((p) => p.detail).join('\n')
    expect(details).toMatch(/MULTI-INDEX OR/)
    expect(details).toMatch(/returns_order_ref/)
    expect(details).toMatch(/returns_contact/)
  })
})

describe('the returns page', () => {
  async function signedIn(email: string) {
    const browser = new Browser(t)
    await browser.signIn(email)
    return browser
  }

  it('has a search box and filters that work without JavaScript, in Chinese', async () => {
    const m1 = await merchant(1)
    await register(m1, { orderRef: 'TB-PAGE-1' })
    await register(m1, { orderRef: 'TB-PAGE-2' })
    const browser = await signedIn('merchant1@nestwork.demo')
    const res = await browser.get('/returns?search=TB-PAGE-2')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('role="search"')
    expect(html).toContain('value="TB-PAGE-2"')
    expect(html).toContain('TB-PAGE-2')
    expect(html).not.toContain('TB-PAGE-1')
    expect(html).toContain('搜索')
    expect(html).toContain('/returns/export.csv?search=TB-PAGE-2')
    expect(html).not.toMatch(/Search|Download/)
  })

  it('answers htmx with only the results, and speaks English when asked', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    await browser.post('/locale', { locale: 'en', next: '/returns' })
    const page = await (await browser.get('/returns?category=TOYS')).text()
    expect(page).toContain('Search')
    expect(page).toContain('No returns match this search.')
    const fragment = await (
      await browser.get('/returns?category=TOYS', { 'hx-request': 'true' })
    ).text()
    expect(fragment).toMatch(/^<section id="returns-results"/)
  })

  it('shows a hub operator its hub’s returns', async () => {
    await register(await merchant(1), { orderRef: 'TB-FOR-HUB1' })
    await register(await merchant(2), { orderRef: 'TB-FOR-HUB2', hubId: 'hub_2' })
    const html = await (await (await signedIn('hub1@nestwork.demo')).get('/returns')).text()
    expect(html).toContain('TB-FOR-HUB1')
    expect(html).not.toContain('TB-FOR-HUB2')
  })

  it('refuses a date that is not a date', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    expect((await browser.get('/returns?createdFrom=2026-02-30')).status).toBe(400)
  })
})

describe('the CSV export', () => {
  async function exportCsv(email: string, query = '', english = false) {
    const browser = new Browser(t)
    await browser.signIn(email)
    if (english) await browser.post('/locale', { locale: 'en', next: '/returns' })
    const res = await browser.get(`/returns/export.csv${query}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="returns-/)
    const bytes = new Uint8Array(await res.arrayBuffer())
    return { bytes, rows: parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)) }
  }

  it('has a BOM, Chinese headers, yuan with two decimals and Shanghai time', async () => {
    const m1 = await merchant(1)
    await register(m1, { orderRef: 'TB-CSV', orderValueFen: 12_345, largeItem: true })
    const { bytes, rows } = await exportCsv('merchant1@nestwork.demo')
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(rows[0]![0]).toBe('\uFEFF退货码')
    expect(rows[0]!.slice(1)).toEqual([
      '订单号',
      '类目',
      '商品',
      '大件',
      '状态',
      '售后中心',
      '投递站点',
      '登记时间（北京时间）',
      '订单金额（元）',
    ])
    const row = rows[1]!
    expect(row[1]).toBe('TB-CSV')
    expect(row[8]).toBe('2026-11-25 10:00')
    expect(row[9]).toBe('123.45')
    expect(rows.length).toBe(2)
  })

  it('has English headers in English', async () => {
    const { rows } = await exportCsv('merchant1@nestwork.demo', '', true)
    expect(rows[0]![0]).toBe('\uFEFFReturn code')
    expect(rows[0]).toContain('Order value (yuan)')
  })

  it('makes every typed cell that starts like a formula harmless', async () => {
    const m1 = await merchant(1)
    // (Tab and CR first are trimmed away by the form schema; src/csv.test.ts covers them.)
    const evil = ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)']
    for (const orderRef of evil) await register(m1, { orderRef, itemDescription: orderRef })
    const { rows } = await exportCsv('merchant1@nestwork.demo')
    const refs = rows.slice(1).map((r) => r[1])
    const items = rows.slice(1).map((r) => r[3])
    for (const cell of [...refs, ...items]) expect(cell).toMatch(/^'/)
    expect(refs.sort()).toEqual(evil.map((e) => `'${e}`).sort())
  })

  it('exports only the filtered list within the actor’s scope', async () => {
    await register(await merchant(1), { orderRef: 'TB-M1-FOOD' })
    await register(await merchant(1), { orderRef: 'TB-M1-TOYS', category: 'TOYS' })
    await register(await merchant(2), { orderRef: 'TB-M2', hubId: 'hub_2' })
    const mine = await exportCsv('merchant1@nestwork.demo', '?category=TOYS')
    expect(mine.rows.slice(1).map((r) => r[1])).toEqual(['TB-M1-TOYS'])
    const other = await exportCsv('merchant1@nestwork.demo', '?search=TB-M2')
    expect(other.rows).toHaveLength(1)
    const hub2 = await exportCsv('hub2@nestwork.demo')
    expect(hub2.rows.slice(1).map((r) => r[1])).toEqual(['TB-M2'])
    const all = await exportCsv('coordinator@nestwork.demo')
    expect(all.rows).toHaveLength(4)
  })

  it('writes a large export a keyset page at a time, every row once', async () => {
    const [user] = await t.db.all<{ id: string }>(
      sql`select id from users where email = 'merchant1@nestwork.demo'`,
    )
    // 2,345 returns, three to each second, in one statement.
    await t.db
      .run(sql`with recursive n(i) as (select 0 union all select i + 1 from n where i < 2344)
      insert into returns (id, code, merchant_id, hub_id, order_ref, category, item_description,
        order_value_fen, large_item, reason, status, created_by, created_at, updated_by, updated_at)
      select printf('ret_bulk_%05d', i), printf('BULKCODE%05d', i), ${demoMerchants[0]!.id},
        'hub_1', 'TB-' || i, 'FOOD', 'x', 100, 0, 'r', 'REGISTERED', ${user!.id},
        strftime('%Y-%m-%dT%H:%M:%fZ', ${testStart.toISOString()}, '-' || (i / 3) || ' seconds'),
        ${user!.id}, ${testStart.toISOString()}
      from n`)
    const { rows } = await exportCsv('merchant1@nestwork.demo')
    const refs = rows.slice(1).map((r) => r[1])
    expect(refs).toHaveLength(2_345)
    expect(new Set(refs).size).toBe(2_345)
  })
})
