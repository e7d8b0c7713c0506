import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'
import { registerReturnFor } from '../helpers/returns'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

async function signedIn(email: string, locale = 'en') {
  const browser = new Browser(t)
  await browser.signIn(email)
  await browser.post('/locale', { locale, next: '/' })
  return browser
}

/** Three bookings by merchant 1 and a check-in by station 1, through the API. */
async function someChanges() {
  const m = await tokenFor(t, 'merchant1@nestwork.demo')
  for (const n of [1, 2, 3]) {
    await gql(
      t,
      'mutation ($input: BookHubCapacityInput!) { bookHubCapacity(input: $input) { id } }',
      { input: { hubId: 'hub_1', date: '2026-11-27', units: n, idempotencyKey: `page-key-${n}` } },
      m,
    )
  }
  const { id, code } = await registerReturnFor(t, 2)
  const station = await tokenFor(t, 'station1@nestwork.demo')
  await gql(t, `mutation { checkInParcel(code: "${code}") { commissionFen } }`, {}, station)
  return id
}

const rowCount = (html: string) => (html.match(/<tr id="audit-/g) ?? []).length

describe('/admin/audit', () => {
  it('shows a coordinator every change newest first, in the nav, in both languages', async () => {
    const returnId = await someChanges()
    const browser = await signedIn('coordinator@nestwork.demo')
    const res = await browser.get('/admin/audit')
    expect(res.status).toBe(200)
    const page = await res.text()
    expect(page).toContain('href="/admin/audit" aria-current="page"')
    expect(page).toContain('<h1>Audit log</h1>')
    const html = page.slice(page.indexOf('<tbody>'))
    expect(rowCount(html)).toBe(5)
    // Newest first: the check-in, then the registration, then the bookings.
    expect(html.indexOf('parcel.checkIn')).toBeLessThan(html.indexOf('return.register'))
    expect(html.indexOf(returnId)).toBeLessThan(html.indexOf('booking.confirm'))
    expect(html).toContain('&quot;status&quot;:&quot;AT_STATION&quot;')

    await browser.post('/locale', { locale: 'zh-CN', next: '/' })
    expect(await (await browser.get('/admin/audit')).text()).toContain('<h1>审计日志</h1>')
  })

  it('filters by action, entity and dates, and pages to older entries without JavaScript', async () => {
    const returnId = await someChanges()
    const browser = await signedIn('coordinator@nestwork.demo')
    const byAction = await (await browser.get('/admin/audit?action=booking.confirm')).text()
    expect(rowCount(byAction)).toBe(3)
    expect(byAction).not.toContain('parcel.checkIn</code>')
    const byEntity = await (await browser.get(`/admin/audit?entityId=${returnId}`)).text()
    expect(rowCount(byEntity)).toBe(2)
    const outside = await (await browser.get('/admin/audit?from=2026-11-26&to=2026-11-30')).text()
    expect(rowCount(outside)).toBe(0)
    expect(outside).toContain('No entries match these filters.')
    const today = await (await browser.get('/admin/audit?from=2026-11-25&to=2026-11-25')).text()
    expect(rowCount(today)).toBe(5)

    const ids = async (path: string) => {
      const html = await (await browser.get(path)).text()
      return { ids: [...html.matchAll(/<tr id="audit-(\d+)"/g)].map((m) => Number(m[1])), html }
    }
    const page1 = await ids('/admin/audit?action=booking.confirm&first=2')
    expect(page1.ids).toHaveLength(2)
    const older = /href="(\/admin\/audit\?[^"]*after=\d+)"/
      .exec(page1.html)![1]!
      .replace(/&amp;/g, '&')
    expect(older).toContain('action=booking.confirm')
    const page2 = await ids(older)
    expect(page2.ids).toHaveLength(1)
    expect(Math.max(...page2.ids)).toBeLessThan(Math.min(...page1.ids))
    expect(page2.html).not.toContain('rel="next"')
  })

  it('answers htmx with the results fragment only', async () => {
    await someChanges()
    const browser = await signedIn('coordinator@nestwork.demo')
    const res = await browser.get('/admin/audit?action=booking.confirm', { 'hx-request': 'true' })
    const html = await res.text()
    expect(res.status).toBe(200)
    expect(html.startsWith('<section id="audit-results"')).toBe(true)
    expect(html).not.toContain('<nav')
    expect(rowCount(html)).toBe(3)
  })

  it('refuses a malformed date with 400 and names the field', async () => {
    const browser = await signedIn('coordinator@nestwork.demo')
    const res = await browser.get('/admin/audit?from=yesterday')
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('The filter from is not valid')
  })

  it.each(['merchant1', 'station1', 'hub1'])('is forbidden to %s', async (who) => {
    const browser = await signedIn(`${who}@nestwork.demo`)
    const res = await browser.get('/admin/audit')
    expect(res.status).toBe(403)
    expect(await res.text()).not.toContain('audit-results')
  })

  it('records a page change with the page request’s id', async () => {
    const { code } = await registerReturnFor(t, 1)
    const browser = await signedIn('station1@nestwork.demo')
    await browser.get('/station')
    const res = await browser.post('/station/check-in', { code }, { 'x-request-id': 'page-req-1' })
    expect(res.status).toBe(200)
    const rows = await t.db.all<{ request_id: string; actor_role: string }>(
      sql`select request_id, actor_role from audit_log where action = 'parcel.checkIn'`,
    )
    expect(rows).toEqual([{ request_id: 'page-req-1', actor_role: 'STATION_OPERATOR' }])
  })
})
