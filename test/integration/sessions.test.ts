import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'

let t: TestApp
const start = new Date('2026-11-25T02:00:00Z')
const hours = (n: number) => new Date(start.getTime() + n * 3600 * 1000)
beforeEach(async () => {
  t = await createTestApp()
})

async function signedIn(browser: Browser) {
  const res = await browser.get('/account')
  return res.status === 200
}

describe('session expiry', () => {
  it('keeps a browser signed in while used and signs it out after 12 idle hours', async () => {
    const browser = new Browser(t)
    await browser.signIn('merchant1@nestwork.demo')
    t.setNow(hours(11))
    expect(await signedIn(browser)).toBe(true)
    t.setNow(hours(22)) // 11 h after the last use
    expect(await signedIn(browser)).toBe(true)
    t.setNow(hours(34.5)) // 12.5 h after the last use
    expect(await signedIn(browser)).toBe(false)
  })

  it('ends a browser session 14 days after sign-in however often it is used', async () => {
    const browser = new Browser(t)
    await browser.signIn('merchant1@nestwork.demo')
    for (let h = 10; h < 14 * 24; h += 10) {
      t.setNow(hours(h))
      expect(await signedIn(browser)).toBe(true)
    }
    t.setNow(hours(14 * 24 + 0.01))
    expect(await signedIn(browser)).toBe(false)
  })

  it('keeps a bearer token 7 idle days and ends it at 30 days', async () => {
    const token = await tokenFor(t, 'merchant1@nestwork.demo')
    const me = async () => (await gql(t, '{ me { id } }', {}, token)).errors?.[0]?.extensions?.code
    t.setNow(hours(6 * 24))
    expect(await me()).toBeUndefined()
    t.setNow(hours(13 * 24 + 12)) // 7.5 days after the last use
    expect(await me()).toBe('UNAUTHENTICATED')

    const busy = await tokenFor(t, 'merchant1@nestwork.demo')
    const startBusy = hours(13 * 24 + 12).getTime()
    const day = 24 * 3600 * 1000
    for (let d = 5; d < 30; d += 5) {
      t.setNow(new Date(startBusy + d * day))
      expect((await gql(t, '{ me { id } }', {}, busy)).errors).toBeUndefined()
    }
    t.setNow(new Date(startBusy + 30 * day + 1000))
    expect((await gql(t, '{ me { id } }', {}, busy)).errors![0]!.extensions!.code).toBe(
      'UNAUTHENTICATED',
    )
  })
})

describe('rotation on sign-in', () => {
  it('ends the session this browser held before and hands out a new CSRF token', async () => {
    const browser = new Browser(t)
    await browser.signIn('merchant1@nestwork.demo')
    const before = { session: browser.cookie('nw_session')!, csrf: browser.csrf! }
    await browser.signIn('merchant2@nestwork.demo')
    expect(browser.cookie('nw_session')).not.toBe(before.session)
    expect(browser.csrf).not.toBe(before.csrf)

    const replay = await t.app.request('http://localhost/account', {
      headers: { cookie: `nw_session=${before.session}` },
    })
    expect(replay.status).toBe(302)
    expect(replay.headers.get('location')).toMatch(/^\/login/)
  })
})

describe('CSRF tokens bound to the session', () => {
  it('refuses a signed-in form that carries the token of another session', async () => {
    const mine = new Browser(t, '198.51.100.31')
    const theirs = new Browser(t, '198.51.100.32')
    await mine.signIn('merchant1@nestwork.demo')
    await theirs.signIn('merchant1@nestwork.demo')
    const forged = await mine.post('/account/sign-out-everywhere', { _csrf: theirs.csrf! })
    expect(forged.status).toBe(403)
    expect(await signedIn(mine)).toBe(true)
    const own = await mine.post('/account/sign-out-everywhere', {})
    expect(own.status).toBe(303)
  })

  it('refuses a token that matches a cookie planted beside the session (double-submit alone)', async () => {
    const victim = new Browser(t)
    await victim.signIn('merchant1@nestwork.demo')
    const planted = 'planted-by-a-sibling-subdomain-0123456789'
    const res = await t.app.request('http://localhost/account/sign-out-everywhere', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `nw_session=${victim.cookie('nw_session')}; nw_csrf=${planted}`,
      },
      body: new URLSearchParams({ _csrf: planted }),
    })
    expect(res.status).toBe(403)
    expect(await signedIn(victim)).toBe(true)
  })

  it('refuses the token this browser was given before signing in', async () => {
    const browser = new Browser(t)
    await browser.get('/login')
    const beforeSignIn = browser.csrf!
    await browser.signIn('merchant1@nestwork.demo')
    expect(browser.cookie('nw_csrf')).toBeDefined()
    const res = await browser.post('/account/sign-out-everywhere', { _csrf: beforeSignIn })
    expect(res.status).toBe(403)
    const header = await browser.post(
      '/account/sign-out-everywhere',
      { _csrf: '' },
      { 'x-csrf-token': browser.cookie('nw_csrf')! },
    )
    expect(header.status).toBe(403)
    expect(await signedIn(browser)).toBe(true)
  })

  it('hands out the session’s token in signed-in pages, for forms and htmx alike', async () => {
    const browser = new Browser(t)
    await browser.signIn('merchant1@nestwork.demo')
    const html = await (await browser.get('/account')).text()
    expect(html).toContain(`name="_csrf" value="${browser.csrf}"`)
    expect(html).toContain(`&quot;x-csrf-token&quot;:&quot;${browser.csrf}&quot;`)
    expect(browser.csrf).not.toBe(browser.cookie('nw_csrf'))
  })
})

describe('revocation', () => {
  it('lists own sessions on /account and ends another one', async () => {
    const phone = new Browser(t)
    await phone.signIn('merchant1@nestwork.demo')
    const laptop = new Browser(t)
    await laptop.signIn('merchant1@nestwork.demo')
    const token = await tokenFor(t, 'merchant1@nestwork.demo')

    const sessions = await gql(t, '{ mySessions { id kind current } }', {}, token)
    expect(sessions.data!.mySessions).toHaveLength(3)
    expect(sessions.data!.mySessions.filter((s: any) => s.current)).toEqual([
      expect.objectContaining({ kind: 'API' }),
    ])

    const page = await (await laptop.get('/account')).text()
    const forms = [...page.matchAll(/action="\/account\/sessions\/([0-9a-f]{16})\/revoke"/g)]
    expect(forms).toHaveLength(2) // every session but the laptop's own
    for (const [, id] of forms) {
      const res = await laptop.post(`/account/sessions/${id}/revoke`, {})
      expect(res.status).toBe(303)
    }
    expect(await signedIn(phone)).toBe(false)
    expect((await gql(t, '{ me { id } }', {}, token)).errors![0]!.extensions!.code).toBe(
      'UNAUTHENTICATED',
    )
    expect(await signedIn(laptop)).toBe(true)
  })

  it('treats another user’s session id as not found', async () => {
    const other = await tokenFor(t, 'merchant2@nestwork.demo')
    const [{ id }] = (await gql(t, '{ mySessions { id } }', {}, other)).data!.mySessions
    const mine = await tokenFor(t, 'merchant1@nestwork.demo')
    const res = await gql(t, 'mutation ($id: ID!) { revokeSession(id: $id) }', { id }, mine)
    expect(res.errors![0]!.extensions!.code).toBe('NOT_FOUND')
    expect((await gql(t, '{ me { id } }', {}, other)).errors).toBeUndefined()
    const bad = await gql(t, 'mutation { revokeSession(id: "x%") }', {}, mine)
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' })
  })

  it('signs out everywhere from the page and from GraphQL', async () => {
    const browser = new Browser(t)
    await browser.signIn('merchant1@nestwork.demo')
    const token = await tokenFor(t, 'merchant1@nestwork.demo')
    const res = await browser.post('/account/sign-out-everywhere', {})
    expect(res.headers.get('location')).toBe('/login')
    expect((await gql(t, '{ me { id } }', {}, token)).errors![0]!.extensions!.code).toBe(
      'UNAUTHENTICATED',
    )

    const a = await tokenFor(t, 'hub1@nestwork.demo')
    const b = await tokenFor(t, 'hub1@nestwork.demo')
    expect((await gql(t, 'mutation { logoutEverywhere }', {}, a)).data).toEqual({
      logoutEverywhere: 2,
    })
    expect((await gql(t, '{ me { id } }', {}, b)).errors![0]!.extensions!.code).toBe(
      'UNAUTHENTICATED',
    )
  })

  it('lets a coordinator end a user’s sessions, and nobody else', async () => {
    const victim = new Browser(t)
    await victim.signIn('merchant1@nestwork.demo')
    const merchantToken = await tokenFor(t, 'merchant1@nestwork.demo')
    const coordinator = new Browser(t)
    await coordinator.signIn('coordinator@nestwork.demo')

    const list = await (await coordinator.get('/admin/users')).text()
    expect(list).toContain('merchant1@nestwork.demo')
    const me = await gql(t, '{ me { id } }', {}, merchantToken)
    const userId = me.data!.me.id
    const res = await coordinator.post(`/admin/users/${userId}/revoke-sessions`, {})
    expect(res.status).toBe(303)
    const after = await (await coordinator.get(res.headers.get('location')!)).text()
    expect(after).toContain('2')
    expect(await signedIn(victim)).toBe(false)

    const coordinatorToken = await tokenFor(t, 'coordinator@nestwork.demo')
    const missing = await gql(
      t,
      'mutation { revokeUserSessions(userId: "usr_999") }',
      {},
      coordinatorToken,
    )
    expect(missing.errors![0]!.extensions!.code).toBe('NOT_FOUND')

    const station = await tokenFor(t, 'station1@nestwork.demo')
    const forbidden = await gql(
      t,
      'mutation ($u: ID!) { revokeUserSessions(userId: $u) }',
      { u: userId },
      station,
    )
    expect(forbidden.errors![0]!.extensions!.code).toBe('FORBIDDEN')
    expect(
      (await gql(t, '{ allianceUsers { id } }', {}, station)).errors![0]!.extensions!.code,
    ).toBe('FORBIDDEN')
    const merchantPage = new Browser(t)
    await merchantPage.signIn('merchant2@nestwork.demo')
    expect((await merchantPage.get('/admin/users')).status).toBe(403)
  })
})
