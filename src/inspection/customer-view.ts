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
  const read = code ? await lookup[counters(db)](db).get({ code, misses }) : undefined
  const [shown, missCount, rest] = read ? (JSON.parse(read.row) as LookedUp) : []
  if (!(await counted(db, ip, misses, shown && { code: shown[0], misses: missCount! }, now))) {
    return null
  }
  return { ...found(shown!), ...details(shown![2], rest!) }
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
  const read = code ? await leanLookup[counters(db)](db).get({ code, misses }) : undefined
  const [id, shown, missCount] = read ? (JSON.parse(read.row) as LeanLookedUp) : []
  if (!(await counted(db, ip, misses, shown && { code: shown[0], misses: missCount! }, now))) {
    return null
  }
  return { id: id!, ...found(shown!) }
}

/** The rest of what the customer sees of each return `lookupReturn` found, by id. */
export async function trackDetails(db: Db, ids: readonly string[]) {
  const rows = await detailsOf(db, ids)
  return new Map(
    rows.map((r) => {
      const [status, rest] = JSON.parse(r.rest) as [ReturnStatus, Rest]
      return [r.id, details(status, rest)]
    }),
  )
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
  row: { code: string; misses: MissCount } | undefined,
  now: Date,
): Promise<boolean> {
  const { windowMs, missesPerAddress, perAddressAndCode, foundPerAddress } = trackLimits
  const nowMs = now.getTime()
  if (!row) {
    await hit(db, misses, missesPerAddress, windowMs, nowMs)
    return false
  }
  const missCount = row.misses
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

function found([code, category, status, stationName]: Shown): Omit<PublicReturn, 'timeline'> {
  return {
    code,
    category,
    status,
    stationName,
    nextStatus: nextStatuses[status].find((s) => s !== 'CANCELLED') ?? null,
  }
}

function details(status: ReturnStatus, [moves, sent, decided, rated]: Rest): TrackDetails {
  // Aggregated in SQL without an order (portable across SQLite versions), ordered here.
  const timeline = moves.sort((x, y) => x[0] - y[0]).map(([, status, at]) => ({ status, at }))
  // Messages sent in the same millisecond keep the order they were sent in (rowid).
  const messages = sent
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1]))
    .map(([at, , text]) => ({ text, at }))
  const resolution = decided ? { resolution: decided[0], refundFen: decided[1] } : undefined
  const resolved = status === 'RESOLVED' || status === 'CLOSED'
  return {
    timeline,
    messages,
    outcome: outcomeOf(status, resolution),
    canRate: resolved && !rated,
  }
}

/** What a lookup shows of the return itself: code, category, status, station. */
const shown = sql`${returns.code}, ${returns.category}, ${returns.status}, ${stations.name}`
type Shown = [string, PublicReturn['category'], ReturnStatus, string | null]

/** The address's miss counter as stored, `[hits, window start ms]`; null: none. */
type MissCount = [number, number] | null
/**
 * The address's miss counter, as stored; where the counters are kept in process the database
 * holds none, and a constant spares preparing the subquery (most of the read's cost).
 */
const storedMisses = sql`(select json_array(l.hits, l.window_start_ms)
  from ${rateLimits} l where l.key = ${sql.placeholder('misses')})`
const noMisses = sql`null`
// Qualified always: a select from `returns` alone names its columns bare, which inside the
// subqueries below would be their own tables' columns.
const returnId = sql`${returns}.${sql.identifier(returns.id.name)}`

/**
 * The rest: status moves (a detour between hubs is for those handling it, not the customer), the
 * shop's messages, the resolution and whether it was rated. Each subquery's JSON is read as JSON
 * (`json()`), not as text, by the array it is put in.
 */
const rest = sql`json((select json_group_array(json_array(e.id, e.status, e.at))
    from ${returnEvents} e where e.return_id = ${returnId} and e.transfer_to_hub_id is null)),
  json((select json_group_array(json_array(m.at, m.rowid, m.message))
    from ${returnResponses} m where m.return_id = ${returnId})),
  json((select json_array(d.resolution, d.refund_fen)
    from ${resolutions} d where d.return_id = ${returnId})),
  exists (select 1 from ${returnRatings} g where g.return_id = ${returnId})`
type Rest = [
  [number, ReturnStatus, string][],
  [string, number, string][],
  [string, number | null] | null,
  number,
]

/** `trackReturn`'s read: what is shown, the miss counter and the rest. */
type LookedUp = [Shown, MissCount, Rest]
/** `lookupReturn`'s: the id, what is shown and the miss counter. */
type LeanLookedUp = [string, Shown, MissCount]

/**
 * A read of the return by code with its station, answered as one JSON array rather than a
 * column per value: the client builds each row as an object with a property per column (and
 * per column number), which for a lookup's ten values cost more than SQLite's part of the read.
 * Built and prepared once per database.
 */
const byCodeWith = (values: SQL) =>
  preparedPer((db) =>
    db
      .select({ row: sql<string>`json_array(${values})` })
      .from(returns)
      .leftJoin(stations, eq(stations.id, returns.stationId))
      .where(eq(returns.code, sql.placeholder('code')))
      .prepare(),
  )
const lookupWith = (misses: SQL) =>
  byCodeWith(sql`json_array(${shown}), json(${misses}), json_array(${rest})`)
const lookup = { stored: lookupWith(storedMisses), inProcess: lookupWith(noMisses) }

/** The lookup without the rest: the return, its station and the address's miss counter. */
const leanLookupWith = (misses: SQL) =>
  byCodeWith(sql`${returns.id}, json_array(${shown}), json(${misses})`)
const leanLookup = { stored: leanLookupWith(storedMisses), inProcess: leanLookupWith(noMisses) }

/** Which read of the miss counter `db` needs. */
const counters = (db: Db) => (countedInProcess(db) ? 'inProcess' : 'stored')

/** The rest for returns already found by code (their ids came from a counted lookup). */
const detailsOf = (db: Db, ids: readonly string[]) =>
  db
    .select({
      id: returns.id,
      rest: sql<string>`json_array(${returns.status}, json_array(${rest}))`,
    })
    .from(returns)
    .where(inArray(returns.id, [...ids]))
