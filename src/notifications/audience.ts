/**
 * Who is told of an event, as a pure rule: the event's kind of notification and the groups of
 * users that hear of it. The service turns the groups into one insert over `users`.
 */
import type { UserNotificationKind } from '../../db/schema'
import type { OutboxEvent } from '../events/types'

/**
 * The notification each event type makes; types not listed tell nobody (registrations and the
 * like are for webhooks). Keyed by string so an event type the outbox adds later (such as
 * `webhook.disabled`) needs no change to the contract's file.
 */
export const kindOfEvent: Readonly<Record<string, UserNotificationKind>> = {
  'booking.promoted': 'BOOKING_PROMOTED',
  'booking.cancelled': 'BOOKING_CANCELLED',
  'return.checked_in': 'PARCEL_AT_STATION',
  'return.received': 'PARCEL_AT_HUB',
  'return.inspected': 'RETURN_INSPECTED',
  'sla.due_soon': 'SLA_DUE_SOON',
  'sla.breached': 'SLA_BREACHED',
  'claim.decided': 'CLAIM_DECIDED',
  'claim.paid': 'CLAIM_PAID',
  'statement.ready': 'STATEMENT_READY',
  'adjustment.created': 'ADJUSTMENT',
  'webhook.disabled': 'WEBHOOK_DISABLED',
}

export interface Audience {
  /** The users of this merchant (the member the event concerns). */
  merchantId: string | null
  coordinators: boolean
  /** The operators of this station. */
  stationId: string | null
  /** The operators of this hub. */
  hubId: string | null
}

/**
 * The event's owner is always told: its merchant's users, or the coordinators when it concerns
 * no member (alliance-wide, or a coordinator's own webhook endpoint). Stations hear of parcels
 * at their counter, hubs of parcels at their floor and of the clocks they run; coordinators of
 * every adjustment, since they settle the month it changes.
 */
export function audienceOf(kind: UserNotificationKind, event: OutboxEvent): Audience {
  const atStation = kind === 'PARCEL_AT_STATION'
  const atHub = kind === 'PARCEL_AT_HUB' || kind === 'SLA_DUE_SOON' || kind === 'SLA_BREACHED'
  return {
    merchantId: event.merchantId,
    coordinators: event.merchantId === null || kind === 'ADJUSTMENT',
    stationId: atStation ? event.stationId : null,
    hubId: atHub ? event.hubId : null,
  }
}
