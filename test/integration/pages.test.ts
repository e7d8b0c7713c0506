import { beforeEach, describe, expect, it } from 'vitest'
import { demoHubs, demoMerchants, demoStations } from '../../db/seed/demo-data'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser } from '../helpers/http'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

describe('role home pages', () => {
  it.each([
    ['coordinator@nestwork.demo', '联盟概况', demoMerchants[19]!.name],
    ['merchant2@nestwork.demo', '您的店铺', demoMerchants[1]!.name],
    ['station5@nestwork.demo', '您的退货驿站', demoStations[4]!.address],
    ['hub3@nestwork.demo', '您的售后中心', demoHubs[2]!.nameZh],
  ])('shows %s what it does next', async (email, heading, detail) => {
    const browser = new Browser(t)
    await browser.signIn(email)
    const res = await browser.get('/')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(heading)
    expect(html).toContain(detail)
    expect(html).toContain('接下来')
  })

  it('shows visitors the landing page with a sign-in link', async () => {
    const res = await t.app.request('/')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('href="/login"')
  })

  it('does not show a merchant any other merchant on its home', async () => {
    const browser = new Browser(t)
    await browser.signIn('merchant2@nestwork.demo')
    const html = await (await browser.get('/')).text()
    expect(html).not.toContain(demoMerchants[0]!.name)
  })
})

describe('the map page', () => {
  it('sends visitors to sign in first', async () => {
    const res = await t.app.request('/map')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/login?next=%2Fmap')
  })

  it('lists every hub and station with the markers data and serves Leaflet itself', async () => {
    const browser = new Browser(t)
    await browser.signIn('merchant1@nestwork.demo')
    const html = await (await browser.get('/map')).text()
    const points = JSON.parse(
      /<script type="application\/json" id="map-points">(.*?)<\/script>/s.exec(html)![1]!,
    )
    expect(points.filter((p: { kind: string }) => p.kind === 'station')).toHaveLength(48)
    expect(points.filter((p: { kind: string }) => p.kind === 'hub')).toHaveLength(3)
    expect(html).toContain('src="/static/vendor/leaflet/leaflet.js"')
    expect(html).not.toMatch(/src="https?:/)
    for (const s of demoStations) expect(html).toContain(s.name)
  })
})

describe('the language switch', () => {
  it('switches to English and remembers it for the user on the next sign-in', async () => {
    const browser = new Browser(t)
    await browser.signIn('merchant1@nestwork.demo')
    const res = await browser.post('/locale', { locale: 'en', next: '/map' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/map')
    expect(await (await browser.get('/')).text()).toContain('What to do next')

    const elsewhere = new Browser(t)
    await elsewhere.signIn('merchant1@nestwork.demo')
    const html = await (await elsewhere.get('/')).text()
    expect(html).toContain('<html lang="en">')
  })

  it('says which field is wrong for an unknown language', async () => {
    const browser = new Browser(t)
    await browser.get('/login')
    const res = await browser.post('/locale', { locale: 'fr' })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('locale')
  })

  it('formats money with the yuan sign in Chinese', async () => {
    const browser = new Browser(t)
    await browser.signIn('station1@nestwork.demo')
    const html = await (await browser.get('/')).text()
    expect(html).toMatch(/¥\d+\.\d\d/)
  })
})

describe('errors', () => {
  it('renders unknown paths as a 404 page in the layout', async () => {
    const res = await t.app.request('/no/such/page')
    expect(res.status).toBe(404)
    const html = await res.text()
    expect(html).toContain('页面不存在')
    expect(html).toContain('class="topbar"')
  })

  it('answers /healthz after checking the database', async () => {
    const res = await t.app.request('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  it('sends security headers on pages', async () => {
    const res = await t.app.request('/login')
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })
})
