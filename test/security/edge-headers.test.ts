import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser } from '../helpers/http'

/**
 * What the edge tells browsers and caches: `/graphql` carries the pages' security headers and
 * lets only configured origins read it cross-site (never with credentials); signed-in pages are
 * never stored by a cache, while static files keep their own caching.
 */
const base = 'http://localhost'
const query = JSON.stringify({ query: '{ __typename }' })

const securityHeaders = [
  'content-security-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'x-permitted-cross-domain-policies',
]

const post = (t: TestApp, headers: Record<string, string> = {}) =>
  t.app.request(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: query,
  })

const preflight = (t: TestApp, origin: string) =>
  t.app.request(`${base}/graphql`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  })

describe('/graphql', () => {
  it('sends the same security headers as the pages, and is never stored', async () => {
    const t = await createTestApp({ seed: false })
    const page = await t.app.request(`${base}/login`)
    const api = await post(t)
    expect(api.status).toBe(200)
    for (const name of securityHeaders) {
      expect(page.headers.get(name), name).toBeTruthy()
      expect(api.headers.get(name), name).toBe(page.headers.get(name))
    }
    expect(api.headers.get('cache-control')).toBe('no-store')
  })

  it('lets no other origin read it by default, with or without a preflight', async () => {
    const t = await createTestApp({ seed: false })
    for (const res of [
      await post(t, { origin: 'https://evil.example' }),
      await preflight(t, 'https://evil.example'),
    ]) {
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
      expect(res.headers.get('access-control-allow-credentials')).toBeNull()
    }
  })

  it('lets the origins in CORS_ORIGINS read it, without credentials, and no others', async () => {
    const t = await createTestApp({
      seed: false,
      env: { CORS_ORIGINS: 'https://shop.example.cn, https://ops.example.cn/' },
    })
    const shop = await post(t, { origin: 'https://shop.example.cn' })
    expect(shop.headers.get('access-control-allow-origin')).toBe('https://shop.example.cn')
    expect(shop.headers.get('access-control-allow-credentials')).toBeNull()
    expect(shop.headers.get('vary')).toContain('Origin')

    const ops = await preflight(t, 'https://ops.example.cn')
    expect(ops.status).toBe(204)
    expect(ops.headers.get('access-control-allow-origin')).toBe('https://ops.example.cn')
    expect(ops.headers.get('access-control-allow-headers')).toContain('authorization')
    expect(ops.headers.get('access-control-allow-credentials')).toBeNull()

    for (const origin of ['https://evil.example', 'https://shop.example.cn.evil.example', 'null']) {
      const res = await post(t, { origin })
      expect(res.headers.get('access-control-allow-origin'), origin).toBeNull()
    }
  })

  it.each(['*', 'https://shop.example.cn/path', 'shop.example.cn', 'https://a.example,*'])(
    'refuses CORS_ORIGINS=%s at start-up',
    (value) => {
      expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(/CORS_ORIGINS/)
    },
  )
})

describe('request ids', () => {
  it('answers every request with its id: the one sent when plausible, else a new one', async () => {
    const t = await createTestApp({ seed: false })
    const kept = await t.app.request(`${base}/login`, { headers: { 'x-request-id': 'lb-7f3a=' } })
    expect(kept.headers.get('x-request-id')).toBe('lb-7f3a=')
    const ids = new Set<string | null>()
    for (const sent of ['<script>', 'a'.repeat(256), undefined]) {
      const res = await t.app.request(`${base}/login`, {
        headers: sent ? { 'x-request-id': sent } : {},
      })
      ids.add(res.headers.get('x-request-id'))
    }
    expect(ids.size).toBe(3)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('caching', () => {
  it('forbids storing signed-in pages, fragments and error pages, varying by cookie', async () => {
    const t = await createTestApp()
    const b = new Browser(t)
    await b.signIn('merchant1@nestwork.demo')
    for (const path of ['/', '/returns', '/no-such-page']) {
      const res = await b.get(path)
      expect(res.headers.get('cache-control'), path).toBe('no-store')
      expect(res.headers.get('vary'), path).toMatch(/cookie/i)
    }
    const htmx = await b.post('/staff', { name: '' }, { 'hx-request': 'true' })
    expect(htmx.headers.get('cache-control')).toBe('no-store')
    // Refused before any route ran: a form without its token, and one that is not a form.
    const forged = await b.post('/staff', { name: 'Li', _csrf: 'forged' })
    const garbled = await b.postRaw('/staff', '%zz', 'application/x-www-form-urlencoded')
    for (const [res, status] of [
      [forged, 403],
      [garbled, 400],
    ] as const) {
      expect(res.status).toBe(status)
      expect(res.headers.get('cache-control'), String(status)).toBe('no-store')
      expect(res.headers.get('vary'), String(status)).toMatch(/cookie/i)
      expect(res.headers.get('content-security-policy'), String(status)).toBeTruthy()
    }
  })

  it('tells caches that signed-out pages depend on the cookies too', async () => {
    const t = await createTestApp({ seed: false })
    const res = await t.app.request(`${base}/login`)
    expect(res.headers.get('vary')).toMatch(/cookie/i)
  })

  it('leaves the caching of static files as the file server set it', async () => {
    const t = await createTestApp({
      deps: {
        serveStatic: async (c) =>
          c.body('body{}', 200, {
            'content-type': 'text/css',
            'cache-control': 'public, max-age=86400',
          }),
      },
    })
    const b = new Browser(t)
    await b.signIn('merchant1@nestwork.demo')
    const res = await b.get('/static/app.css')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400')
  })
})
