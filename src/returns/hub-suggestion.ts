/**
 * Which hub a return should be bound for, from where the customer is likely to drop it off: the
 * hub that collects from the stations of that region. A station's pickups go to its nearest hub
 * (what `createPickupRun` does when no hub is named), so the region's stations vote with their
 * nearest hub and the hub serving most of them is suggested. A parcel dropped at a station of
 * another region still arrives: the hub collecting there puts it on its transfer lane to the
 * return's hub.
 */
import { distanceMeters } from './geo'

interface Point {
  lat: number
  lng: number
}

export interface HubPoint extends Point {
  id: string
}

export interface StationPlace extends Point {
  id: string
  city: string
  province: string
  /** Toneless pinyin fields split by "|", the last two the city and the province. */
  romanised: string
  active: boolean
}

/** Why a hub is suggested: it serves every station there, or the most of them. */
export type SuggestionReason = 'ALL_STATIONS' | 'MOST_STATIONS'

export interface HubSuggestion {
  hubId: string
  reason: SuggestionReason
  /** The region's stations whose pickups go to the suggested hub. */
  stations: number
  /** All active stations found in the region. */
  regionStations: number
}

/**
 * A region as typed, reduced for comparison: width-folded, lower case, no spaces, without a
 * trailing 省/市/province/city, so "江苏省", "江苏", "Jiangsu" and "jiang su" meet.
 * @example normaliseRegion(' 苏州市 ') // '苏州'
 */
export function normaliseRegion(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/(省|市|province|city)$/u, '')
}

/** The names a station's region goes by: its city and province, in hanzi and pinyin. */
function regionNames(s: StationPlace): string[] {
  const fields = s.romanised.split('|')
  const pinyin = fields.length >= 2 ? fields.slice(-2) : []
  return [s.city, s.province, ...pinyin].map(normaliseRegion).filter(Boolean)
}

/** The active stations of a region (its city or its province), by any of its names. */
export function stationsIn<S extends StationPlace>(region: string, stations: readonly S[]): S[] {
  const wanted = normaliseRegion(region)
  if (!wanted) return []
  return stations.filter((s) => s.active && regionNames(s).includes(wanted))
}

/**
 * The hub a station's pickups go to: its nearest, ties to the lower id.
 * @example servingHub(station, hubs).id // 'hub_1'
 */
export function servingHub<H extends HubPoint>(point: Point, hubs: readonly H[]): H | undefined {
  let best: { hub: H; d: number } | undefined
  for (const hub of hubs) {
    const d = distanceMeters(point, hub)
    if (!best || d < best.d || (d === best.d && hub.id < best.hub.id)) best = { hub, d }
  }
  return best?.hub
}

/**
 * The hub serving most of the region's stations; on a tie the one nearer to them in all, then
 * the lower id. Null when the region has no active station (nothing to go by).
 */
export function suggestHub(
  region: string,
  stations: readonly StationPlace[],
  hubs: readonly HubPoint[],
): HubSuggestion | null {
  const there = stationsIn(region, stations)
  const votes = new Map<string, { stations: number; meters: number }>()
  for (const s of there) {
    const hub = servingHub(s, hubs)
    if (!hub) continue
    const v = votes.get(hub.id) ?? { stations: 0, meters: 0 }
    votes.set(hub.id, { stations: v.stations + 1, meters: v.meters + distanceMeters(s, hub) })
  }
  const ranked = [...votes.entries()].sort(
    ([a, x], [b, y]) => y.stations - x.stations || x.meters - y.meters || a.localeCompare(b),
  )
  const top = ranked[0]
  if (!top) return null
  return {
    hubId: top[0],
    reason: top[1].stations === there.length ? 'ALL_STATIONS' : 'MOST_STATIONS',
    stations: top[1].stations,
    regionStations: there.length,
  }
}

/** The cities and provinces with active stations, for the region field's list, deduplicated. */
export function knownRegions(stations: readonly StationPlace[]): string[] {
  const names = new Set<string>()
  for (const s of stations) {
    if (!s.active) continue
    names.add(s.province)
    names.add(s.city)
  }
  return [...names].sort((a, b) => a.localeCompare(b, 'zh-CN'))
}
