import { beforeEach, describe, expect, it } from 'vitest'
import { SEARCH_LIMIT } from '../../src/stations/search'
import { createTestApp, type TestApp } from '../helpers/app'
import { gql } from '../helpers/http'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})

const search = `query ($query: String, $lat: Float, $lng: Float, $openNow: Boolean, $services: [String!], $first: Int) {
  searchStations(query: $query, lat: $lat, lng: $lng, openNow: $openNow, services: $services, first: $first) {
    distanceMeters
    station { id name address phone postcode openNow closesAt services navigation { amap baidu apple } }
  }
}`

type Found = {
  distanceMeters: number
  station: {
    id: string
    name: string
    address: string
    phone: string
    openNow: boolean
    closesAt: string | null
    services: string[]
    navigation: { amap: string; baidu: string; apple: string }
  }
}

async function found(variables: Record<string, unknown>, ip?: string): Promise<Found[]> {
  const res = await gql(t, search, variables, undefined, ip)
  expect(res.errors).toBeUndefined()
  return res.data!.searchStations
}

const ids = (list: Found[]) => list.map((f) => f.station.id).sort()

describe('searchStations', () => {
  it.each(['浦东', 'pudong', 'Pudong', 'PUDONG', ' pu dong '])(
    'finds the three stations in Pudong for %j, publicly',
    async (query) => {
      const list = await found({ query })
      expect(ids(list)).toEqual(['sta_04', 'sta_11', 'sta_12'])
      expect(list.every((f) => f.station.address.startsWith('浦东新区'))).toBe(true)
    },
  )

  it('finds by street, station or store name, postcode and city', async () => {
    expect(ids(await found({ query: '张衡路' }))).toEqual(['sta_11'])
    expect(ids(await found({ query: 'zhangjiang' }))).toContain('sta_11')
    expect(ids(await found({ query: '201203' }))).toEqual(['sta_11'])
    expect(ids(await found({ query: '杭州 乐友' }))).toEqual(['sta_29'])
    expect(await found({ query: 'Hangzhou', first: 50 })).toHaveLength(3)
    // A street by its name and kind; a bare place name is not part of 北京中路 in Wuhu.
    expect(ids(await found({ query: '北京中路' }))).toEqual(['sta_44'])
    expect(ids(await found({ query: 'beijingzhonglu' }))).toEqual(['sta_44'])
    expect(await found({ query: '北京' })).toEqual([])
    expect(await found({ query: 'beijing' })).toEqual([])
    expect(ids(await found({ query: 'zhanghenglu' }))).toEqual(['sta_11'])
    expect(await found({ query: '广州' })).toEqual([])
    expect(await found({ query: 'hangzhou', first: 50 })).toHaveLength(3) // not changzhou
  })

  it('ranks by distance when a location is given, and says the distance', async () => {
    // By Zhangjiang station: it first, then 八佰伴 and 三林 further off.
    const list = await found({ query: '浦东', lat: 31.205, lng: 121.589 })
    expect(list.map((f) => f.station.id)).toEqual(['sta_11', 'sta_04', 'sta_12'])
    expect(list[0]!.distanceMeters).toBeLessThan(200)
    const distances = list.map((f) => f.distanceMeters)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
  })

  it('keeps only the stations offering every service asked for', async () => {
    const list = await found({ query: '浦东', services: ['LARGE_ITEMS'] })
    expect(ids(list)).toEqual(['sta_04', 'sta_12'])
    const both = await found({ services: ['LARGE_ITEMS', 'PARCEL_LOCKER'], first: 100 })
    expect(both.every((f) => f.station.services.includes('PARCEL_LOCKER'))).toBe(true)
    expect(both.every((f) => f.station.services.includes('LARGE_ITEMS'))).toBe(true)
    const bad = await gql(t, search, { services: ['NAPPIES'] })
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
  })

  it('filters on open now by the Shanghai clock, with when each closes', async () => {
    // Monday 09:15 in Shanghai: 09:00 and 08:30 openers are open, 09:30 and 10:00 not yet,
    // and 鲁迅公园站 (08:30, shut on Mondays) stays shut.
    t.setNow(new Date('2026-11-30T01:15:00Z'))
    const shanghai = await found({ query: '上海', first: 50 })
    const open = await found({ query: '上海', openNow: true, first: 50 })
    expect(ids(open)).toEqual(ids(shanghai.filter((f) => f.station.openNow)))
    expect(ids(open)).toEqual(['sta_03', 'sta_05', 'sta_06', 'sta_07', 'sta_10', 'sta_12'])
    expect(shanghai.find((f) => f.station.id === 'sta_09')!.station).toMatchObject({
      openNow: false,
      closesAt: null,
    })
    expect(open.find((f) => f.station.id === 'sta_06')!.station.closesAt).toBe('20:30')
    // Same day 21:00: the 09:00-21:00 stores have just shut.
    t.setNow(new Date('2026-11-30T13:00:00Z'))
    const late = await found({ query: '上海', openNow: true, first: 50 })
    expect(late.map((f) => f.station.closesAt)).not.toContain('21:00')
  })

  it('gives each station its phone and navigation links in each app’s datum', async () => {
    const [zhangjiang] = await found({ query: '张衡路' })
    const s = zhangjiang!.station
    expect(s.phone).toMatch(/^021-\d{8}$/)
    // Stored 31.2045, 121.5898 (WGS-84): AMap and Apple get GCJ-02, Baidu BD-09.
    const amap = new URL(s.navigation.amap)
    expect(amap.origin).toBe('https://uri.amap.com')
    const [lng, lat, name] = amap.searchParams.get('to')!.split(',')
    expect(Number(lng)).toBeCloseTo(121.5942, 3)
    expect(Number(lat)).toBeCloseTo(31.2026, 3)
    expect(name).toBe('张江站')
    const baidu = new URL(s.navigation.baidu)
    expect(baidu.searchParams.get('coord_type')).toBe('bd09ll')
    const [bdLat, bdLng] = baidu.searchParams.get('location')!.split(',').map(Number)
    expect(bdLng! - Number(lng)).toBeCloseTo(0.0065, 2)
    expect(bdLat! - Number(lat)).toBeCloseTo(0.006, 2)
    const apple = new URL(s.navigation.apple)
    expect(apple.searchParams.get('daddr')).toBe(`${lat},${lng}`)
  })

  it('refuses half a point and a page too large', async () => {
    const half = await gql(t, search, { query: '浦东', lat: 31.2 })
    expect(half.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lng' })
    const many = await gql(t, search, { first: 1000 })
    expect(many.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' })
  })

  it('limits each caller like the other public lookups', async () => {
    for (let i = 0; i < SEARCH_LIMIT.hits; i++) await found({ query: '浦东' }, '203.0.113.50')
    const limited = await gql(t, search, { query: '浦东' }, undefined, '203.0.113.50')
    expect(limited.errors![0]!.extensions!.code).toBe('RATE_LIMITED')
    expect(await found({ query: '浦东' }, '203.0.113.51')).toHaveLength(3)
  })
})
