import { beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app'
import { gql, tokenFor } from '../helpers/http'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const ME = /* GraphQL */ `
  {
    me {
      id
      email
      role
      displayName
      locale
      merchant {
        id
        name
        category
      }
      station {
        id
        name
      }
      hub {
        id
        name
      }
    }
  }
`

describe('login and me', () => {
  it('returns a bearer token and the user, who can then ask who they are', async () => {
    const res = await gql(
      t,
      'mutation { login(email: "merchant3@nestwork.demo", password: "nestwork-demo") { token user { id email role } } }',
    )
    expect(res.errors).toBeUndefined()
    const { token, user } = res.data!.login
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(user).toMatchObject({ email: 'merchant3@nestwork.demo', role: 'MERCHANT' })
    const me = await gql(t, ME, {}, token)
    expect(me.data!.me).toMatchObject({
      email: 'merchant3@nestwork.demo',
      role: 'MERCHANT',
      locale: 'zh-CN',
      merchant: { id: 'mer_03', category: 'CLOTHING' },
      station: null,
      hub: null,
    })
  })

  it.each([
    ['station7@nestwork.demo', { station: { id: 'sta_07' }, merchant: null, hub: null }],
    ['hub2@nestwork.demo', { hub: { id: 'hub_2' }, merchant: null, station: null }],
    [
      'coordinator@nestwork.demo',
      { role: 'COORDINATOR', merchant: null, station: null, hub: null },
    ],
  ])('links %s to its organisation', async (email, expected) => {
    const me = await gql(t, ME, {}, await tokenFor(t, email))
    expect(me.data!.me).toMatchObject(expected)
  })

  it('answers UNAUTHENTICATED without a token, or with a made-up one', async () => {
    for (const token of [undefined, 'made-up-token']) {
      const res = await gql(t, '{ me { id } }', {}, token)
      expect(res.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED')
      expect(res.data).toBeNull()
    }
  })

  it('answers UNAUTHENTICATED for a wrong password without saying which part was wrong', async () => {
    const res = await gql(
      t,
      'mutation { login(email: "merchant1@nestwork.demo", password: "wrong") { token } }',
    )
    expect(res.errors![0]).toMatchObject({
      message: 'Email or password is wrong.',
      extensions: { code: 'UNAUTHENTICATED' },
    })
  })

  it('throttles failed logins with RATE_LIMITED and a retry time', async () => {
    const attempt = () =>
      gql(t, 'mutation { login(email: "hub1@nestwork.demo", password: "wrong") { token } }')
    for (let i = 0; i < 5; i++) await attempt()
    const res = await attempt()
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED' })
    const seconds = res.errors![0]!.extensions!.retryAfterSeconds
    expect(seconds).toBeGreaterThan(0)
    expect(res.headers.get('retry-after')).toBe(String(seconds))
  })

  it('revokes the token on logout', async () => {
    const token = await tokenFor(t, 'merchant1@nestwork.demo')
    expect((await gql(t, 'mutation { logout }', {}, token)).data).toEqual({ logout: true })
    const res = await gql(t, '{ me { id } }', {}, token)
    expect(res.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED')
  })

  it('remembers a language choice and refuses unknown ones naming the field', async () => {
    const token = await tokenFor(t, 'merchant1@nestwork.demo')
    const ok = await gql(t, 'mutation { setLocale(locale: "en") { locale } }', {}, token)
    expect(ok.data).toEqual({ setLocale: { locale: 'en' } })
    expect((await gql(t, '{ me { locale } }', {}, token)).data).toEqual({ me: { locale: 'en' } })
    const bad = await gql(t, 'mutation { setLocale(locale: "fr") { locale } }', {}, token)
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'locale' })
  })
})

describe('alliance', () => {
  it('lists the 3 hubs, 48 stations and 20 merchants of the demo alliance', async () => {
    const token = await tokenFor(t, 'merchant1@nestwork.demo')
    const res = await gql(
      t,
      `{ alliance { id name hubs { id name city lat lng dailyCapacityUnits }
         stations { id name city province lat lng services commissionFen }
         merchants { id name category } } }`,
      {},
      token,
    )
    expect(res.errors).toBeUndefined()
    const a = res.data!.alliance
    expect(a.name).toBe('Yangtze Delta Mother & Baby After-Sales Alliance')
    expect(a.hubs.map((h: { city: string }) => h.city)).toEqual(['Shanghai', 'Hangzhou', 'Nanjing'])
    expect(a.hubs.every((h: { dailyCapacityUnits: number }) => h.dailyCapacityUnits === 1500)).toBe(
      true,
    )
    expect(a.stations).toHaveLength(48)
    expect(new Set(a.stations.map((s: { province: string }) => s.province))).toEqual(
      new Set(['上海', '江苏', '浙江', '安徽']),
    )
    expect(
      a.stations.every((s: { commissionFen: number }) => Number.isInteger(s.commissionFen)),
    ).toBe(true)
    const mix = a.merchants.reduce(
      (m: Record<string, number>, x: { category: string }) => ({
        ...m,
        [x.category]: (m[x.category] ?? 0) + 1,
      }),
      {},
    )
    expect(mix).toEqual({ FOOD: 7, SUPPLIES: 6, CLOTHING: 4, TOYS: 3 })
  })

  it('is not readable without signing in', async () => {
    const res = await gql(t, '{ alliance { id } }')
    expect(res.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED')
  })
})

describe('request problems', () => {
  it('answers BAD_USER_INPUT for a variable of the wrong type', async () => {
    const res = await gql(
      t,
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: 42, p: ['x'] },
    )
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
  })

  it('answers BAD_USER_INPUT for a malformed email, naming the field', async () => {
    const res = await gql(t, 'mutation { login(email: "nope", password: "x") { token } }')
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' })
  })

  it('answers BAD_USER_INPUT for syntax errors and unknown fields, without suggestions', async () => {
    const syntax = await gql(t, '{ me { id ')
    expect(syntax.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
    const unknown = await gql(t, '{ mee { id } }')
    expect(unknown.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
    expect(unknown.errors![0]!.message).not.toMatch(/Did you mean/)
  })

  it('rejects queries nested deeper than the limit before running them', async () => {
    let selection = 'name'
    for (let i = 0; i < 12; i++) selection = `ofType { ${selection} }`
    const res = await gql(t, `{ __type(name: "Query") { fields { type { ${selection} } } } }`)
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
    expect(res.errors![0]!.message).toMatch(/depth/i)
    expect(res.data ?? null).toBeNull()
  })

  it('refuses a request body over 1 MB with 413 before parsing it', async () => {
    const res = await t.app.request('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }', pad: 'x'.repeat(1024 * 1024) }),
    })
    expect(res.status).toBe(413)
  })

  it('masks unexpected failures as INTERNAL without leaking SQL or stacks', async () => {
    const token = await tokenFor(t, 'merchant1@nestwork.demo')
    // Renamed rather than dropped: D1 enforces foreign keys and refuses to drop a referenced table.
    await t.client.execute('alter table stations rename to stations_gone')
    const res = await gql(t, '{ alliance { stations { id } } }', {}, token)
    const error = res.errors![0]!
    expect(error.message).toBe('Unexpected error.')
    expect(error.extensions!.code).toBe('INTERNAL')
    expect(JSON.stringify(error.extensions)).not.toMatch(/sql|select|stack|no such table/i)
  })
})
