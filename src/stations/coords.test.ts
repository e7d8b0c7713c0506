import { describe, expect, it } from 'vitest'
import { gcj02ToBd09, wgs84ToBd09, wgs84ToGcj02 } from './coords'

// Reference points published with the `coordtransform` package (its README's examples), which
// `gcoord` reproduces to the last digit.
describe('coordinate conversion for Chinese maps', () => {
  it('shifts WGS-84 to GCJ-02 like the published converters (Tiananmen)', () => {
    const p = wgs84ToGcj02({ lng: 116.404, lat: 39.915 })
    expect(p.lng).toBeCloseTo(116.41024449916938, 10)
    expect(p.lat).toBeCloseTo(39.91640428150164, 10)
  })

  it('turns GCJ-02 into BD-09 like the published converters', () => {
    const p = gcj02ToBd09({ lng: 116.404, lat: 39.915 })
    expect(p.lng).toBeCloseTo(116.41036949371029, 10)
    expect(p.lat).toBeCloseTo(39.92133699351022, 10)
  })

  it('goes from WGS-84 to BD-09 through GCJ-02 (People’s Square, Shanghai)', () => {
    const p = wgs84ToBd09({ lng: 121.4737, lat: 31.2304 })
    expect(p.lng).toBeCloseTo(121.484781468503, 9)
    expect(p.lat).toBeCloseTo(31.234310593689997, 9)
  })

  it('moves points by the few hundred metres the offset is known for', () => {
    const wgs = { lng: 121.4737, lat: 31.2304 }
    const gcj = wgs84ToGcj02(wgs)
    expect(gcj.lng - wgs.lng).toBeCloseTo(0.0045, 3)
    expect(gcj.lat - wgs.lat).toBeCloseTo(-0.0019, 3)
  })

  it('leaves points outside mainland China where they are', () => {
    const london = { lng: -0.1276, lat: 51.5072 }
    expect(wgs84ToGcj02(london)).toEqual(london)
    expect(wgs84ToBd09(london)).toEqual(london)
  })
})
