import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser } from '../helpers/http'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const password = 'a-fresh-passphrase-77'

async function owner() {
  const browser = new Browser(t)
  await browser.signIn('merchant1@nestwork.demo')
  await browser.get('/team')
  return browser
}

describe('/team', () => {
  it('lets a merchant invite a colleague, who joins its own merchant only', async () => {
    const browser = await owner()
    const res = await browser.post('/team/invite', { email: 'colleague@shop.example' })
    expect(res.status).toBe(200)
    const path = /http:\/\/localhost(\/invite\/[A-Za-z0-9_-]{43})/.exec(await res.text())![1]!
    const colleague = new Browser(t)
    await colleague.get(path)
    expect((await colleague.post(path, { password, repeatPassword: password })).status).toBe(303)
    const page = await (await colleague.get('/team')).text()
    expect(page).toContain('colleague@shop.example')
    expect(page).toContain('merchant1@nestwork.demo')
    expect(page).not.toContain('merchant2@nestwork.demo')
  })

  it('deactivates a colleague and makes reset links, never for the merchant’s own account', async () => {
    const browser = await owner()
    const invite = await browser.post('/team/invite', { email: 'c2@shop.example' })
    const path = /http:\/\/localhost(\/invite\/[A-Za-z0-9_-]{43})/.exec(await invite.text())![1]!
    const colleague = new Browser(t)
    await colleague.get(path)
    await colleague.post(path, { password, repeatPassword: password })
    const page = await (await browser.get('/team')).text()
    const id = /\/team\/(usr_[a-z0-9]+)\/active/.exec(page)![1]!
    expect(page).not.toMatch(/\/team\/usr_002\/active/)

    const reset = await browser.post(`/team/${id}/reset-link`, {})
    expect(await reset.text()).toMatch(/\/reset\/[A-Za-z0-9_-]{43}/)
    const off = await browser.post(`/team/${id}/active`, { active: 'false' })
    expect(off.status).toBe(303)
    expect((await colleague.get('/bookings')).status).toBe(302)
    const other = await browser.post('/team/usr_003/active', { active: 'false' })
    expect(other.status).toBe(404)
  })

  it('is for merchants only', async () => {
    const coordinator = new Browser(t)
    await coordinator.signIn('coordinator@nestwork.demo')
    expect((await coordinator.get('/team')).status).toBe(403)
  })
})
