import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db'
import { outboxEvent } from '../events/outbox'
import type { WebhookEventType } from '../events/types'

/**
 * The event of the bookings `where` selects (alias `b`), each with the booking as GraphQL shapes
 * it; `status` overrides the row's when the event is written before the update that sets it.
 */
export function bookingEvent(
  db: Db,
  type: WebhookEventType | SQL<WebhookEventType>,
  at: string,
  where: SQL,
  status: SQL = sql`b.status`,
) {
  return outboxEvent(db, {
    type,
    allianceId: sql`h.alliance_id`,
    merchantId: sql`b.merchant_id`,
    hubId: sql`b.hub_id`,
    at,
    data: sql`json_object('booking', json_object('id', b.id, 'hubId', b.hub_id, 'date', b.date,
      'units', b.units, 'status', ${status}, 'idempotencyKey', b.idempotency_key,
      'createdAt', b.created_at))`,
    from: sql`from bookings b join hubs h on h.id = b.hub_id where ${where} order by b.seq`,
  })
}
