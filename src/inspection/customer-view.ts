/**
 * What the customer sees of a return once the shop and the hub have acted on it: the shop's
 * messages (the first response and later ones; never inspection notes), the outcome so far and
 * whether a rating is still open. Read by code, like the rest of the tracking page.
 */
import { asc, eq, sql } from 'drizzle-orm'
import { resolutions, returnRatings, returnResponses, returns } from '../../db/schema'
import type { Db } from '../db'
import { returnByCode, type PublicReturn } from '../returns/service'

export const outcomeKinds = [
  'AWAITING_PARCEL',
  'RECEIVED',
  'INSPECTED',
  'REFUND',
  'EXCHANGE',
  'RESTOCK',
  'DISPOSE',
  'CANCELLED',
] as const
export type OutcomeKind = (typeof outcomeKinds)[number]

export interface Outcome {
  kind: OutcomeKind
  refundFen: number | null
}

export interface TrackedReturn extends PublicReturn {
  messages: { text: string; at: string }[]
  outcome: Outcome
  canRate: boolean
}

/** The outcome in the customer's terms: where the parcel is until the shop decides, then the decision. */
export function outcomeOf(
  status: PublicReturn['status'],
  resolution: { resolution: string; refundFen: number | null } | undefined,
): Outcome {
  if (resolution) {
    return {
      kind: resolution.resolution as OutcomeKind,
      refundFen: resolution.resolution === 'REFUND' ? resolution.refundFen : null,
    }
  }
  if (status === 'CANCELLED') return { kind: 'CANCELLED', refundFen: null }
  if (status === 'INSPECTED') return { kind: 'INSPECTED', refundFen: null }
  if (status === 'AT_HUB') return { kind: 'RECEIVED', refundFen: null }
  return { kind: 'AWAITING_PARCEL', refundFen: null }
}

/** `returnByCode` plus the messages, the outcome and the rating's state, in one more round trip. */
export async function trackReturn(
  db: Db,
  typed: string,
  ip: string,
  now: Date,
): Promise<TrackedReturn | null> {
  const found = await returnByCode(db, typed, ip, now)
  if (!found) return null
  const [messages, [resolution], [rating]] = await db.batch([
    db
      .select({ text: returnResponses.message, at: returnResponses.at })
      .from(returnResponses)
      .innerJoin(returns, eq(returns.id, returnResponses.returnId))
      .where(eq(returns.code, found.code))
      // Messages sent in the same millisecond keep the order they were sent in (rowid).
      .orderBy(asc(returnResponses.at), asc(sql`${returnResponses}.rowid`)),
    db
      .select({ resolution: resolutions.resolution, refundFen: resolutions.refundFen })
      .from(resolutions)
      .innerJoin(returns, eq(returns.id, resolutions.returnId))
      .where(eq(returns.code, found.code)),
    db
      .select({ stars: returnRatings.stars })
      .from(returnRatings)
      .innerJoin(returns, eq(returns.id, returnRatings.returnId))
      .where(eq(returns.code, found.code)),
  ])
  const resolved = found.status === 'RESOLVED' || found.status === 'CLOSED'
  return {
    ...found,
    messages,
    outcome: outcomeOf(found.status, resolution),
    canRate: resolved && !rating,
  }
}
