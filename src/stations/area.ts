/**
 * The stations within a map's visible area, for maps that load what they show rather than the
 * whole national network (`stations_area` indexes active stations by latitude, then longitude).
 * Public like the finder: only what a customer sees of a station is served from here.
 */
import { and, asc, between, eq } from 'drizzle-orm'
import { stations } from '../../db/schema'
import type { Db } from '../db'
import type { MapDatum } from '../map-tiles'
import type { Station } from '../network/service'
import { hit } from '../rate-limit'
import { wgs84ToGcj02, type LatLng } from './coords'

export interface Area {
  south: number
  west: number
  north: number
  east: number
}

/** At most this many stations per area: a country-wide view clusters them anyway. */
export const AREA_MAX = 2000

/** Map moves per caller and minute: panning is quick, a crawl is not. */
export const AREA_LIMIT = { hits: 300, windowMs: 60_000 }

/** Active stations inside the box (edges included), in id order, at most AREA_MAX. */
export async function stationsInArea(db: Db, area: Area): Promise<Station[]> {
  return db
    .select()
    .from(stations)
    .where(
      and(
        eq(stations.active, true),
        between(stations.lat, area.south, area.north),
        between(stations.lng, area.west, area.east),
      ),
    )
    .orderBy(asc(stations.id))
    .limit(AREA_MAX)
}

/** The same, metered per caller, for the public endpoints. */
export async function publicStationsInArea(
  db: Db,
  area: Area,
  ip: string,
  now: Date,
): Promise<Station[]> {
  await hit(db, `area:${ip}`, AREA_LIMIT.hits, AREA_LIMIT.windowMs, now.getTime())
  return stationsInArea(db, area)
}

// GCJ-02 is at most about 700 m off WGS-84 in mainland China: 0.01° covers it.
const GCJ_MARGIN = 0.01

/** A box seen on tiles in `datum`, widened to hold every WGS-84 point that shows inside it. */
export function storedArea(area: Area, datum: MapDatum): Area {
  if (datum === 'WGS84') return area
  return {
    south: Math.max(-90, area.south - GCJ_MARGIN),
    west: Math.max(-180, area.west - GCJ_MARGIN),
    north: Math.min(90, area.north + GCJ_MARGIN),
    east: Math.min(180, area.east + GCJ_MARGIN),
  }
}

/** Where a stored (WGS-84) point is drawn on tiles in `datum`. */
export function onTiles(point: LatLng, datum: MapDatum): LatLng {
  return datum === 'GCJ02' ? wgs84ToGcj02(point) : { lat: point.lat, lng: point.lng }
}
