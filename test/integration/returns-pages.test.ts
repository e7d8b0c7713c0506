import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { demoMerchants, demoStations } from '../../db/seed/demo-data'
import { createApp } from '../../src/app'
import { pbkdf2Hasher } from '../../src/auth/password'
import { loadConfig } from '../../src/config'
import { formatCode } from '../../src/returns/code'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser } from '../helpers/http'
import { bringToHub } from '../helpers/returns'

// The test clock stands at 2026-11-25 10:00 in Shanghai (02:00 UTC).
const htmx = { 'hx-request': 'true' }

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

async function signedIn(email: string) {
  const browser = new Browser(t)
  await browser.signIn(email)
  return browser
}

const form = (extra: Record<string, string> = {}) => ({
  orderRef: 'TB-2026-000123',
  category: 'FOOD',
  itemDescription: '飞鹤星飞帆 3段 奶粉 800g',
  orderValue: '258.00',
  reason: '包装破损',
  hubId: 'hub_1',
  customerContact: '13812345678',
  ...extra,
})

/** Registers a return through the form (after loading it, as a person would). */
async function registerViaForm(browser: Browser, extra: Record<string, string> = {}) {
  await browser.get('/returns/new')
  const res = await browser.post('/returns', form(extra))
  if (res.status !== 303) throw new Error(`registration failed with ${res.status}`)
  const location = res.headers.get('location')!
  const id = /^\/returns\/(ret_[A-Za-z0-9_-]+)/.exec(location)![1]!
  const [row] = await t.db.all<{ code: string; order_value_fen: number }>(
    sql`select code, order_value_fen from returns where id = ${id}`,
  )
  return { id, code: row!.code, fen: row!.order_value_fen, location }
}

/** A code as pages show it: grouped, in its own span. */
const shown = (code: string) => `<span class="code" translate="no">${formatCode(code)}</span>`

const commissionRows = async () =>
  (await t.db.all<{ n: number }>(sql`select count(*) as n from commissions`))[0]!.n

describe('registering a return', () => {
  it('shows the form with the merchant’s category, the hubs and the encryption note', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const res = await browser.get('/returns/new')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<h1>登记退货</h1>')
    const category = demoMerchants[0]!.category
    expect(html).toMatch(new RegExp(`<option value="${category}" selected`))
    for (const hub of ['上海售后中心', '杭州售后中心', '南京售后中心']) expect(html).toContain(hub)
    expect(html).toContain('加密存储')
    expect(html).toContain('inputmode="decimal"')
  })

  it.each([
    ['258.00', 25_800],
    ['0.1', 10],
    ['0.29', 29],
    ['¥1,234.5', 123_450],
    ['１９．９', 1_990],
  ])('reads %j yuan as exactly %i fen', async (yuan, fen) => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const created = await registerViaForm(browser, { orderValue: yuan })
    expect(created.fen).toBe(fen)
    expect(created.location).toBe(`/returns/${created.id}?registered=1`)
  })

  it('stores a ticked large item and leaves the contact out when none is given', async () => {
    const browser = await signedIn('merchant2@nestwork.demo')
    const created = await registerViaForm(browser, { largeItem: 'on', customerContact: '' })
    const [row] = await t.db.all<{ large_item: number; contact_ciphertext: string | null }>(
      sql`select large_item, contact_ciphertext from returns where id = ${created.id}`,
    )
    expect(row).toEqual({ large_item: 1, contact_ciphertext: null })
    const html = await (await browser.get(`/returns/${created.id}`)).text()
    expect(html).toContain('未填写')
  })

  it('answers 400 with an error on every wrong field, tied to it, keeping what was typed', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    await browser.get('/returns/new')
    const res = await browser.post(
      '/returns',
      form({
        orderRef: '  ',
        category: 'PETS',
        itemDescription: 'x'.repeat(201),
        orderValue: '12.345',
        reason: '',
        hubId: 'hub_9',
        customerContact: '13900001111',
      }),
    )
    expect(res.status).toBe(400)
    const html = await res.text()
    const invalid = [...html.matchAll(/id="field-(\w+)"[^>]*aria-invalid="true"/g)].map((m) => m[1])
    expect(invalid.sort()).toEqual(
      ['category', 'itemDescription', 'orderRef', 'orderValue', 'reason'].sort(),
    )
    // Each error is described by the control that is wrong.
    expect(html).toMatch(/aria-describedby="field-orderValue-hint field-orderValue-error"/)
    expect(html).toContain('id="field-orderValue-error"')
    expect(html).toContain('请填写订单号。')
    expect(html).toContain('请选择类目。')
    expect(html).toContain('最多 200 个字符。')
    expect(html).toContain('请输入以元为单位、最多两位小数的金额，例如 258.00。')
    expect(html).toContain('请填写退货原因。')
    expect(html).toContain('role="alert"')
    // What was typed comes back.
    expect(html).toContain('value="12.345"')
    expect(html).toContain('value="13900001111"')
    expect((await t.db.all(sql`select id from returns`)).length).toBe(0)
  })

  it('refuses an unknown hub on its field, and an amount over the limit in yuan', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    await browser.get('/returns/new')
    const hub = await browser.post('/returns', form({ hubId: 'hub_9' }))
    expect(hub.status).toBe(400)
    const hubHtml = await hub.text()
    expect(hubHtml).toMatch(/id="field-hubId"[^>]*aria-invalid="true"/)
    expect(hubHtml).toContain('请选择一个联盟售后中心。')

    const big = await browser.post('/returns', form({ orderValue: '1000000.01' }))
    expect(big.status).toBe(400)
    expect(await big.text()).toContain('订单金额最多为 ¥1,000,000.00。')
  })

  it('speaks English to an English-speaking merchant', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    await browser.post('/locale', { locale: 'en', next: '/returns/new' })
    const res = await browser.post('/returns', form({ orderValue: 'abc' }))
    expect(await res.text()).toContain(
      'Enter an amount in yuan with at most 2 decimals, like 258.00.',
    )
  })
})

describe('suggesting the destination hub from the customer’s region', () => {
  const htmx = { 'hx-request': 'true' }
  const selected = (html: string) => /<option value="(hub_\d)" selected/.exec(html)?.[1]

  it('pre-selects the hub serving the region’s stations, without JavaScript', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const blank = await (await browser.get('/returns/new')).text()
    expect(blank).toContain('顾客可能在哪里投递？')
    expect(blank).toContain('<option value="苏州"></option>')
    expect(blank).toContain('<option value="江苏"></option>')
    expect(selected(blank)).toBeUndefined()
    expect(blank).toContain('会由负责该驿站的售后中心收取，再经其转运通道送到此处选择的售后中心')

    const res = await browser.get(`/returns/new?region=${encodeURIComponent('苏州市')}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('value="苏州市"')
    expect(selected(html)).toBe('hub_1')
    expect(html).toContain('为苏州市建议：上海售后中心。当地全部 3 个驿站的包裹都由它收取。')

    // Jiangsu's stations are split: Nanjing's hub collects from most of them.
    const province = await (await browser.get('/returns/new?region=Jiangsu')).text()
    expect(selected(province)).toBe('hub_3')
    expect(province).toMatch(
      /为Jiangsu建议：南京售后中心。当地 14 个驿站中有 \d+ 个的包裹由它收取。/,
    )
  })

  it('answers htmx with only the hub field, the suggestion selected', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    await browser.post('/locale', { locale: 'en', next: '/returns/new' })
    const res = await browser.get('/returns/new?region=hangzhou', htmx)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/^<div id="hub-choice" class="hub-choice">/)
    expect(html).not.toContain('<form')
    expect(selected(html)).toBe('hub_2')
    expect(html).toContain(
      'Suggested for hangzhou: Hangzhou Hub. It collects from all 3 stations there.',
    )
    expect(html).toContain('goes on its transfer lane to the hub chosen here')
  })

  it('says when the region has no station, and refuses a region it cannot read with a 400', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const none = await browser.get(`/returns/new?region=${encodeURIComponent('拉萨')}`)
    expect(none.status).toBe(200)
    const noneHtml = await none.text()
    expect(noneHtml).toContain('联盟在“拉萨”还没有驿站，因此无法建议：请您自行选择售后中心。')
    expect(selected(noneHtml)).toBeUndefined()

    const long = await browser.get(`/returns/new?region=${'苏'.repeat(41)}`)
    expect(long.status).toBe(400)
    const longHtml = await long.text()
    expect(longHtml).toMatch(/id="field-region"[^>]*aria-invalid="true"/)
    expect(longHtml).toContain('请输入不超过 40 个字的城市或省份，例如“苏州”。')
    const fragment = await browser.get(`/returns/new?region=${'x'.repeat(41)}`, htmx)
    expect(fragment.status).toBe(400)
    expect(await fragment.text()).toContain('notice--error')
  })

  it('registers the return bound for the hub it suggested', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const html = await (await browser.get('/returns/new?region=南京')).text()
    const created = await registerViaForm(browser, { hubId: selected(html)! })
    const [row] = await t.db.all<{ hub_id: string }>(
      sql`select hub_id from returns where id = ${created.id}`,
    )
    expect(row!.hub_id).toBe('hub_3')
  })
})

describe('a return’s detail and label', () => {
  it('shows the grouped code, the status, the masked contact and the history', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const created = await registerViaForm(browser)
    const res = await browser.get(created.location)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(formatCode(created.code)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    expect(html).toContain(
      `<span class="code code--big" translate="no">${formatCode(created.code)}`,
    )
    expect(html).toContain('退货已登记')
    expect(html).toContain('138****5678')
    expect(html).not.toContain('13812345678')
    expect(html).toContain('¥258.00')
    expect(html).toContain('已登记，待送至驿站')
    expect(html).toContain('2026年11月25日 10:00')
    expect(html).toContain(`href="/returns/${created.id}/label"`)
    expect(html).toContain(`action="/returns/${created.id}/cancel"`)
  })

  it('prints a label with a server-rendered QR code of the tracking URL', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const created = await registerViaForm(browser)
    const res = await browser.get(`/returns/${created.id}/label`)
    expect(res.status).toBe(200)
    const html = await res.text()
    const url = `http://localhost/track?code=${created.code}`
    expect(html).toMatch(
      /<figure class="label__qr" role="img"[^>]*><svg xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    )
    expect(html).toContain(url)
    expect(html).toContain(formatCode(created.code))
    expect(html).toContain('寄往：上海售后中心')
    expect(html).toContain('src="/static/label.js"')
    expect(html).not.toContain('13812345678')
  })

  it('points the QR code at the configured public URL when there is one', async () => {
    const deployed: TestApp = {
      ...t,
      app: createApp({
        db: t.db,
        config: loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://returns.example.cn/' }),
        hasher: pbkdf2Hasher(1000),
        now: () => new Date('2026-11-25T02:00:00Z'),
        clientIp: () => '198.51.100.7',
      }),
    }
    const browser = new Browser(deployed)
    await browser.signIn('merchant1@nestwork.demo')
    const created = await registerViaForm(browser)
    const html = await (await browser.get(`/returns/${created.id}/label`)).text()
    expect(html).toContain(`https://returns.example.cn/track?code=${created.code}`)
    expect(html).not.toContain('http://localhost/track')
  })

  it('cancels a registered return once, then offers no cancel button', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const created = await registerViaForm(browser)
    const res = await browser.post(`/returns/${created.id}/cancel`, {})
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/returns/${created.id}?cancelled=1`)
    const html = await (await browser.get(res.headers.get('location')!)).text()
    expect(html).toContain('退货已取消。')
    expect(html).toContain('<span class="status status--cancelled">已取消</span>')
    expect(html).not.toContain(`action="/returns/${created.id}/cancel"`)
  })

  it('refuses to cancel a parcel already at a station with 409', async () => {
    const merchant = await signedIn('merchant1@nestwork.demo')
    const created = await registerViaForm(merchant)
    const station = await signedIn('station1@nestwork.demo')
    await station.get('/station')
    await station.post('/station/check-in', { code: created.code })
    const res = await merchant.post(`/returns/${created.id}/cancel`, {})
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('未取消：包裹送达驿站后不能再取消。')
  })
})

describe('the returns list', () => {
  it('lists newest first, filters by status and pages with a cursor link', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const codes: string[] = []
    for (let i = 0; i < 22; i++) {
      t.setNow(new Date(Date.UTC(2026, 10, 25, 2, i)))
      codes.push((await registerViaForm(browser, { orderRef: `O-${i}` })).code)
    }
    const station = await signedIn('station1@nestwork.demo')
    await station.get('/station')
    await station.post('/station/check-in', { code: codes[3]! })

    const first = await (await browser.get('/returns')).text()
    const listed = (html: string) =>
      [...html.matchAll(/<span class="code" translate="no">([0-9A-Z-]+)<\/span>/g)].map((m) =>
        m[1]!.replace(/-/g, ''),
      )
    expect(listed(first)).toEqual([...codes].reverse().slice(0, 20))
    const next = /href="(\/returns\?after=[^"]+)"[^>]*rel="next"/.exec(first)![1]!
    const second = await (await browser.get(next.replace(/&amp;/g, '&'))).text()
    expect(listed(second)).toEqual([codes[1], codes[0]])
    expect(second).not.toContain('rel="next"')
    expect(second).toContain('href="/returns"')

    const atStation = await (await browser.get('/returns?status=AT_STATION')).text()
    expect(listed(atStation)).toEqual([codes[3]])
    expect(atStation).toContain('<option value="AT_STATION" selected')
    const none = await (await browser.get('/returns?status=CLOSED')).text()
    expect(listed(none)).toEqual([])
    expect(none).toContain('没有符合条件的退货。')
  })

  it('keeps each merchant to its own returns', async () => {
    const one = await signedIn('merchant1@nestwork.demo')
    const created = await registerViaForm(one)
    const two = await signedIn('merchant2@nestwork.demo')
    expect(await (await two.get('/returns')).text()).not.toContain(formatCode(created.code))
    expect((await two.get(`/returns/${created.id}`)).status).toBe(404)
    expect((await two.get(`/returns/${created.id}/label`)).status).toBe(404)
    expect((await two.post(`/returns/${created.id}/cancel`, {})).status).toBe(404)
  })

  it('answers 400 for a cursor that is not one', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    expect((await browser.get('/returns?after=garbage')).status).toBe(400)
  })
})

describe('the station console', () => {
  it('shows a big code field, today’s parcels and this month’s commission', async () => {
    const station = await signedIn('station1@nestwork.demo')
    const res = await station.get('/station')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/<input id="check-in-code" name="code"[^>]*autofocus/)
    expect(html).toContain('autocapitalize="characters"')
    expect(html).toContain('inputmode="text"')
    expect(html).toMatch(/<input id="check-in-code"[^>]* data-scan=/)
    expect(html).toContain('hx-post="/station/check-in"')
    expect(html).toContain('src="/static/scan.js"')
    expect(html).toContain('今天还没有签收包裹。')
    expect(html).toContain('2026年11月佣金')
    expect(html).toContain('¥0.00')
  })

  it('checks a parcel in by htmx, and a repeat scan earns no second commission', async () => {
    const merchant = await signedIn('merchant1@nestwork.demo')
    const created = await registerViaForm(merchant)
    const station = await signedIn('station1@nestwork.demo')
    await station.get('/station')
    const typed = formatCode(created.code).toLowerCase()

    const first = await station.post('/station/check-in', { code: typed }, htmx)
    expect(first.status).toBe(200)
    const fragment = await first.text()
    expect(fragment).not.toContain('<html')
    expect(fragment).toContain('id="check-in"')
    expect(fragment).toContain(`已签收：${shown(created.code)}`)
    expect(fragment).toContain(`获得佣金：¥${(demoStations[0]!.commissionFen / 100).toFixed(2)}`)
    // The field comes back empty for the next parcel; the lists below update out of band.
    expect(fragment).toMatch(/<input id="check-in-code" name="code"[^>]*value=""/)
    expect(fragment).toMatch(/<section class="card" id="station-today"[^>]*hx-swap-oob="true"/)
    expect(fragment).toContain('今日签收（1）')
    expect(fragment).toMatch(/<section class="card" id="station-month"[^>]*hx-swap-oob="true"/)
    expect(fragment).toContain('本月已签收 1 件')

    const again = await station.post('/station/check-in', { code: created.code }, htmx)
    expect(again.status).toBe(200)
    const repeat = await again.text()
    expect(repeat).toContain(`本驿站已签收过：${shown(created.code)}`)
    expect(repeat).toContain('不会重复计佣')
    expect(await commissionRows()).toBe(1)

    const page = await (await station.get('/station')).text()
    expect(page).toContain('今日签收（1）')
    expect(page).toContain(shown(created.code))
    expect(page).toContain('10:00')
  })

  it('works without JavaScript: a plain POST re-renders the console with the result', async () => {
    const merchant = await signedIn('merchant1@nestwork.demo')
    const created = await registerViaForm(merchant, { largeItem: 'on' })
    const station = await signedIn('station2@nestwork.demo')
    await station.get('/station')
    const res = await station.post('/station/check-in', { code: created.code })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<html')
    expect(html).toContain(`已签收：${shown(created.code)}`)
    const large = demoStations[1]!.largeItemCommissionFen
    expect(html).toContain(`获得佣金：¥${(large / 100).toFixed(2)}`)
    expect(html).toContain('今日签收（1）')
  })

  it('explains each refusal in words, keeping the typed code to correct', async () => {
    const merchant = await signedIn('merchant1@nestwork.demo')
    const cancelled = await registerViaForm(merchant)
    await merchant.post(`/returns/${cancelled.id}/cancel`, {})
    const elsewhere = await registerViaForm(merchant)
    const other = await signedIn('station2@nestwork.demo')
    await other.get('/station')
    await other.post('/station/check-in', { code: elsewhere.code })

    const station = await signedIn('station1@nestwork.demo')
    await station.get('/station')
    const cases: [string, number, string][] = [
      ['ZZZZ-ZZZZ-ZZZZ', 404, '没有这个退货码，请核对后重试。'],
      ['not a code', 400, '退货码由 12 位字母和数字组成'],
      ['', 400, '请输入退货码。'],
      [cancelled.code, 409, '商家已取消该退货，请勿收件。'],
      [elsewhere.code, 409, '该包裹已在其他驿站签收。'],
    ]
    for (const [code, status, message] of cases) {
      const res = await station.post('/station/check-in', { code }, htmx)
      expect(res.status, code).toBe(status)
      const html = await res.text()
      expect(html).toContain(message)
      expect(html).toContain('role="alert"')
      if (code) expect(html).toContain(`value="${code}"`)
    }
    expect(await commissionRows()).toBe(1)
  })

  it('says so when the station is deactivated', async () => {
    await t.db.run(sql`update stations set active = 0 where id = 'sta_01'`)
    const merchant = await signedIn('merchant1@nestwork.demo')
    const created = await registerViaForm(merchant)
    const station = await signedIn('station1@nestwork.demo')
    const page = await (await station.get('/station')).text()
    expect(page).toContain('该驿站已停用，不接收包裹。')
    const res = await station.post('/station/check-in', { code: created.code }, htmx)
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('本驿站已停用，不能签收包裹。')
  })
})

describe('public tracking', () => {
  it('shows a plain GET form to anyone', async () => {
    const res = await t.app.request('/track')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<form class="card track-form" method="get" action="/track"')
    expect(html).toContain('name="code"')
  })

  it('shows status, category, station and history, and nothing about order or customer', async () => {
    const merchant = await signedIn('merchant1@nestwork.demo')
    const created = await registerViaForm(merchant, { orderValue: '258.00' })
    const station = await signedIn('station3@nestwork.demo')
    await station.get('/station')
    t.setNow(new Date('2026-11-25T06:30:00Z'))
    await station.post('/station/check-in', { code: created.code })

    const res = await t.app.request(`/track?code=${formatCode(created.code).toLowerCase()}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(formatCode(created.code))
    expect(html).toContain('<span class="status status--at-station">已送达驿站</span>')
    expect(html).toContain('驿站会保管您的包裹')
    expect(html).toContain('食品')
    expect(html).toContain(demoStations[2]!.name)
    expect(html).toMatch(
      /已送达驿站<\/span> <time class="timeline__at" datetime="2026-11-25T06:30:00.000Z">2026年11月25日 14:30/,
    )
    expect(html).toContain('2026年11月25日 10:00')
    for (const secret of [
      '258',
      '25800',
      '13812345678',
      '138****5678',
      'TB-2026-000123',
      '飞鹤',
      '包装破损',
      demoMerchants[0]!.name,
      demoStations[2]!.storeName,
    ]) {
      expect(html, secret).not.toContain(secret)
    }
  })

  it('answers an unknown code with a friendly 404 and a malformed one with a 400', async () => {
    const unknown = await t.app.request('/track?code=zzzz-zzzz-zzzz')
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).toContain(`没有找到退货码为 ${shown('ZZZZZZZZZZZZ')} 的退货`)
    const malformed = await t.app.request('/track?code=%3Cscript%3E')
    expect(malformed.status).toBe(400)
    const html = await malformed.text()
    expect(html).toContain('不是有效的退货码')
    expect(html).not.toContain('<script>')
  })

  it('answers 429 with the time to wait once an address looks up too much', async () => {
    let res: Response | undefined
    for (let i = 0; i < 31; i++) {
      res = await t.app.request('/track?code=ZZZZ-ZZZZ-ZZZZ', {
        headers: { 'x-test-ip': '203.0.113.9' },
      })
    }
    expect(res!.status).toBe(429)
    expect(res!.headers.get('retry-after')).toBe('60')
    expect(await res!.text()).toContain('请 60 秒后再试')
    const other = await t.app.request('/track?code=ZZZZ-ZZZZ-ZZZZ', {
      headers: { 'x-test-ip': '203.0.113.10' },
    })
    expect(other.status).toBe(404)
  })

  it('lets many customers behind one address follow their own returns, and not guess beyond 30 misses', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const codes: string[] = []
    for (let i = 0; i < 3; i++)
      codes.push((await registerViaForm(browser, { orderRef: `NAT-${i}` })).code)
    const shop = { 'x-test-ip': '203.0.113.20' }
    const statuses: number[] = []
    for (let round = 0; round < 15; round++) {
      for (const code of codes) {
        statuses.push((await t.app.request(`/track?code=${code}`, { headers: shop })).status)
      }
    }
    expect(statuses).toEqual(Array(45).fill(200))

    for (let i = 0; i < 30; i++) {
      expect((await t.app.request('/track?code=ZZZZ-ZZZZ-ZZZZ', { headers: shop })).status).toBe(
        404,
      )
    }
    // Out of guesses, a code that exists is refused like one that does not: nothing to learn.
    expect((await t.app.request(`/track?code=${codes[0]}`, { headers: shop })).status).toBe(429)
    expect((await t.app.request('/track?code=ZZZZ-ZZZZ-ZZZY', { headers: shop })).status).toBe(429)
  })
})

describe('the public station finder', () => {
  const names = (html: string) =>
    [...html.matchAll(/<li class="station" data-city="([^"]+)"/g)].map((m) => m[1])

  it('lists every active station by province without a point, and a map', async () => {
    const res = await t.app.request('/stations')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(names(html)).toHaveLength(48)
    expect(html.indexOf('<h3>上海</h3>')).toBeLessThan(html.indexOf('<h3>江苏</h3>'))
    expect(html).toContain('<h3>安徽</h3>')
    expect(html).toContain('id="map-points"')
    expect(html).toContain('src="/static/map.js"')
    expect(html).toContain('id="use-location"')
    for (const s of demoStations)
      expect(html).not.toContain(`¥${(s.commissionFen / 100).toFixed(2)}`)
  })

  it.each(['南京', 'Nanjing', '南京市'])('puts Nanjing’s stations first for %j', async (city) => {
    const res = await t.app.request(`/stations?city=${encodeURIComponent(city)}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(names(html).slice(0, 3)).toEqual(['南京', '南京', '南京'])
    expect(names(html)).toHaveLength(10)
    expect(html).toContain('离南京最近的驿站')
    expect(html).toMatch(/距离 [\d.]+(公里|米)/)
    const points = JSON.parse(
      /<script type="application\/json" id="map-points">(.*?)<\/script>/s.exec(html)![1]!,
    )
    expect(points.filter((p: { kind: string }) => p.kind === 'station')).toHaveLength(10)
    expect(points.filter((p: { kind: string }) => p.kind === 'you')).toHaveLength(1)
  })

  it('finds the nearest stations to a browser location', async () => {
    const res = await t.app.request('/stations?lat=30.274&lng=120.155')
    const html = await res.text()
    expect(names(html)[0]).toBe('杭州')
    expect(html).toContain('离您最近的驿站')
  })

  it('falls back to every station for an unknown city or a bad point', async () => {
    const unknown = await (await t.app.request('/stations?city=%E5%8C%97%E4%BA%AC')).text()
    expect(unknown).toContain('“北京”暂无驿站')
    expect(names(unknown)).toHaveLength(48)
    const bad = await (await t.app.request('/stations?lat=95&lng=abc')).text()
    expect(bad).toContain('无法识别该位置')
    expect(names(bad)).toHaveLength(48)
  })
})

describe('who may open what', () => {
  it.each(['/returns', '/returns/new', '/station'])(
    'sends a visitor from %s to sign in',
    async (path) => {
      const res = await t.app.request(path)
      expect(res.status).toBe(302)
      expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`)
    },
  )

  it('keeps station operators out of the merchant pages', async () => {
    const station = await signedIn('station1@nestwork.demo')
    for (const path of ['/returns', '/returns/new']) {
      expect((await station.get(path)).status, path).toBe(403)
    }
    expect((await station.post('/returns', form())).status).toBe(403)
  })

  it('keeps merchants and hub operators out of the station console', async () => {
    for (const email of ['merchant1@nestwork.demo', 'hub1@nestwork.demo']) {
      const browser = await signedIn(email)
      expect((await browser.get('/station')).status, email).toBe(403)
      const res = await browser.post('/station/check-in', { code: 'ZZZZZZZZZZZZ' }, htmx)
      expect(res.status, email).toBe(403)
    }
  })

  it('opens a return of the hub’s own list to its hub operator, read-only, and no other hub’s', async () => {
    const merchant = await signedIn('merchant1@nestwork.demo')
    const ours = await registerViaForm(merchant)
    const theirs = await registerViaForm(merchant, { hubId: 'hub_2' })
    const hub = await signedIn('hub1@nestwork.demo')
    const list = await (await hub.get('/returns')).text()
    expect(list).toContain(`href="/returns/${ours.id}"`)
    const page = await hub.get(`/returns/${ours.id}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain(formatCode(ours.code))
    expect(html).not.toContain(`/returns/${ours.id}/label`)
    expect(html).not.toContain(`/returns/${ours.id}/cancel`)
    expect(html).not.toContain(`/inspect/${ours.id}`)
    expect((await hub.get(`/returns/${ours.id}/label`)).status).toBe(403)
    expect((await hub.post(`/returns/${ours.id}/cancel`, {})).status).toBe(403)
    expect((await hub.get(`/returns/${theirs.id}`)).status).toBe(404)
    await bringToHub(t, ours.code)
    const atHub = await (await hub.get(`/returns/${ours.id}`)).text()
    expect(atHub).toContain(`href="/inspect/${ours.id}"`)
  })

  it('refuses a check-in without the CSRF token', async () => {
    const station = await signedIn('station1@nestwork.demo')
    const res = await station.post('/station/check-in', { code: 'ZZZZZZZZZZZZ', _csrf: 'forged' })
    expect(res.status).toBe(403)
  })

  it('links each role’s home page to its returns pages', async () => {
    const merchant = await signedIn('merchant1@nestwork.demo')
    const home = await (await merchant.get('/')).text()
    expect(home).toContain('href="/returns/new"')
    expect(home).toContain('href="/returns"')
    const station = await signedIn('station1@nestwork.demo')
    expect(await (await station.get('/')).text()).toContain('href="/station"')
  })
})
