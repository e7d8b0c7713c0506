import { sql, type SQL } from 'drizzle-orm'
import type { ReturnStatus } from '../../db/schema'
import type { Db } from '../db'
import { outboxEvent } from '../events/outbox'
import type { WebhookEventType } from '../events/types'

/** The event each status a return moves into announces. */
export const moveEventTypes: Record<ReturnStatus, WebhookEventType> = {
  REGISTERED: 'return.registered',
  AT_STATION: 'return.checked_in',
  IN_TRANSIT: 'return.picked_up',
  AT_HUB: 'return.received',
  INSPECTED: 'return.inspected',
  RESOLVED: 'return.resolved',
  CLOSED: 'return.closed',
  CANCELLED: 'return.cancelled',
}

/**
 * The event of each return `where` selects (alias `r`), its `data` the return as GraphQL shapes
 * it (no description, reason or contact, which may hold what the customer wrote) plus `extra`
 * (SQL `, 'key', value` pairs).
 */
export function returnEvent(
  db: Db,
  type: WebhookEventType,
  at: string,
  where: SQL,
  extra: SQL = sql``,
) {
  return outboxEvent(db, {
    type,
    allianceId: sql`h.alliance_id`,
    merchantId: sql`r.merchant_id`,
    hubId: sql`r.hub_id`,
    stationId: sql`r.station_id`,
    returnId: sql`r.id`,
    at,
    data: sql`json_object('return', json_object('id', r.id, 'code', r.code, 'status', r.status,
      'category', r.category, 'orderRef', r.order_ref, 'orderValueFen', r.order_value_fen,
      'largeItem', json(case when r.large_item then 'true' else 'false' end),
      'merchantId', r.merchant_id, 'hubId', r.hub_id, 'stationId', r.station_id,
      'createdAt', r.created_at)${extra})`,
    from: sql`from returns r join hubs h on h.id = r.hub_id where ${where}`,
  })
}

/**
 * The event of a status move, placed right after the move's `auditReturnMove` in its batch: that
 * entry is written only when the move happened, so `changes() > 0` here means the same.
 */
export function returnMoveEvent(
  db: Db,
  move: { returnId: string; to: ReturnStatus; at: string },
  extra?: SQL,
) {
  const where = sql`r.id = ${move.returnId} and changes() > 0`
  return returnEvent(db, moveEventTypes[move.to], move.at, where, extra)
}
