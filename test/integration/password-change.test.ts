import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { users } from '../../db/schema'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql, tokenFor } from '../helpers/http'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const email = 'merchant1@nestwork.demo'
const fresh = 'violet-harbour-lanterns'
const change =
  'mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }'

async function storedHash() {
  const [row] = await t.db.select().from(users).where(eq(users.email, email))
  return row!.passwordHash
}

async function signsIn(password: string) {
  const browser = new Browser(t, '198.51.100.99')
  await browser.get('/login')
  return (await browser.post('/login', { email, password })).status === 303
}

describe('changing one’s password on the account page', () => {
  it('changes it, keeps this browser signed in and ends every other session', async () => {
    const here = new Browser(t)
    const elsewhere = new Browser(t)
    await here.signIn(email)
    await elsewhere.signIn(email)
    const token = await tokenFor(t, email)

    const res = await here.post('/account/password', {
      currentPassword: 'nestwork-demo',
      newPassword: fresh,
      repeatPassword: fresh,
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/account?done=password')
    const page = await here.get('/account?done=password')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('密码已修改，您的其他会话已结束。')

    expect((await elsewhere.get('/account')).status).toBe(302)
    expect((await gql(t, '{ me { id } }', {}, token)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    )
    expect(await signsIn(fresh)).toBe(true)
    expect(await signsIn('nestwork-demo')).toBe(false)
  })

  it.each([
    [
      'a new password under 10 characters',
      { newPassword: 'short-pw', repeatPassword: 'short-pw' },
      '请至少使用 10 个字符。',
    ],
    [
      'a common password',
      { newPassword: 'password123', repeatPassword: 'password123' },
      '该密码属于最常见的密码',
    ],
    [
      'two different new passwords',
      { newPassword: fresh, repeatPassword: `${fresh}!` },
      '两次输入的新密码不一致',
    ],
    [
      'a wrong current password',
      { currentPassword: 'not-it-at-all', newPassword: fresh, repeatPassword: fresh },
      '当前密码不正确。',
    ],
  ])(
    'refuses %s with 400, saying why in the page’s language, and changes nothing',
    async (_, fields, message) => {
      const browser = new Browser(t)
      await browser.signIn(email)
      const before = await storedHash()
      const res = await browser.post('/account/password', {
        currentPassword: 'nestwork-demo',
        ...fields,
      })
      expect(res.status).toBe(400)
      const html = await res.text()
      expect(html).toContain(message)
      expect(html).toContain('aria-invalid="true"')
      expect(html).not.toContain(fresh)
      expect(await storedHash()).toBe(before)
    },
  )

  it('refuses the current password as the new one', async () => {
    const browser = new Browser(t)
    await browser.signIn(email)
    const form = { newPassword: fresh, repeatPassword: fresh }
    await browser.post('/account/password', { currentPassword: 'nestwork-demo', ...form })
    const again = await browser.post('/account/password', { currentPassword: fresh, ...form })
    expect(again.status).toBe(400)
    expect(await again.text()).toContain('新密码不能与当前密码相同。')
  })

  it('says why in English on an English page', async () => {
    const browser = new Browser(t)
    await browser.signIn(email)
    await browser.post('/locale', { locale: 'en', next: '/account' })
    const page = await (await browser.get('/account')).text()
    expect(page).toContain('Change your password')
    const res = await browser.post('/account/password', {
      currentPassword: 'nestwork-demo',
      newPassword: '1234567890',
      repeatPassword: '1234567890',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('This password is among the most common ones')
    expect(html).not.toContain('该密码属于最常见的密码')
  })

  it('answers htmx with the form itself, swapped in place', async () => {
    const browser = new Browser(t)
    await browser.signIn(email)
    const res = await browser.post(
      '/account/password',
      { currentPassword: 'nestwork-demo', newPassword: fresh, repeatPassword: fresh },
      { 'hx-request': 'true' },
    )
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).not.toContain('<html')
    expect(html).toContain('id="password-form"')
    expect(html).toContain('密码已修改')
  })

  it('counts wrong current passwords against the sign-in limits, with Retry-After', async () => {
    const browser = new Browser(t)
    await browser.signIn(email)
    for (let i = 0; i < 5; i++) {
      const res = await browser.post('/account/password', {
        currentPassword: `guess-${i}`,
        newPassword: fresh,
        repeatPassword: fresh,
      })
      expect(res.status).toBe(400)
    }
    const res = await browser.post('/account/password', {
      currentPassword: 'nestwork-demo',
      newPassword: fresh,
      repeatPassword: fresh,
    })
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await res.text()).toMatch(/秒后再试/)
  })
})

describe('changePassword over GraphQL', () => {
  it('changes it, keeps this token and ends the user’s other sessions', async () => {
    const browser = new Browser(t)
    await browser.signIn(email)
    const other = await tokenFor(t, email)
    const token = await tokenFor(t, email)
    const res = await gql(t, change, { c: 'nestwork-demo', n: fresh }, token)
    expect(res.errors).toBeUndefined()
    expect(res.data).toEqual({ changePassword: true })
    expect((await gql(t, '{ me { email } }', {}, token)).data).toEqual({ me: { email } })
    expect((await gql(t, '{ me { id } }', {}, other)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    )
    expect((await browser.get('/account')).status).toBe(302)
    expect(await signsIn(fresh)).toBe(true)
  })

  it.each([
    ['a common new password', { c: 'nestwork-demo', n: 'qwertyuiop' }, 'newPassword'],
    ['a short new password', { c: 'nestwork-demo', n: 'abc' }, 'newPassword'],
    ['a wrong current password', { c: 'nope-nope-nope', n: fresh }, 'currentPassword'],
  ])('refuses %s as BAD_USER_INPUT naming the field', async (_, vars, field) => {
    const token = await tokenFor(t, email)
    const before = await storedHash()
    const res = await gql(t, change, vars, token)
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field })
    expect(await storedHash()).toBe(before)
  })

  it('refuses anonymous callers', async () => {
    const res = await gql(t, change, { c: 'nestwork-demo', n: fresh })
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })
})
