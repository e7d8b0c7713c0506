/**
 * What the customer sees of a return once the shop and the hub have acted on it: the shop's
 * messages (the first response and later ones; never inspection notes), the outcome so far and
 * whether a rating is still open. Read by code, like the rest of the tracking page.
 */
import { eq, inArray, sql, type SQL } from 'drizzle-orm'
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
import { countedInProcess, hit, hitAll, peek } from '../rate-limit'
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

/** A return found by code, as `returnByCode` starts from: the rest is read when asked for. */
export interface PublicLookup extends Omit<PublicReturn, 'timeline'> {
  id: string
}

/** The rest of what a customer sees of a return found by code (`trackDetails`). */
export type TrackDetails = Pick<TrackedReturn, 'timeline' | 'messages' | 'outcome' | 'canRate'>

/**
 * What a customer may see by code, with no sign-in: status, category, station and dates —
 * nothing about the customer, the order value or the merchant — plus the shop's messages, the
 * outcome and the rating's state. Limited per address so codes cannot be enumerated
 * (`trackLimits`): refused before anything is shown when the address is out of guesses, so it
 * cannot tell a code that exists.
 *
 * A lookup is the hottest public path, so it costs at most two statements: one prepared read of
 * the return with everything shown and the address's miss counter, and one write of the counters
 * (none where they are counted in process).
 */
export async function trackReturn(
  db: Db,
  typed: string,
  ip: string,
  now: Date,
): Promise<TrackedReturn | null> {
  const code = normalizeCode(typed)
  const misses = `track-miss:${ip}`
  const row = code ? await lookup[counters(db)](db).get({ code, misses }) : undefined
  if (!(await counted(db, ip, misses, row, now))) return null
  return { ...found(row!), ...details(row!) }
}

/**
 * `trackReturn` for a caller that may not want the rest (`returnByCode` asked for its status):
 * the same limits, counted the same way, over a read of the return alone; `trackDetails` reads
 * the rest of the returns found, in one statement.
 */
export async function lookupReturn(
  db: Db,
  typed: string,
  ip: string,
  now: Date,
): Promise<PublicLookup | null> {
  const code = normalizeCode(typed)
  const misses = `track-miss:${ip}`
  const row = code ? await leanLookup[counters(db)](db).get({ code, misses }) : undefined
  if (!(await counted(db, ip, misses, row, now))) return null
  return { id: row!.id, ...found(row!) }
}

/** The rest of what the customer sees of each return `lookupReturn` found, by id. */
export async function trackDetails(db: Db, ids: readonly string[]) {
  const rows = await detailsOf(db, ids)
  return new Map(rows.map((r) => [r.id, details(r)]))
}

/**
 * Counts a lookup against the caller's limits and says whether `row` was found: a miss counts
 * (and past the limit refuses like any hit, the code or its absence unseen); a found code is
 * refused when the address is out of misses, then counted per address and code.
 */
async function counted(
  db: Db,
  ip: string,
  misses: string,
  row: { code: string; misses: string | null } | undefined,
  now: Date,
): Promise<boolean> {
  const { windowMs, missesPerAddress, perAddressAndCode, foundPerAddress } = trackLimits
  const nowMs = now.getTime()
  if (!row) {
    await hit(db, misses, missesPerAddress, windowMs, nowMs)
    return false
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
  return true
}

function found(row: {
  code: string
  category: PublicReturn['category']
  status: ReturnStatus
  stationName: string | null
}): Omit<PublicReturn, 'timeline'> {
  return {
    code: row.code,
    category: row.category,
    status: row.status,
    stationName: row.stationName,
    nextStatus: nextStatuses[row.status].find((s) => s !== 'CANCELLED') ?? null,
  }
}

function details(row: {
  status: ReturnStatus
  timeline: string
  messages: string
  resolution: string | null
  rated: number
}): TrackDetails {
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
    timeline,
    messages,
    outcome: outcomeOf(row.status, resolution),
    canRate: resolved && !row.rated,
  }
}

/** What a lookup shows of the return itself. */
const shown = {
  code: returns.code,
  category: returns.category,
  status: returns.status,
  stationName: stations.name,
}
/**
 * The address's miss counter, as stored (null: none); where the counters are kept in process the
 * database holds none, and a constant spares preparing the subquery (most of the read's cost).
 */
const storedMisses = sql<string | null>`(select json_array(l.hits, l.window_start_ms)
  from ${rateLimits} l where l.key = ${sql.placeholder('misses')})`
const noMisses = sql<string | null>`null`
// Qualified always: a select from `returns` alone names its columns bare, which inside the
// subqueries below would be their own tables' columns.
const returnId = sql`${returns}.${sql.identifier(returns.id.name)}`

/** The rest: status moves (a detour between hubs is for those handling it, not the customer), the
 * shop's messages, the resolution and whether it was rated. */
const rest = {
  timeline: sql<string>`(select json_group_array(json_array(e.id, e.status, e.at))
    from ${returnEvents} e where e.return_id = ${returnId} and e.transfer_to_hub_id is null)`,
  messages: sql<string>`(select json_group_array(json_array(m.at, m.rowid, m.message))
    from ${returnResponses} m where m.return_id = ${returnId})`,
  resolution: sql<string | null>`(select json_array(d.resolution, d.refund_fen)
    from ${resolutions} d where d.return_id = ${returnId})`,
  rated: sql<number>`exists (select 1 from ${returnRatings} g
    where g.return_id = ${returnId})`,
}

/**
 * The lookup's one read, built once per database: the return by code with its station, its
 * status moves (a detour between hubs is for those handling it, not the customer), the shop's
 * messages, the resolution, whether it was rated, and the address's miss counter.
 */
const lookupWith = (misses: SQL<string | null>) =>
  preparedPer((db) =>
    db
      .select({ ...shown, ...rest, misses })
      .from(returns)
      .leftJoin(stations, eq(stations.id, returns.stationId))
      .where(eq(returns.code, sql.placeholder('code')))
      .prepare(),
  )
const lookup = { stored: lookupWith(storedMisses), inProcess: lookupWith(noMisses) }

/** The lookup without the rest: the return, its station and the address's miss counter. */
const leanLookupWith = (misses: SQL<string | null>) =>
  preparedPer((db) =>
    db
      .select({ id: returns.id, ...shown, misses })
      .from(returns)
      .leftJoin(stations, eq(stations.id, returns.stationId))
      .where(eq(returns.code, sql.placeholder('code')))
      .prepare(),
  )
const leanLookup = { stored: leanLookupWith(storedMisses), inProcess: leanLookupWith(noMisses) }

/** Which read of the miss counter `db` needs. */
const counters = (db: Db) => (countedInProcess(db) ? 'inProcess' : 'stored')

/** The rest for returns already found by code (their ids came from a counted lookup). */
const detailsOf = (db: Db, ids: readonly string[]) =>
  db
    .select({ id: returns.id, status: returns.status, ...rest })
    .from(returns)
    .where(inArray(returns.id, [...ids]))
