/**
 * What the system itself knows about a month's use of the network, aggregated in SQL over
 * covering indexes, one statement per kind of usage (never row by row), so a month of 500,000
 * returns stays quick.
 */
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm'
import { adjustments, allocationRules, costs, merchants } from '../../db/schema'
import { monthBounds, monthInstants } from '../calendar/local-date'
import { inList, type Db } from '../db'
import { NotFound } from '../errors'
import { premiumsByMonth } from '../insurance/service'
import { memberInMonth } from '../members/membership'
import type { ByHub, CostInput, Rules, Usage } from './allocate'

type Count = { merchant_id: string; hub_id: string; n: number }

function byHub(rows: Count[]): ByHub {
  const out: ByHub = {}
  for (const r of rows) (out[r.hub_id] ??= {})[r.merchant_id] = Number(r.n)
  return out
}

export type MonthUsage = Usage & { undeclared: string[] }

/** One month's usage (see `usageForMonths`). */
export async function usageFor(db: Db, allianceId: string, month: string): Promise<MonthUsage> {
  return (await usageForMonths(db, allianceId, [month])).get(month)!
}

/**
 * The usage of each of `months`, in as many statements as one month takes: each kind of count is
 * one statement for all the months, a month's part still its own GROUP BY over its own index.
 */
export async function usageForMonths(
  db: Db,
  allianceId: string,
  months: readonly string[],
): Promise<Map<string, MonthUsage>> {
  const usage = new Map<string, MonthUsage>()
  if (months.length === 0) return usage
  const inAlliance = sql`in (select id from hubs where alliance_id = ${allianceId})`
  const eachMonth = (part: (month: string) => SQL) =>
    sql.join(
      months.map((m) => part(m)),
      sql` union all `,
    )
  const [members, counts, commissions, adjusting, insurance] = await Promise.all([
    db.all<{ month: string; id: string }>(sql`
      select month, id from (${eachMonth(
        (month) => sql`select ${month} as month, ${merchants.id} as id from ${merchants}
          where ${merchants.allianceId} = ${allianceId} and ${memberInMonth(month)}`,
      )}) order by month, id`),
    // The three counts by merchant and hub in one statement (a request's statements are few on
    // D1), each over its own index. Parcels received are counted per hub and merchant, one range
    // of the receipts' covering index each (hub, merchant, time): a GROUP BY over the month's
    // receipts would sort every one of them first, which took longer than reading them.
    db.all<Count & { month: string; kind: 'units' | 'booked' | 'carried' }>(
      eachMonth((month) => {
        const { from, to } = monthBounds(month)
        const { start, end } = monthInstants(month)
        return sql`
          select ${month} as month, 'units' as kind, merchant_id, hub_id, n from (
            select m.id as merchant_id, h.id as hub_id,
              (select count(*) from run_receipts rr
                where rr.hub_id = h.id and rr.merchant_id = m.id
                  and rr.at >= ${start} and rr.at < ${end}) as n
            from hubs h cross join merchants m
            where h.alliance_id = ${allianceId} and m.alliance_id = ${allianceId})
          where n > 0
          union all
          select ${month}, 'booked', merchant_id, hub_id, sum(units) from bookings
          where status = 'CONFIRMED' and date between ${from} and ${to} and hub_id ${inAlliance}
          group by merchant_id, hub_id
          union all
          select ${month}, 'carried', r.merchant_id, pr.hub_id, count(*)
          from returns r join pickup_runs pr on pr.id = r.pickup_run_id
          where pr.created_at >= ${start} and pr.created_at < ${end} and pr.hub_id ${inAlliance}
          group by r.merchant_id, pr.hub_id`
      }),
    ),
    db.all<{ month: string; merchant_id: string; station_id: string; fen: number; n: number }>(sql`
      select c.month, c.merchant_id, c.station_id, sum(c.amount_fen) as fen, count(*) as n
      from commissions c
      where ${inList(sql`c.month`, months)}
        and c.station_id in (select id from stations where alliance_id = ${allianceId})
      group by c.month, c.merchant_id, c.station_id
      order by c.month, c.merchant_id, c.station_id`),
    db
      .select()
      .from(adjustments)
      .where(and(eq(adjustments.allianceId, allianceId), inList(adjustments.month, months)))
      .orderBy(asc(adjustments.createdAt)),
    premiumsByMonth(db, allianceId, months),
  ])
  for (const month of months) {
    const inMonth = <T extends { month: string }>(rows: T[]) =>
      rows.filter((r) => r.month === month)
    const monthCounts = inMonth(counts)
    const premiums = insurance.get(month)!
    usage.set(month, {
      merchants: inMonth(members).map((m) => m.id),
      units: byHub(monthCounts.filter((c) => c.kind === 'units')),
      booked: byHub(monthCounts.filter((c) => c.kind === 'booked')),
      carried: byHub(monthCounts.filter((c) => c.kind === 'carried')),
      commissions: inMonth(commissions).map((c) => ({
        merchantId: c.merchant_id,
        stationId: c.station_id,
        amountFen: Number(c.fen),
        parcels: Number(c.n),
      })),
      premiums: premiums.premiums,
      undeclared: premiums.undeclared,
      adjustments: inMonth(adjusting).map((a) => ({
        id: a.id,
        merchantId: a.merchantId,
        amountFen: a.amountFen,
        reason: a.reason,
      })),
    })
  }
  return usage
}

/**
 * The parcels received at the alliance's hubs in `month` (one merchant's, or everyone's), as
 * the split's UNITS basis counts them: what a closed month's statement divides its total by.
 */
export async function parcelsReceived(
  db: Db,
  allianceId: string,
  month: string,
  merchantId?: string,
): Promise<number> {
  const { start, end } = monthInstants(month)
  // Ranges of the receipts' covering index (hub, merchant, time), as `usageForMonths` counts.
  const [row] = await db.all<{ n: number }>(sql`
    select count(*) as n from run_receipts rr
    where rr.hub_id in (select id from hubs where alliance_id = ${allianceId})
      and ${merchantId ? sql`rr.merchant_id = ${merchantId}` : sql`rr.merchant_id is not null`}
      and rr.at >= ${start} and rr.at < ${end}`)
  return Number(row?.n ?? 0)
}

/**
 * Adds each recurring template's entry for an open month, once per template and month (a unique
 * index). A closed month gets none: the statement itself checks (a close may have just finished,
 * and the closed month's trigger would refuse the insert). Run by the preview, the close and the
 * scheduled job.
 * @returns how many entries were added
 */
export async function postRecurringCosts(db: Db, allianceId: string, month: string, now: Date) {
  return postRecurringCostsFor(db, allianceId, [month], now)
}

/** `postRecurringCosts` for several months at once, in one statement. */
async function postRecurringCostsFor(
  db: Db,
  allianceId: string,
  months: readonly string[],
  now: Date,
) {
  // The rows it returns, not the driver's count: D1 counts the rows triggers change too.
  const added = await db.all<{ id: string }>(sql`
    insert into costs (id, alliance_id, month, kind, amount_fen, hub_id, note, template_id, created_at)
    select 'cst_' || lower(hex(randomblob(8))), t.alliance_id, m.value, t.kind, t.amount_fen,
      t.hub_id, t.note, t.id, ${now.toISOString()}
    from json_each(${JSON.stringify(months)}) m
      join cost_templates t on t.alliance_id = ${allianceId} and t.start_month <= m.value
        and (t.end_month is null or t.end_month >= m.value)
    where not exists (select 1 from settlements
        where alliance_id = ${allianceId} and month = m.value)
    on conflict (template_id, month) do nothing
    returning id`)
  return added.length
}

/**
 * The month's costs. For an open month (`openAt` = now), recurring templates first add their
 * entry (once per template and month, by a unique index), so a preview always includes them.
 */
export async function costsFor(db: Db, allianceId: string, month: string, openAt: Date | null) {
  return costsForMonths(db, allianceId, [month], openAt)
}

/** The costs of each of `months` (see `costsFor`), oldest first, in two statements at most. */
export async function costsForMonths(
  db: Db,
  allianceId: string,
  months: readonly string[],
  openAt: Date | null,
) {
  if (openAt) await postRecurringCostsFor(db, allianceId, months, openAt)
  return db
    .select()
    .from(costs)
    .where(and(eq(costs.allianceId, allianceId), inList(costs.month, months)))
    .orderBy(asc(costs.createdAt), asc(costs.id))
}

export const toCostInput = (c: typeof costs.$inferSelect): CostInput => ({
  id: c.id,
  kind: c.kind,
  amountFen: c.amountFen,
  hubId: c.hubId,
})

export async function currentRules(db: Db, allianceId: string): Promise<Rules> {
  const [row] = await db
    .select()
    .from(allocationRules)
    .where(eq(allocationRules.allianceId, allianceId))
    .orderBy(desc(allocationRules.version))
    .limit(1)
  if (!row) throw new NotFound('Allocation rules')
  return { version: row.version, bookedShareBp: row.bookedShareBp, sharedBasis: row.sharedBasis }
}
