/**
 * The customer's receipt at the counter: which parcel was handed in, when, where, and the hub it
 * goes on to, with the tracking page's address for its QR code. Only the station that took the
 * parcel in (or a coordinator) may print it; it names nothing about the customer or the order.
 */
import { and, asc, eq } from 'drizzle-orm'
import { hubs, returnEvents, returns, stations } from '../../db/schema'
import { requireRole, type Actor } from '../auth/roles'
import type { Db } from '../db'
import { NotFound } from '../errors'
import { normalizeCode } from '../returns/code'

export const receiptPath = (code: string) => `/station/receipt/${encodeURIComponent(code)}`

export interface Receipt {
  code: string
  checkedInAt: string
  station: { name: string; storeName: string; address: string; city: string }
  hub: { id: string; name: string; nameZh: string }
}

export async function parcelReceipt(db: Db, actor: Actor | null, typed: string): Promise<Receipt> {
  const a = requireRole(actor, 'STATION_OPERATOR', 'COORDINATOR')
  const code = normalizeCode(typed)
  const [row] = code
    ? await db
        .select({ r: returns, s: stations, h: hubs, at: returnEvents.at })
        .from(returns)
        .innerJoin(stations, eq(stations.id, returns.stationId))
        .innerJoin(hubs, eq(hubs.id, returns.hubId))
        .innerJoin(
          returnEvents,
          and(eq(returnEvents.returnId, returns.id), eq(returnEvents.status, 'AT_STATION')),
        )
        .where(
          and(
            eq(returns.code, code),
            eq(hubs.allianceId, a.allianceId),
            a.role === 'STATION_OPERATOR' ? eq(returns.stationId, a.stationId!) : undefined,
          ),
        )
        .orderBy(asc(returnEvents.at))
        .limit(1)
    : []
  // Another station's parcel is as unknown here as a mistyped code.
  if (!row) throw new NotFound('Return')
  return {
    code: row.r.code,
    checkedInAt: row.at,
    station: {
      name: row.s.name,
      storeName: row.s.storeName,
      address: row.s.address,
      city: row.s.city,
    },
    hub: { id: row.h.id, name: row.h.name, nameZh: row.h.nameZh },
  }
}
