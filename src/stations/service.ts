/**
 * Drop-off stations: finding the nearest (public), their commissions, and their management by
 * coordinators (stations with history are deactivated, never deleted).
 */
import { and, asc, eq } from 'drizzle-orm'
import { commissions, returns, stations, type StationService } from '../../db/schema'
import { requireRole, requireStation, type Actor } from '../auth/roles'
import type { Db } from '../db'
import { newId } from '../ids'
import { getStation, type Station } from '../network/service'
import { distanceMeters } from '../returns/geo'
import type { StationInput } from './schemas'

export interface StationDistance {
  station: Station
  distanceMeters: number
}

/** Active stations nearest to a point, by great-circle distance. Public: no sign-in needed. */
export async function nearestStations(
  db: Db,
  point: { lat: number; lng: number },
  limit: number,
): Promise<StationDistance[]> {
  const active = await db.select().from(stations).where(eq(stations.active, true))
  return active
    .map((station) => ({ station, distanceMeters: Math.round(distanceMeters(point, station)) }))
    .sort((a, b) => a.distanceMeters - b.distanceMeters || a.station.id.localeCompare(b.station.id))
    .slice(0, limit)
}

export interface CommissionStatement {
  stationId: string
  month: string
  parcels: number
  totalFen: number
  lines: { returnId: string; code: string; amountFen: number; largeItem: boolean; at: string }[]
}

/** A station's commissions for a month (its operator, or a coordinator). */
export async function stationCommissions(
  db: Db,
  actor: Actor | null,
  stationId: string,
  month: string,
): Promise<CommissionStatement> {
  const a = requireStation(actor, stationId)
  await getStation(db, a, stationId)
  const lines = await db
    .select({
      returnId: commissions.returnId,
      code: returns.code,
      amountFen: commissions.amountFen,
      largeItem: commissions.largeItem,
      at: commissions.at,
    })
    .from(commissions)
    .innerJoin(returns, eq(returns.id, commissions.returnId))
    .where(and(eq(commissions.stationId, stationId), eq(commissions.month, month)))
    .orderBy(asc(commissions.at))
  return {
    stationId,
    month,
    parcels: lines.length,
    totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0),
    lines,
  }
}

export async function createStation(
  db: Db,
  actor: Actor | null,
  input: StationInput,
): Promise<Station> {
  const a = requireRole(actor, 'COORDINATOR')
  const id = newId('sta')
  await db.insert(stations).values({ ...input, id, allianceId: a.allianceId, active: true })
  return getStation(db, a, id)
}

export async function updateStation(
  db: Db,
  actor: Actor | null,
  id: string,
  input: StationInput,
): Promise<Station> {
  const a = requireRole(actor, 'COORDINATOR')
  await getStation(db, a, id)
  await db.update(stations).set(input).where(eq(stations.id, id))
  return getStation(db, a, id)
}

/** Deactivated stations keep their history and commissions but accept no parcels. */
export async function setStationActive(
  db: Db,
  actor: Actor | null,
  id: string,
  active: boolean,
): Promise<Station> {
  const a = requireRole(actor, 'COORDINATOR')
  await getStation(db, a, id)
  await db.update(stations).set({ active }).where(eq(stations.id, id))
  return getStation(db, a, id)
}

/** A station operator edits its own opening hours and services (a coordinator, any station). */
export async function updateStationDetails(
  db: Db,
  actor: Actor | null,
  id: string,
  input: { openingHours: string; services: StationService[] },
): Promise<Station> {
  const a = requireStation(actor, id)
  await getStation(db, a, id)
  await db
    .update(stations)
    .set({ openingHours: input.openingHours, services: input.services })
    .where(eq(stations.id, id))
  return getStation(db, a, id)
}
