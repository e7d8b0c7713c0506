/**
 * The split of open months from what is stored now, several months in as many statements as one:
 * the preview, the close and the live statements on the merchants' and stations' pages all
 * compute through here.
 */
import type { costs } from '../../db/schema'
import type { Db } from '../db'
import { allocateMonth, type Allocation, type ByHub, type Rules } from './allocate'
import { costsForMonths, currentRules, toCostInput, usageForMonths } from './usage'

export interface MonthSplit {
  monthCosts: (typeof costs.$inferSelect)[]
  allocation: Allocation
  rules: Rules
  /** Enrolled merchants who have not declared the month's order value. */
  undeclared: string[]
  /** Parcels received at the alliance's hubs in the month, by merchant. */
  parcels: Record<string, number>
}

/** Each merchant's parcels over every hub. */
function parcelsByMerchant(units: ByHub): Record<string, number> {
  const out: Record<string, number> = {}
  for (const byMerchant of Object.values(units)) {
    for (const [m, n] of Object.entries(byMerchant)) out[m] = (out[m] ?? 0) + n
  }
  return out
}

/**
 * Each month's split. Voided costs are left out; a reversal is a negative cost of the same kind
 * and hub, so it splits to exactly the negated parts of the cost it reverses. With `now`,
 * recurring costs are posted first (see `costsFor`).
 */
export async function computeMonths(
  db: Db,
  allianceId: string,
  months: readonly string[],
  now: Date | null,
): Promise<Map<string, MonthSplit>> {
  const [all, usage, rules] = await Promise.all([
    costsForMonths(db, allianceId, months, now),
    usageForMonths(db, allianceId, months),
    currentRules(db, allianceId),
  ])
  const splits = new Map<string, MonthSplit>()
  for (const month of months) {
    const monthUsage = usage.get(month)!
    const monthCosts = all.filter((c) => c.month === month && c.voidedAt === null)
    const allocation = allocateMonth(monthCosts.map(toCostInput), monthUsage, rules)
    splits.set(month, {
      monthCosts,
      allocation,
      rules,
      undeclared: monthUsage.undeclared,
      parcels: parcelsByMerchant(monthUsage.units),
    })
  }
  return splits
}
