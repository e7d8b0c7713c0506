import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const password = 'a-fresh-passphrase-77'

async function userId(email: string) {
  const [row] = await t.db.all<{ id: string }>(sql`select id from users where email = ${email}`)
  return row!.id
}

async function coordinator() {
  const browser = new Browser(t)
  await browser.signIn('coordinator@nestwork.demo')
  await browser.get('/admin/users')
  return browser
}

describe('reset links by page', () => {
  it('shows the link once; using it ends every session and signs this browser in', async () => {
    const id = await userId('merchant3@nestwork.demo')
    const phone = new Browser(t)
    await phone.signIn('merchant3@nestwork.demo')
    const apiToken = await tokenFor(t, 'merchant3@nestwork.demo')

    const admin = await coordinator()
    const res = await admin.post(`/admin/users/${id}/reset-link`, {})
    expect(res.status).toBe(200)
    const path = /http:\/\/localhost(\/reset\/[A-Za-z0-9_-]{43})/.exec(await res.text())![1]!

    const owner = new Browser(t, '203.0.113.9')
    const page = await owner.get(path)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('merchant3@nestwork.demo')
    const done = await owner.post(path, { password, repeatPassword: password })
    expect(done.status).toBe(303)
    expect((await owner.get('/bookings')).status).toBe(200)

    expect((await phone.get('/account')).status).toBe(302)
    expect((await gql(t, '{ me { id } }', {}, apiToken)).errors![0]!.extensions!.code).toBe(
      'UNAUTHENTICATED',
    )
    await new Browser(t).signIn('merchant3@nestwork.demo', password)
    await expect(new Browser(t).signIn('merchant3@nestwork.demo')).rejects.toThrow()

    const again = await new Browser(t).get(path)
    expect(again.status).toBe(409)
    const [audit] = await t.db.all<{ n: number }>(
      sql`select count(*) as n from audit_log where action in ('password.resetLink', 'password.reset')`,
    )
    expect(audit!.n).toBe(2)
  })
})

describe('deactivation by page', () => {
  it('ends the user’s sessions, refuses sign-in, and reactivation lets them in again', async () => {
    const id = await userId('station5@nestwork.demo')
    const operator = new Browser(t)
    await operator.signIn('station5@nestwork.demo')
    const apiToken = await tokenFor(t, 'station5@nestwork.demo')

    const admin = await coordinator()
    const off = await admin.post(`/admin/users/${id}/active`, { active: 'false' })
    expect(off.status).toBe(303)
    const list = await (await admin.get(off.headers.get('location')!)).text()
    expect(list).toContain('已停用')

    expect((await operator.get('/station')).status).toBe(302)
    expect((await gql(t, '{ me { id } }', {}, apiToken)).errors![0]!.extensions!.code).toBe(
      'UNAUTHENTICATED',
    )
    await expect(new Browser(t).signIn('station5@nestwork.demo')).rejects.toThrow()
    const login = await gql(
      t,
      'mutation { login(email: "station5@nestwork.demo", password: "nestwork-demo") { token } }',
    )
    expect(login.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED')

    const reset = await admin.post(`/admin/users/${id}/reset-link`, {})
    expect(reset.status).toBe(409)

    expect((await admin.post(`/admin/users/${id}/active`, { active: 'true' })).status).toBe(303)
    await new Browser(t).signIn('station5@nestwork.demo')
  })
})
