import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'
import { bringToHub, registerReturnFor } from '../helpers/returns'

let t: TestApp
let ret: { id: string; code: string }
let merchant: string
beforeEach(async () => {
  t = await createTestApp()
  ret = await registerReturnFor(t, 1, { customerContact: '13800138000' })
  merchant = await tokenFor(t, 'merchant1@nestwork.demo')
})

const message = (text: string, token = merchant, returnId = ret.id) =>
  gql(
    t,
    'mutation ($id: ID!, $text: String!) { messageCustomer(returnId: $id, text: $text) { id text at } }',
    { id: returnId, text },
    token,
  )

/** Takes the return from registration to a refund of ¥129. */
async function resolveWithRefund() {
  await bringToHub(t, ret.code)
  const hub = await tokenFor(t, 'hub1@nestwork.demo')
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
        notes: 'INTERNAL-NOTE-42',
      },
    },
    hub,
  )
  expect(inspected.data?.inspectReturn.status).toBe('INSPECTED')
  const resolved = await gql(
    t,
    `mutation ($input: ResolveReturnInput!) { resolveReturn(input: $input) { status } }`,
    { input: { returnId: ret.id, resolution: 'REFUND', refundFen: 12_900 } },
    merchant,
  )
  expect(resolved.data?.resolveReturn.status).toBe('RESOLVED')
}

const track = (b: Browser, lang?: string) =>
  b.get(`/track?code=${ret.code}`, lang ? { 'accept-language': lang } : {})

describe('messages to the customer', () => {
  it('trims a message, stores it and shows it on the tracking page after the first response', async () => {
    const first = await gql(
      t,
      'mutation ($id: ID!) { respondToReturn(id: $id, message: "我们已收到您的申请") { id } }',
      { id: ret.id },
      merchant,
    )
    expect(first.errors).toBeUndefined()
    const later = await message('  包裹到达后我们会尽快检验。  ')
    expect(later.data?.messageCustomer.text).toBe('包裹到达后我们会尽快检验。')
    const got = await gql(
      t,
      'query ($code: String!) { returnByCode(code: $code) { messages { text at } canRate } }',
      { code: ret.code },
    )
    expect(got.data?.returnByCode.messages.map((m: { text: string }) => m.text)).toEqual([
      '我们已收到您的申请',
      '包裹到达后我们会尽快检验。',
    ])
    expect(got.data?.returnByCode.canRate).toBe(false)
    const html = await (await track(new Browser(t))).text()
    expect(html.indexOf('我们已收到您的申请')).toBeLessThan(html.indexOf('包裹到达后'))
  })

  it('refuses an empty or overlong message with the field named', async () => {
    for (const text of ['   ', 'x'.repeat(1001)]) {
      const res = await message(text)
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
      expect(res.errors?.[0]?.extensions?.field).toBe('text')
    }
  })

  it('does not let another merchant or a coordinator message the customer', async () => {
    const other = await message('hi', await tokenFor(t, 'merchant2@nestwork.demo'))
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
    const coordinator = await message('hi', await tokenFor(t, 'coordinator@nestwork.demo'))
    expect(coordinator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect((await message('hi', '')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })
})

describe('the outcome and the rating on /track', () => {
  it('says where the parcel is while it is open and polls for news', async () => {
    const html = await (await track(new Browser(t), 'en')).text()
    expect(html).toContain('The hub has not received your parcel yet.')
    expect(html).toContain('hx-trigger="every 30s"')
    expect(html).toContain('http-equiv="refresh"')
    expect(html).not.toContain('name="stars"')
  })

  it('answers the card poll with the card alone, in the caller language', async () => {
    for (const [lang, words] of [
      ['en', 'The hub has not received your parcel yet.'],
      ['zh-CN', '已登记'],
    ] as const) {
      const res = await new Browser(t).get(`/track?code=${ret.code}`, {
        'accept-language': lang,
        'hx-request': 'true',
      })
      expect(res.status).toBe(200)
      const html = await res.text()
      expect(html).toMatch(/^<section class="card track-result"/)
      expect(html).toContain(words)
      expect(html).toContain('hx-trigger="every 30s"')
      expect(html).not.toContain('<html')
    }
    await resolveWithRefund()
    const decided = await new Browser(t).get(`/track?code=${ret.code}`, { 'hx-request': 'true' })
    expect(decided.status).toBe(200)
    // A decided return's card has no trigger: the poll stops.
    expect(await decided.text()).not.toContain('hx-trigger')
  })

  it('shows the refund in words and a rating form once resolved, in English', async () => {
    await resolveWithRefund()
    const html = await (await track(new Browser(t), 'en')).text()
    expect(html).toContain('The shop refunds you CN¥129.00.')
    expect(html).toContain('name="stars"')
    expect(html).toContain('name="_csrf"')
    expect(html).not.toContain('hx-trigger="every 30s"')
    expect(html).not.toContain('INTERNAL-NOTE-42')
    expect(html).not.toContain('13800138000')
    expect(html).not.toContain('TB-1')
  })

  it('shows the outcome and the rating form in Chinese with no English copy', async () => {
    await resolveWithRefund()
    const html = await (await track(new Browser(t))).text()
    expect(html).toContain('商家将为您退款 ¥129.00')
    expect(html).toContain('您对商家的服务满意吗？')
    const main = html.slice(html.indexOf('<main'))
    expect(main).not.toMatch(/>Outcome<|Messages from the shop|Send rating|of 5 stars|Your rating/)
  })

  it('gives the outcome in the caller language over GraphQL', async () => {
    await resolveWithRefund()
    const q =
      'query ($code: String!) { returnByCode(code: $code) { outcome { kind refundFen text } canRate } }'
    const res = await t.app.request('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ query: q, variables: { code: ret.code } }),
    })
    const { data } = (await res.json()) as { data: { returnByCode: Record<string, unknown> } }
    expect(data.returnByCode).toEqual({
      outcome: {
        kind: 'REFUND',
        refundFen: 12_900,
        text: 'The shop refunds you CN¥129.00. The money goes back the way you paid.',
      },
      canRate: true,
    })
  })

  it('takes a rating once by the page and feeds the customer-care ratings', async () => {
    await resolveWithRefund()
    const b = new Browser(t)
    await track(b)
    const first = await b.post('/track/rate', { code: ret.code, stars: '4', comment: ' 很快 ' })
    expect(first.status).toBe(303)
    expect(first.headers.get('location')).toBe(`/track?code=${ret.code}&rate=thanks`)
    const after = await (await b.get(first.headers.get('location')!)).text()
    expect(after).toContain('感谢您的评分。')
    expect(after).not.toContain('name="stars"')
    const again = await b.post('/track/rate', { code: ret.code, stars: '1' })
    expect(again.headers.get('location')).toBe(`/track?code=${ret.code}&rate=already`)
    const stored = await t.db.all<{ stars: number; comment: string }>(
      sql`select stars, comment from return_ratings where return_id = ${ret.id}`,
    )
    expect(stored.map((r) => [r.stars, r.comment])).toEqual([[4, '很快']])
    const graph = await gql(
      t,
      'mutation { rateReturn(code: "' + ret.code + '", stars: 2) { stars } }',
    )
    expect(graph.errors?.[0]?.extensions?.code).toBe('CONFLICT')
  })

  it('sends an invalid rating back to the page with a clear message', async () => {
    await resolveWithRefund()
    const b = new Browser(t)
    await track(b, 'en')
    const res = await b.post(
      '/track/rate',
      { code: ret.code, stars: '9' },
      { 'accept-language': 'en' },
    )
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Choose 1 to 5 stars')
  })

  it('refuses a rating post without the CSRF token', async () => {
    await resolveWithRefund()
    const b = new Browser(t)
    const res = await b.post('/track/rate', { code: ret.code, stars: '5', _csrf: 'forged' })
    expect(res.status).toBe(403)
  })
})
