import { and, eq, sql } from 'drizzle-orm'
import { commissions, hubs, returns, stations } from '../../db/schema'
import { requireRole, type Actor } from '../auth/roles'
import { changes, type Db } from '../db'
import { Conflict, InvalidInput, NotFound } from '../errors'
import { nearestStations } from '../stations/service'
import { refusedAsClosed } from '../settlement/month-lock'
import { auditReturnMove } from './audit'
import { returnMoveEvent } from './events'
import { normalizeCode } from './code'
import { inAlliance, type Return } from './service'

/** Why a check-in was refused, in `Conflict.details.reason`, for pages to explain it. */
export type CheckInRefusal =
  | 'STATION_INACTIVE'
  | 'CANCELLED'
  | 'OTHER_STATION'
  | 'LARGE_ITEM_NOT_SERVED'
  | 'LARGE_ITEM_NOWHERE'

export interface CheckIn {
  return: Return
  /** True when this parcel was already checked in here: a repeat scan changes nothing. */
  alreadyCheckedIn: boolean
  /** The commission this parcel earned the station (at check-in time's rate). */
  commissionFen: number
  /** The hub the parcel goes on to: the station puts it in that hub's bag. */
  hub: { id: string; name: string; nameZh: string | null }
}

export interface CheckInOptions {
  /**
   * Why the clerk takes a large item at a station without the large-item service (the customer
   * cannot travel on, a pram left at the counter…). Kept in the audit entry.
   */
  overrideReason?: string
}

/**
 * A station operator checks a parcel in by its code. The conditional UPDATE moves it from
 * REGISTERED to AT_STATION at most once; the commission is written by the same statement's
 * trigger, keyed by the return, so duplicate or concurrent scans can never earn twice. A large
 * item is taken only where the station offers the large-item service, unless the clerk gives a
 * reason; the same UPDATE checks the service, so a station whose services change meanwhile is
 * never caught out.
 */
export async function checkInParcel(
  db: Db,
  actor: Actor | null,
  typed: string,
  now: Date,
  options: CheckInOptions = {},
): Promise<CheckIn> {
  const a = requireRole(actor, 'STATION_OPERATOR')
  const stationId = a.stationId!
  const code = normalizeCode(typed)
  // A mistyped code is told apart from an unknown one: the clerk retypes, rather than turns away.
  if (!code) {
    throw new InvalidInput('code', 'a return code has 12 letters and digits', {
      reason: 'CODE_FORMAT',
    })
  }
  const [found] = await db
    .select()
    .from(returns)
    .where(and(eq(returns.code, code), inAlliance(a)))
  if (!found) throw new NotFound('Return')
  const at = now.toISOString()
  const move = { returnId: found.id, from: 'REGISTERED', to: 'AT_STATION' as const, at }
  const override = options.overrideReason?.trim() || null
  // The commission goes into the month of the check-in; if that month's settlement closed
  // meanwhile (a close run just after midnight on the 1st), the trigger refuses the whole batch.
  const [result] = await db
    .batch([
      db.run(sql`
      update returns set status = 'AT_STATION', station_id = ${stationId},
        updated_by = ${a.userId}, updated_at = ${at}
      where id = ${found.id} and status = 'REGISTERED'
        and exists (select 1 from stations where id = ${stationId} and active = 1)
        and (large_item = 0 or ${override} is not null or exists (
          select 1 from stations s, json_each(s.services) service
          where s.id = ${stationId} and service.value = 'LARGE_ITEMS'))`),
      auditReturnMove(
        db,
        a,
        { action: 'parcel.checkIn', ...move },
        sql`json_object('status', e.status, 'stationId', e.station_id, 'commissionFen',
        (select amount_fen from commissions where return_id = e.return_id)${
          override === null ? sql`` : sql`, 'largeItemOverride', ${override}`
        })`,
      ),
      returnMoveEvent(db, move),
    ])
    .catch((error: unknown) => {
      if (refusedAsClosed(error)) {
        throw new Conflict('This month has just been closed; check the parcel in again.', {
          reason: 'MONTH_CLOSED',
        })
      }
      throw error
    })
  const [[row], [commission]] = await Promise.all([
    db
      .select({ r: returns, hub: { id: hubs.id, name: hubs.name, nameZh: hubs.nameZh } })
      .from(returns)
      .innerJoin(hubs, eq(hubs.id, returns.hubId))
      .where(eq(returns.id, found.id)),
    db.select().from(commissions).where(eq(commissions.returnId, found.id)),
  ])
  const { r: after, hub } = row!
  if (changes(result) > 0) {
    return { return: after, alreadyCheckedIn: false, commissionFen: commission!.amountFen, hub }
  }
  if (after.stationId === stationId && after.status !== 'REGISTERED') {
    return { return: after, alreadyCheckedIn: true, commissionFen: commission?.amountFen ?? 0, hub }
  }
  if (after.status === 'REGISTERED') await refuseAtStation(db, stationId, after.largeItem)
  if (after.status === 'CANCELLED') {
    throw new Conflict('This return was cancelled by the shop.', { reason: 'CANCELLED' })
  }
  throw new Conflict('This parcel was already handed in at another station.', {
    reason: 'OTHER_STATION',
  })
}

/** Why a registered parcel stayed registered: the station is closed down, or lacks the service. */
async function refuseAtStation(db: Db, stationId: string, largeItem: boolean): Promise<never> {
  const [station] = await db.select().from(stations).where(eq(stations.id, stationId))
  if (!station?.active || !largeItem) {
    throw new Conflict('This station is deactivated and cannot accept parcels.', {
      reason: 'STATION_INACTIVE',
    })
  }
  // The closest active station with the service, for the clerk to send the customer on to.
  const near = await nearestStations(db, station, 12)
  const found = near.find((n) => n.station.services.includes('LARGE_ITEMS'))
  if (!found) {
    throw new Conflict('This station takes no large items, and no station nearby does.', {
      reason: 'LARGE_ITEM_NOWHERE',
    })
  }
  throw new Conflict(
    `This station takes no large items; the nearest that does is ${found.station.id}.`,
    {
      reason: 'LARGE_ITEM_NOT_SERVED',
      nearestStation: found.station.name,
      nearestStationId: found.station.id,
      nearestAddress: found.station.address,
      distanceKm: (found.distanceMeters / 1000).toFixed(1),
    },
  )
}
