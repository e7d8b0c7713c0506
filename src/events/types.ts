/**
 * What happened, as the outbox records it. A change writes its event in the same batch as
 * itself, so there is never an event for a change that did not commit, nor a change without its
 * event; the webhook deliveries and the people's notifications are both made from these rows.
 */

/** The events shop systems can subscribe to (Standard Webhooks `type`). */
export const webhookEventTypes = [
  'return.registered',
  'return.checked_in',
  'return.picked_up',
  'return.received',
  'return.inspected',
  'return.responded',
  'return.resolved',
  'return.rated',
  'return.closed',
  'return.cancelled',
  'booking.confirmed',
  'booking.waitlisted',
  'booking.promoted',
  'booking.cancelled',
  'statement.ready',
  'claim.decided',
  'claim.paid',
] as const

/**
 * Events only people are told of (the clock's, settlement's adjustments, and an endpoint switched
 * off after its last retry failed, for its owner).
 */
export const internalEventTypes = [
  'sla.due_soon',
  'sla.breached',
  'adjustment.created',
  'webhook.disabled',
] as const

export const eventTypes = [...webhookEventTypes, ...internalEventTypes] as const
export type WebhookEventType = (typeof webhookEventTypes)[number]
export type EventType = (typeof eventTypes)[number]

export interface OutboxEvent {
  /** `evt_…`; also the Standard Webhooks `webhook-id` of every delivery made from it. */
  id: string
  type: EventType
  allianceId: string
  /** The member the event concerns; null for alliance-wide events. */
  merchantId: string | null
  hubId: string | null
  stationId: string | null
  returnId: string | null
  /** The object as the GraphQL API shapes it (ids, codes, statuses, fen); never a customer contact. */
  data: Record<string, unknown>
  /** UTC ISO instant of the change. */
  createdAt: string
}
