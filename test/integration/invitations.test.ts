import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser } from '../helpers/http'

let t: TestApp
const start = new Date('2026-11-25T02:00:00Z')
beforeEach(async () => {
  t = await createTestApp()
})

const password = 'a-fresh-passphrase-77'

async function coordinator() {
  const browser = new Browser(t)
  await browser.signIn('coordinator@nestwork.demo')
  return browser
}

/** Invites through the page and returns the link it shows once. */
async function inviteByPage(browser: Browser, form: Record<string, string>) {
  await browser.get('/admin/users')
  const res = await browser.post('/admin/users/invite', form)
  expect(res.status).toBe(200)
  const html = await res.text()
  const url = /http:\/\/localhost\/invite\/([A-Za-z0-9_-]{43})/.exec(html)
  expect(url).not.toBeNull()
  return { html, path: `/invite/${url![1]}`, token: url![1]! }
}

describe('inviting by page', () => {
  it('takes the form as a browser sends it, with the unused organisations left at none', async () => {
    const browser = await coordinator()
    await inviteByPage(browser, {
      email: 'owner@new-shop.example.cn',
      role: 'MERCHANT',
      merchantId: 'mer_01',
      stationId: '',
      hubId: '',
    })
  })

  it('shows the link once, lists it as pending, and accepting signs the new user in', async () => {
    const browser = await coordinator()
    const { path, token } = await inviteByPage(browser, {
      email: 'New.Operator@Example.com',
      role: 'STATION_OPERATOR',
      stationId: 'sta_02',
    })
    const list = await (await browser.get('/admin/users')).text()
    expect(list).toContain('new.operator@example.com')
    expect(list).not.toContain(token)
    const stored = await t.db.all<{ token_hash: string }>(sql`select token_hash from access_links`)
    expect(stored).toHaveLength(1)
    expect(stored[0]!.token_hash).not.toContain(token)

    const invited = new Browser(t, '203.0.113.9')
    const page = await invited.get(path)
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-store')
    const res = await invited.post(path, { password, repeatPassword: password })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/')
    expect((await invited.get('/station')).status).toBe(200)

    const again = new Browser(t)
    await again.signIn('new.operator@example.com', password)
    const [audit] = await t.db.all<{ n: number }>(
      sql`select count(*) as n from audit_log where action in ('invitation.create', 'invitation.accept')`,
    )
    expect(audit!.n).toBe(2)
  })

  it('refuses a second use of the link, and says so in the page language', async () => {
    const { path } = await inviteByPage(await coordinator(), {
      email: 'once@example.com',
      role: 'COORDINATOR',
    })
    const first = new Browser(t)
    await first.get(path)
    expect((await first.post(path, { password, repeatPassword: password })).status).toBe(303)
    const second = new Browser(t)
    await second.get('/login')
    const res = await second.post(path, { password, repeatPassword: password })
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('该链接已被使用')
  })

  it('stops working after 72 hours', async () => {
    const { path } = await inviteByPage(await coordinator(), {
      email: 'late@example.com',
      role: 'MERCHANT',
      merchantId: 'mer_03',
    })
    t.setNow(new Date(start.getTime() + 72 * 3600 * 1000 + 1000))
    const res = await new Browser(t).get(path)
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('该链接已过期')
  })

  it('withdraws a pending invitation so its link no longer works', async () => {
    const browser = await coordinator()
    const { path } = await inviteByPage(browser, {
      email: 'withdrawn@example.com',
      role: 'HUB_OPERATOR',
      hubId: 'hub_1',
    })
    const list = await (await browser.get('/admin/users')).text()
    const id = /\/admin\/users\/invitations\/(inv_[a-z0-9]+)\/revoke/.exec(list)![1]
    const res = await browser.post(`/admin/users/invitations/${id}/revoke`, {})
    expect(res.status).toBe(303)
    expect((await new Browser(t).get(path)).status).toBe(409)
  })

  it('answers an unknown or malformed link with not found', async () => {
    const browser = new Browser(t)
    expect((await browser.get(`/invite/${'A'.repeat(43)}`)).status).toBe(404)
    expect((await browser.get('/invite/short')).status).toBe(404)
  })

  it('marks a missing organisation and an email that has an account', async () => {
    const browser = await coordinator()
    await browser.get('/admin/users')
    const missing = await browser.post('/admin/users/invite', {
      email: 'x@example.com',
      role: 'MERCHANT',
    })
    expect(missing.status).toBe(400)
    const taken = await browser.post('/admin/users/invite', {
      email: 'merchant1@nestwork.demo',
      role: 'COORDINATOR',
    })
    expect(taken.status).toBe(409)
    expect(await taken.text()).toContain('该邮箱地址已有账户')
  })

  it('refuses a new password outside the policy at its field', async () => {
    const { path } = await inviteByPage(await coordinator(), {
      email: 'weak@example.com',
      role: 'COORDINATOR',
    })
    const invited = new Browser(t)
    await invited.get(path)
    const res = await invited.post(path, { password: 'short', repeatPassword: 'short' })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('field-password-error')
  })
})
