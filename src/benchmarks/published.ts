/**
 * Reads of what has been published, for the benchmark pages: the months published so far, the
 * months a coordinator may still publish, a cohort's frozen figures, a merchant's trend and its
 * return-credit choice. Everything here reads the frozen publication rows; nothing is recomputed
 * from live data, so a page can never show a figure that differs from the published one.
 */
import { and, asc, desc, eq, inArray, lte } from 'drizzle-orm'
import {
  benchmarkCohorts,
  benchmarkPublications,
  benchmarkScores,
  returnCreditOptIns,
  type Category,
} from '../../db/schema'
import { requireRole, type Actor } from '../auth/roles'
import { localDate } from '../calendar/local-date'
import type { Db } from '../db'
import { stars } from './methodology'

export interface Publication {
  month: string
  k: number
  methodologyVersion: number
  publishedAt: string
}

/** The alliance's published months, newest first. Merchants and coordinators. */
export async function publications(db: Db, actor: Actor | null): Promise<Publication[]> {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  return db
    .select({
      month: benchmarkPublications.month,
      k: benchmarkPublications.k,
      methodologyVersion: benchmarkPublications.methodologyVersion,
      publishedAt: benchmarkPublications.publishedAt,
    })
    .from(benchmarkPublications)
    .where(eq(benchmarkPublications.allianceId, a.allianceId))
    .orderBy(desc(benchmarkPublications.month))
}

/** The month `delta` months after `month` (`YYYY-MM`). */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m - 1 + delta, 1)).toISOString().slice(0, 7)
}

/** The last month that has ended in Shanghai at `now`. */
export const lastFinishedMonth = (now: Date) => addMonths(localDate(now).slice(0, 7), -1)

/**
 * The last `count` finished months, newest first, each with its publication when it has one.
 * Coordinators: the ones without a publication are the months they may publish.
 */
export async function publishableMonths(db: Db, actor: Actor | null, now: Date, count = 12) {
  requireRole(actor, 'COORDINATOR')
  const published = new Map((await publications(db, actor)).map((p) => [p.month, p]))
  const last = lastFinishedMonth(now)
  return Array.from({ length: count }, (_, i) => {
    const month = addMonths(last, -i)
    return { month, publication: published.get(month) ?? null }
  })
}

export interface CohortRow {
  cohort: string
  dimension: string
  size: number
  p25: number | null
  median: number | null
  p75: number | null
  suppressedReason: string | null
}

/**
 * Every cohort × dimension figure of a published month (quartiles, or the reason they are
 * withheld); empty when the month is not published. These are the alliance-wide figures any
 * member may see: they never include a merchant's own values.
 */
export async function cohortFigures(db: Db, actor: Actor | null, month: string) {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  const rows: CohortRow[] = await db
    .select({
      cohort: benchmarkCohorts.cohort,
      dimension: benchmarkCohorts.dimension,
      size: benchmarkCohorts.size,
      p25: benchmarkCohorts.p25,
      median: benchmarkCohorts.median,
      p75: benchmarkCohorts.p75,
      suppressedReason: benchmarkCohorts.suppressedReason,
    })
    .from(benchmarkCohorts)
    .where(and(eq(benchmarkCohorts.allianceId, a.allianceId), eq(benchmarkCohorts.month, month)))
  return rows
}

/** How many published months the score card's trend covers. */
export const TREND_MONTHS = 6

export interface TrendPoint {
  month: string
  /** The merchant's own overall score; null for coordinators, or when withheld or missing. */
  score: number | null
  stars: number | null
  /** The cohort's published overall median; null when withheld. */
  median: number | null
  /** Why the cohort's overall figure was withheld that month. */
  suppressedReason: string | null
}

/**
 * The overall score over the last `count` published months up to `month`, oldest first, from the
 * frozen rows only. A month whose cohort figure was withheld shows no numbers at all, as its
 * score card does; a coordinator gets the cohort medians only.
 */
export async function benchmarkTrend(
  db: Db,
  actor: Actor | null,
  month: string,
  category: Category | undefined,
  count = TREND_MONTHS,
): Promise<TrendPoint[]> {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  const months = (
    await db
      .select({ month: benchmarkPublications.month })
      .from(benchmarkPublications)
      .where(
        and(
          eq(benchmarkPublications.allianceId, a.allianceId),
          lte(benchmarkPublications.month, month),
        ),
      )
      .orderBy(desc(benchmarkPublications.month))
      .limit(count)
  )
    .map((p) => p.month)
    .reverse()
  if (months.length === 0) return []
  const figures = await db
    .select()
    .from(benchmarkCohorts)
    .where(
      and(
        eq(benchmarkCohorts.allianceId, a.allianceId),
        inArray(benchmarkCohorts.month, months),
        eq(benchmarkCohorts.cohort, category ?? 'ALL'),
        eq(benchmarkCohorts.dimension, 'OVERALL'),
      ),
    )
  const mine = a.merchantId
    ? await db
        .select({ month: benchmarkScores.month, score: benchmarkScores.score })
        .from(benchmarkScores)
        .where(
          and(
            eq(benchmarkScores.allianceId, a.allianceId),
            eq(benchmarkScores.merchantId, a.merchantId),
            inArray(benchmarkScores.month, months),
            eq(benchmarkScores.dimension, 'OVERALL'),
          ),
        )
        .orderBy(asc(benchmarkScores.month))
    : []
  return months.map((m) => {
    const figure = figures.find((f) => f.month === m)
    const reason = figure?.suppressedReason ?? (figure ? null : 'NOT_PUBLISHED')
    const score = reason ? null : (mine.find((s) => s.month === m)?.score ?? null)
    return {
      month: m,
      score,
      stars: stars(score),
      median: reason ? null : (figure?.median ?? null),
      suppressedReason: reason,
    }
  })
}

/** Whether the merchant shares keyed contact hashes for the return-credit signal, and since when. */
export async function returnCreditOptIn(db: Db, actor: Actor | null) {
  const a = requireRole(actor, 'MERCHANT')
  const [row] = await db
    .select()
    .from(returnCreditOptIns)
    .where(eq(returnCreditOptIns.merchantId, a.merchantId!))
  return { optedIn: row !== undefined, since: row?.optedInAt ?? null }
}
