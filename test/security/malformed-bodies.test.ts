import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp } from '../helpers/app'
import { Browser, gql } from '../helpers/http'
import { buildFixtures, emails, fingerprint, roles, type Fixtures, type RoleName } from './fixtures'
import { routeCases, type RouteCase } from './matrix'

/**
 * Bodies no form parser can read, sent to every POST route the app registers, as a caller
 * allowed to use it and with a valid CSRF token: each is a 400 with the usual error page, writes
 * nothing and logs nothing as an error. Before, 32 of 43 routes answered 500 with a stack in the
 * log, and the routes that read no fields acted on the body anyway.
 */
const logged: unknown[] = []
let fx: Fixtures
beforeAll(async () => {
  fx = await buildFixtures(
    await createTestApp({ deps: { logError: (error) => logged.push(error) } }),
  )
}, 120_000)
beforeEach(() => {
  logged.length = 0
})

const multipart = 'multipart/form-data; boundary=nw-boundary'
const part = '--nw-boundary\r\nContent-Disposition: form-data; name="note"\r\n\r\n'
const malformed: [what: string, contentType: string, body: string | Uint8Array<ArrayBuffer>][] = [
  ['a multipart body under another boundary', multipart, part.replace(/nw-/g, 'other-') + 'x'],
  ['a multipart body cut short', multipart, `${part}half a val`],
  ['a multipart type without a boundary', 'multipart/form-data', `${part}x\r\n--nw-boundary--\r\n`],
  ['a urlencoded body sent as multipart', multipart, 'note=x&month=2026-10'],
  ['a stray percent sign', 'application/x-www-form-urlencoded', 'note=100%&month=2026-10'],
  ['a truncated escape', 'application/x-www-form-urlencoded', 'note=%E5%8C%97%E4%BA'],
  ['bytes that are not UTF-8', 'application/x-www-form-urlencoded', new Uint8Array([110, 61, 255])],
  ['JSON', 'application/json', '{"note":"x"}'],
  ['plain text', 'text/plain', 'note=x'],
]

/** The first role the matrix lets past authorisation (anonymous for public forms). */
function allowedRole(expect: readonly string[]): RoleName {
  if (expect.every((o) => o === 'OK')) return 'anonymous'
  const past = (o: string) => o === 'OK' || o === 'BAD_USER_INPUT'
  return roles.find((r, i) => r !== 'anonymous' && past(expect[i]!))!
}

async function browserFor(c: RouteCase, role: RoleName) {
  if (!c.freshSession) return fx.browsers[role]
  const b = new Browser(fx.t)
  if (role === 'anonymous') await b.get('/login')
  else await b.signIn(emails[role])
  return b
}

/** Every POST route the router has, so a new one is covered without editing this file. */
const postRoutes = () => [
  ...new Set(
    fx.t.app.routes.filter((r) => r.method === 'POST' && r.path !== '/graphql').map((r) => r.path),
  ),
]

describe('a body that cannot be read as a form', () => {
  it('is refused on every POST route with 400, writing and logging nothing', async () => {
    const routes = postRoutes()
    expect(routes.length).toBeGreaterThan(40)
    for (const route of routes) {
      const c = routeCases.find((r) => r.method === 'POST' && r.route === route)
      expect(c, `POST ${route} has no row in test/security/matrix.ts`).toBeDefined()
      const role = allowedRole(c!.expect)
      const browser = await browserFor(c!, role)
      const path = ((await c!.make?.(fx, role)) ?? {}).path ?? route
      const before = await fingerprint(fx.t)
      for (const [what, type, body] of malformed) {
        const res = await browser.postRaw(path, body, type)
        await res.arrayBuffer()
        expect(res.status, `POST ${route} with ${what}`).toBe(400)
      }
      expect(await fingerprint(fx.t), `POST ${route} changed the database`).toEqual(before)
    }
    expect(logged).toEqual([])
  }, 300_000)

  it('answers with the error page in the visitor’s language, or a fragment for htmx', async () => {
    const zh = await fx.browsers.anonymous.postRaw('/login', `${part}x`, multipart)
    expect(zh.status).toBe(400)
    const zhPage = await zh.text()
    expect(zhPage).toContain('<html')
    expect(zhPage).toContain('无法读取表单内容')

    const en = await fx.browsers.anonymous.postRaw('/locale', `${part}x`, multipart, {
      'accept-language': 'en-GB,en',
    })
    expect(en.status).toBe(400)
    expect(await en.text()).toContain('The form could not be read.')

    const htmx = await fx.browsers.merchantA.postRaw('/staff', 'n=%zz', 'text/plain', {
      'hx-request': 'true',
    })
    expect(htmx.status).toBe(400)
    const fragment = await htmx.text()
    expect(fragment).not.toContain('<html')
    expect(fragment).toContain('role="alert"')
  })
})

describe('a body that can be read', () => {
  it('still reaches the route: a multipart language switch and a urlencoded sign-in', async () => {
    const b = new Browser(fx.t)
    await b.get('/login')
    const form = new FormData()
    form.set('locale', 'en')
    form.set('next', '/stations')
    form.set('_csrf', b.csrf!)
    const encoded = new Response(form)
    const bytes = new Uint8Array(await encoded.arrayBuffer())
    const res = await b.postRaw('/locale', bytes, encoded.headers.get('content-type')!)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/stations')
    expect(b.cookie('nw_lang')).toBe('en')

    const signIn = await b.postRaw(
      '/login',
      `_csrf=${b.csrf}&email=merchant4%40nestwork.demo&password=nestwork-demo&next=%2Fbookings`,
      'application/x-www-form-urlencoded',
    )
    expect(signIn.status).toBe(303)
    expect(signIn.headers.get('location')).toBe('/bookings')
  })
})

describe('/graphql', () => {
  it.each([
    ['invalid JSON', 'application/json', '{"query": "{ me { id } }"'],
    ['a broken multipart body', multipart, `${part}x`],
    ['a multipart type without a boundary', 'multipart/form-data', 'x'],
  ])('refuses %s with 400 and BAD_USER_INPUT, logging nothing', async (_, type, body) => {
    const res = await fx.t.app.request('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    })
    expect(res.status).toBe(400)
    const reply = (await res.json()) as { errors: { extensions: { code: string } }[] }
    expect(reply.errors[0]!.extensions.code).toBe('BAD_USER_INPUT')
    expect(logged).toEqual([])
  })

  it('refuses a body of another type with 415 Unsupported Media Type', async () => {
    const res = await fx.t.app.request('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{ me { id } }',
    })
    expect(res.status).toBe(415)
    // The app itself still answers JSON GraphQL.
    expect((await gql(fx.t, '{ __typename }')).data).toEqual({ __typename: 'Query' })
  })
})
