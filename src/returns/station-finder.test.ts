import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { stations } from '../../db/schema'
import { demoStations } from '../../db/seed/demo-data'
import { createTestApp, type TestApp } from '../../test/helpers/app'
import { activeStations, byProvince, findPlace, stationsNear } from './station-finder'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
  await t.db.update(stations).set({ active: false }).where(eq(stations.id, 'sta_13'))
})

describe('the public station finder', () => {
  it('lists only active stations and nothing about commissions', async () => {
    const list = await activeStations(t.db)
    expect(list).toHaveLength(demoStations.length - 1)
    expect(list.map((s) => s.id)).not.toContain('sta_13')
    expect(Object.keys(list[0]!).sort()).toEqual(
      [
        'address',
        'city',
        'id',
        'lat',
        'lng',
        'name',
        'openingHours',
        'province',
        'services',
        'storeName',
      ].sort(),
    )
  })

  it.each(['南京', '南京市', 'Nanjing', ' nanjing ', 'NANJING CITY'])(
    'reads %j as Nanjing, at the centroid of its active stations',
    async (typed) => {
      const list = await activeStations(t.db)
      const place = findPlace(list, typed)
      // sta_13 (新街口站) is deactivated, so the centroid is of the other two.
      const nanjing = demoStations.filter((s) => s.city === '南京' && s.id !== 'sta_13')
      expect(place).toEqual({
        name: '南京',
        point: {
          lat: (nanjing[0]!.lat + nanjing[1]!.lat) / 2,
          lng: (nanjing[0]!.lng + nanjing[1]!.lng) / 2,
        },
      })
    },
  )

  it('reads cities with apostrophes, provinces, and refuses unknown places', async () => {
    const list = await activeStations(t.db)
    expect(findPlace(list, 'Maanshan')?.name).toBe('马鞍山')
    expect(findPlace(list, "Lu'an")?.name).toBe('六安')
    expect(findPlace(list, '上海')?.name).toBe('上海')
    expect(findPlace(list, 'Jiangsu')?.name).toBe('江苏')
    expect(findPlace(list, '北京')).toBeNull()
    expect(findPlace(list, '   ')).toBeNull()
    expect(findPlace(list, '市')).toBeNull()
  })

  it('puts a city’s own stations first when searching near its centroid', async () => {
    const list = await activeStations(t.db)
    const { point } = findPlace(list, '合肥')!
    const near = await stationsNear(t.db, point, 5)
    expect(near.slice(0, 3).map((n) => n.station.city)).toEqual(['合肥', '合肥', '合肥'])
    expect(near[3]!.station.city).not.toBe('合肥')
    expect(near.every((n) => !('commissionFen' in n.station))).toBe(true)
  })

  it('groups stations by province in directory order', async () => {
    const groups = byProvince(await activeStations(t.db))
    expect(groups.map(([province]) => province)).toEqual(['上海', '江苏', '浙江', '安徽'])
    expect(groups.reduce((n, [, list]) => n + list.length, 0)).toBe(demoStations.length - 1)
  })
})
