/**
 * Draining the outbox: every new event is fanned out to webhook deliveries and handed to the
 * in-process consumers, then marked, and the deliveries due are sent. Run on a short timer by
 * the Node entry and from the Worker's Cron Trigger. The event row is written with the change
 * and only marked after its fan-out, so a crash anywhere in between loses nothing: the next
 * drain does the rest again, and each step is idempotent.
 */
import { asc, isNull, sql } from 'drizzle-orm'
import { outboxEvents } from '../../db/schema'
import type { Db } from '../db'
import type { Deliver } from '../webhooks/deliver'
import { deliverDue, deliveriesFor } from '../webhooks/dispatch'
import { eventConsumers } from './consumers'
import type { EventType, OutboxEvent } from './types'

/** Something in the process that reacts to each event (the notification centre, …). */
export type EventConsumer = (db: Db, event: OutboxEvent) => Promise<void>

/**
 * The consumers every drained event is handed to, in order (`./consumers`). A consumer may see an
 * event more than once (a crash after it ran, before the event was marked), so it must be
 * idempotent, e.g. keyed by `event.id`. One that throws leaves that event new, to be handed out
 * again next drain.
 */
export { eventConsumers }

export interface DrainOptions {
  /** `WEBHOOK_ALLOW_PRIVATE`: deliver to private and plain-HTTP targets (development). */
  allowPrivate?: boolean
  /** New events fanned out per drain. */
  batchSize?: number
}

export interface DrainOutcome {
  /** Events fanned out and marked. */
  events: number
  /** Webhook tries made, and how many of them were answered 2xx. */
  attempts: number
  delivered: number
}

/**
 * Fans out the new events and sends the deliveries due at `now` through `deliver`. Consumer
 * failures do not stop the other events or the deliveries; they are thrown together at the end.
 * @example await drainOutbox(db, new Date(), fetchDeliver, { allowPrivate: config.webhookAllowPrivate })
 */
export async function drainOutbox(
  db: Db,
  now: Date,
  deliver: Deliver,
  options: DrainOptions = {},
): Promise<DrainOutcome> {
  const at = now.toISOString()
  const fresh = await db
    .select()
    .from(outboxEvents)
    .where(isNull(outboxEvents.fannedOutAt))
    .orderBy(asc(outboxEvents.seq))
    .limit(options.batchSize ?? 200)
  const failures: unknown[] = []
  let events = 0
  for (const row of fresh) {
    const event = toOutboxEvent(row)
    try {
      // Deliveries first: they are idempotent, and a consumer that throws must not hold them up.
      await deliveriesFor(db, row.seq, at)
      for (const consume of eventConsumers) await consume(db, event)
      await db.run(sql`
        update outbox_events set fanned_out_at = ${at}
        where seq = ${row.seq} and fanned_out_at is null`)
      events++
    } catch (error) {
      failures.push(error)
    }
  }
  const tried = await deliverDue(db, now, deliver, { allowPrivate: options.allowPrivate })
  if (failures.length > 0) throw new AggregateError(failures, 'outbox consumers failed')
  return { events, attempts: tried.length, delivered: tried.filter((t) => t.delivered).length }
}

export function toOutboxEvent(row: typeof outboxEvents.$inferSelect): OutboxEvent {
  return {
    id: row.id,
    type: row.type as EventType,
    allianceId: row.allianceId,
    merchantId: row.merchantId,
    hubId: row.hubId,
    stationId: row.stationId,
    returnId: row.returnId,
    data: JSON.parse(row.data) as Record<string, unknown>,
    createdAt: row.createdAt,
  }
}
