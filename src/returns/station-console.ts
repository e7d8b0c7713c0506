/**
 * What a drop-off station's console shows below the code field: the parcels the station checked
 * in on a local (Asia/Shanghai) day, each with its current status and the commission it earned.
 */
import { and, desc, eq, gte, lt } from 'drizzle-orm'
import {
  commissions,
  returnEvents,
  returns,
  type Category,
  type ReturnStatus,
} from '../../db/schema'
import { requireStation, type Actor } from '../auth/roles'
import { addDays, isIsoDate, localInstant } from '../calendar/local-date'
import type { Db } from '../db'
import { InvalidInput } from '../errors'
import { getStation } from '../network/service'

export interface StationParcel {
  returnId: string
  code: string
  category: Category
  largeItem: boolean
  /** Where the parcel is now (it may have left on a pickup run since). */
  status: ReturnStatus
  checkedInAt: string
  commissionFen: number
}

/**
 * Parcels checked in at a station on a local date, latest first. The station's operator sees
 * its own station (the default); a coordinator names one.
 * @example await stationParcels(db, operator, { date: '2026-11-25' })
 */
export async function stationParcels(
  db: Db,
  actor: Actor | null,
  options: { date: string; stationId?: string },
): Promise<StationParcel[]> {
  const stationId = options.stationId ?? actor?.stationId
  if (actor && !stationId) throw new InvalidInput('stationId', 'name a station')
  const a = requireStation(actor, stationId ?? '')
  if (!isIsoDate(options.date)) throw new InvalidInput('date', 'use a date as YYYY-MM-DD')
  await getStation(db, a, stationId!)
  const from = localInstant(options.date, 0).toISOString()
  const to = localInstant(addDays(options.date, 1), 0).toISOString()
  const rows = await db
    .select({
      returnId: returns.id,
      code: returns.code,
      category: returns.category,
      largeItem: returns.largeItem,
      status: returns.status,
      checkedInAt: returnEvents.at,
      commissionFen: commissions.amountFen,
    })
    .from(returnEvents)
    .innerJoin(returns, eq(returns.id, returnEvents.returnId))
    .leftJoin(commissions, eq(commissions.returnId, returns.id))
    .where(
      and(
        eq(returnEvents.status, 'AT_STATION'),
        eq(returnEvents.stationId, stationId!),
        gte(returnEvents.at, from),
        lt(returnEvents.at, to),
      ),
    )
    .orderBy(desc(returnEvents.at), desc(returnEvents.id))
  return rows.map((r) => ({ ...r, commissionFen: r.commissionFen ?? 0 }))
}
