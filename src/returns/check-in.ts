import { and, eq, sql } from 'drizzle-orm'
import { commissions, returns } from '../../db/schema'
import { requireRole, type Actor } from '../auth/roles'
import { changes, type Db } from '../db'
import { Conflict, NotFound } from '../errors'
import { refusedAsClosed } from '../settlement/month-lock'
import { auditReturnMove } from './audit'
import { normalizeCode } from './code'
import { inAlliance, type Return } from './service'

/** Why a check-in was refused, in `Conflict.details.reason`, for pages to explain it. */
export type CheckInRefusal = 'STATION_INACTIVE' | 'CANCELLED' | 'OTHER_STATION'

export interface CheckIn {
  return: Return
  /** True when this parcel was already checked in here: a repeat scan changes nothing. */
  alreadyCheckedIn: boolean
  /** The commission this parcel earned the station (at check-in time's rate). */
  commissionFen: number
}

/**
 * A station operator checks a parcel in by its code. The conditional UPDATE moves it from
 * REGISTERED to AT_STATION at most once; the commission is written by the same statement's
 * trigger, keyed by the return, so duplicate or concurrent scans can never earn twice.
 */
export async function checkInParcel(
  db: Db,
  actor: Actor | null,
  typed: string,
  now: Date,
): Promise<CheckIn> {
  const a = requireRole(actor, 'STATION_OPERATOR')
  const stationId = a.stationId!
  const code = normalizeCode(typed)
  const [found] = code
    ? await db
        .select()
        .from(returns)
        .where(and(eq(returns.code, code), inAlliance(a)))
    : []
  if (!found) throw new NotFound('Return')
  const at = now.toISOString()
  const move = { returnId: found.id, from: 'REGISTERED', to: 'AT_STATION', at }
  // The commission goes into the month of the check-in; if that month's settlement closed
  // meanwhile (a close run just after midnight on the 1st), the trigger refuses the whole batch.
  const [result] = await db
    .batch([
      db.run(sql`
      update returns set status = 'AT_STATION', station_id = ${stationId},
        updated_by = ${a.userId}, updated_at = ${at}
      where id = ${found.id} and status = 'REGISTERED'
        and exists (select 1 from stations where id = ${stationId} and active = 1)`),
      auditReturnMove(
        db,
        a,
        { action: 'parcel.checkIn', ...move },
        sql`json_object('status', e.status, 'stationId', e.station_id, 'commissionFen',
        (select amount_fen from commissions where return_id = e.return_id))`,
      ),
    ])
    .catch((error: unknown) => {
      if (refusedAsClosed(error)) {
        throw new Conflict('This month has just been closed; check the parcel in again.', {
          reason: 'MONTH_CLOSED',
        })
      }
      throw error
    })
  const [after] = await db.select().from(returns).where(eq(returns.id, found.id))
  const [commission] = await db.select().from(commissions).where(eq(commissions.returnId, found.id))
  if (changes(result) > 0) {
    return { return: after!, alreadyCheckedIn: false, commissionFen: commission!.amountFen }
  }
  if (after!.stationId === stationId && after!.status !== 'REGISTERED') {
    return { return: after!, alreadyCheckedIn: true, commissionFen: commission?.amountFen ?? 0 }
  }
  if (after!.status === 'REGISTERED') {
    throw new Conflict('This station is deactivated and cannot accept parcels.', {
      reason: 'STATION_INACTIVE',
    })
  }
  if (after!.status === 'CANCELLED') {
    throw new Conflict('This return was cancelled by the shop.', { reason: 'CANCELLED' })
  }
  throw new Conflict('This parcel was already handed in at another station.', {
    reason: 'OTHER_STATION',
  })
}
