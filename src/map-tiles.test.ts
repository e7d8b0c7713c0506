import { describe, expect, it } from 'vitest'
import { tileSource } from './map-tiles'

describe('map tile sources', () => {
  it('names presets that work in mainland China, with their datum', () => {
    expect(tileSource('amap')).toMatchObject({ subdomains: '1234', datum: 'GCJ02' })
    expect(tileSource('AMAP').url).toContain('is.autonavi.com')
    expect(tileSource('osm').datum).toBe('WGS84')
  })

  it('reads a template’s datum and subdomains from its host unless told', () => {
    const amap = 'https://webrd0{s}.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}'
    expect(tileSource(amap).datum).toBe('GCJ02')
    expect(tileSource(amap, undefined, 'WGS84').datum).toBe('WGS84')
    const tianditu = 'https://t{s}.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=K'
    expect(tileSource(tianditu)).toMatchObject({ subdomains: '01234567', datum: 'WGS84' })
    expect(tileSource('https://tile.example.org/{z}/{x}/{y}.png', '© Example').attribution).toBe(
      '© Example',
    )
  })
})
