/**
 * Statements of months still open, as they stand now, for several months in one go: the
 * statements and commissions pages show this month and, until it closes, the last, and on D1 a
 * request's statements are few, so the months share every read instead of each computing alone.
 */
import { and, eq, sql } from 'drizzle-orm'
import { settlements } from '../../db/schema'
import { requireRole, requireStation, type Actor } from '../auth/roles'
import { inList, type Db } from '../db'
import { InvalidInput, NotFound } from '../errors'
import { getMerchant, getStation } from '../network/service'
import { commissionLines } from './allocate'
import { computeMonths } from './compute'
import { openFigures } from './projection'
import type { SettlementLine, Statement } from './service'

/** The months among `months` that have no settlement yet, in one statement. */
async function stillOpen(db: Db, allianceId: string, months: readonly string[]) {
  if (months.length === 0) return []
  const closed = await db
    .select({ month: settlements.month })
    .from(settlements)
    .where(and(eq(settlements.allianceId, allianceId), inList(settlements.month, months)))
  return months.filter((m) => !closed.some((c) => c.month === m))
}

const sum = (xs: { amountFen: number }[]) => xs.reduce((a, b) => a + b.amountFen, 0)

/**
 * A merchant's statements of the open months among `months`, in their order: its part of each
 * month's preview (closed months are left out; their statements are stored). Merchants read
 * their own, coordinators any member's.
 */
export async function openMerchantStatements(
  db: Db,
  actor: Actor | null,
  months: readonly string[],
  now: Date,
  merchantId?: string,
): Promise<Statement[]> {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  if (a.role === 'MERCHANT' && merchantId && merchantId !== a.merchantId) {
    throw new NotFound('Merchant')
  }
  const who = a.role === 'MERCHANT' ? a.merchantId! : merchantId
  if (!who) throw new InvalidInput('merchantId', 'choose a merchant')
  const [open] = await Promise.all([stillOpen(db, a.allianceId, months), getMerchant(db, a, who)])
  const splits = await computeMonths(db, a.allianceId, open, now)
  return open.map((month) => {
    const split = splits.get(month)!
    const lines = split.allocation.lines.filter((l) => l.merchantId === who)
    return {
      ...openFigures(month, now, lines, split.parcels[who] ?? 0),
      id: null,
      month,
      status: 'OPEN' as const,
      merchantId: who,
      stationId: null,
      totalFen: sum(lines),
      lines,
      paidAt: null,
    }
  })
}

/**
 * A station's statements of the open months among `months`, in their order: the commissions it
 * has earned so far, by merchant, as the month's split will list them.
 */
export async function openStationStatements(
  db: Db,
  actor: Actor | null,
  stationId: string,
  months: readonly string[],
): Promise<Statement[]> {
  const a = requireStation(actor, stationId)
  const [open, station] = await Promise.all([
    stillOpen(db, a.allianceId, months),
    getStation(db, a, stationId),
  ])
  const lines = await commissionsEarned(db, station.id, open)
  return open.map((month) => liveStationStatement(station.id, month, lines.get(month) ?? []))
}

/** The parcels a station's commission lines were earned on. */
export const checkedIn = (lines: readonly SettlementLine[]) =>
  lines.reduce((n, l) => n + (l.kind === 'COMMISSION' ? l.basis.mine : 0), 0)

/**
 * An open month's station statement made of its commission lines. Its parcels are those it
 * checked in; the as-of date and month-end projection are for what merchants are charged.
 */
export function liveStationStatement(
  stationId: string,
  month: string,
  lines: SettlementLine[],
): Statement {
  return {
    parcels: checkedIn(lines),
    asOf: null,
    projection: null,
    id: null,
    month,
    status: 'OPEN',
    merchantId: null,
    stationId,
    totalFen: sum(lines),
    lines,
    paidAt: null,
  }
}

/**
 * A station's commission lines of each of `months` so far, by merchant, as the month's split
 * lists them (`allocateMonth`), in one statement over the station's own index.
 */
export async function commissionsEarned(
  db: Db,
  stationId: string,
  months: readonly string[],
): Promise<Map<string, SettlementLine[]>> {
  const byMonth = new Map<string, SettlementLine[]>()
  if (months.length === 0) return byMonth
  const earned = await db.all<{ month: string; merchant_id: string; fen: number; n: number }>(sql`
    select month, merchant_id, sum(amount_fen) as fen, count(*) as n from commissions
    where station_id = ${stationId} and ${inList(sql`month`, months)}
    group by month, merchant_id
    order by month, merchant_id`)
  for (const month of months) {
    const inMonth = earned.filter((r) => r.month === month)
    byMonth.set(
      month,
      commissionLines(
        inMonth.map((r) => ({
          merchantId: r.merchant_id,
          stationId,
          amountFen: Number(r.fen),
          parcels: Number(r.n),
        })),
      ),
    )
  }
  return byMonth
}
