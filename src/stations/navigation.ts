/**
 * Links that start navigation to a station in the map apps people in China use, through each
 * app's public URI (a web address that hands over to the installed app, or opens the web map).
 * Each gets coordinates in its own datum: AMap and Apple Maps (AMap's data inside China) GCJ-02,
 * Baidu BD-09; stations are stored in WGS-84.
 */
import { wgs84ToBd09, wgs84ToGcj02, type LatLng } from './coords'

export interface Navigation {
  amap: string
  baidu: string
  apple: string
}

// Six decimals is about 10 cm: more only lengthens the link.
const fixed = (n: number) => n.toFixed(6)
const SOURCE = 'nestwork'

export function navigationLinks(station: LatLng & { name: string; address: string }): Navigation {
  const gcj = wgs84ToGcj02(station)
  const bd = wgs84ToBd09(station)
  const amap = new URLSearchParams({
    to: `${fixed(gcj.lng)},${fixed(gcj.lat)},${station.name}`,
    mode: 'walk',
    coordinate: 'gaode',
    callnative: '1',
    src: SOURCE,
  })
  const baidu = new URLSearchParams({
    location: `${fixed(bd.lat)},${fixed(bd.lng)}`,
    title: station.name,
    content: station.address,
    coord_type: 'bd09ll',
    output: 'html',
    src: SOURCE,
  })
  const apple = new URLSearchParams({
    daddr: `${fixed(gcj.lat)},${fixed(gcj.lng)}`,
    q: station.name,
    dirflg: 'w',
  })
  return {
    amap: `https://uri.amap.com/navigation?${amap}`,
    baidu: `https://api.map.baidu.com/marker?${baidu}`,
    apple: `https://maps.apple.com/?${apple}`,
  }
}
