/**
 * Coordinates for Chinese maps. Stations are stored in WGS-84 (what GPS and OpenStreetMap use);
 * AMap (and Apple Maps inside China, whose data is AMap's) expect GCJ-02, the offset datum that
 * mainland maps are required to use, and Baidu expects its own BD-09 on top of GCJ-02. The
 * formulas are the widely published ones (the same as the `coordtransform` and `gcoord`
 * packages); outside mainland China no offset applies and points pass through unchanged.
 */
export interface LatLng {
  lat: number
  lng: number
}

// Krasovsky 1940 ellipsoid, which GCJ-02 is defined on.
const A = 6_378_245.0
const EE = 0.006_693_421_622_965_943
const X_PI = (Math.PI * 3000.0) / 180.0

/** A rough box around mainland China, as the published converters use it. */
export function outOfChina({ lat, lng }: LatLng): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271
}

function transformLat(x: number, y: number): number {
  let ret = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  ret += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3
  ret += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3
  ret += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3
  return ret
}

function transformLng(x: number, y: number): number {
  let ret = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  ret += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3
  ret += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3
  ret += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3
  return ret
}

/** WGS-84 → GCJ-02. */
export function wgs84ToGcj02(p: LatLng): LatLng {
  if (outOfChina(p)) return { lat: p.lat, lng: p.lng }
  let dLat = transformLat(p.lng - 105, p.lat - 35)
  let dLng = transformLng(p.lng - 105, p.lat - 35)
  const radLat = (p.lat / 180) * Math.PI
  let magic = Math.sin(radLat)
  magic = 1 - EE * magic * magic
  const sqrtMagic = Math.sqrt(magic)
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI)
  dLng = (dLng * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return { lat: p.lat + dLat, lng: p.lng + dLng }
}

/** GCJ-02 → BD-09 (Baidu). */
export function gcj02ToBd09(p: LatLng): LatLng {
  const z = Math.sqrt(p.lng * p.lng + p.lat * p.lat) + 0.00002 * Math.sin(p.lat * X_PI)
  const theta = Math.atan2(p.lat, p.lng) + 0.000003 * Math.cos(p.lng * X_PI)
  return { lat: z * Math.sin(theta) + 0.006, lng: z * Math.cos(theta) + 0.0065 }
}

/** WGS-84 → BD-09, through GCJ-02 as Baidu defines it. */
export function wgs84ToBd09(p: LatLng): LatLng {
  return outOfChina(p) ? { lat: p.lat, lng: p.lng } : gcj02ToBd09(wgs84ToGcj02(p))
}
