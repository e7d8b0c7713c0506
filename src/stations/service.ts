/**
 * Drop-off stations: finding the nearest (public), their commissions, and their management by
 * coordinators (stations with history are deactivated, never deleted).
 */
import { and, asc, between, eq, gte, lte, or } from 'drizzle-orm'
import { commissions, returns, stations, type StationService } from '../../db/schema'
import { auditEntry } from '../audit/log'
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

/** Metres per degree of latitude (and of longitude at the equator) on the mean sphere. */
const METRES_PER_DEGREE = 111_195

/**
 * Active stations nearest to a point, by great-circle distance, ties by id. Public: no sign-in
 * needed. Reads a box around the point on the `stations_area` index, widened until the circle
 * inside it holds `limit` stations (any station outside the box is farther than that circle),
 * so a national network is not read whole for every lookup; near a pole, the whole table.
 */
export async function nearestStations(
  db: Db,
  point: { lat: number; lng: number },
  limit: number,
): Promise<StationDistance[]> {
  const rank = (rows: Station[]) =>
    rows
      .map((station) => ({ station, distanceMeters: Math.round(distanceMeters(point, station)) }))
      .sort(
        (a, b) => a.distanceMeters - b.distanceMeters || a.station.id.localeCompare(b.station.id),
      )
  for (let half = 0.05; half < 30; half *= 3) {
    const edge = Math.max(Math.abs(point.lat - half), Math.abs(point.lat + half))
    if (edge >= 89) break
    // Degrees of longitude spanning `half` degrees of latitude's metres at the box's widest.
    const halfLng = half / Math.cos((edge * Math.PI) / 180)
    if (halfLng >= 180) break
    const rows = await stationsInBox(db, point, half, halfLng)
    const ranked = rank(rows)
    const radius = half * METRES_PER_DEGREE * 0.999
    if (ranked.filter((r) => r.distanceMeters <= radius).length >= limit) {
      return ranked.slice(0, limit)
    }
  }
  const active = await db.select().from(stations).where(eq(stations.active, true))
  return rank(active).slice(0, limit)
}

function stationsInBox(
  db: Db,
  p: { lat: number; lng: number },
  half: number,
  halfLng: number,
): Promise<Station[]> {
  const west = p.lng - halfLng
  const east = p.lng + halfLng
  // A box across the antimeridian is two.
  const lng =
    west < -180
      ? or(gte(stations.lng, west + 360), lte(stations.lng, east))
      : east > 180
        ? or(gte(stations.lng, west), lte(stations.lng, east - 360))
        : between(stations.lng, west, east)
  return db
    .select()
    .from(stations)
    .where(and(eq(stations.active, true), between(stations.lat, p.lat - half, p.lat + half), lng))
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

/** The fields of a station the audit log shows before and after a change. */
function audited(s: Partial<Station>) {
  const { id: _id, allianceId: _alliance, ...fields } = s
  return fields
}

export async function createStation(
  db: Db,
  actor: Actor | null,
  input: StationInput,
  now: Date,
): Promise<Station> {
  const a = requireRole(actor, 'COORDINATOR')
  const id = newId('sta')
  await db.batch([
    db.insert(stations).values({ ...input, id, allianceId: a.allianceId, active: true }),
    auditEntry(db, a, {
      action: 'station.create',
      entity: 'station',
      entityId: id,
      at: now.toISOString(),
      after: audited({ ...input, active: true }),
    }),
  ])
  return getStation(db, a, id)
}

export async function updateStation(
  db: Db,
  actor: Actor | null,
  id: string,
  input: StationInput,
  now: Date,
): Promise<Station> {
  const a = requireRole(actor, 'COORDINATOR')
  const before = await getStation(db, a, id)
  await db.batch([
    db.update(stations).set(input).where(eq(stations.id, id)),
    auditEntry(db, a, {
      action: 'station.update',
      entity: 'station',
      entityId: id,
      at: now.toISOString(),
      before: audited(pick(before, input)),
      after: audited(input),
    }),
  ])
  return getStation(db, a, id)
}

/** Deactivated stations keep their history and commissions but accept no parcels. */
export async function setStationActive(
  db: Db,
  actor: Actor | null,
  id: string,
  active: boolean,
  now: Date,
): Promise<Station> {
  const a = requireRole(actor, 'COORDINATOR')
  const before = await getStation(db, a, id)
  await db.batch([
    db.update(stations).set({ active }).where(eq(stations.id, id)),
    auditEntry(db, a, {
      action: 'station.active',
      entity: 'station',
      entityId: id,
      at: now.toISOString(),
      before: { active: before.active },
      after: { active },
    }),
  ])
  return getStation(db, a, id)
}

/** A station operator edits its own opening hours and services (a coordinator, any station). */
export async function updateStationDetails(
  db: Db,
  actor: Actor | null,
  id: string,
  input: {
    openingHours: string
    services: StationService[]
    phone?: string | undefined
    closedDays?: number[] | undefined
  },
  now: Date,
): Promise<Station> {
  const a = requireStation(actor, id)
  const before = await getStation(db, a, id)
  const fields = {
    openingHours: input.openingHours,
    services: input.services,
    ...(input.phone !== undefined && { phone: input.phone }),
    ...(input.closedDays !== undefined && { closedDays: input.closedDays }),
  }
  await db.batch([
    db.update(stations).set(fields).where(eq(stations.id, id)),
    auditEntry(db, a, {
      action: 'station.details',
      entity: 'station',
      entityId: id,
      at: now.toISOString(),
      before: pick(before, fields),
      after: fields,
    }),
  ])
  return getStation(db, a, id)
}

/** The values `row` had for the keys of `fields`. */
function pick<T extends object>(row: T, fields: object): Partial<T> {
  return Object.fromEntries(Object.keys(fields).map((k) => [k, row[k as keyof T]])) as Partial<T>
}
