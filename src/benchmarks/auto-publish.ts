import { and, asc, eq, exists, gte, lt, notExists } from 'drizzle-orm'
import { alliances, benchmarkPublications, merchants, returns, users } from '../../db/schema'
import { localDate, monthInstants } from '../calendar/local-date'
import type { Db } from '../db'
import { Conflict } from '../errors'
import { lastFinishedMonth } from './published'
import { publishMonth } from './service'

/**
 * A month's benchmarks are published automatically from this day of the next month (Shanghai),
 * leaving a day for the month's last returns to get their first responses and ratings.
 */
export const AUTO_PUBLISH_DAY = 2

/**
 * Publishes last month's benchmarks for every alliance that has not published them yet, once
 * the month is due, and only when the alliance had returns that month (a publication is frozen
 * for good, and an empty month compares nothing; a coordinator can still publish it by hand).
 * Published on behalf of the alliance's first coordinator, who could have published it by hand.
 * Running it again changes nothing: a publication is once per month.
 * @returns the alliances published for
 */
export async function publishDueBenchmarks(db: Db, now: Date): Promise<string[]> {
  if (Number(localDate(now).slice(8, 10)) < AUTO_PUBLISH_DAY) return []
  const month = lastFinishedMonth(now)
  const { start, end } = monthInstants(month)
  const due = await db
    .select({ id: alliances.id })
    .from(alliances)
    .where(
      and(
        exists(
          db
            .select()
            .from(returns)
            .innerJoin(merchants, eq(merchants.id, returns.merchantId))
            .where(
              and(
                eq(merchants.allianceId, alliances.id),
                gte(returns.createdAt, start),
                lt(returns.createdAt, end),
              ),
            ),
        ),
        notExists(
          db
            .select()
            .from(benchmarkPublications)
            .where(
              and(
                eq(benchmarkPublications.allianceId, alliances.id),
                eq(benchmarkPublications.month, month),
              ),
            ),
        ),
      ),
    )
  const published: string[] = []
  for (const { id } of due) {
    const [coordinator] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.allianceId, id), eq(users.role, 'COORDINATOR')))
      .orderBy(asc(users.createdAt), asc(users.id))
      .limit(1)
    if (!coordinator) continue
    try {
      await publishMonth(db, { allianceId: id, userId: coordinator.id }, month, now)
      published.push(id)
    } catch (error) {
      // Another run (or a coordinator) published it first: nothing left to do.
      if (!(error instanceof Conflict && error.details.reason === 'ALREADY_PUBLISHED')) throw error
    }
  }
  return published
}
