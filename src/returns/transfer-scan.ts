/**
 * A parcel scanned at a hub of its alliance that it is not bound for is not received there: it
 * goes on that hub's transfer lane for its own hub, waiting for a transfer run. These are the
 * statements a scan adds to its batch for that, and the count the lane display shows.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm'
import { hubTransfers } from '../../db/schema'
import { auditEntry } from '../audit/log'
import type { Actor } from '../auth/roles'
import { addDays, localDate, localInstant } from '../calendar/local-date'
import type { Db } from '../db'

export interface TransferScan {
  returnId: string
  runId: string
  /** The scanning hub (the run's). */
  fromHubId: string
  /** The hub the parcel is bound for. */
  toHubId: string
  lane: { code: string } | null
  sortPlanVersion: number | null
  at: string
}

/**
 * Records the transfer (once per parcel and hub: a repeat scan changes nothing), the timeline
 * entry "at hub X, transferring to hub Y" and its audit entry. `here` is the scan's condition on
 * the run `p` and the return `r` (open run, parcel still on its way); the insert itself only
 * takes a parcel bound for another hub, and migration 0036's trigger refuses anything else.
 */
export function transferStatements(db: Db, a: Actor, scan: TransferScan, here: SQL) {
  const written = sql`t.return_id = ${scan.returnId} and t.from_hub_id = ${scan.fromHubId}
    and t.at = ${scan.at} and t.scanned_by = ${a.userId}`
  return [
    db.run(sql`
      insert into hub_transfers (return_id, from_hub_id, to_hub_id, lane_code, sort_plan_version,
        scanned_by, at)
      select r.id, p.hub_id, r.hub_id, ${scan.lane?.code ?? null}, ${scan.sortPlanVersion},
        ${a.userId}, ${scan.at}
      from returns r join pickup_runs p on ${here} and r.hub_id <> p.hub_id
      where true
      on conflict (return_id, from_hub_id) do nothing`),
    db.run(sql`
      insert into return_events (return_id, status, actor_id, station_id, pickup_run_id, at,
        transfer_from_hub_id, transfer_to_hub_id)
      select r.id, r.status, ${a.userId}, null, ${scan.runId}, t.at, t.from_hub_id, t.to_hub_id
      from hub_transfers t join returns r on r.id = t.return_id
      where ${written}`),
    auditEntry(db, a, {
      action: 'parcel.transfer',
      entity: 'return',
      entityId: scan.returnId,
      at: scan.at,
      after: sql`json_object('fromHubId', t.from_hub_id, 'toHubId', t.to_hub_id,
        'laneCode', t.lane_code)`,
      from: sql`from hub_transfers t where ${written}`,
    }),
  ]
}

/** The parcel's transfer from `fromHubId`, if one was recorded. */
export async function transferOf(db: Db, returnId: string, fromHubId: string) {
  const [row] = await db
    .select()
    .from(hubTransfers)
    .where(and(eq(hubTransfers.returnId, returnId), eq(hubTransfers.fromHubId, fromHubId)))
  return row ?? null
}

/** Parcels put on transfer lane `code` at a hub on the Shanghai day of `now`. */
export async function transferLaneCountToday(db: Db, hubId: string, code: string, now: Date) {
  const today = localDate(now)
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(hubTransfers)
    .where(
      and(
        eq(hubTransfers.fromHubId, hubId),
        eq(hubTransfers.laneCode, code),
        sql`${hubTransfers.at} >= ${localInstant(today, 0).toISOString()}`,
        sql`${hubTransfers.at} < ${localInstant(addDays(today, 1), 0).toISOString()}`,
      ),
    )
  return Number(row?.n ?? 0)
}
