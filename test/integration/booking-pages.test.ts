import { beforeEach, describe, expect, it } from 'vitest'
import { demoMerchants } from '../../db/seed/demo-data'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser } from '../helpers/http'

// The test clock stands at 2026-11-25 10:00 in Shanghai: 2026-11-26 and later are open (until
// their cutoff at 18:00 the day before), 2026-11-25 and earlier are closed.
const DAY = '2026-11-27'
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

/** The day cell of the calendar (cells hold no nested `div`). */
function cell(html: string, date: string, hub = 'hub_1'): string {
  const match = new RegExp(`<div class="day[^"]*" id="day-${hub}-${date}"[\\s\\S]*?</div>`).exec(
    html,
  )
  if (!match) throw new Error(`no cell for ${date}`)
  return match[0]
}

const formKey = (cellHtml: string) => /name="idempotencyKey" value="([^"]+)"/.exec(cellHtml)![1]!

/** Books from the calendar cell's own form, the way the page does. */
async function bookFromCell(
  browser: Browser,
  units: number,
  options: {
    date?: string
    hub?: string
    waitlist?: boolean
    headers?: Record<string, string>
  } = {},
) {
  const { date = DAY, hub = 'hub_1' } = options
  const page = await (await browser.get(`/bookings?hub=${hub}&month=${date.slice(0, 7)}`)).text()
  const fields: Record<string, string> = {
    hubId: hub,
    date,
    units: String(units),
    idempotencyKey: formKey(cell(page, date, hub)),
  }
  if (options.waitlist) fields.waitlist = 'on'
  return browser.post('/bookings', fields, options.headers ?? htmx)
}

async function setCapacity(browser: Browser, units: number, date = DAY, hub = 'hub_1') {
  await browser.get(`/hub?hub=${hub}`)
  return browser.post('/hub/capacity', { hubId: hub, date, capacityUnits: String(units) })
}

const bookingIds = (html: string) =>
  [...html.matchAll(/id="booking-(bkg_[a-z0-9]+)"/g)].map((m) => m[1]!)

describe('merchant booking calendar', () => {
  it('shows the month Monday to Sunday with what is left on each day', async () => {
    const other = await signedIn('merchant2@nestwork.demo')
    expect((await bookFromCell(other, 120)).status).toBe(200)

    const browser = await signedIn('merchant1@nestwork.demo')
    const res = await browser.get('/bookings?hub=hub_1&month=2026-11')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('2026年11月')
    expect(html.match(/<th scope="col"><abbr/g)).toHaveLength(7)
    expect(html).toMatch(
      /<abbr title="星期一">周一<\/abbr>[\s\S]*<abbr title="星期日">周日<\/abbr>/,
    )
    // 30 days; 1 November 2026 is a Sunday, so six blank cells lead the first week and six
    // more end the last one.
    expect(html.match(/<div class="day[ "]/g)).toHaveLength(30)
    expect(html.match(/class="calendar__pad"/g)).toHaveLength(12)
    expect(html).toMatch(
      /(<td class="calendar__pad" aria-hidden="true"><\/td>){6}<td><div class="day[^"]*" id="day-hub_1-2026-11-01"/,
    )

    const booked = cell(html, DAY)
    expect(booked).toContain('剩余 1,380 / 1,500')
    expect(booked).not.toContain('我的') // merchant2's units are not merchant1's
    expect(booked).toContain('<form')
    expect(cell(html, '2026-11-28')).toContain('剩余 1,500 / 1,500')
    expect(cell(html, '2026-11-28')).toContain('day--plenty')

    // Today is past its cutoff and earlier days are past: shown, but without a form.
    expect(cell(html, '2026-11-25')).toContain('已截止')
    expect(cell(html, '2026-11-25')).not.toContain('<form')
    expect(cell(html, '2026-11-24')).toContain('已过去')
    expect(cell(html, '2026-11-24')).toContain('day--closed')
    expect(cell(html, '2026-11-25')).toContain('aria-current="date"')
    expect(html).toContain('最多占 40%')
  })

  it('marks days beyond 60 days as not open yet and navigates between months', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const html = await (await browser.get('/bookings?hub=hub_2&month=2027-01')).text()
    expect(cell(html, '2027-01-24', 'hub_2')).toContain('<form')
    expect(cell(html, '2027-01-25', 'hub_2')).toContain('尚未开放')
    expect(cell(html, '2027-01-25', 'hub_2')).not.toContain('<form')
    expect(html).toContain('href="/bookings?hub=hub_2&amp;month=2026-12"')
    expect(html).toContain('href="/bookings?hub=hub_2&amp;month=2027-02"')
    expect(html).toContain('href="/bookings?hub=hub_3&amp;month=2027-01"')
    expect(html).toMatch(/<a href="\/bookings\?hub=hub_2[^"]*" aria-current="page">/)
  })

  it('opens on this month and the first hub, and refuses a malformed month', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const html = await (await browser.get('/bookings')).text()
    expect(html).toContain('id="day-hub_1-2026-11-30"')
    expect((await browser.get('/bookings?month=2026-13')).status).toBe(400)
  })

  it('books from a cell with htmx and answers with the updated cell and bookings list', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const res = await bookFromCell(browser, 100)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).not.toContain('<html')
    expect(html).toMatch(/^<div class="day day--plenty" id="day-hub_1-2026-11-27"/)
    expect(html).toContain('剩余 1,400 / 1,500')
    expect(html).toContain('我的：100')
    expect(html).toContain('role="status"')
    expect(html).toContain('已确认：11月27日周五在上海售后中心预订 100 件。')
    // The bookings list below the calendar is swapped out of band.
    expect(html).toContain('id="my-bookings" hx-swap-oob="true"')
    expect(bookingIds(html)).toHaveLength(1)
    // The answered cell carries a fresh key for the next booking.
    expect(formKey(html)).toMatch(/^form_/)
  })

  it('books once when the same form is sent twice', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const page = await (await browser.get('/bookings?hub=hub_1&month=2026-11')).text()
    const fields = {
      hubId: 'hub_1',
      date: DAY,
      units: '50',
      idempotencyKey: formKey(cell(page, DAY)),
    }
    const [a, b] = [
      await browser.post('/bookings', fields, htmx),
      await browser.post('/bookings', fields, htmx),
    ]
    expect([a.status, b.status]).toEqual([200, 200])
    const html = await (await browser.get('/bookings?hub=hub_1&month=2026-11')).text()
    expect(cell(html, DAY)).toContain('剩余 1,450 / 1,500')
    expect(bookingIds(html)).toHaveLength(1)
  })

  it('refuses more than the fair share with a 409 fragment saying what is still allowed', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    await bookFromCell(browser, 100)
    const res = await bookFromCell(browser, 501)
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toMatch(/^<div class="day/)
    expect(html).toContain('role="alert"')
    expect(html).toContain(
      '未能预订。每个商家在同一中心同一天最多占 40%；您在11月27日周五最多还能预订 500 件。',
    )
    expect(html).not.toContain('A merchant may hold')
    // What was sent stays in the form, unfolded, to be corrected.
    expect(html).toContain('value="501"')
    expect(html).toContain('<details class="day__book" open')
    expect(html).toContain('剩余 1,400 / 1,500')
  })

  it('refuses a booking that does not fit, and waitlists it when asked', async () => {
    const hub = await signedIn('hub1@nestwork.demo')
    expect((await setCapacity(hub, 50)).status).toBe(303)
    await bookFromCell(await signedIn('merchant1@nestwork.demo'), 20)
    await bookFromCell(await signedIn('merchant2@nestwork.demo'), 20)
    const third = await signedIn('merchant3@nestwork.demo')

    const refused = await bookFromCell(third, 20)
    expect(refused.status).toBe(409)
    const text = await refused.text()
    expect(text).toContain('11月27日周五只剩 10 件：请减少件数，或勾选“满额时候补”。')
    expect(text).not.toContain('Only 10 units')

    const waitlisted = await bookFromCell(third, 20, { waitlist: true })
    expect(waitlisted.status).toBe(200)
    const html = await waitlisted.text()
    expect(html).toContain('notice--warn')
    expect(html).toContain('已进入候补：11月27日周五在上海售后中心候补 20 件。')
    expect(html).toContain('候补：20')
    expect(html).toContain('badge--waitlisted')
    expect(html).toContain('day--limited') // 10 of 50 left
  })

  it('shows the merchant its own waitlisted units and place in line beside the day’s total', async () => {
    const hub = await signedIn('hub1@nestwork.demo')
    expect((await setCapacity(hub, 50)).status).toBe(303)
    await bookFromCell(await signedIn('merchant1@nestwork.demo'), 20)
    await bookFromCell(await signedIn('merchant2@nestwork.demo'), 20)
    await bookFromCell(await signedIn('merchant5@nestwork.demo'), 8) // 48 of 50 confirmed
    const third = await signedIn('merchant3@nestwork.demo')
    const fourth = await signedIn('merchant4@nestwork.demo')
    await bookFromCell(third, 15, { waitlist: true })
    await bookFromCell(fourth, 12, { waitlist: true })
    await bookFromCell(third, 5, { waitlist: true })

    const mine = cell(await (await fourth.get('/bookings?hub=hub_1&month=2026-11')).text(), DAY)
    expect(mine).toContain('您的候补：12，排第 2 位')
    expect(mine).toContain('当日候补：32')
    const theirs = cell(await (await third.get('/bookings?hub=hub_1&month=2026-11')).text(), DAY)
    expect(theirs).toContain('您的候补：20，排第 1 位')
    const other = await (await signedIn('merchant1@nestwork.demo')).get('/bookings?month=2026-11')
    const none = cell(await other.text(), DAY)
    expect(none).not.toContain('您的候补')
    expect(none).toContain('当日候补：32')

    await fourth.post('/locale', { locale: 'en', next: '/bookings' })
    const en = cell(await (await fourth.get('/bookings?hub=hub_1&month=2026-11')).text(), DAY)
    expect(en).toContain('Your waitlist: 12, place 2')
    expect(en).toContain('Day’s waitlist: 32')
  })

  it.each([
    ['a closed day', { date: '2026-11-25' }, 400, '的预订和取消已于前一天 18:00 截止'],
    ['a past day', { date: '2026-11-20' }, 400, '11月20日周五已经过去'],
    ['zero units', { units: '0' }, 400, '请输入整数件数，至少 1 件。'],
    ['no units', { units: '' }, 400, '请输入整数件数，至少 1 件。'],
  ])('refuses %s with a localised fragment', async (_, override, status, message) => {
    const browser = await signedIn('merchant1@nestwork.demo')
    await browser.get('/bookings')
    const fields = {
      hubId: 'hub_1',
      date: DAY,
      units: '5',
      idempotencyKey: 'form_test_0001',
      ...override,
    }
    const res = await browser.post('/bookings', fields, htmx)
    expect(res.status).toBe(status)
    const html = await res.text()
    expect(html).toMatch(/^<div class="day/)
    expect(html).toContain(message)
  })

  it('refuses a form key reused for a different booking with a 409', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    await browser.get('/bookings')
    const fields = { hubId: 'hub_1', date: DAY, units: '5', idempotencyKey: 'form_test_0002' }
    expect((await browser.post('/bookings', fields, htmx)).status).toBe(200)
    const res = await browser.post('/bookings', { ...fields, units: '6' }, htmx)
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('此表单已用于另一笔预订，请刷新页面后重试。')
  })

  it('answers in English for an English-speaking merchant', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    await browser.post('/locale', { locale: 'en', next: '/bookings' })
    await bookFromCell(browser, 600)
    const res = await bookFromCell(browser, 1)
    expect(res.status).toBe(409)
    expect(await res.text()).toContain(
      'Not booked. One merchant may hold at most 40% of a hub-day; you can book at most 0 more units on Fri, Nov 27.',
    )
  })

  describe('without JavaScript', () => {
    it('redirects after booking and shows what happened', async () => {
      const browser = await signedIn('merchant1@nestwork.demo')
      const res = await bookFromCell(browser, 70, { headers: {} })
      expect(res.status).toBe(303)
      const location = res.headers.get('location')!
      expect(location).toMatch(/^\/bookings\?hub=hub_1&month=2026-11&booked=bkg_/)
      const html = await (await browser.get(location)).text()
      expect(html).toContain('已确认：11月27日周五在上海售后中心预订 70 件。')
      expect(cell(html, DAY)).toContain('剩余 1,430 / 1,500')
    })

    it('renders the calendar page with a 409 and the reason when refused', async () => {
      const browser = await signedIn('merchant1@nestwork.demo')
      const res = await bookFromCell(browser, 700, { headers: {} })
      expect(res.status).toBe(409)
      const html = await res.text()
      expect(html).toContain('class="topbar"')
      expect(html).toContain('您在11月27日周五最多还能预订 600 件')
      expect(cell(html, DAY)).toContain('value="700"')
    })

    it('ignores a flash id that is not one of the merchant’s bookings', async () => {
      const owner = await signedIn('merchant1@nestwork.demo')
      const location = (await bookFromCell(owner, 10, { headers: {} })).headers.get('location')!
      const other = await signedIn('merchant2@nestwork.demo')
      const res = await other.get(location)
      expect(res.status).toBe(200)
      expect(await res.text()).not.toContain('已确认')
    })

    it('cancels with a redirect back to the calendar shown', async () => {
      const browser = await signedIn('merchant1@nestwork.demo')
      await bookFromCell(browser, 30)
      const page = await (await browser.get('/bookings?hub=hub_2&month=2026-12')).text()
      const [id] = bookingIds(page)
      const res = await browser.post(`/bookings/${id}/cancel`, { hub: 'hub_2', month: '2026-12' })
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe(`/bookings?hub=hub_2&month=2026-12&cancelled=${id}`)
      const html = await (await browser.get(res.headers.get('location')!)).text()
      expect(html).toContain('已取消：11月27日周五的 30 件已释放。')
    })
  })

  describe('cancelling', () => {
    it('frees the units, updates the calendar cell and promotes the waitlist', async () => {
      const hub = await signedIn('hub1@nestwork.demo')
      await setCapacity(hub, 50)
      const first = await signedIn('merchant1@nestwork.demo')
      await bookFromCell(first, 20)
      await bookFromCell(await signedIn('merchant2@nestwork.demo'), 20)
      const third = await signedIn('merchant3@nestwork.demo')
      await bookFromCell(third, 20, { waitlist: true })

      const page = await (await first.get('/bookings?hub=hub_1&month=2026-11')).text()
      const [id] = bookingIds(page)
      const res = await first.post(
        `/bookings/${id}/cancel`,
        { hub: 'hub_1', month: '2026-11' },
        htmx,
      )
      expect(res.status).toBe(200)
      const html = await res.text()
      expect(html).toMatch(new RegExp(`^<tr id="booking-${id}" class="booking booking--cancelled"`))
      expect(html).toContain('已取消：11月27日周五的 20 件已释放。')
      expect(html).not.toContain(`/bookings/${id}/cancel`)
      // The day's cell is swapped out of band: 20 freed, 20 taken by the waitlisted booking.
      expect(html).toContain('id="day-hub_1-2026-11-27" hx-swap-oob="true"')
      expect(html).toContain('剩余 10 / 50')

      const thirdPage = await (await third.get('/bookings?hub=hub_1&month=2026-11')).text()
      expect(cell(thirdPage, DAY)).toContain('我的：20')
      expect(thirdPage).toContain('badge--confirmed')
    })

    it('gives the units back to the day', async () => {
      const browser = await signedIn('merchant1@nestwork.demo')
      await bookFromCell(browser, 200)
      const page = await (await browser.get('/bookings?hub=hub_1&month=2026-11')).text()
      expect(cell(page, DAY)).toContain('剩余 1,300 / 1,500')
      await browser.post(`/bookings/${bookingIds(page)[0]}/cancel`, {}, htmx)
      const after = await (await browser.get('/bookings?hub=hub_1&month=2026-11')).text()
      expect(cell(after, DAY)).toContain('剩余 1,500 / 1,500')
      expect(after).toContain('badge--cancelled')
    })

    it('refuses after the cutoff and says why', async () => {
      const browser = await signedIn('merchant1@nestwork.demo')
      await bookFromCell(browser, 40)
      const page = await (await browser.get('/bookings?hub=hub_1&month=2026-11')).text()
      const [id] = bookingIds(page)
      t.setNow(new Date('2026-11-26T10:30:00Z')) // 18:30 in Shanghai, the day before
      await browser.signIn('merchant1@nestwork.demo') // a day later: the session went idle
      const res = await browser.post(`/bookings/${id}/cancel`, {}, htmx)
      expect(res.status).toBe(400)
      const html = await res.text()
      expect(html).toContain('未能取消。11月27日周五的预订和取消已于前一天 18:00 截止。')
      expect(html).toContain('badge--confirmed')
      expect(html).toContain('已无法更改')

      const noJs = await browser.post(`/bookings/${id}/cancel`, {})
      expect(noJs.status).toBe(400)
      expect(await noJs.text()).toContain('未能取消。')
    })

    it('does not let a merchant cancel another merchant’s booking', async () => {
      const owner = await signedIn('merchant1@nestwork.demo')
      await bookFromCell(owner, 40)
      const [id] = bookingIds(await (await owner.get('/bookings')).text())
      const other = await signedIn('merchant2@nestwork.demo')
      await other.get('/bookings')
      expect((await other.post(`/bookings/${id}/cancel`, {}, htmx)).status).toBe(404)
      const after = await (await owner.get('/bookings')).text()
      expect(cell(after, DAY)).toContain('剩余 1,460 / 1,500')
    })
  })
})

describe('who may open the booking pages', () => {
  it.each([
    ['station1@nestwork.demo', '/bookings'],
    ['hub1@nestwork.demo', '/bookings'],
    ['merchant1@nestwork.demo', '/hub'],
    ['merchant1@nestwork.demo', '/hub?hub=hub_1'],
    ['merchant1@nestwork.demo', '/utilisation'],
    ['station1@nestwork.demo', '/hub'],
    ['hub1@nestwork.demo', '/hub?hub=hub_2'],
    ['hub1@nestwork.demo', '/utilisation'],
  ])('%s gets 403 on %s', async (email, path) => {
    const browser = await signedIn(email)
    const res = await browser.get(path)
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('无权访问')
  })

  it('refuses bookings and overrides from the wrong roles', async () => {
    const station = await signedIn('station1@nestwork.demo')
    const booking = { hubId: 'hub_1', date: DAY, units: '5', idempotencyKey: 'form_test_0003' }
    expect((await station.post('/bookings', booking, htmx)).status).toBe(403)
    const merchant = await signedIn('merchant1@nestwork.demo')
    const override = { hubId: 'hub_1', date: DAY, capacityUnits: '10' }
    expect((await merchant.post('/hub/capacity', override)).status).toBe(403)
    const otherHub = await signedIn('hub2@nestwork.demo')
    expect((await otherHub.post('/hub/capacity', override)).status).toBe(403)
  })

  it.each(['/bookings', '/hub', '/utilisation'])(
    'sends visitors from %s to sign in',
    async (path) => {
      const res = await t.app.request(path)
      expect(res.status).toBe(302)
      expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`)
    },
  )

  it('links each role home to its booking page', async () => {
    for (const [email, href] of [
      ['merchant1@nestwork.demo', '/bookings'],
      ['hub1@nestwork.demo', '/hub'],
      ['coordinator@nestwork.demo', '/utilisation'],
    ] as const) {
      const html = await (await (await signedIn(email)).get('/')).text()
      expect(html).toContain(`href="${href}"`)
    }
  })
})

describe('hub operator page', () => {
  it('shows tomorrow and the week with confirmed units per merchant', async () => {
    const m1 = await signedIn('merchant1@nestwork.demo')
    await bookFromCell(m1, 120, { date: '2026-11-26' })
    await bookFromCell(m1, 80)
    await bookFromCell(await signedIn('merchant2@nestwork.demo'), 45, { date: '2026-11-26' })
    await bookFromCell(await signedIn('merchant3@nestwork.demo'), 99, { hub: 'hub_2' })

    const hub = await signedIn('hub1@nestwork.demo')
    const res = await hub.get('/hub')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('明天（11月26日周四）')
    expect(html).toContain(demoMerchants[0]!.name)
    expect(html).toContain(demoMerchants[1]!.name)
    expect(html).not.toContain(demoMerchants[2]!.name) // booked at another hub
    // Tomorrow: 165 confirmed of 1,500, merchant1 holds 120 (8%).
    expect(html).toMatch(/<dt>已确认<\/dt><dd>165<\/dd>/)
    expect(html).toMatch(
      new RegExp(`${demoMerchants[0]!.name}</th><td class="num">120</td><td class="num">8%</td>`),
    )
    // The week: seven days from tomorrow, each with an override form.
    expect(html.match(/name="capacityUnits" type="number"/g)).toHaveLength(8)
    expect(html).toContain('datetime="2026-12-02"')
    expect(html).not.toContain('datetime="2026-12-03"')
    // Per merchant over the week: merchant1 200 in total.
    expect(html).toMatch(/<strong>200<\/strong>/)
    expect(html).not.toContain('class="hub-picker"') // an operator sees only its own hub
  })

  it('overrides capacity and says so', async () => {
    const hub = await signedIn('hub1@nestwork.demo')
    const res = await setCapacity(hub, 800, '2026-11-28')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/hub?hub=hub_1&set=2026-11-28')
    const html = await (await hub.get(res.headers.get('location')!)).text()
    expect(html).toContain('11月28日周六的处理能力已设为 800 件（已确认 0 件）。')
    expect(html).toMatch(/id="capacity-2026-11-28"[^>]*value="800"/)

    const merchant = await signedIn('merchant1@nestwork.demo')
    const calendar = await (await merchant.get('/bookings?hub=hub_1&month=2026-11')).text()
    expect(cell(calendar, '2026-11-28')).toContain('剩余 800 / 800')
  })

  it('shows clearly why capacity cannot go below what is booked', async () => {
    await bookFromCell(await signedIn('merchant1@nestwork.demo'), 100)
    const hub = await signedIn('hub1@nestwork.demo')
    const res = await setCapacity(hub, 50)
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toContain('role="alert"')
    expect(html).toContain('未更改：11月27日周五已确认 100 件，处理能力不能低于此数。')
    expect(html).toMatch(/id="capacity-date"[^>]*value="2026-11-27"/)
    expect(html).toMatch(/id="capacity-2026-11-27"[^>]*value="1500"/)
  })

  it.each([
    ['a past date', { date: '2026-11-20', capacityUnits: '10' }, '未更改：11月20日周五已经过去。'],
    ['a negative capacity', { date: DAY, capacityUnits: '-1' }, '请输入日期和整数件数'],
    ['no date', { date: '', capacityUnits: '10' }, '请输入日期和整数件数'],
  ])('refuses %s with a 400', async (_, fields, message) => {
    const hub = await signedIn('hub1@nestwork.demo')
    await hub.get('/hub')
    const res = await hub.post('/hub/capacity', { hubId: 'hub_1', ...fields })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain(message)
  })

  it('lets a coordinator pick any hub', async () => {
    const coordinator = await signedIn('coordinator@nestwork.demo')
    const html = await (await coordinator.get('/hub?hub=hub_3')).text()
    expect(html).toContain('南京')
    expect(html).toMatch(/<a href="\/hub\?hub=hub_3" aria-current="page">/)
    expect((await setCapacity(coordinator, 900, DAY, 'hub_3')).status).toBe(303)
  })
})

describe('coordinator utilisation heatmap', () => {
  it('shows 3 hubs × the days of the month with totals and tight / under-used days', async () => {
    const coordinator = await signedIn('coordinator@nestwork.demo')
    await setCapacity(coordinator, 100, DAY, 'hub_2')
    await bookFromCell(await signedIn('merchant1@nestwork.demo'), 40, { hub: 'hub_2' })
    await bookFromCell(await signedIn('merchant2@nestwork.demo'), 40, { hub: 'hub_2' })
    await bookFromCell(await signedIn('merchant3@nestwork.demo'), 15, { hub: 'hub_2' })
    await bookFromCell(await signedIn('merchant4@nestwork.demo'), 10, {
      hub: 'hub_2',
      waitlist: true,
    })
    await bookFromCell(await signedIn('merchant5@nestwork.demo'), 500, { hub: 'hub_1' })

    const res = await coordinator.get('/utilisation?month=2026-11')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html.match(/<th scope="col">/g)).toHaveLength(4) // day + 3 hubs
    expect(html.match(/<td class="heat heat--/g)).toHaveLength(3 * 30)
    expect(html.match(/<th scope="row"><time/g)).toHaveLength(30)
    // hub_2 on the 27th: 95 of 100, tight, with the waitlist shown.
    const row = new RegExp(`datetime="${DAY}"[\\s\\S]*?</tr>`).exec(html)![0]
    expect(row).toContain('<td class="heat heat--1"><span class="heat__pct">33%</span>')
    expect(row).toContain('<td class="heat heat--4"><span class="heat__pct">95%</span>')
    expect(row).toContain('95 / 100')
    expect(row).toContain('紧张（超过 90%）')
    expect(row).toContain('候补 10')
    // Month totals and averages per hub.
    expect(html).toContain('500 / 45,000')
    expect(html).toContain('95 / 43,600')
    expect(html).toMatch(
      /平均利用率<\/th><td class="num">1%<\/td><td class="num">0%<\/td><td class="num">0%<\/td>/,
    )
    expect(html).toMatch(
      /紧张天数<\/th><td class="num">0<\/td><td class="num">1<\/td><td class="num">0<\/td>/,
    )
    expect(html).toMatch(
      /利用不足天数<\/th><td class="num">29<\/td><td class="num">29<\/td><td class="num">30<\/td>/,
    )
    expect(html).toContain('href="/utilisation?month=2026-10"')
    expect(html).toContain('href="/utilisation?month=2026-12"')
  })

  it('covers a 31-day month and refuses a malformed one', async () => {
    const coordinator = await signedIn('coordinator@nestwork.demo')
    const html = await (await coordinator.get('/utilisation?month=2026-12')).text()
    expect(html.match(/<td class="heat heat--/g)).toHaveLength(3 * 31)
    expect((await coordinator.get('/utilisation?month=december')).status).toBe(400)
  })
})
