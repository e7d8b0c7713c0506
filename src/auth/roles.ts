import type { ApiScope, Locale, Role } from '../../db/schema'
import { Forbidden, Unauthenticated } from '../errors'

/** Who is acting: the signed-in user as domain code sees it. */
export interface Actor {
  userId: string
  allianceId: string
  email: string
  role: Role
  displayName: string
  locale: Locale
  merchantId: string | null
  stationId: string | null
  hubId: string | null
  /** False for a deactivated user (only ever seen by whoever deactivated it). */
  active?: boolean
  /** Set only for a call authenticated by an API token: what the token may do (deny by default). */
  scopes?: readonly ApiScope[]
  /** The id of the API token acting, for the audit log. */
  apiTokenId?: string
  /** The id of the request acting (the `x-request-id` of the page or API call), for the audit log. */
  requestId?: string
  /** Unread notifications as the session was read at the start of the request, for the bell. */
  unreadNotifications?: number
}

/** Refuses anonymous callers. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new Unauthenticated()
  return actor
}

/** Refuses callers whose role is not one of `allowed`. */
export function requireRole(actor: Actor | null, ...allowed: Role[]): Actor {
  const a = requireActor(actor)
  if (!allowed.includes(a.role)) throw new Forbidden()
  return a
}

/** A coordinator acts for every merchant; a merchant user only for its own merchant. */
export function canActForMerchant(actor: Actor, merchantId: string): boolean {
  return actor.role === 'COORDINATOR' || actor.merchantId === merchantId
}

/** A coordinator acts for every station; a station operator only for its own station. */
export function canActForStation(actor: Actor, stationId: string): boolean {
  return actor.role === 'COORDINATOR' || actor.stationId === stationId
}

/** A coordinator acts for every hub; a hub operator only for its own hub. */
export function canActForHub(actor: Actor, hubId: string): boolean {
  return actor.role === 'COORDINATOR' || actor.hubId === hubId
}

export function requireStation(actor: Actor | null, stationId: string): Actor {
  const a = requireActor(actor)
  if (!canActForStation(a, stationId)) throw new Forbidden()
  return a
}

export function requireHub(actor: Actor | null, hubId: string): Actor {
  const a = requireActor(actor)
  if (!canActForHub(a, hubId)) throw new Forbidden()
  return a
}
