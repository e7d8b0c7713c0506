import { beforeEach, describe, expect, it } from 'vitest'
import { demoMerchants } from '../../db/seed/demo-data'
import { eq } from 'drizzle-orm'
import { users } from '../../db/schema'
import { pbkdf2Hasher, type PasswordHasher } from '../../src/auth/password'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql } from '../helpers/http'

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
  it('stops an account after 5 attempts from one address, even with the right password, and says when to retry', async () => {
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
    expect(await res.text()).toMatch(/从您的网络尝试该账户的次数过多，请 \d+ 秒后再试/)
  })

  it('says the same in English on an English page', async () => {
    const browser = new Browser(t)
    await browser.get('/login', { 'accept-language': 'en' })
    for (let i = 0; i < 6; i++) {
      await browser.post('/login', { email: 'hub1@nestwork.demo', password: 'bad' })
    }
    const res = await browser.post(
      '/login',
      { email: 'hub1@nestwork.demo', password: 'bad' },
      { 'accept-language': 'en' },
    )
    expect(await res.text()).toMatch(
      /Too many attempts at this account from your network\. Try again in \d+ seconds\./,
    )
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

  it('lets the owner in from another address at once while an attacker hammers from one', async () => {
    const attacker = new Browser(t, '203.0.113.66')
    await attacker.get('/login')
    const statuses: number[] = []
    for (let i = 0; i < 30; i++) {
      const res = await attacker.post('/login', { email: 'merchant3@nestwork.demo', password: 'x' })
      statuses.push(res.status)
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(5)
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true)
    const owner = new Browser(t, '198.51.100.23')
    await owner.signIn('merchant3@nestwork.demo')
  })

  it('slows an account guessed at from many addresses with growing delays of seconds, not a lock', async () => {
    const guess = (n: number) =>
      gql(t, loginMutation, { e: 'merchant4@nestwork.demo', p: 'wrong' }, undefined, `10.0.0.${n}`)
    const waits: number[] = []
    for (let n = 1; n <= 12; n++) {
      const res = await guess(n)
      const code = res.errors?.[0]?.extensions?.code
      if (code === 'RATE_LIMITED') {
        expect(res.errors?.[0]?.extensions?.reason).toBe('ACCOUNT')
        waits.push(Number(res.errors?.[0]?.extensions?.retryAfterSeconds))
      } else {
        expect(code).toBe('UNAUTHENTICATED')
      }
      t.setNow(new Date(now.getTime() + n * 50))
    }
    // Five free attempts, then each attempt must wait: one second, then two…
    expect(waits.length).toBeGreaterThan(0)
    expect(Math.max(...waits)).toBeLessThanOrEqual(30)
    const owner = new Browser(t, '198.51.100.24')
    await owner.get('/login')
    const refused = await owner.post('/login', {
      email: 'merchant4@nestwork.demo',
      password: 'nestwork-demo',
    })
    expect(refused.status).toBe(429)
    const wait = Number(refused.headers.get('retry-after'))
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(30)
    expect(await refused.text()).toContain('该账户近期多次输错密码')
    t.setNow(new Date(now.getTime() + 12 * 50 + wait * 1000))
    await owner.signIn('merchant4@nestwork.demo')
  })

  it('stops one address spraying a password across many accounts, but not other addresses', async () => {
    const attacker = new Browser(t, '203.0.113.9')
    await attacker.get('/login')
    for (let i = 0; i < 50; i++) {
      const email = i < 48 ? `station${i + 1}@nestwork.demo` : `merchant${i - 47}@nestwork.demo`
      const res = await attacker.post('/login', { email, password: 'password123' })
      expect(res.status).toBe(401)
    }
    const blocked = await attacker.post('/login', {
      email: 'merchant10@nestwork.demo',
      password: 'nestwork-demo',
    })
    expect(blocked.status).toBe(429)
    expect(await blocked.text()).toContain('您的网络登录失败次数过多')
    const colleague = new Browser(t, '203.0.113.10')
    await colleague.signIn('merchant10@nestwork.demo')
  })

  it('never locks a busy shop whose staff sign in all day behind one address, typos included', async () => {
    for (let i = 0; i < 45; i++) {
      const browser = new Browser(t, '203.0.113.50')
      const email = `station${(i % 6) + 1}@nestwork.demo`
      await browser.get('/login')
      const typo = await browser.post('/login', { email, password: 'nestwork-dmeo' })
      expect(typo.status).toBe(401)
      await browser.signIn(email)
    }
  })

  it('never limits successful sign-ins from one shared shop IP', async () => {
    for (let i = 0; i < 60; i++) {
      const browser = new Browser(t, '203.0.113.50')
      await browser.signIn(`station${(i % 48) + 1}@nestwork.demo`)
    }
  })
})

describe('throttling concurrent guesses', () => {
  it('checks at most 5 of 200 concurrent wrong guesses from one address', async () => {
    const counted = await createCountingApp()
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        gql(counted.t, loginMutation, { e: 'merchant1@nestwork.demo', p: 'guess' }),
      ),
    )
    expect(counted.verified()).toBeLessThanOrEqual(5)
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code)
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBe(counted.verified())
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBe(200 - counted.verified())
  })

  it('checks only a few of 200 concurrent guesses at one account from 200 addresses', async () => {
    const counted = await createCountingApp()
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        gql(
          counted.t,
          loginMutation,
          { e: 'merchant1@nestwork.demo', p: 'guess' },
          undefined,
          `10.1.${i >> 8}.${i & 255}`,
        ),
      ),
    )
    // Five free attempts, then the account's delay lets one more through at a time.
    expect(counted.verified()).toBeLessThanOrEqual(6)
  })

  it('does not sign in with the right password hidden among 20 concurrent guesses past the limit', async () => {
    const counted = await createCountingApp()
    for (let i = 0; i < 4; i++) {
      await gql(counted.t, loginMutation, { e: 'merchant2@nestwork.demo', p: `guess${i}` })
    }
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        gql(counted.t, loginMutation, {
          e: 'merchant2@nestwork.demo',
          p: i === 19 ? 'nestwork-demo' : `burst${i}`,
        }),
      ),
    )
    expect(counted.verified()).toBeLessThanOrEqual(5)
    expect(results.some((r) => r.data?.login)).toBe(false)
    expect(results[19]!.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED')
  })
})

describe('password hashes', () => {
  it('re-hashes a weaker stored hash with the current hasher on sign-in', async () => {
    const strong = await createTestApp({ hasher: pbkdf2Hasher(2000) })
    const weak = await pbkdf2Hasher(1000).hash('nestwork-demo')
    await strong.db.update(users).set({ passwordHash: weak }).where(eq(users.id, 'usr_002'))
    await new Browser(strong).signIn('merchant1@nestwork.demo')
    const [row] = await strong.db.select().from(users).where(eq(users.id, 'usr_002'))
    expect(row!.passwordHash).toMatch(/^pbkdf2_sha256\$2000\$/)
    await new Browser(strong).signIn('merchant1@nestwork.demo')
  })

  it('leaves a hash as strong as the current hasher alone', async () => {
    const [before] = await t.db.select().from(users).where(eq(users.id, 'usr_002'))
    await new Browser(t).signIn('merchant1@nestwork.demo')
    const [after] = await t.db.select().from(users).where(eq(users.id, 'usr_002'))
    expect(after!.passwordHash).toBe(before!.passwordHash)
  })
})

const now = new Date('2026-11-25T02:00:00Z')
const loginMutation =
  'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }'

/** A test app whose hasher counts verifications and takes a few milliseconds, like a real one. */
async function createCountingApp() {
  const inner = pbkdf2Hasher(1000)
  let verified = 0
  const hasher: PasswordHasher = {
    hash: (password) => inner.hash(password),
    needsRehash: (stored) => inner.needsRehash(stored),
    async verify(password, stored) {
      verified++
      await new Promise((resolve) => setTimeout(resolve, 5))
      return inner.verify(password, stored)
    },
  }
  const counted = await createTestApp({ hasher })
  return { t: counted, verified: () => verified }
}
