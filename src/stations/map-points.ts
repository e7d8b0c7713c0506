/**
 * What the shared map script (static/map.js) draws: markers as a JSON island in the page or
 * from `/stations/area`, already placed on the tiles' datum so the script converts nothing.
 */
import type { MapDatum } from '../map-tiles'
import { onTiles } from './area'

export interface MapPoint {
  kind: 'station' | 'hub' | 'you'
  /** The station's number in the page's list, shown on its marker. */
  n?: number
  name: string
  detail?: string
  lat: number
  lng: number
}

/**
 * Up to this many active stations a map page carries them all; beyond, it loads those in view
 * as the map moves (the national network is about a thousand).
 */
export const INLINE_MAX = 200

export function stationPoint(
  s: {
    name: string
    storeName: string
    address: string
    openingHours: string
    lat: number
    lng: number
  },
  datum: MapDatum,
  n?: number,
): MapPoint {
  const at = onTiles(s, datum)
  return {
    kind: 'station',
    ...(n === undefined ? {} : { n }),
    name: `${s.name} · ${s.storeName}`,
    detail: `${s.address} · ${s.openingHours}`,
    lat: at.lat,
    lng: at.lng,
  }
}

export function placePoint(
  kind: 'hub' | 'you',
  name: string,
  p: { lat: number; lng: number },
  datum: MapDatum,
): MapPoint {
  return { kind, name, ...onTiles(p, datum) }
}

/** The island's text: `<` escaped so a name can never close the script element. */
export const pointsJson = (points: readonly MapPoint[]) =>
  JSON.stringify(points).replace(/</g, '\\u003c')
