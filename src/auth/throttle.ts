import { and, eq, gt, inArray, sql } from 'drizzle-orm'
import { loginFailures } from '../../db/schema'
import type { Db } from '../db'
import { RateLimited } from '../errors'

/**
 * Failed sign-ins are limited per email (guessing one account's password) and per IP (trying
 * many accounts). Only failures count: a shop's staff share one IP and sign in all day.
 */
export const throttleRules = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerEmail: 5,
  maxFailuresPerIp: 30,
}

export const throttleKeys = (email: string, ip: string) => ({
  email: `email:${email}`,
  ip: `ip:${ip}`,
})

/** Throws `RateLimited` when either key has used up its failures in the current window. */
export async function assertNotThrottled(db: Db, email: string, ip: string, nowMs: number) {
  const keys = throttleKeys(email, ip)
  const windowStart = nowMs - throttleRules.windowMs
  const rows = await db
    .select()
    .from(loginFailures)
    .where(
      and(
        inArray(loginFailures.key, [keys.email, keys.ip]),
        gt(loginFailures.windowStartMs, windowStart),
      ),
    )
  for (const row of rows) {
    const limit =
      row.key === keys.email ? throttleRules.maxFailuresPerEmail : throttleRules.maxFailuresPerIp
    if (row.failures >= limit) {
      const retryMs = row.windowStartMs + throttleRules.windowMs - nowMs
      throw new RateLimited(Math.max(1, Math.ceil(retryMs / 1000)))
    }
  }
}

/**
 * Counts one failure against both keys, atomically: a single upsert per key that starts a new
 * window when the old one has expired, so concurrent failures are never lost.
 */
export async function recordFailure(db: Db, email: string, ip: string, nowMs: number) {
  const keys = throttleKeys(email, ip)
  const expired = nowMs - throttleRules.windowMs
  const upsert = (key: string) =>
    db
      .insert(loginFailures)
      .values({ key, windowStartMs: nowMs, failures: 1 })
      .onConflictDoUpdate({
        target: loginFailures.key,
        set: {
          failures: sql`case when ${loginFailures.windowStartMs} <= ${expired} then 1 else ${loginFailures.failures} + 1 end`,
          windowStartMs: sql`case when ${loginFailures.windowStartMs} <= ${expired} then ${nowMs} else ${loginFailures.windowStartMs} end`,
        },
      })
  await db.batch([upsert(keys.email), upsert(keys.ip)])
}

/** A correct password clears the account's failures (not the IP's). */
export async function clearEmailFailures(db: Db, email: string) {
  await db.delete(loginFailures).where(eq(loginFailures.key, throttleKeys(email, '').email))
}
