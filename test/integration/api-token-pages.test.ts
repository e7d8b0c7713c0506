import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

async function signedIn(email: string, locale: 'en' | 'zh-CN' = 'en') {
  const browser = new Browser(t)
  await browser.signIn(email)
  await browser.speak(locale)
  await browser.get('/api-tokens')
  return browser
}

/** Posts the create form as a browser sends ticked checkboxes: one `scopes` pair each. */
function create(browser: Browser, name: string, scopes: string[], headers = {}) {
  const body = new URLSearchParams({ _csrf: browser.csrf!, name })
  for (const s of scopes) body.append('scopes', s)
  return browser.postRaw('/api-tokens', body.toString(), 'application/x-www-form-urlencoded', {
    ...headers,
  })
}

const secretIn = (html: string) => /value="(nwk_[^"]+)"/.exec(html)?.[1]

const download = (token: string) =>
  t.app.request('http://localhost/returns/export.csv', {
    headers: { authorization: `Bearer ${token}` },
  })

describe('the API tokens page', () => {
  it('refuses a name with control characters, by page and by GraphQL, and stores nothing', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const res = await create(browser, '\u000b\u0000\u001f', ['RETURNS_READ'])
    expect(res.status).toBe(400)
    const gqlRes = await gql(
      t,
      'mutation { createApiToken(name: "a\\u0000b", scopes: [RETURNS_READ]) { token } }',
      {},
      await tokenFor(t, 'merchant1@nestwork.demo'),
    )
    expect(gqlRes.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    const [row] = await t.db.all<{ n: number }>(sql`select count(*) as n from api_tokens`)
    expect(row!.n).toBe(0)
  })

  it('creates a token shown once, which then works as a bearer for its scope', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const res = await create(browser, 'Label printer', ['RETURNS_READ', 'STATEMENTS_READ'])
    expect(res.status).toBe(201)
    const html = await res.text()
    const token = secretIn(html)!
    expect(token).toMatch(/^nwk_/)
    expect(html).toContain('shown only this once')
    expect(html).toContain('read returns, their labels and the returns export')
    expect((await download(token)).status).toBe(200)

    const list = await (await browser.get('/api-tokens')).text()
    expect(list).toContain('Label printer')
    expect(list).toContain('read statements and their CSV files')
    expect(list).not.toContain(token)
    const [row] = await t.db.all<{ token_hash: string }>(
      sql`select token_hash from api_tokens where name = 'Label printer'`,
    )
    expect(row!.token_hash).not.toContain(token.slice(4))
  })

  it('lists what GraphQL created, and GraphQL lists what the page created', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    await create(browser, 'From the page', ['BOOKINGS_READ'])
    const session = await tokenFor(t, 'merchant1@nestwork.demo')
    await gql(
      t,
      'mutation { createApiToken(name: "From GraphQL", scopes: [RETURNS_WRITE]) { token } }',
      {},
      session,
    )
    const listed = await gql(t, '{ apiTokens { name } }', {}, session)
    expect(listed.data.apiTokens.map((k: { name: string }) => k.name).sort()).toEqual([
      'From GraphQL',
      'From the page',
    ])
    const page = await (await browser.get('/api-tokens')).text()
    expect(page).toContain('From GraphQL')
    expect(page).toContain('register, import and cancel returns')
  })

  it('refuses a token without a name or without a scope, marking the field, and creates none', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const noScope = await create(browser, 'Printer', [])
    expect(noScope.status).toBe(400)
    expect(await noScope.text()).toContain('Tick at least one thing the token may do.')
    const noName = await create(browser, '  ', ['RETURNS_READ'])
    expect(noName.status).toBe(400)
    expect(await noName.text()).toContain('Give the token a name')
    const unknown = await create(browser, 'Printer', ['EVERYTHING'])
    expect(unknown.status).toBe(400)
    const [{ n }] = (await t.db.all<{ n: number }>(sql`select count(*) as n from api_tokens`)) as [
      { n: number },
    ]
    expect(n).toBe(0)
  })

  it('asks before revoking; once confirmed the token stops working and the list says so', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const token = secretIn(await (await create(browser, 'Old job', ['RETURNS_READ'])).text())!
    const [{ id }] = (await t.db.all<{ id: string }>(sql`select id from api_tokens`)) as [
      { id: string },
    ]
    const asked = await browser.post(`/api-tokens/${id}/revoke`, {})
    expect(asked.status).toBe(200)
    const confirm = await asked.text()
    expect(confirm).toContain('Revoke “Old job”?')
    expect(confirm).toContain('name="confirm" value="1"')
    expect((await download(token)).status).toBe(200)

    const done = await browser.post(`/api-tokens/${id}/revoke`, { confirm: '1' })
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe(`/api-tokens?revoked=${id}`)
    const page = await (await browser.get(done.headers.get('location')!)).text()
    expect(page).toContain('Token “Old job” revoked: it no longer works.')
    expect(page).toContain('badge--cancelled">Revoked ')
    expect((await download(token)).status).toBe(401)
  })

  it('answers htmx with the section after creating and the row after revoking', async () => {
    const browser = await signedIn('merchant1@nestwork.demo')
    const htmx = { 'hx-request': 'true' }
    const made = await (await create(browser, 'Fragment', ['RETURNS_READ'], htmx)).text()
    expect(made).toMatch(/^<div id="api-tokens"/)
    const [{ id }] = (await t.db.all<{ id: string }>(sql`select id from api_tokens`)) as [
      { id: string },
    ]
    const asked = await (await browser.post(`/api-tokens/${id}/revoke`, {}, htmx)).text()
    expect(asked).toMatch(new RegExp(`^<tr id="api-token-${id}"><td colspan="5"><form`))
    const done = await (
      await browser.post(`/api-tokens/${id}/revoke`, { confirm: '1' }, htmx)
    ).text()
    expect(done).toMatch(new RegExp(`^<tr id="api-token-${id}">`))
    expect(done).toContain('it no longer works')
    expect(done).not.toContain('>Revoke<')
  })

  it('keeps each organisation to its own tokens: another merchant’s is not found', async () => {
    const a = await signedIn('merchant1@nestwork.demo')
    await create(a, 'Merchant one', ['RETURNS_READ'])
    const [{ id }] = (await t.db.all<{ id: string }>(sql`select id from api_tokens`)) as [
      { id: string },
    ]
    const b = await signedIn('merchant2@nestwork.demo')
    expect(await (await b.get('/api-tokens')).text()).not.toContain('Merchant one')
    expect((await b.post(`/api-tokens/${id}/revoke`, { confirm: '1' })).status).toBe(404)
    const coordinator = await signedIn('coordinator@nestwork.demo')
    expect(await (await coordinator.get('/api-tokens')).text()).not.toContain('Merchant one')
    const [{ revoked }] = (await t.db.all<{ revoked: string | null }>(
      sql`select revoked_at as revoked from api_tokens`,
    )) as [{ revoked: string | null }]
    expect(revoked).toBeNull()
  })

  it('is in Chinese for a Chinese session, with the link in the navigation', async () => {
    const browser = await signedIn('coordinator@nestwork.demo', 'zh-CN')
    const res = await create(browser, '对账程序', ['STATEMENTS_READ'])
    const html = await res.text()
    expect(html).toContain('已创建令牌“对账程序”')
    expect(html).toContain('请立即复制并妥善保管')
    expect(html).toContain('查看对账单及其 CSV 文件')
    expect(html).toContain('<a href="/api-tokens" aria-current="page">接口令牌</a>')
    expect(html).not.toContain('shown only this once')
  })

  it('is not for station or hub operators', async () => {
    const station = await signedIn('station1@nestwork.demo')
    expect((await station.get('/api-tokens')).status).toBe(403)
  })
})
