import { sql, type SQL } from 'drizzle-orm'
import { auditEntry, type AuditActor } from '../audit/log'
import type { Db } from '../db'

/**
 * The audit entry for a return's status move, placed right after the moving statement in its
 * batch: written only when that statement changed the row and its trigger recorded the new status
 * (the event history of migration 0004), so a refused or repeated move leaves none.
 */
export function auditReturnMove(
  db: Db,
  actor: AuditActor,
  move: { action: string; returnId: string; from: string | null; to: string; at: string },
  after: SQL = sql`json_object('status', e.status, 'stationId', e.station_id)`,
) {
  return auditEntry(db, actor, {
    action: move.action,
    entity: 'return',
    entityId: move.returnId,
    at: move.at,
    before: move.from === null ? null : { status: move.from },
    after,
    from: sql`from return_events e where e.return_id = ${move.returnId} and e.status = ${move.to}
      and e.at = ${move.at} and changes() > 0
      order by e.id desc limit 1`,
  })
}
