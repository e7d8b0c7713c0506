import { describe, expect, it } from 'vitest'
import {
  knownRegions,
  normaliseRegion,
  servingHub,
  stationsIn,
  suggestHub,
  type StationPlace,
} from './hub-suggestion'

const hubs = [
  { id: 'hub_1', lat: 31.2412, lng: 121.2205 }, // Shanghai
  { id: 'hub_2', lat: 30.2218, lng: 120.4187 }, // Hangzhou
  { id: 'hub_3', lat: 31.9214, lng: 118.8672 }, // Nanjing
]

let n = 0
const station = (
  city: string,
  province: string,
  pinyin: string,
  lat: number,
  lng: number,
  active = true,
): StationPlace => ({
  id: `sta_${++n}`,
  city,
  province,
  romanised: `name|store|street|${pinyin}`,
  lat,
  lng,
  active,
})

const jingan = station('上海', '上海', 'shang hai|shang hai', 31.2245, 121.4461)
const suzhouPark = station('苏州', '江苏', 'su zhou|jiang su', 31.3168, 120.7152)
const suzhouOld = station('苏州', '江苏', 'su zhou|jiang su', 31.3114, 120.6247)
const xinjiekou = station('南京', '江苏', 'nan jing|jiang su', 32.0412, 118.7842)
const hexi = station('南京', '江苏', 'nan jing|jiang su', 32.0053, 118.7371)
const pengcheng = station('徐州', '江苏', 'xu zhou|jiang su', 34.2674, 117.1865)
const wulin = station('杭州', '浙江', 'hang zhou|zhe jiang', 30.2738, 120.1632)
const closed = station('宁波', '浙江', 'ning bo|zhe jiang', 29.8726, 121.5547, false)
const all = [jingan, suzhouPark, suzhouOld, xinjiekou, hexi, pengcheng, wulin, closed]

describe('normaliseRegion', () => {
  it.each([
    ['江苏省', '江苏'],
    [' 苏州市 ', '苏州'],
    ['Jiangsu Province', 'jiangsu'],
    ['jiang su', 'jiangsu'],
    ['ＳＵＺＨＯＵ', 'suzhou'],
    ['', ''],
  ])('reads %j as %j', (typed, normal) => {
    expect(normaliseRegion(typed)).toBe(normal)
  })
})

describe('stationsIn', () => {
  it('finds a city’s or a province’s active stations by hanzi or pinyin', () => {
    expect(stationsIn('苏州', all)).toEqual([suzhouPark, suzhouOld])
    expect(stationsIn('Suzhou', all)).toEqual([suzhouPark, suzhouOld])
    expect(stationsIn('江苏省', all)).toHaveLength(5)
    expect(stationsIn('ningbo', all)).toEqual([])
    expect(stationsIn('   ', all)).toEqual([])
  })
})

describe('servingHub', () => {
  it('is the nearest hub, as a pickup run without a named hub goes', () => {
    expect(servingHub(jingan, hubs)!.id).toBe('hub_1')
    expect(servingHub(suzhouPark, hubs)!.id).toBe('hub_1')
    expect(servingHub(xinjiekou, hubs)!.id).toBe('hub_3')
    expect(servingHub(wulin, hubs)!.id).toBe('hub_2')
    expect(servingHub(jingan, [])).toBeUndefined()
  })

  it('breaks a tie by the lower hub id', () => {
    const twins = [
      { id: 'hub_b', lat: 31, lng: 121 },
      { id: 'hub_a', lat: 31, lng: 121 },
    ]
    expect(servingHub({ lat: 30, lng: 120 }, twins)!.id).toBe('hub_a')
  })
})

describe('suggestHub', () => {
  it.each([
    ['上海', 'hub_1', 'ALL_STATIONS', 1, 1],
    ['苏州', 'hub_1', 'ALL_STATIONS', 2, 2],
    ['南京市', 'hub_3', 'ALL_STATIONS', 2, 2],
    // Jiangsu: Nanjing's two and Xuzhou go to Nanjing, Suzhou's two to Shanghai.
    ['江苏', 'hub_3', 'MOST_STATIONS', 3, 5],
    ['Zhejiang', 'hub_2', 'ALL_STATIONS', 1, 1],
  ])('suggests for %s the hub %s (%s, %i of %i stations)', (region, hubId, reason, s, total) => {
    expect(suggestHub(region, all, hubs)).toEqual({
      hubId,
      reason,
      stations: s,
      regionStations: total,
    })
  })

  it('breaks an even vote by the hub nearer to the stations', () => {
    // One station near Shanghai, one near Nanjing, but the second much nearer its hub.
    const far = station('边城', '边省', 'bian cheng|bian sheng', 31.0, 120.5)
    const near = station('边城', '边省', 'bian cheng|bian sheng', 31.93, 118.87)
    expect(suggestHub('边城', [far, near], hubs)).toMatchObject({
      hubId: 'hub_3',
      reason: 'MOST_STATIONS',
      stations: 1,
      regionStations: 2,
    })
  })

  it('has no suggestion for a region without an active station', () => {
    expect(suggestHub('宁波', all, hubs)).toBeNull()
    expect(suggestHub('火星', all, hubs)).toBeNull()
    expect(suggestHub('上海', all, [])).toBeNull()
  })
})

describe('knownRegions', () => {
  it('lists each province and city with an active station once', () => {
    expect(knownRegions(all)).toEqual(
      ['上海', '南京', '徐州', '杭州', '江苏', '浙江', '苏州'].sort((a, b) =>
        a.localeCompare(b, 'zh-CN'),
      ),
    )
  })
})
