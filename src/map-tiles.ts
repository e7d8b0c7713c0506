/**
 * Map tile providers by name, for `MAP_TILE_URL`: OpenStreetMap (the default) is slow or
 * unreachable from much of mainland China, where AMap's tiles load fast. AMap draws in GCJ-02,
 * so the pages shift the (WGS-84) stations onto it; OpenStreetMap and Tianditu (CGCS2000, within
 * a metre of WGS-84) need no shift. Any other value is taken as a Leaflet URL template.
 */
export type MapDatum = 'WGS84' | 'GCJ02'

export interface TileSource {
  url: string
  attribution: string
  /** Leaflet's `{s}` values, e.g. "1234" for webrd01…04. */
  subdomains: string
  datum: MapDatum
}

export const tilePresets: Record<string, TileSource> = {
  osm: {
    url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    attribution: '© OpenStreetMap contributors',
    subdomains: 'abc',
    datum: 'WGS84',
  },
  amap: {
    url: 'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
    attribution: '© 高德地图 AutoNavi',
    subdomains: '1234',
    datum: 'GCJ02',
  },
  'amap-satellite': {
    url: 'https://webst0{s}.is.autonavi.com/appmaptile?style=6&x={x}&y={y}&z={z}',
    attribution: '© 高德地图 AutoNavi',
    subdomains: '1234',
    datum: 'GCJ02',
  },
}

// AMap's tile hosts, however they are reached: their tiles are GCJ-02 whatever the URL says.
const gcjHosts = /(^|\.)(autonavi\.com|amap\.com)$/

/**
 * The tile source a setting names: a preset, or a template (with its datum guessed from the
 * host unless `datum` says).
 * @example tileSource('amap').datum // 'GCJ02'
 */
export function tileSource(setting: string, attribution?: string, datum?: MapDatum): TileSource {
  const preset = tilePresets[setting.trim().toLowerCase()]
  if (preset) {
    return {
      ...preset,
      attribution: attribution ?? preset.attribution,
      datum: datum ?? preset.datum,
    }
  }
  const host = /^https?:\/\/([^/]+)/.exec(setting)?.[1]?.replace(/\{s\}/g, 'x') ?? ''
  return {
    url: setting,
    attribution: attribution ?? tilePresets.osm!.attribution,
    // Tianditu serves from t0…t7; most others from a, b and c.
    subdomains: /(^|\.)tianditu\.gov\.cn$/.test(host) ? '01234567' : 'abc',
    datum: datum ?? (gcjHosts.test(host) ? 'GCJ02' : 'WGS84'),
  }
}
