/**
 * Anonymised benchmarks. A month is published once: every merchant's own dimension scores and
 * each cohort's quartiles (or the reason they are withheld) are written together and never
 * change, so repeated queries or later joiners cannot be differenced to reveal anyone. A merchant
 * reads only its own scores and the cohort quartiles; no query returns another merchant's row.
 */
import { and, eq, gte, lt, sql } from 'drizzle-orm'
import {
  benchmarkCohorts,
  benchmarkPublications,
  benchmarkScores,
  categories,
  merchants,
  returnCreditOptIns,
  returns,
  type Category,
} from '../../db/schema'
import { settingsOn } from '../alliance/settings'
import { requireRole, type Actor } from '../auth/roles'
import { localDate, monthBounds, monthInstants } from '../calendar/local-date'
import type { Db } from '../db'
import { Conflict, InvalidInput } from '../errors'
import { slaFacts } from '../inspection/service'
import { summarise } from '../inspection/service-levels'
import { computeSla } from '../inspection/sla'
import { getReturn } from '../returns/service'
import {
  band,
  cohortFigure,
  sampledScore,
  dimensions,
  METHODOLOGY_VERSION,
  MIN_SAMPLE,
  MIN_K,
  overallScore,
  stars,
  type Band,
} from './methodology'

type Metric = { value: number | null; score: number | null; volume: number }
type MerchantMetrics = { merchantId: string; category: Category; metrics: Record<string, Metric> }

/** Every member's figures for a month, from the system's own events. */
export async function monthMetrics(
  db: Db,
  allianceId: string,
  month: string,
  now: Date,
): Promise<MerchantMetrics[]> {
  const { start, end } = monthInstants(month)
  const members = await db.select().from(merchants).where(eq(merchants.allianceId, allianceId))
  const registered = await db
    .select({ id: returns.id, merchantId: returns.merchantId })
    .from(returns)
    .where(
      and(
        sql`${returns.merchantId} in (select id from merchants where alliance_id = ${allianceId})`,
        gte(returns.createdAt, start),
        lt(returns.createdAt, end),
      ),
    )
  const facts = await slaFacts(
    db,
    registered.map((r) => r.id),
  )
  // Only certificates a coordinator verified and still valid on the month's last day (or today,
  // for the month under way) count; the merchant's own tick does not. Staff who left before the
  // month ended are no longer in the team.
  const asOf = [localDate(now), monthBounds(month).to].sort()[0]!
  const staffRows = await db.all<{ merchant_id: string; n: number; certified: number }>(sql`
    select merchant_id, count(*) as n,
      sum(cert_status = 'VERIFIED' and cert_expires_on > ${asOf}) as certified
    from staff
    where merchant_id in (select id from merchants where alliance_id = ${allianceId})
      and (ended_at is null or ended_at >= ${end})
    group by merchant_id`)
  const ratingRows = await db.all<{ merchant_id: string; n: number; avg: number }>(sql`
    select r.merchant_id, count(*) as n, avg(rr.stars) as avg
    from return_ratings rr join returns r on r.id = rr.return_id
    where r.created_at >= ${start} and r.created_at < ${end}
      and r.merchant_id in (select id from merchants where alliance_id = ${allianceId})
    group by r.merchant_id`)
  return members.map((m) => {
    const clocks = registered
      .filter((r) => r.merchantId === m.id)
      .map((r) => computeSla(facts.get(r.id)!, now))
    const levels = summarise(clocks, now)
    const team = staffRows.find((s) => s.merchant_id === m.id)
    const rating = ratingRows.find((r) => r.merchant_id === m.id)
    const figures = {
      TIMELINESS: { value: levels.firstResponseOnTimeShare, volume: levels.firstResponseCounted },
      RESOLUTION: { value: levels.resolutionOnTimeShare, volume: levels.resolutionCounted },
      PROFESSIONALISM: {
        value: team ? Number(team.certified) / Number(team.n) : null,
        volume: Number(team?.n ?? 0),
      },
      CARE: { value: rating ? Number(rating.avg) : null, volume: Number(rating?.n ?? 0) },
    }
    const metrics: Record<string, Metric> = {}
    for (const d of dimensions) {
      metrics[d] = { ...figures[d], score: sampledScore(d, figures[d].value, figures[d].volume) }
    }
    const overall = overallScore(dimensions.map((d) => metrics[d]!.score))
    metrics.OVERALL = { value: overall, score: overall, volume: clocks.length }
    return { merchantId: m.id, category: m.category, metrics }
  })
}

const allDimensions = [...dimensions, 'OVERALL'] as const

/** Publishes (and so freezes) a finished month's benchmarks. Coordinators; once per month. */
export async function publishBenchmarks(db: Db, actor: Actor | null, month: string, now: Date) {
  const a = requireRole(actor, 'COORDINATOR')
  return publishMonth(db, { allianceId: a.allianceId, userId: a.userId }, month, now)
}

/**
 * Whether a coordinator may publish `month` now: refused with the same errors publishing
 * would give (a month not over yet, or one already published), so a page can say so first.
 */
export async function assertPublishable(db: Db, actor: Actor | null, month: string, now: Date) {
  const a = requireRole(actor, 'COORDINATOR')
  await assertMonthPublishable(db, a.allianceId, month, now)
}

async function assertMonthPublishable(db: Db, allianceId: string, month: string, now: Date) {
  if (month >= localDate(now).slice(0, 7)) {
    throw new InvalidInput('month', `${month} has not ended yet`, {
      reason: 'PUBLISH_TOO_EARLY',
      month,
    })
  }
  if (await isPublished(db, allianceId, month)) throw alreadyPublished(month)
}

async function isPublished(db: Db, allianceId: string, month: string) {
  const [existing] = await db
    .select({ month: benchmarkPublications.month })
    .from(benchmarkPublications)
    .where(
      and(eq(benchmarkPublications.allianceId, allianceId), eq(benchmarkPublications.month, month)),
    )
  return existing !== undefined
}

const alreadyPublished = (month: string) =>
  new Conflict(`${month} is already published; published figures never change.`, {
    reason: 'ALREADY_PUBLISHED',
    month,
  })

/**
 * Publishes a finished month for an alliance, stamped with the user it is published by (a
 * coordinator, or the one the scheduled job publishes on behalf of). CONFLICT once published.
 */
export async function publishMonth(
  db: Db,
  a: { allianceId: string; userId: string },
  month: string,
  now: Date,
) {
  await assertMonthPublishable(db, a.allianceId, month, now)
  const settings = await settingsOn(db, a.allianceId, localDate(now))
  const k = Math.max(MIN_K, settings.benchmarkK)
  const all = await monthMetrics(db, a.allianceId, month, now)
  const cohorts = ['ALL', ...categories].flatMap((cohort) => {
    const members = cohort === 'ALL' ? all : all.filter((m) => m.category === cohort)
    return allDimensions.map((dimension) => ({
      allianceId: a.allianceId,
      month,
      cohort,
      dimension,
      ...cohortFigure(
        members.map((m) => ({
          merchantId: m.merchantId,
          score: m.metrics[dimension]!.score,
          volume: m.metrics[dimension]!.volume,
        })),
        k,
      ),
    }))
  })
  const scores = all.flatMap((m) =>
    allDimensions.map((dimension) => ({
      allianceId: a.allianceId,
      month,
      merchantId: m.merchantId,
      dimension,
      ...m.metrics[dimension]!,
    })),
  )
  const chunk = <T>(rows: T[], size: number) =>
    Array.from({ length: Math.ceil(rows.length / size) }, (_, i) =>
      rows.slice(i * size, i * size + size),
    )
  await db
    .batch([
      db.insert(benchmarkPublications).values({
        allianceId: a.allianceId,
        month,
        methodologyVersion: METHODOLOGY_VERSION,
        k,
        publishedBy: a.userId,
        publishedAt: now.toISOString(),
      }),
      ...chunk(cohorts, 10).map((rows) => db.insert(benchmarkCohorts).values(rows)),
      ...chunk(scores, 12).map((rows) => db.insert(benchmarkScores).values(rows)),
    ] as unknown as Parameters<Db['batch']>[0])
    .catch(async (error: unknown) => {
      // Another publication of the month won the race; any other failure is not a refusal.
      if (await isPublished(db, a.allianceId, month)) throw alreadyPublished(month)
      throw error
    })
  return { month, k, methodologyVersion: METHODOLOGY_VERSION }
}

export interface BenchmarkReport {
  month: string
  cohort: string
  cohortSize: number
  suppressed: boolean
  reason: string | null
  score: number | null
  stars: number | null
  dimensions: {
    name: string
    myValue: number | null
    myScore: number | null
    p25: number | null
    median: number | null
    p75: number | null
    myBand: Band | null
    suppressedReason: string | null
    mySample: number | null
    sampleRequired: number
  }[]
}

/**
 * The published comparison for a month and cohort (the alliance, or a category). A merchant
 * gets its own values and bands; a coordinator the cohort figures only. Where a figure is
 * withheld (the whole card when the overall one is), the member's own numbers are withheld too:
 * the score card and the `benchmarks` query both show exactly this.
 */
export async function benchmarkReport(
  db: Db,
  actor: Actor | null,
  month: string,
  category: Category | undefined,
): Promise<BenchmarkReport> {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  const cohort = category ?? 'ALL'
  const figures = await db
    .select()
    .from(benchmarkCohorts)
    .where(
      and(
        eq(benchmarkCohorts.allianceId, a.allianceId),
        eq(benchmarkCohorts.month, month),
        eq(benchmarkCohorts.cohort, cohort),
      ),
    )
  if (figures.length === 0) {
    return {
      month,
      cohort,
      cohortSize: 0,
      suppressed: true,
      reason: 'NOT_PUBLISHED',
      score: null,
      stars: null,
      dimensions: [],
    }
  }
  const mine = a.merchantId
    ? await db
        .select()
        .from(benchmarkScores)
        .where(
          and(
            eq(benchmarkScores.allianceId, a.allianceId),
            eq(benchmarkScores.month, month),
            eq(benchmarkScores.merchantId, a.merchantId),
          ),
        )
    : []
  const overall = figures.find((f) => f.dimension === 'OVERALL')!
  // A withheld cohort withholds the member's own figures with it (the methodology: "a withheld
  // figure shows its reason and no numbers"), so the page and the API can only show the same.
  const cardWithheld = overall.suppressedReason
  const myOverall = cardWithheld
    ? null
    : (mine.find((s) => s.dimension === 'OVERALL')?.score ?? null)
  return {
    month,
    cohort,
    cohortSize: overall.size,
    suppressed: cardWithheld !== null,
    reason: cardWithheld,
    score: myOverall,
    stars: stars(myOverall),
    dimensions: dimensions.map((name) => {
      const f = figures.find((x) => x.dimension === name)!
      const withheld = cardWithheld ?? f.suppressedReason
      const own = withheld ? undefined : mine.find((s) => s.dimension === name)
      const figure = withheld
        ? ({
            size: f.size,
            p25: null,
            median: null,
            p75: null,
            suppressedReason: withheld,
          } as const)
        : ({
            size: f.size,
            p25: f.p25!,
            median: f.median!,
            p75: f.p75!,
            suppressedReason: null,
          } as const)
      return {
        name,
        myValue: own?.value ?? null,
        myScore: own?.score ?? null,
        p25: figure.p25,
        median: figure.median,
        p75: figure.p75,
        myBand: band(own?.score ?? null, figure),
        suppressedReason: withheld,
        mySample: own?.volume ?? null,
        sampleRequired: MIN_SAMPLE[name],
      }
    }),
  }
}

/** Opts the merchant in or out of sharing keyed contact hashes for the return-credit signal. */
export async function setReturnCreditOptIn(db: Db, actor: Actor | null, optIn: boolean, now: Date) {
  const a = requireRole(actor, 'MERCHANT')
  if (optIn) {
    await db
      .insert(returnCreditOptIns)
      .values({ merchantId: a.merchantId!, optedInAt: now.toISOString() })
      .onConflictDoNothing()
  } else {
    await db.delete(returnCreditOptIns).where(eq(returnCreditOptIns.merchantId, a.merchantId!))
  }
  return optIn
}

export const riskRules = { windowDays: 90, elevatedAt: 3, highAt: 5 }

export type RiskBand = 'NORMAL' | 'ELEVATED' | 'HIGH'

/** A return's band, or null (with `available: false`) until the return is checked in. */
export interface ReturnRisk {
  band: RiskBand | null
  available: boolean
  optedIn: true
}

/**
 * A risk band for a return's customer: how many returns alliance-wide (among opted-in members)
 * with the same keyed contact hash were checked in at a station in the last 90 days. Below the
 * minimum count it is always NORMAL; nothing about the other returns, merchants or the customer
 * is revealed.
 *
 * Only parcels that physically reached a station count, and only a return that was itself
 * checked in gets a band: otherwise a member could register a probe with any phone number, read
 * the band and cancel, and learn how often that person returned goods elsewhere. Registering or
 * cancelling (which only a return never checked in can be) changes no band.
 */
export async function returnRisk(
  db: Db,
  actor: Actor | null,
  returnId: string,
  now: Date,
): Promise<ReturnRisk> {
  const a = requireRole(actor, 'MERCHANT')
  const r = await getReturn(db, a, returnId)
  const [optedIn] = await db
    .select()
    .from(returnCreditOptIns)
    .where(eq(returnCreditOptIns.merchantId, a.merchantId!))
  if (!optedIn) {
    throw new Conflict('Opt in to the return-credit signal to see risk bands.', {
      reason: 'NOT_OPTED_IN',
    })
  }
  if (r.status === 'REGISTERED' || r.status === 'CANCELLED') {
    return { band: null, available: false, optedIn: true }
  }
  if (!r.contactHash) return { band: 'NORMAL', available: true, optedIn: true }
  const since = new Date(now.getTime() - riskRules.windowDays * 86_400_000).toISOString()
  const [row] = await db.all<{ n: number }>(sql`
    select count(*) as n from returns r
    where r.contact_hash = ${r.contactHash}
      and exists (select 1 from return_events e
        where e.return_id = r.id and e.status = 'AT_STATION' and e.at >= ${since})
      and r.merchant_id in (select merchant_id from return_credit_opt_ins)
      and r.merchant_id in (select id from merchants where alliance_id = ${a.allianceId})`)
  const n = Number(row?.n ?? 0)
  const band = n >= riskRules.highAt ? 'HIGH' : n >= riskRules.elevatedAt ? 'ELEVATED' : 'NORMAL'
  return { band, available: true, optedIn: true }
}

/**
 * What the return page shows: the band, 'AFTER_CHECK_IN' while the return has not reached a
 * station, or null while the merchant has not opted in.
 */
export async function riskBandIfOptedIn(
  db: Db,
  actor: Actor,
  returnId: string,
  now: Date,
): Promise<RiskBand | 'AFTER_CHECK_IN' | null> {
  try {
    const risk = await returnRisk(db, actor, returnId, now)
    return risk.band ?? 'AFTER_CHECK_IN'
  } catch (error) {
    if (error instanceof Conflict && error.details.reason === 'NOT_OPTED_IN') return null
    throw error
  }
}
