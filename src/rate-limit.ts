import { eq, lte, sql } from 'drizzle-orm'
import { rateLimits } from '../db/schema'
import type { Db } from './db'
import { RateLimited } from './errors'

/** The longest window any counter uses (sign-in's 15 minutes; public lookups use a minute). */
export const longestWindowMs = 15 * 60 * 1000

/**
 * Counts a hit for `key` in a fixed window and refuses once `limit` is passed. Stored in the
 * database (one atomic upsert that returns the new count), so it holds across processes and
 * Worker isolates alike.
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
  let row: { hits: number; windowStartMs: number } | undefined
  try {
    ;[row] = await db
      .insert(rateLimits)
      .values({ key, windowStartMs: nowMs, hits: 1 })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          hits: sql`case when ${rateLimits.windowStartMs} <= ${expired} then 1 else ${rateLimits.hits} + 1 end`,
          windowStartMs: sql`case when ${rateLimits.windowStartMs} <= ${expired} then ${nowMs} else ${rateLimits.windowStartMs} end`,
        },
      })
      .returning({ hits: rateLimits.hits, windowStartMs: rateLimits.windowStartMs })
  } catch (error) {
    onWriteError(error)
    const [stored] = await db.select().from(rateLimits).where(eq(rateLimits.key, key))
    // The hit that could not be counted is this one.
    row =
      stored && stored.windowStartMs > expired ? { ...stored, hits: stored.hits + 1 } : undefined
  }
  if (row && row.hits > limit) {
    throw new RateLimited(Math.max(1, Math.ceil((row.windowStartMs + windowMs - nowMs) / 1000)))
  }
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
    .returning({ key: rateLimits.key })
  return gone.length
}
