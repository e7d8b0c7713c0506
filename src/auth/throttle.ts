import { eq, inArray, sql } from 'drizzle-orm'
import { rateLimits } from '../../db/schema'
import { changes, type Db } from '../db'
import { RateLimited } from '../errors'

/**
 * Sign-in attempts are reserved before the password is checked, in one conditional upsert over
 * three counters, so requests in flight cannot slip past a limit together:
 *
 * - per account and address: a handful of guesses, then wait for the window;
 * - per address: generous, since a shop's staff share one address, but it stops one address
 *   spraying a password across many accounts;
 * - per account from everywhere: no hard lock (anyone could lock anyone out), but past a few
 *   attempts each one must wait a growing delay, capped at a few seconds, so guessing from many
 *   addresses stays slow while the owner gets in within seconds.
 *
 * A refused attempt counts nothing. A right password forgets the account's and the pair's
 * counts and gives the address its attempt back, so successful sign-ins never use a limit up.
 */
export const throttleRules = {
  windowMs: 15 * 60 * 1000,
  maxPerAccountAndAddress: 5,
  maxPerAddress: 50,
  /** Attempts at one account (from anywhere) in a window before the delays start. */
  freePerAccount: 5,
  firstDelayMs: 1000,
  maxDelayMs: 30_000,
}

/** Which counter refused an attempt, for the message and `extensions.reason`. */
export type ThrottleReason = 'ACCOUNT_AND_ADDRESS' | 'ADDRESS' | 'ACCOUNT'

export const throttleKeys = (email: string, ip: string) => ({
  pair: `login:pair:${ip}|${email}`,
  address: `login:ip:${ip}`,
  account: `login:account:${email}`,
})

/**
 * Counts one sign-in attempt against all three counters, or none of them: throws `RateLimited`
 * (with the reason and the seconds to wait) when any counter refuses. One statement, so it holds
 * under any concurrency on libSQL and D1 alike.
 */
export async function reserveSignInAttempt(db: Db, email: string, ip: string, nowMs: number) {
  const keys = throttleKeys(email, ip)
  const r = throttleRules
  const expired = nowMs - r.windowMs
  // SET expressions see the row as it was, so the new count is spelled out where it is needed.
  const newHits = sql`(case when ${rateLimits.windowStartMs} <= ${expired} then 1 else ${rateLimits.hits} + 1 end)`
  const delay = sql`(case when ${newHits} <= ${r.freePerAccount} then 0
    else min(${r.maxDelayMs}, ${r.firstDelayMs} << min(${newHits} - ${r.freePerAccount} - 1, 20)) end)`
  const result = await db.run(sql`
    insert into ${rateLimits} (key, window_start_ms, hits, not_before_ms)
    select column1, ${nowMs}, 1, 0 from (values (${keys.pair}), (${keys.address}), (${keys.account}))
    where not exists (
        select 1 from ${rateLimits} where key = ${keys.pair}
          and window_start_ms > ${expired} and hits >= ${r.maxPerAccountAndAddress})
      and not exists (
        select 1 from ${rateLimits} where key = ${keys.address}
          and window_start_ms > ${expired} and hits >= ${r.maxPerAddress})
      and not exists (
        select 1 from ${rateLimits} where key = ${keys.account} and not_before_ms > ${nowMs})
    on conflict (key) do update set
      hits = ${newHits},
      window_start_ms = case when window_start_ms <= ${expired} then ${nowMs} else window_start_ms end,
      not_before_ms = case when key = ${keys.account} then ${nowMs} + ${delay} else 0 end`)
  if (changes(result) === 0) throw await refusal(db, email, ip, nowMs)
}

/** Why the reservation was refused and how long to wait, read after the fact. */
async function refusal(db: Db, email: string, ip: string, nowMs: number): Promise<RateLimited> {
  const keys = throttleKeys(email, ip)
  const r = throttleRules
  const rows = await db
    .select()
    .from(rateLimits)
    .where(inArray(rateLimits.key, [keys.pair, keys.address, keys.account]))
  let reason: ThrottleReason = 'ACCOUNT_AND_ADDRESS'
  let waitMs = 0
  for (const row of rows) {
    const windowEnd = row.windowStartMs + r.windowMs
    const ms =
      row.key === keys.account
        ? row.notBeforeMs - nowMs
        : row.hits >= (row.key === keys.pair ? r.maxPerAccountAndAddress : r.maxPerAddress)
          ? windowEnd - nowMs
          : 0
    if (ms > waitMs) {
      waitMs = ms
      reason =
        row.key === keys.account
          ? 'ACCOUNT'
          : row.key === keys.pair
            ? 'ACCOUNT_AND_ADDRESS'
            : 'ADDRESS'
    }
  }
  return new RateLimited(Math.max(1, Math.ceil(waitMs / 1000)), { reason })
}

/**
 * The statements that settle a right password, for the batch that opens the session: the pair's
 * and the account's counts are forgotten, and the address gets its attempt back.
 */
export function settleSuccessfulSignIn(db: Db, email: string, ip: string) {
  const keys = throttleKeys(email, ip)
  return [
    db.delete(rateLimits).where(inArray(rateLimits.key, [keys.pair, keys.account])),
    db
      .update(rateLimits)
      .set({ hits: sql`max(${rateLimits.hits} - 1, 0)` })
      .where(eq(rateLimits.key, keys.address)),
  ] as const
}
