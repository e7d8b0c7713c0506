/**
 * Finding a station by what people type: a district (浦东), a street, the station's or store's
 * name, a postcode or a city, in characters or pinyin (pudong, Pudong); optionally near a point
 * (then nearest first), open now, and offering given services. Public, so every search counts
 * against the caller's limit like the other public lookups.
 */
import { and, eq, or, sql, type SQL } from 'drizzle-orm'
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { stations, type StationService } from '../../db/schema'
import type { Db } from '../db'
import type { Station } from '../network/service'
import { hit } from '../rate-limit'
import { distanceMeters } from '../returns/geo'
import type { LatLng } from './coords'
import { openState } from './opening-hours'

export interface StationSearch {
  query?: string
  point?: LatLng
  openNow?: boolean
  services?: readonly StationService[]
  first: number
}

export interface FoundStation {
  station: Station
  /** Great-circle metres from the point searched from; 0 when no point was given. */
  distanceMeters: number
}

/** Searches allowed per caller and minute: a page of typing, not a crawl of the directory. */
export const SEARCH_LIMIT = { hits: 60, windowMs: 60_000 }

const han = /\p{Script=Han}/u

/** The words of a query: `上海市 浦东` → ['上海', '浦东'], `Pu Dong` → ['pu', 'dong']. */
export function searchTerms(query: string): string[] {
  return query
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s,，、;；]+/)
    .map((w) => w.replace(/[’'\-·.]/g, '').replace(/(市|省)$/, ''))
    .filter((w) => w.length > 0)
    .slice(0, 5)
}

const like = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
const contains = (column: AnySQLiteColumn, text: string) =>
  sql`${column} like ${like(text)} escape '\\'`

/**
 * One word matches a station when any field holds it (characters), its postcode starts with it,
 * or its pinyin holds it with the spaces between syllables dropped. The database narrows; the
 * syllable check (`pinyinAt`) then keeps "hangzhou" from matching inside "changzhou".
 */
function termMatches(term: string): SQL {
  if (han.test(term)) {
    return or(
      contains(stations.name, term),
      contains(stations.storeName, term),
      contains(stations.address, term),
      contains(stations.city, term),
      contains(stations.province, term),
    )!
  }
  const compact = term.replace(/[^a-z0-9]/g, '')
  const postcode = /^\d{3,6}$/.test(compact)
    ? sql`${stations.postcode} like ${`${compact}%`}`
    : sql`0`
  const pinyin = sql`replace(${stations.romanised}, ' ', '') like ${like(compact)} escape '\\'`
  return or(pinyin, postcode, contains(stations.address, term))!
}

/**
 * The first pinyin field ("|"-separated, syllables spaced) in which `compact` starts at a
 * syllable; -1 when none does.
 * @example pinyinAt('chang zhou|jiang su', 'hangzhou') // -1
 */
export function pinyinAt(romanised: string, compact: string): number {
  return romanised.split('|').findIndex((field) => {
    const syllables = field.split(' ')
    const joined = syllables.join('')
    let start = 0
    return syllables.some((syllable) => {
      const found = joined.startsWith(compact, start)
      start += syllable.length
      return found
    })
  })
}

// A street is found by its name with its kind (南京西路, zhanghenglu), so that a bare place name
// (北京) reads as a place the network does not reach, not as part of 北京中路 in Wuhu.
const streetKind = /[路街道巷弄]/
const streetKindPinyin = /(lu|jie|dao|xiang|nong)$/
// The district ends an address's first part: 浦东新区, 工业园区, 金安区.
const districtEnd = /^(.*?[区县旗])/

/** An address as its district and its street (`浦东新区张衡路1000号` → 浦东新区, 张衡路1000号). */
function addressParts(address: string): [string, string] {
  const district = districtEnd.exec(address)?.[1] ?? ''
  return [district, address.slice(district.length)]
}

/** The same split of the address's pinyin, at its first "qu", "xian" or "qi" syllable. */
function pinyinAddressParts(field: string): [string, string] {
  const syllables = field.split(' ')
  const end = syllables.findIndex((x) => x === 'qu' || x === 'xian' || x === 'qi')
  return end === -1
    ? ['', field]
    : [syllables.slice(0, end + 1).join(' '), syllables.slice(end + 1).join(' ')]
}

/**
 * Where a word matched, for ordering without a point and for dropping what the database's
 * broad match let through: 0 name, 1 store, 2 district or street, 3 city, 4 province,
 * 5 postcode; null when it did not really match.
 */
function matchedField(s: Station, term: string): number | null {
  if (han.test(term)) {
    const [district, street] = addressParts(s.address)
    const namedStreet = streetKind.test(term) ? street : ''
    const fields = [s.name, s.storeName, district, s.city, s.province]
    const at = fields.findIndex((f) => f.includes(term))
    if (at !== -1) return at
    return namedStreet.includes(term) ? 2 : null
  }
  const compact = term.replace(/[^a-z0-9]/g, '')
  if (/^\d{3,6}$/.test(compact)) return s.postcode.startsWith(compact) ? 5 : null
  const [name = '', store = '', address = '', city = '', province = ''] = s.romanised.split('|')
  const [district, street] = pinyinAddressParts(address)
  const fields = [name, store, district, city, province]
  const at = fields.findIndex((f) => pinyinAt(f, compact) !== -1)
  if (at !== -1) return at
  if (streetKindPinyin.test(compact) && pinyinAt(street, compact) !== -1) return 2
  return null
}

/** Active stations matching the search, best first, at most `first` of them. */
export async function searchStations(
  db: Db,
  search: StationSearch,
  ip: string,
  now: Date,
): Promise<FoundStation[]> {
  await hit(db, `stations:${ip}`, SEARCH_LIMIT.hits, SEARCH_LIMIT.windowMs, now.getTime())
  return findStations(db, search, now)
}

/** The search itself, unmetered: for pages that already metered the request. */
export async function findStations(
  db: Db,
  search: StationSearch,
  now: Date,
): Promise<FoundStation[]> {
  const terms = searchTerms(search.query ?? '')
  const services = (search.services ?? []).map(
    (service) =>
      sql`exists (select 1 from json_each(${stations.services}) where json_each.value = ${service})`,
  )
  const rows = await db
    .select()
    .from(stations)
    .where(and(eq(stations.active, true), ...terms.map(termMatches), ...services))
  const point = search.point
  const found = rows.flatMap((station) => {
    const fields = terms.map((term) => matchedField(station, term))
    if (fields.some((f) => f === null)) return []
    if (search.openNow && !openState(station.openingHours, station.closedDays, now).openNow)
      return []
    const distance = point ? Math.round(distanceMeters(point, station)) : 0
    return [{ station, distanceMeters: distance, rank: point ? 0 : (fields[0] ?? 0) }]
  })
  found.sort(
    (a, b) =>
      a.distanceMeters - b.distanceMeters ||
      a.rank - b.rank ||
      a.station.id.localeCompare(b.station.id),
  )
  return found.slice(0, search.first).map(({ station, distanceMeters }) => ({
    station,
    distanceMeters,
  }))
}
