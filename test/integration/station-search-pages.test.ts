import { beforeEach, describe, expect, it } from 'vitest'
import { SEARCH_LIMIT } from '../../src/stations/search'
import { createTestApp, type TestApp } from '../helpers/app'
import { Browser } from '../helpers/http'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const listed = (html: string) =>
  [...html.matchAll(/<li class="station" data-city="[^"]+" data-station="([^"]+)"/g)].map(
    (m) => m[1],
  )
const page = async (query: string, ip?: string) => {
  const res = await t.app.request(`/stations?${query}`, {
    headers: ip ? { 'x-test-ip': ip } : {},
  })
  return { status: res.status, html: await res.text() }
}
const mapPoints = (html: string) =>
  JSON.parse(/<script type="application\/json" id="map-points">(.*?)<\/script>/s.exec(html)![1]!)

describe('searching the station finder', () => {
  it.each(['浦东', 'pudong', 'Pudong'])('lists the three Pudong stations for %j', async (q) => {
    const { status, html } = await page(`city=${encodeURIComponent(q)}`)
    expect(status).toBe(200)
    expect(listed(html).sort()).toEqual(['sta_04', 'sta_11', 'sta_12'])
    expect(html).toContain(`与“${q}”相符的驿站`)
    expect(html).toContain(`value="${q}"`)
  })

  it('shows each result’s hours, open now, phone, services and directions', async () => {
    // The test clock: Wednesday 10:00 in Shanghai.
    const { html } = await page('q=%E5%BC%A0%E8%A1%A1%E8%B7%AF') // 张衡路
    expect(listed(html)).toEqual(['sta_11'])
    expect(html).toContain('营业中 · 22:00 打烊')
    expect(html).toContain('营业时间 10:00-22:00')
    expect(html).toMatch(/<a class="station__phone" href="tel:021\d{8}">致电 021-\d{8}<\/a>/)
    expect(html).toContain('<li>母婴用品清洗</li>')
    expect(html).toMatch(/href="https:\/\/uri\.amap\.com\/navigation\?to=121\.594/)
    expect(html).toMatch(/href="https:\/\/api\.map\.baidu\.com\/marker\?location=31\.20/)
    expect(html).toMatch(/href="https:\/\/maps\.apple\.com\/\?daddr=31\.202/)
    expect(html).toContain('高德地图')
    expect(html).toContain('百度地图')
  })

  it('ranks by distance from the visitor and numbers the map like the list', async () => {
    const { html } = await page('q=pudong&lat=31.205&lng=121.589')
    expect(listed(html)).toEqual(['sta_11', 'sta_04', 'sta_12'])
    expect(html).toMatch(/距离 \d+米/)
    const stations = mapPoints(html).filter((p: { kind: string }) => p.kind === 'station')
    expect(stations.map((p: { n: number; name: string }) => [p.n, p.name.split(' · ')[0]])).toEqual(
      [
        [1, '张江站'],
        [2, '八佰伴站'],
        [3, '三林站'],
      ],
    )
  })

  it('filters on open now and services, and says when nothing is left', async () => {
    // Monday 09:15 in Shanghai: 鲁迅公园站 is shut on Mondays, the 10:00 stores not open yet.
    t.setNow(new Date('2026-11-30T01:15:00Z'))
    const open = await page('q=%E4%B8%8A%E6%B5%B7&open=1') // 上海 is a city: nearest to it
    expect(listed(open.html)).toHaveLength(10)
    expect(listed(open.html).slice(0, 6).sort()).toEqual([
      'sta_03',
      'sta_05',
      'sta_06',
      'sta_07',
      'sta_10',
      'sta_12',
    ])
    expect(open.html).toContain('name="open" value="1" checked')
    const closedToday = await page('q=%E9%B2%81%E8%BF%85') // 鲁迅
    expect(closedToday.html).toContain('已打烊')
    expect(closedToday.html).toContain('星期一休息')
    const large = await page('q=pudong&service=LARGE_ITEMS')
    expect(listed(large.html).sort()).toEqual(['sta_04', 'sta_12'])
    const none = await page('q=%E9%B2%81%E8%BF%85&open=1')
    expect(listed(none.html)).toEqual([])
    expect(none.html).toContain('目前没有符合这些条件的驿站')
  })

  it('says an unmatched search and lists every station', async () => {
    const { html } = await page('q=%E5%B9%BF%E5%B7%9E') // 广州
    expect(html).toContain('“广州”暂无驿站')
    expect(listed(html)).toHaveLength(48)
  })

  it('speaks English when asked, with no Chinese interface copy', async () => {
    const browser = new Browser(t)
    await browser.get('/stations')
    await browser.post('/locale', { locale: 'en', next: '/stations' })
    t.setNow(new Date('2026-11-30T01:15:00Z'))
    const html = await (await browser.get('/stations?q=%E9%B2%81%E8%BF%85')).text()
    expect(html).toContain('Stations matching “鲁迅”')
    expect(html).toContain('Closed now')
    expect(html).toContain('Closed on Monday')
    expect(html).toContain('Directions')
    expect(html).toContain('AMap')
    expect(html).toContain('Baidu Maps')
    expect(html).toContain('Apple Maps')
    expect(html).not.toMatch(/营业中|已打烊|导航|高德|百度|只看/)
  })

  it('counts searches against the caller’s limit', async () => {
    for (let i = 0; i < SEARCH_LIMIT.hits; i++) await page('q=pudong', '203.0.113.60')
    const limited = await page('q=pudong', '203.0.113.60')
    expect(limited.status).toBe(429)
    expect(limited.html).toContain('尝试次数过多')
    // The plain list is not a search.
    expect((await page('', '203.0.113.60')).status).toBe(200)
  })
})
