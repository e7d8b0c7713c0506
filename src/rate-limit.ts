import { eq, sql } from 'drizzle-orm'
import { rateLimits } from '../db/schema'
import type { Db } from './db'
import { RateLimited } from './errors'

/**
 * Counts a hit for `key` in a fixed window and refuses once `limit` is passed. Stored in the
 * database (one atomic upsert), so it holds across processes and Worker isolates alike.
 */
export async function hit(
  db: Db,
  key: string,
  limit: number,
  windowMs: number,
  nowMs: number,
): Promise<void> {
  const expired = nowMs - windowMs
  await db
    .insert(rateLimits)
    .values({ key, windowStartMs: nowMs, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${rateLimits.windowStartMs} <= ${expired} then 1 else ${rateLimits.hits} + 1 end`,
        windowStartMs: sql`case when ${rateLimits.windowStartMs} <= ${expired} then ${nowMs} else ${rateLimits.windowStartMs} end`,
      },
    })
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key))
  if (row && row.hits > limit) {
    throw new RateLimited(Math.max(1, Math.ceil((row.windowStartMs + windowMs - nowMs) / 1000)))
  }
}
