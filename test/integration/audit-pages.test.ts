import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'
import { registerReturnFor } from '../helpers/returns'
import { translator } from '../../src/i18n'

const en = translator('en')
const zh = translator('zh-CN')

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
    // Newest first, the actions in words: the check-in, then the registration, the bookings.
    const checkIn = html.indexOf(en('audit.action.parcel.checkIn'))
    expect(checkIn).toBeGreaterThan(0)
    expect(checkIn).toBeLessThan(html.indexOf(en('audit.action.return.register')))
    expect(html.indexOf(returnId)).toBeLessThan(html.indexOf(en('audit.action.booking.confirm')))
    expect(html).not.toContain('parcel.checkIn')
    expect(html).toContain(`<ins>${en('returns.status.AT_STATION')}</ins>`)

    await browser.post('/locale', { locale: 'zh-CN', next: '/' })
    expect(await (await browser.get('/admin/audit')).text()).toContain('<h1>审计日志</h1>')
  })

  it('filters by action, entity and dates, and pages to older entries without JavaScript', async () => {
    const returnId = await someChanges()
    const browser = await signedIn('coordinator@nestwork.demo')
    const byAction = await (await browser.get('/admin/audit?action=booking.confirm')).text()
    expect(rowCount(byAction)).toBe(3)
    expect(byAction.slice(byAction.indexOf('<tbody>'))).not.toContain(
      en('audit.action.parcel.checkIn'),
    )
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
    const older = /href="(\/admin\/audit\?[^"]*after=[^"&]+)"/
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

  it('refuses a link to older entries from before the log was paged by time', async () => {
    const browser = await signedIn('coordinator@nestwork.demo')
    const res = await browser.get('/admin/audit?after=42')
    expect(res.status).toBe(400)
    expect(await res.text()).toContain(en('refusal.AUDIT_CURSOR'))
  })

  it('refuses a malformed date with 400 and names the field', async () => {
    const browser = await signedIn('coordinator@nestwork.demo')
    const res = await browser.get('/admin/audit?from=yesterday')
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('The filter from is not valid')
  })

  it.each([
    ['en', en, 'CN¥1,350.00', 'Nov 26, 2026, 00:30'],
    ['zh-CN', zh, '¥1,350.00', '2026年11月26日 00:30'],
  ])(
    'shows a cost change in %s as a diff in yuan at its Shanghai time',
    async (locale, say, yuan, when) => {
      const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
      const recorded = await gql(
        t,
        'mutation { recordCost(input: { month: "2026-11", kind: TRANSPORT, amountFen: 135000 }) { id } }',
        {},
        coordinator,
      )
      // 16:30 UTC is half past midnight of the next day in Shanghai.
      t.setNow(new Date('2026-11-25T16:30:00Z'))
      const id = recorded.data!.recordCost.id as string
      const voided = await gql(
        t,
        `mutation { voidCost(id: "${id}", reason: "entered twice") { id } }`,
        {},
        coordinator,
      )
      expect(voided.errors).toBeUndefined()
      const browser = await signedIn('coordinator@nestwork.demo', locale)
      const html = await (await browser.get(`/admin/audit?entityId=${id}`)).text()
      expect(rowCount(html)).toBe(2)
      const start = html.indexOf('<tr id="audit-')
      const row = html.slice(start, html.indexOf('</tr>', start))
      expect(row).toContain(`<time datetime="2026-11-25T16:30:00.000Z">${when}</time>`)
      expect(row).toContain(say('audit.action.cost.void'))
      // The amount did not change, so it is shown once, muted; `voided` did.
      expect(row).toContain(
        `<li class="audit-diff__same"><span class="audit-diff__label">${say('audit.field.amountFen')}</span> ${yuan}</li>`,
      )
      expect(row).toMatch(
        new RegExp(
          `audit-diff__changed"><span class="audit-diff__label">${say('audit.field.voided')}</span> <del>${say('audit.value.false')}</del>`,
        ),
      )
      expect(row).toContain(say('settlement.costKind.TRANSPORT'))
      expect(html).toContain(`<ins>${yuan}</ins>`) // the recording: the amount appears
      if (locale === 'zh-CN') expect(row).not.toContain(en('audit.field.amountFen'))
    },
  )

  it('filters by a person’s name or email, whatever the case', async () => {
    await someChanges()
    const coordinator = await tokenFor(t, 'coordinator@nestwork.demo')
    await gql(
      t,
      'mutation { recordCost(input: { month: "2026-11", kind: SHARED, amountFen: 500 }) { id } }',
      {},
      coordinator,
    )
    const browser = await signedIn('coordinator@nestwork.demo')
    const byEmail = await (await browser.get('/admin/audit?person=MERCHANT1%40nestwork')).text()
    expect(rowCount(byEmail)).toBe(3)
    expect(byEmail).toContain('value="MERCHANT1@nestwork"')
    const byName = await (
      await browser.get(`/admin/audit?person=${encodeURIComponent('王敏')}`)
    ).text()
    expect(rowCount(byName)).toBe(1)
    expect(byName).toContain(en('audit.action.cost.record'))
    const nobody = await (await browser.get('/admin/audit?person=nobody-at-all')).text()
    expect(rowCount(nobody)).toBe(0)
    // A wildcard in the text is a character to find, not a pattern.
    expect(rowCount(await (await browser.get('/admin/audit?person=%25')).text())).toBe(0)
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
