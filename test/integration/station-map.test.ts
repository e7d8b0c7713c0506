import { getTableColumns } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { stations } from '../../db/schema'
import { demoAlliance, demoStations } from '../../db/seed/demo-data'
import { nationalStations } from '../../db/seed/national'
import { distanceMeters } from '../../src/returns/geo'
import { wgs84ToGcj02 } from '../../src/stations/coords'
import { nearestStations } from '../../src/stations/service'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser, gql } from '../helpers/http'

type Point = { kind: string; n?: number; name: string; lat: number; lng: number }
const mapPoints = (html: string): Point[] =>
  JSON.parse(/<script type="application\/json" id="map-points">(.*?)<\/script>/s.exec(html)![1]!)

async function mapPage(t: TestApp) {
  const browser = new Browser(t)
  await browser.signIn('merchant1@nestwork.demo')
  return (await browser.get('/map')).text()
}

async function addNational(t: TestApp, count: number) {
  const rows = nationalStations(count).map((s) => ({ ...s, allianceId: demoAlliance.id }))
  const size = Math.floor(100 / Object.keys(getTableColumns(stations)).length)
  for (let i = 0; i < rows.length; i += size) {
    await t.db.insert(stations).values(rows.slice(i, i + size))
  }
}

const area = async (t: TestApp, box: string) => {
  const res = await t.app.request(`/stations/area?${box}`)
  return { status: res.status, body: res.status === 200 ? await res.json() : undefined }
}
const PUDONG = 'south=31.14&west=121.50&north=31.24&east=121.60'

describe('the station maps', () => {
  it('cluster stations with the app’s own leaflet.markercluster, on the map pages only', async () => {
    const t = await createTestApp()
    const pages = [await mapPage(t), await (await t.app.request('/stations')).text()]
    for (const html of pages) {
      expect(html).toContain('src="/static/vendor/leaflet.markercluster/leaflet.markercluster.js"')
      expect(html).toContain('href="/static/vendor/leaflet.markercluster/MarkerCluster.css"')
      expect(html).not.toMatch(/src="https?:/)
    }
    for (const path of ['/', '/track']) {
      expect(await (await t.app.request(path)).text()).not.toContain('leaflet')
    }
  })

  it('numbers the map’s station markers like the station table', async () => {
    const t = await createTestApp()
    const html = await mapPage(t)
    const points = mapPoints(html).filter((p) => p.kind === 'station')
    expect(points).toHaveLength(48)
    const rows = [...html.matchAll(/<tr><td class="nowrap">(\d+)<\/td><td>([^<]+)<\/td>/g)]
    for (const p of points) {
      const row = rows.find((r) => Number(r[1]) === p.n)!
      expect(p.name.startsWith(`${row[2]} · `)).toBe(true)
    }
  })

  it('answers the stations in a visible area, as markers and through GraphQL', async () => {
    const t = await createTestApp()
    const { status, body } = await area(t, PUDONG)
    expect(status).toBe(200)
    expect(body.points.map((p: Point) => p.name.split(' · ')[0]).sort()).toEqual([
      '三林站',
      '八佰伴站',
      '张江站',
    ])
    expect(body.truncated).toBe(false)
    expect((await area(t, 'south=31.3&west=121.5&north=31.1&east=121.6')).status).toBe(400)
    expect((await area(t, 'south=31.1&west=abc&north=31.3&east=121.6')).status).toBe(400)
    const res = await gql(
      t,
      '{ stationsInArea(south: 31.14, west: 121.50, north: 31.24, east: 121.60) { id openNow } }',
    )
    expect(res.data!.stationsInArea.map((s: { id: string }) => s.id)).toEqual([
      'sta_04',
      'sta_11',
      'sta_12',
    ])
    const bad = await gql(t, '{ stationsInArea(south: 40, west: 0, north: 30, east: 1) { id } }')
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'north' })
  })

  it('loads a national network for the visible area instead of inlining it', async () => {
    const t = await createTestApp()
    await addNational(t, 300)
    const html = await mapPage(t)
    expect(html).toContain('data-area-url="/stations/area"')
    expect(mapPoints(html).filter((p) => p.kind === 'station')).toHaveLength(0)
    expect(mapPoints(html).filter((p) => p.kind === 'hub')).toHaveLength(3)
    const finder = await (await t.app.request('/stations')).text()
    expect(finder).toContain('data-area-url="/stations/area"')
    // A numbered list still carries its own markers.
    const near = await (await t.app.request('/stations?q=pudong')).text()
    expect(near).not.toContain('data-area-url')
    expect(mapPoints(near).map((p) => p.n)).toEqual([1, 2, 3])
    const chengdu = await area(t, 'south=30.3&west=103.7&north=30.9&east=104.4')
    expect(chengdu.body.points.length).toBeGreaterThan(5)
    expect(chengdu.body.points.every((p: Point) => p.name.startsWith('成都'))).toBe(true)
  })

  it('uses AMap tiles in GCJ-02 when MAP_TILE_URL=amap, with the markers shifted onto them', async () => {
    const t = await createTestApp({ env: { MAP_TILE_URL: 'amap' } })
    const res = await t.app.request('/stations')
    const html = await res.text()
    expect(html).toContain('data-tile-url="https://webrd0{s}.is.autonavi.com/appmaptile?')
    expect(html).toContain('data-tile-subdomains="1234"')
    expect(res.headers.get('content-security-policy')).toContain('https://*.is.autonavi.com')
    const first = demoStations[0]!
    const shifted = wgs84ToGcj02(first)
    const drawn = mapPoints(html).find((p) => p.name.startsWith(first.name))!
    expect(drawn.lat).toBeCloseTo(shifted.lat, 8)
    expect(drawn.lng).toBeCloseTo(shifted.lng, 8)
    expect(drawn.lng - first.lng).toBeGreaterThan(0.004)
    // The area is asked in the tiles' datum and answered in it, widened by the shift.
    const { body } = await area(t, PUDONG)
    const zhangjiang = body.points.find((p: Point) => p.name.startsWith('张江站'))
    expect(zhangjiang.lng).toBeCloseTo(wgs84ToGcj02({ lat: 31.2045, lng: 121.5898 }).lng, 8)
  })

  it('finds the same nearest stations through the index as by reading every one', async () => {
    const t = await createTestApp()
    await addNational(t, 400)
    const all = await t.db.select().from(stations)
    const points = [
      { lat: 31.23, lng: 121.47 }, // in the network
      { lat: 30.66, lng: 104.06 }, // Chengdu
      { lat: 0, lng: -150 }, // the Pacific, far from every station
      { lat: 10, lng: 179.9 }, // by the antimeridian
      { lat: 89.5, lng: 0 }, // by the pole
    ]
    for (const p of points) {
      const brute = all
        .filter((s) => s.active)
        .map((s) => ({ id: s.id, d: Math.round(distanceMeters(p, s)) }))
        .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
        .slice(0, 7)
      const got = await nearestStations(t.db, p, 7)
      expect(
        got.map((g) => g.station.id),
        JSON.stringify(p),
      ).toEqual(brute.map((b) => b.id))
    }
  })
})
