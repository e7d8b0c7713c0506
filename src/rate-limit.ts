import { eq, lte, sql } from 'drizzle-orm'
import { rateLimits } from '../db/schema'
import { changes, type Db } from './db'
import { RateLimited } from './errors'

/** The longest window any counter uses (sign-in's 15 minutes; public lookups use a minute). */
export const longestWindowMs = 15 * 60 * 1000

/** What this process knows of one counter: the stored count, and hits not yet written. */
interface Tally {
  windowStartMs: number
  stored: number
  /** Hits being written right now, by requests still waiting for their upsert. */
  sending: number
  unsent: number
}

/** Counters seen by this process, per database; swept once this many are held. */
const maxTallies = 10_000
const tallies = new WeakMap<Db, Map<string, Tally>>()

/**
 * Counts a hit for `key` in a fixed window and refuses once `limit` is passed. The count is
 * stored in the database (an atomic upsert that returns the new count), so it holds across
 * processes and Worker isolates alike.
 *
 * Writing on every hit would make every public read a write. This process keeps its own tally
 * in front: the first hit of a window is written, then only every `step`-th, and every one once
 * the count nears the limit, so within one process the limit is exact and a counter a customer
 * reads a few times costs one write. Across processes each may hold up to `step - 1` hits not
 * yet written, the slack a limiter against enumeration can afford.
 *
 * A limiter must never be why a read fails: when the count cannot be written (a read-only or
 * full database), the refusal is decided from the count as it stands, and the failure is
 * reported to `onWriteError` (default: the console) instead of failing the request.
 */
export async function hit(
  db: Db,
  key: string,
  limit: number,
  windowMs: number,
  nowMs: number,
  onWriteError: (error: unknown) => void = warn,
): Promise<void> {
  const expired = nowMs - windowMs
  const step = Math.max(1, Math.floor(limit / 5))
  const held = tallyOf(db, expired)
  const known = held.get(key)
  const live = known && known.windowStartMs > expired ? known : undefined
  let unsent = 1
  if (live) {
    live.unsent++
    const nearLimit = live.stored + live.sending + live.unsent > limit - step
    if (!nearLimit && live.unsent < step) return
    unsent = live.unsent
    live.unsent = 0
    live.sending += unsent
  }
  let row: { hits: number; windowStartMs: number } | undefined
  try {
    ;[row] = await db
      .insert(rateLimits)
      .values({ key, windowStartMs: nowMs, hits: unsent })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          hits: sql`case when ${rateLimits.windowStartMs} <= ${expired} then ${unsent} else ${rateLimits.hits} + ${unsent} end`,
          windowStartMs: sql`case when ${rateLimits.windowStartMs} <= ${expired} then ${nowMs} else ${rateLimits.windowStartMs} end`,
        },
      })
      .returning({ hits: rateLimits.hits, windowStartMs: rateLimits.windowStartMs })
    if (live) live.sending -= unsent
    const tally = held.get(key)
    if (row && tally?.windowStartMs === row.windowStartMs) {
      tally.stored = Math.max(tally.stored, row.hits)
    } else if (row) {
      held.set(key, { windowStartMs: row.windowStartMs, stored: row.hits, sending: 0, unsent: 0 })
    }
  } catch (error) {
    if (live) {
      live.sending -= unsent
      live.unsent += unsent // still owed to the database
    }
    onWriteError(error)
    const [stored] = await db.select().from(rateLimits).where(eq(rateLimits.key, key))
    const current = stored && stored.windowStartMs > expired ? stored : undefined
    // The hits that could not be counted are this one and those this process had not written.
    const windowStartMs = current?.windowStartMs ?? live?.windowStartMs
    const base = Math.max(current?.hits ?? 0, live?.stored ?? 0)
    row = windowStartMs === undefined ? undefined : { hits: base + unsent, windowStartMs }
  }
  if (row && row.hits > limit) {
    throw new RateLimited(Math.max(1, Math.ceil((row.windowStartMs + windowMs - nowMs) / 1000)))
  }
}

/**
 * Refuses when `key` has already reached `limit` in its window, without counting a hit: for a
 * limit that only some answers count against (the tracking page's misses), checked before the
 * answer is known so a refused caller learns nothing from it.
 */
export async function peek(
  db: Db,
  key: string,
  limit: number,
  windowMs: number,
  nowMs: number,
): Promise<void> {
  const expired = nowMs - windowMs
  const known = tallyOf(db, expired).get(key)
  let count: number
  let windowStartMs: number
  if (known && known.windowStartMs > expired) {
    count = known.stored + known.sending + known.unsent
    windowStartMs = known.windowStartMs
  } else {
    const [row] = await db
      .select({ hits: rateLimits.hits, windowStartMs: rateLimits.windowStartMs })
      .from(rateLimits)
      .where(eq(rateLimits.key, key))
    if (!row || row.windowStartMs <= expired) return
    ;({ hits: count, windowStartMs } = row)
  }
  if (count >= limit) {
    throw new RateLimited(Math.max(1, Math.ceil((windowStartMs + windowMs - nowMs) / 1000)))
  }
}

/** This process's tallies for `db`, with the ended ones dropped once too many are held. */
function tallyOf(db: Db, expired: number): Map<string, Tally> {
  let held = tallies.get(db)
  if (!held) tallies.set(db, (held = new Map()))
  if (held.size >= maxTallies) {
    for (const [key, t] of held) if (t.windowStartMs <= expired) held.delete(key)
    // Still full of live windows: forgetting them only means their next hit is written.
    if (held.size >= maxTallies) held.clear()
  }
  return held
}

function warn(error: unknown) {
  console.warn('Rate-limit counter not written; limited from the stored count instead:', error)
}

/**
 * Deletes counters whose window ended and whose delay is over: they count nothing any more.
 * Returns how many went.
 */
export async function pruneRateLimits(db: Db, nowMs: number): Promise<number> {
  const gone = await db
    .delete(rateLimits)
    .where(
      sql`${lte(rateLimits.windowStartMs, nowMs - longestWindowMs)} and ${lte(rateLimits.notBeforeMs, nowMs)}`,
    )
  return changes(gone)
}
