import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { alliances } from './alliance'
import { users } from './auth'
import { createdAt } from './columns'
import { merchants } from './network'

/**
 * The outbox: one row per thing that happened, inserted by the change's own batch (so it exists
 * exactly when the change does) and fanned out later by `drainOutbox` into webhook deliveries
 * and people's notifications. `seq` is the order of writing, which deliveries keep per return.
 */
export const outboxEvents = sqliteTable(
  'outbox_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    /** `evt_…`, also the `webhook-id` of every delivery made from it. */
    id: text('id').notNull().unique(),
    type: text('type').notNull(),
    allianceId: text('alliance_id').notNull(),
    merchantId: text('merchant_id'),
    hubId: text('hub_id'),
    stationId: text('station_id'),
    returnId: text('return_id'),
    /** JSON text: ids, codes, statuses and fen amounts; never a customer contact. */
    data: text('data').notNull(),
    createdAt: text('created_at').notNull(),
    /** When the drain made its deliveries and ran its consumers; null while still new. */
    fannedOutAt: text('fanned_out_at'),
  },
  (t) => [index('outbox_events_new').on(t.fannedOutAt, t.seq)],
)

/** A shop system's HTTPS receiver, owned by a merchant or (merchant null) the coordinator. */
export const webhookEndpoints = sqliteTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id')
      .notNull()
      .references(() => alliances.id),
    merchantId: text('merchant_id').references(() => merchants.id),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    /** JSON array of the subscribed event types. */
    events: text('events', { mode: 'json' }).$type<string[]>().notNull(),
    /** `whsec_…`: deliveries are signed with it, so it is kept, and shown only at creation. */
    secret: text('secret').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    /** When the last retry of a delivery failed and the endpoint was switched off. */
    disabledAt: text('disabled_at'),
    createdBy: text('created_by').references(() => users.id),
    ...createdAt,
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('webhook_endpoints_owner').on(t.allianceId, t.merchantId),
    check('webhook_endpoints_url_length', sql`length(${t.url}) between 8 and 2000`),
    check('webhook_endpoints_description_length', sql`length(${t.description}) <= 200`),
  ],
)

export const webhookDeliveryStatuses = ['PENDING', 'DELIVERED', 'FAILED'] as const
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number]

/**
 * One event for one endpoint. Unique per (endpoint, event), so fanning an event out twice makes
 * no second delivery; `event_seq` and `return_id` are copied so the drain can keep the order of
 * a return's events without reading the outbox.
 */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: text('event_id').notNull(),
    eventSeq: integer('event_seq').notNull(),
    eventType: text('event_type').notNull(),
    returnId: text('return_id'),
    status: text('status', { enum: webhookDeliveryStatuses }).notNull(),
    /** Every try, for the log. */
    attempts: integer('attempts').notNull().default(0),
    /** Failed tries since the last success or "send again"; the backoff counts these. */
    failures: integer('failures').notNull().default(0),
    /** When the next try is due (or, while one runs, when it may be taken over); null when done. */
    nextAttemptAt: text('next_attempt_at'),
    lastAttemptAt: text('last_attempt_at'),
    lastResponseStatus: integer('last_response_status'),
    lastLatencyMs: integer('last_latency_ms'),
    /** Why the last try got no answer (timeout, refused target); null after an answer. */
    lastError: text('last_error'),
    deliveredAt: text('delivered_at'),
    ...createdAt,
  },
  (t) => [
    uniqueIndex('webhook_deliveries_once').on(t.endpointId, t.eventId),
    index('webhook_deliveries_due').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_log').on(t.endpointId, t.eventSeq),
  ],
)
