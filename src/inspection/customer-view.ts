/**
 * What the customer sees of a return once the shop and the hub have acted on it: the shop's
 * messages (the first response and later ones; never inspection notes), the outcome so far and
 * whether a rating is still open. Read by code, like the rest of the tracking page.
 */
import { eq, sql } from 'drizzle-orm'
import {
  rateLimits,
  resolutions,
  returnEvents,
  returnRatings,
  returnResponses,
  returns,
  stations,
  type ReturnStatus,
} from '../../db/schema'
import type { Db } from '../db'
import { preparedPer } from '../prepared'
import { hit, hitAll, peek } from '../rate-limit'
import { normalizeCode } from '../returns/code'
import { trackLimits, type PublicReturn } from '../returns/service'
import { nextStatuses } from '../returns/status'

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

/**
 * What a customer may see by code, with no sign-in: status, category, station and dates —
 * nothing about the customer, the order value or the merchant — plus the shop's messages, the
 * outcome and the rating's state. Limited per address so codes cannot be enumerated
 * (`trackLimits`): refused before anything is shown when the address is out of guesses, so it
 * cannot tell a code that exists.
 *
 * A lookup is the hottest public path, so it costs two statements: one prepared read of the
 * return with everything shown and the address's miss counter, and one write of the counters.
 */
export async function trackReturn(
  db: Db,
  typed: string,
  ip: string,
  now: Date,
): Promise<TrackedReturn | null> {
  const { windowMs, missesPerAddress, perAddressAndCode, foundPerAddress } = trackLimits
  const nowMs = now.getTime()
  const misses = `track-miss:${ip}`
  const code = normalizeCode(typed)
  const row = code ? await lookupFor(db).get({ code, misses }) : undefined
  if (!row) {
    // A miss counts, and past the limit refuses like any hit (the code or its absence unseen).
    await hit(db, misses, missesPerAddress, windowMs, nowMs)
    return null
  }
  const missCount = row.misses ? (JSON.parse(row.misses) as [number, number]) : null
  await peek(
    db,
    misses,
    missesPerAddress,
    windowMs,
    nowMs,
    missCount && {
      hits: missCount[0],
      windowStartMs: missCount[1],
    },
  )
  await hitAll(
    db,
    [
      { key: `track:${ip}:${row.code}`, limit: perAddressAndCode },
      { key: `track:${ip}`, limit: foundPerAddress },
    ],
    windowMs,
    nowMs,
  )
  // Aggregated in SQL without an order (portable across SQLite versions), ordered here.
  const timeline = (JSON.parse(row.timeline) as [number, ReturnStatus, string][])
    .sort((x, y) => x[0] - y[0])
    .map(([, status, at]) => ({ status, at }))
  // Messages sent in the same millisecond keep the order they were sent in (rowid).
  const messages = (JSON.parse(row.messages) as [string, number, string][])
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1]))
    .map(([at, , text]) => ({ text, at }))
  const decided = row.resolution ? (JSON.parse(row.resolution) as [string, number | null]) : null
  const resolution = decided ? { resolution: decided[0], refundFen: decided[1] } : undefined
  const resolved = row.status === 'RESOLVED' || row.status === 'CLOSED'
  return {
    code: row.code,
    category: row.category,
    status: row.status,
    stationName: row.stationName,
    timeline,
    nextStatus: nextStatuses[row.status].find((s) => s !== 'CANCELLED') ?? null,
    messages,
    outcome: outcomeOf(row.status, resolution),
    canRate: resolved && !row.rated,
  }
}

/**
 * The lookup's one read, built once per database: the return by code with its station, its
 * status moves (a detour between hubs is for those handling it, not the customer), the shop's
 * messages, the resolution, whether it was rated, and the address's miss counter.
 */
const lookupFor = preparedPer((db) =>
  db
    .select({
      code: returns.code,
      category: returns.category,
      status: returns.status,
      stationName: stations.name,
      timeline: sql<string>`(select json_group_array(json_array(e.id, e.status, e.at))
        from ${returnEvents} e where e.return_id = ${returns.id} and e.transfer_to_hub_id is null)`,
      messages: sql<string>`(select json_group_array(json_array(m.at, m.rowid, m.message))
        from ${returnResponses} m where m.return_id = ${returns.id})`,
      resolution: sql<string | null>`(select json_array(d.resolution, d.refund_fen)
        from ${resolutions} d where d.return_id = ${returns.id})`,
      rated: sql<number>`exists (select 1 from ${returnRatings} g
        where g.return_id = ${returns.id})`,
      misses: sql<string | null>`(select json_array(l.hits, l.window_start_ms)
        from ${rateLimits} l where l.key = ${sql.placeholder('misses')})`,
    })
    .from(returns)
    .leftJoin(stations, eq(stations.id, returns.stationId))
    .where(eq(returns.code, sql.placeholder('code')))
    .prepare(),
)
