/**
 * What the system itself knows about a month's use of the network, aggregated with one GROUP BY
 * per kind of usage (never row by row), so a month of 500,000 returns stays quick.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { adjustments, allocationRules, costs, merchants } from '../../db/schema'
import { monthBounds, monthInstants } from '../calendar/local-date'
import type { Db } from '../db'
import { NotFound } from '../errors'
import { monthPremiums } from '../insurance/service'
import { memberInMonth } from '../members/membership'
import type { ByHub, CostInput, Rules, Usage } from './allocate'

type Count = { merchant_id: string; hub_id: string; n: number }

function byHub(rows: Count[]): ByHub {
  const out: ByHub = {}
  for (const r of rows) (out[r.hub_id] ??= {})[r.merchant_id] = Number(r.n)
  return out
}

export async function usageFor(
  db: Db,
  allianceId: string,
  month: string,
): Promise<Usage & { undeclared: string[] }> {
  const { from, to } = monthBounds(month)
  const { start, end } = monthInstants(month)
  const inAlliance = sql`in (select id from hubs where alliance_id = ${allianceId})`
  // The three counts by merchant and hub in one statement (a request's statements are few on
  // D1), each still its own GROUP BY over its own index.
  const [members, counts, commissions, adjusting, insurance] = await Promise.all([
    db
      .select({ id: merchants.id })
      .from(merchants)
      .where(and(eq(merchants.allianceId, allianceId), memberInMonth(month)))
      .orderBy(asc(merchants.id)),
    db.all<Count & { kind: 'units' | 'booked' | 'carried' }>(sql`
      select 'units' as kind, r.merchant_id, pr.hub_id, count(*) as n
      from run_receipts rr
        join returns r on r.id = rr.return_id
        join pickup_runs pr on pr.id = rr.run_id
      where rr.at >= ${start} and rr.at < ${end} and pr.hub_id ${inAlliance}
      group by r.merchant_id, pr.hub_id
      union all
      select 'booked', merchant_id, hub_id, sum(units) from bookings
      where status = 'CONFIRMED' and date between ${from} and ${to} and hub_id ${inAlliance}
      group by merchant_id, hub_id
      union all
      select 'carried', r.merchant_id, pr.hub_id, count(*)
      from returns r join pickup_runs pr on pr.id = r.pickup_run_id
      where pr.created_at >= ${start} and pr.created_at < ${end} and pr.hub_id ${inAlliance}
      group by r.merchant_id, pr.hub_id`),
    db.all<{ merchant_id: string; station_id: string; fen: number; n: number }>(sql`
      select c.merchant_id, c.station_id, sum(c.amount_fen) as fen, count(*) as n
      from commissions c join stations s on s.id = c.station_id
      where c.month = ${month} and s.alliance_id = ${allianceId}
      group by c.merchant_id, c.station_id
      order by c.merchant_id, c.station_id`),
    db
      .select()
      .from(adjustments)
      .where(and(eq(adjustments.allianceId, allianceId), eq(adjustments.month, month)))
      .orderBy(asc(adjustments.createdAt)),
    monthPremiums(db, allianceId, month),
  ])
  return {
    merchants: members.map((m) => m.id),
    units: byHub(counts.filter((c) => c.kind === 'units')),
    booked: byHub(counts.filter((c) => c.kind === 'booked')),
    carried: byHub(counts.filter((c) => c.kind === 'carried')),
    commissions: commissions.map((c) => ({
      merchantId: c.merchant_id,
      stationId: c.station_id,
      amountFen: Number(c.fen),
      parcels: Number(c.n),
    })),
    premiums: insurance.premiums,
    undeclared: insurance.undeclared,
    adjustments: adjusting.map((a) => ({
      id: a.id,
      merchantId: a.merchantId,
      amountFen: a.amountFen,
      reason: a.reason,
    })),
  }
}

/**
 * Adds each recurring template's entry for an open month, once per template and month (a unique
 * index). A closed month gets none: the statement itself checks (a close may have just finished,
 * and the closed month's trigger would refuse the insert). Run by the preview, the close and the
 * scheduled job.
 * @returns how many entries were added
 */
export async function postRecurringCosts(db: Db, allianceId: string, month: string, now: Date) {
  // The rows it returns, not the driver's count: D1 counts the rows triggers change too.
  const added = await db.all<{ id: string }>(sql`
    insert into costs (id, alliance_id, month, kind, amount_fen, hub_id, note, template_id, created_at)
    select 'cst_' || lower(hex(randomblob(8))), alliance_id, ${month}, kind, amount_fen, hub_id,
      note, id, ${now.toISOString()}
    from cost_templates
    where alliance_id = ${allianceId} and start_month <= ${month}
      and (end_month is null or end_month >= ${month})
      and not exists (select 1 from settlements
        where alliance_id = ${allianceId} and month = ${month})
    on conflict (template_id, month) do nothing
    returning id`)
  return added.length
}

/**
 * The month's costs. For an open month (`openAt` = now), recurring templates first add their
 * entry (once per template and month, by a unique index), so a preview always includes them.
 */
export async function costsFor(db: Db, allianceId: string, month: string, openAt: Date | null) {
  if (openAt) await postRecurringCosts(db, allianceId, month, openAt)
  return db
    .select()
    .from(costs)
    .where(and(eq(costs.allianceId, allianceId), eq(costs.month, month)))
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
