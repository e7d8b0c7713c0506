import { beforeEach, describe, expect, it } from 'vitest'
import { demoMerchants } from '../../db/seed/demo-data'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser } from '../helpers/http'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

describe('signing in on the page', () => {
  it('signs a merchant in with the demo password and sets a locked-down session cookie', async () => {
    const browser = new Browser(t)
    await browser.get('/login')
    const res = await browser.post('/login', {
      email: 'Merchant1@Nestwork.demo ',
      password: 'nestwork-demo',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/')
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('nw_session='))!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).not.toMatch(/Secure/) // plain HTTP on localhost
    const home = await browser.get('/')
    expect(await home.text()).toContain(demoMerchants[0]!.name)
  })

  it('marks the session cookie Secure when served over a real host name', async () => {
    const res = await t.app.request('https://nestwork.example/login')
    expect(res.headers.getSetCookie().join('\n')).toMatch(/nw_csrf=[^;]+;.*Secure/)
  })

  it('refuses a wrong password with 401 and keeps the typed email', async () => {
    const browser = new Browser(t)
    await browser.get('/login')
    const res = await browser.post('/login', { email: 'merchant1@nestwork.demo', password: 'nope' })
    expect(res.status).toBe(401)
    const html = await res.text()
    expect(html).toContain('邮箱或密码错误')
    expect(html).toContain('value="merchant1@nestwork.demo"')
    expect(browser.cookie('nw_session')).toBeUndefined()
  })

  it('names the field that is wrong when the email is malformed', async () => {
    const browser = new Browser(t)
    await browser.get('/login')
    const res = await browser.post('/login', { email: 'not-an-email', password: 'x' })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('id="field-email-error"')
    expect(html).toContain('aria-invalid="true"')
  })

  it('rejects a form posted without the CSRF token, before checking the password', async () => {
    const browser = new Browser(t)
    await browser.get('/login')
    const res = await browser.post('/login', {
      _csrf: 'forged-token-forged-token-forged-token',
      email: 'merchant1@nestwork.demo',
      password: 'nestwork-demo',
    })
    expect(res.status).toBe(403)
    expect(browser.cookie('nw_session')).toBeUndefined()
  })

  it('rejects a form posted from another origin even with a matching token', async () => {
    const browser = new Browser(t)
    await browser.get('/login')
    const res = await browser.post(
      '/login',
      { email: 'merchant1@nestwork.demo', password: 'nestwork-demo' },
      { origin: 'https://evil.example' },
    )
    expect(res.status).toBe(403)
  })

  it('only redirects to paths on this site after sign-in', async () => {
    const browser = new Browser(t)
    await browser.get('/login')
    const res = await browser.post('/login', {
      email: 'merchant1@nestwork.demo',
      password: 'nestwork-demo',
      next: '//evil.example/x',
    })
    expect(res.headers.get('location')).toBe('/')
  })

  it('signs out by revoking the session, so the old cookie no longer works', async () => {
    const browser = new Browser(t)
    await browser.signIn('merchant1@nestwork.demo')
    const stolen = browser.cookie('nw_session')!
    const out = await browser.post('/logout', {})
    expect(out.status).toBe(303)
    const replay = await t.app.request('http://localhost/map', {
      headers: { cookie: `nw_session=${stolen}` },
    })
    expect(replay.status).toBe(302)
    expect(replay.headers.get('location')).toBe('/login?next=%2Fmap')
  })
})

describe('throttling failed sign-ins', () => {
  it('locks an email after 5 failures, even for the right password, and says when to retry', async () => {
    const browser = new Browser(t)
    await browser.get('/login')
    for (let i = 0; i < 5; i++) {
      const res = await browser.post('/login', { email: 'hub1@nestwork.demo', password: 'bad' })
      expect(res.status).toBe(401)
    }
    const res = await browser.post('/login', {
      email: 'hub1@nestwork.demo',
      password: 'nestwork-demo',
    })
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await res.text()).toMatch(/秒后再试/)
  })

  it('lets the email in again once the window has passed', async () => {
    const browser = new Browser(t)
    await browser.get('/login')
    for (let i = 0; i < 5; i++) {
      await browser.post('/login', { email: 'hub1@nestwork.demo', password: 'bad' })
    }
    t.setNow(new Date('2026-11-25T02:16:00Z'))
    const res = await browser.post('/login', {
      email: 'hub1@nestwork.demo',
      password: 'nestwork-demo',
    })
    expect(res.status).toBe(303)
  })

  it('locks an IP that fails across many accounts, but not other IPs', async () => {
    const attacker = new Browser(t, '203.0.113.9')
    await attacker.get('/login')
    for (let i = 0; i < 30; i++) {
      await attacker.post('/login', { email: `station${i + 1}@nestwork.demo`, password: 'x' })
    }
    const blocked = await attacker.post('/login', {
      email: 'station40@nestwork.demo',
      password: 'nestwork-demo',
    })
    expect(blocked.status).toBe(429)
    const colleague = new Browser(t, '203.0.113.10')
    await colleague.signIn('station40@nestwork.demo')
  })

  it('never limits successful sign-ins from one shared shop IP', async () => {
    for (let i = 0; i < 40; i++) {
      const browser = new Browser(t, '203.0.113.50')
      await browser.signIn(`station${(i % 48) + 1}@nestwork.demo`)
    }
  })
})
