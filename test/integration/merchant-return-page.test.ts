import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { translator } from '../../src/i18n'
import { formatFen } from '../../src/money'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'
import { bringToHub, registerReturnFor } from '../helpers/returns'

let t: TestApp
let ret: { id: string; code: string }
beforeEach(async () => {
  t = await createTestApp()
  ret = await registerReturnFor(t, 1)
})

/** Inspected with a note, refunded ¥129 and rated 4 stars by the customer. */
async function resolvedAndRated() {
  await bringToHub(t, ret.code)
  const hub = await tokenFor(t, 'hub1@nestwork.demo')
  const merchant = await tokenFor(t, 'merchant1@nestwork.demo')
  const inspected = await gql(
    t,
    `mutation ($input: InspectReturnInput!) { inspectReturn(input: $input) { status } }`,
    {
      input: {
        returnId: ret.id,
        grade: 'RESELLABLE',
        checklist: [
          { item: 'sealIntact', value: 'true' },
          { item: 'expiryDate', value: '2027-08-01' },
          { item: 'storageDamage', value: 'false' },
        ],
        notes: '外箱轻微压痕',
      },
    },
    hub,
  )
  expect(inspected.errors).toBeUndefined()
  const resolved = await gql(
    t,
    `mutation ($input: ResolveReturnInput!) { resolveReturn(input: $input) { status } }`,
    { input: { returnId: ret.id, resolution: 'REFUND', refundFen: 12_900 } },
    merchant,
  )
  expect(resolved.errors).toBeUndefined()
  const rated = await gql(
    t,
    'mutation ($code: String!) { rateReturn(code: $code, stars: 4, comment: "很快") { stars } }',
    { code: ret.code },
  )
  expect(rated.errors).toBeUndefined()
}

const visibleText = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')

describe.each(['en', 'zh-CN'] as const)('the merchant’s return page in %s', (locale) => {
  const tr = translator(locale)

  async function merchantBrowser(email = 'merchant1@nestwork.demo') {
    const browser = new Browser(t)
    await browser.signIn(email)
    await browser.post('/locale', { locale, next: '/' })
    return browser
  }

  it('shows the grade, checklist, notes, decision in yuan, rating and clocks', async () => {
    await resolvedAndRated()
    const browser = await merchantBrowser()
    const res = await browser.get(`/returns/${ret.id}`)
    expect(res.status).toBe(200)
    const text = visibleText(await res.text())
    expect(text).toContain(tr('inspection.grade.RESELLABLE'))
    expect(text).toContain(tr('inspection.item.sealIntact'))
    expect(text).toContain('2027-08-01')
    expect(text).toContain('外箱轻微压痕')
    expect(text).toContain(tr('inspection.resolution.REFUND'))
    expect(text).toContain(formatFen(12_900, locale))
    expect(text).toContain(tr('benchmarks.stars', { stars: 4 }))
    expect(text).toContain('很快')
    expect(text).toContain(tr('returns.detail.clocks'))
    expect(text).toContain(tr('inspection.clock.firstResponse'))
    expect(text).toContain(tr('returns.detail.clock.cycle'))
  })

  it('says what is still to come on a fresh return, with the first-response clock running', async () => {
    const html = await (await (await merchantBrowser()).get(`/returns/${ret.id}`)).text()
    const text = visibleText(html)
    expect(text).toContain(tr('returns.detail.inspection.none'))
    expect(text).toContain(tr('returns.detail.decision.none'))
    expect(text).toContain(tr('returns.detail.rating.none'))
    expect(text).toContain(tr('returns.detail.messages.none'))
    expect(text).toContain(tr('returns.detail.clock.resolutionWaits'))
    // The first response is due two hours after registration, counting down on the page.
    const [registered] = await t.db.all<{ created_at: string }>(
      sql`select created_at from returns where id = ${ret.id}`,
    )
    const due = new Date(Date.parse(registered!.created_at) + 2 * 3600_000).toISOString()
    expect(html).toContain(`data-due="${due}"`)
  })

  it('sends a message to the customer from the page, without JavaScript and with htmx', async () => {
    const browser = await merchantBrowser()
    await browser.get(`/returns/${ret.id}`)
    const sent = await browser.post(`/returns/${ret.id}/messages`, {
      returnId: ret.id,
      text: '  已收到，我们会尽快处理。 ',
    })
    expect(sent.status).toBe(303)
    const page = visibleText(await (await browser.get(sent.headers.get('location')!)).text())
    expect(page).toContain('已收到，我们会尽快处理。')
    expect(page).toContain(tr('returns.detail.messages.sent'))
    const htmx = await browser.post(
      `/returns/${ret.id}/messages`,
      { returnId: ret.id, text: '包裹已到驿站。' },
      { 'hx-request': 'true' },
    )
    expect(htmx.status).toBe(200)
    const fragment = await htmx.text()
    expect(fragment).toContain('id="customer-messages"')
    expect(fragment).toContain('包裹已到驿站。')
    expect(fragment).not.toContain('<html')
    const tracked = await gql(
      t,
      'query ($code: String!) { returnByCode(code: $code) { messages { text } } }',
      { code: ret.code },
    )
    expect(tracked.data.returnByCode.messages.map((m: { text: string }) => m.text)).toEqual([
      '已收到，我们会尽快处理。',
      '包裹已到驿站。',
    ])
  })

  it('refuses an empty message with the field marked, and another merchant’s return', async () => {
    const browser = await merchantBrowser()
    await browser.get(`/returns/${ret.id}`)
    const empty = await browser.post(`/returns/${ret.id}/messages`, { returnId: ret.id, text: ' ' })
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain('field--invalid')
    const other = await merchantBrowser('merchant2@nestwork.demo')
    await other.get('/')
    expect((await other.get(`/returns/${ret.id}`)).status).toBe(404)
    const refused = await other.post(`/returns/${ret.id}/messages`, {
      returnId: ret.id,
      text: '不是您的退货',
    })
    expect(refused.status).toBe(404)
  })
})
