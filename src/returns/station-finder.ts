/**
 * The public side of the drop-off network, for customers with no account: where the active
 * stations are, which are nearest to a point, and which point a typed city name stands for.
 * Only what a customer needs is returned — never a station's commission terms.
 */
import { asc, eq } from 'drizzle-orm'
import { stations, type StationService } from '../../db/schema'
import type { Db } from '../db'
import { nearestStations } from '../stations/service'

export interface PublicStation {
  id: string
  name: string
  storeName: string
  address: string
  city: string
  province: string
  lat: number
  lng: number
  openingHours: string
  services: StationService[]
}

export interface Point {
  lat: number
  lng: number
}

/** English names of the cities and provinces stations are in, for people who type in English. */
export const placeNamesEn: Record<string, string> = {
  上海: 'Shanghai',
  江苏: 'Jiangsu',
  浙江: 'Zhejiang',
  安徽: 'Anhui',
  南京: 'Nanjing',
  苏州: 'Suzhou',
  无锡: 'Wuxi',
  常州: 'Changzhou',
  南通: 'Nantong',
  扬州: 'Yangzhou',
  徐州: 'Xuzhou',
  镇江: 'Zhenjiang',
  杭州: 'Hangzhou',
  宁波: 'Ningbo',
  温州: 'Wenzhou',
  绍兴: 'Shaoxing',
  嘉兴: 'Jiaxing',
  湖州: 'Huzhou',
  金华: 'Jinhua',
  台州: 'Taizhou',
  衢州: 'Quzhou',
  合肥: 'Hefei',
  芜湖: 'Wuhu',
  蚌埠: 'Bengbu',
  马鞍山: "Ma'anshan",
  安庆: 'Anqing',
  六安: "Lu'an",
}

const toPublic = (s: typeof stations.$inferSelect): PublicStation => ({
  id: s.id,
  name: s.name,
  storeName: s.storeName,
  address: s.address,
  city: s.city,
  province: s.province,
  lat: s.lat,
  lng: s.lng,
  openingHours: s.openingHours,
  services: s.services,
})

/** Every station that accepts parcels, in the directory's order. */
export async function activeStations(db: Db): Promise<PublicStation[]> {
  const rows = await db
    .select()
    .from(stations)
    .where(eq(stations.active, true))
    .orderBy(asc(stations.id))
  return rows.map(toPublic)
}

/** The active stations nearest to a point, nearest first, with their distance in metres. */
export async function stationsNear(
  db: Db,
  point: Point,
  limit: number,
): Promise<{ station: PublicStation; distanceMeters: number }[]> {
  const nearest = await nearestStations(db, point, limit)
  return nearest.map((n) => ({ station: toPublic(n.station), distanceMeters: n.distanceMeters }))
}

/** `上海市`, ` shanghai `, `Ma’anshan City` → a comparable key. */
function placeKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s'’\-·.]/g, '')
    .replace(/(市|省|city|province)$/, '')
}

/**
 * The place a typed name stands for: a station city (上海, 上海市, Shanghai, shanghai) or,
 * failing that, a province (江苏, Jiangsu), located at the centroid of its stations.
 * @example findPlace(stations, 'Nanjing') // { name: '南京', point: { lat: 31.99, lng: 118.78 } }
 */
export function findPlace(
  list: readonly PublicStation[],
  typed: string,
): { name: string; point: Point } | null {
  const key = placeKey(typed)
  if (!key) return null
  const matches = (name: string) =>
    placeKey(name) === key || placeKey(placeNamesEn[name] ?? '') === key
  for (const field of ['city', 'province'] as const) {
    const found = list.filter((s) => matches(s[field]))
    if (found.length > 0) return { name: found[0]![field], point: centroid(found) }
  }
  return null
}

function centroid(points: readonly Point[]): Point {
  const lat = points.reduce((sum, p) => sum + p.lat, 0) / points.length
  const lng = points.reduce((sum, p) => sum + p.lng, 0) / points.length
  return { lat, lng }
}

/** Stations grouped by province, provinces in the order their first station appears. */
export function byProvince(list: readonly PublicStation[]): [string, PublicStation[]][] {
  const groups = new Map<string, PublicStation[]>()
  for (const s of list) {
    const group = groups.get(s.province)
    if (group) group.push(s)
    else groups.set(s.province, [s])
  }
  return [...groups]
}
