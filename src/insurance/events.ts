import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db'
import { outboxEvent } from '../events/outbox'
import type { WebhookEventType } from '../events/types'

/**
 * The event of the claim `claimId` where `condition` holds, the claim as GraphQL shapes it (not
 * its description or reason, which are free text) plus `extra` (SQL `'key', value` pairs).
 */
export function claimEvent(
  db: Db,
  type: WebhookEventType,
  claimId: string,
  at: string,
  condition: SQL,
  extra: SQL = sql``,
) {
  return outboxEvent(db, {
    type,
    allianceId: sql`m.alliance_id`,
    merchantId: sql`c.merchant_id`,
    returnId: sql`c.return_id`,
    at,
    data: sql`json_object('claim', json_object('id', c.id, 'merchantId', c.merchant_id,
      'returnId', c.return_id, 'status', c.status, 'amountFen', c.amount_fen,
      'capFen', c.cap_fen, 'approvedFen', c.approved_fen, 'paidFen', c.paid_fen,
      'decidedAt', c.decided_at, 'createdAt', c.created_at)${extra})`,
    from: sql`from claims c join merchants m on m.id = c.merchant_id
      where c.id = ${claimId} and ${condition}`,
  })
}
