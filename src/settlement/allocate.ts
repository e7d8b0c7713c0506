/**
 * The monthly cost split, as pure functions over integer fen. Every cost is divided with
 * `apportion()` (largest remainder, ties to the lower merchant id), so the parts of each cost sum
 * exactly to the cost; when the rule's usage is zero for everyone, the next basis applies and
 * the line says so, ending with an equal split among members.
 */
import type { CostKind, LineBasis, LineKind } from '../../db/schema'
import { apportion } from '../money'

export interface CostInput {
  id: string
  kind: CostKind
  amountFen: number
  hubId: string | null
}

export interface Rules {
  version: number
  /** Share of hub costs charged on booked capacity instead of units processed, in bp. */
  bookedShareBp: number
  sharedBasis: 'EQUAL' | 'UNITS'
}

/** Per-merchant counts, per hub. */
export type ByHub = Record<string, Record<string, number>>

export interface Usage {
  /** Members in the month, sorted by id: the stable order of every split. */
  merchants: string[]
  /** Parcels received at each hub in the month. */
  units: ByHub
  /** Units of capacity booked (confirmed) for the month's dates. */
  booked: ByHub
  /** Parcels carried on pickup runs to each hub in the month. */
  carried: ByHub
  commissions: { merchantId: string; stationId: string; amountFen: number; parcels: number }[]
  adjustments: { merchantId: string; amountFen: number; id: string; reason: string }[]
  /** Insurance premiums of enrolled merchants who declared the month's order value. */
  premiums: { merchantId: string; orderValueFen: number; amountFen: number }[]
}

export interface Line {
  merchantId: string
  kind: LineKind
  costId: string | null
  stationId: string | null
  amountFen: number
  basis: LineBasis
}

type Basis = { name: string; weights: Record<string, number> }

/** Sums one hub's counts, or every hub's when `hubId` is null. */
function weightsAt(byHub: ByHub, hubId: string | null): Record<string, number> {
  const hubs = hubId ? [hubId] : Object.keys(byHub)
  const out: Record<string, number> = {}
  for (const h of hubs) {
    for (const [m, n] of Object.entries(byHub[h] ?? {})) out[m] = (out[m] ?? 0) + n
  }
  return out
}

/**
 * Splits `amountFen` over the first basis with any usage; if none has, equally among members.
 */
export function split(
  amountFen: number,
  merchants: readonly string[],
  bases: Basis[],
  kind: LineKind,
  costId: string | null,
  hubId: string | null,
): Line[] {
  if (amountFen === 0 || merchants.length === 0) return []
  const chosen = bases.find((b) => merchants.some((m) => (b.weights[m] ?? 0) > 0))
  const weights = merchants.map((m) => (chosen ? (chosen.weights[m] ?? 0) : 1))
  const total = weights.reduce((a, b) => a + b, 0)
  const parts = apportion(amountFen, weights)
  const fallback = chosen === bases[0] ? undefined : (chosen?.name ?? 'EQUAL')
  return merchants
    .map((merchantId, i) => ({
      merchantId,
      kind,
      costId,
      stationId: null,
      amountFen: parts[i]!,
      basis: {
        rule: bases[0]?.name ?? 'EQUAL',
        mine: weights[i]!,
        total,
        hubId,
        ...(fallback ? { fallback } : {}),
      },
    }))
    .filter((line) => line.amountFen !== 0)
}

/** One cost's lines under the rules. */
export function allocateCost(cost: CostInput, usage: Usage, rules: Rules): Line[] {
  const { merchants } = usage
  const units = { name: 'UNITS', weights: weightsAt(usage.units, cost.hubId) }
  const booked = { name: 'BOOKED', weights: weightsAt(usage.booked, cost.hubId) }
  const carried = { name: 'CARRIED', weights: weightsAt(usage.carried, cost.hubId) }
  switch (cost.kind) {
    case 'HUB_OPERATIONS': {
      const [onUnits, onBooked] = apportion(cost.amountFen, [
        10_000 - rules.bookedShareBp,
        rules.bookedShareBp,
      ]) as [number, number]
      return [
        ...split(onUnits, merchants, [units, booked], 'HUB_UNITS', cost.id, cost.hubId),
        ...split(onBooked, merchants, [booked, units], 'HUB_BOOKED', cost.id, cost.hubId),
      ]
    }
    case 'TRANSPORT':
      return split(cost.amountFen, merchants, [carried, units], 'TRANSPORT', cost.id, cost.hubId)
    case 'SHARED': {
      const equal = { name: 'EQUAL', weights: Object.fromEntries(merchants.map((m) => [m, 1])) }
      const bases = rules.sharedBasis === 'UNITS' ? [units, equal] : [equal]
      return split(cost.amountFen, merchants, bases, 'SHARED', cost.id, cost.hubId)
    }
  }
}

export interface Allocation {
  lines: Line[]
  /** What each merchant owes for the month (its lines summed), by merchant id. */
  totals: Record<string, number>
  /** What each station earned (commissions), by station id. */
  stationTotals: Record<string, number>
  totalFen: number
}

/** The month's commission lines: what each merchant owes each station for its parcels. */
export function commissionLines(commissions: Usage['commissions']): Line[] {
  return commissions
    .filter((c) => c.amountFen !== 0)
    .map((c) => ({
      merchantId: c.merchantId,
      kind: 'COMMISSION' as const,
      costId: null,
      stationId: c.stationId,
      amountFen: c.amountFen,
      basis: { rule: 'PER_PARCEL', mine: c.parcels, total: c.parcels },
    }))
}

/** The whole month: every cost, commission, premium and adjustment. */
export function allocateMonth(costs: CostInput[], usage: Usage, rules: Rules): Allocation {
  const lines: Line[] = [
    ...costs.flatMap((c) => allocateCost(c, usage, rules)),
    ...commissionLines(usage.commissions),
    ...usage.premiums
      .filter((p) => p.amountFen !== 0)
      .map((p) => ({
        merchantId: p.merchantId,
        kind: 'PREMIUM' as const,
        costId: null,
        stationId: null,
        amountFen: p.amountFen,
        basis: { rule: 'PREMIUM', mine: p.orderValueFen, total: p.orderValueFen },
      })),
    ...usage.adjustments.map((a) => ({
      merchantId: a.merchantId,
      kind: 'ADJUSTMENT' as const,
      costId: null,
      stationId: null,
      amountFen: a.amountFen,
      basis: { rule: 'ADJUSTMENT', mine: 1, total: 1 },
    })),
  ]
  const totals: Record<string, number> = {}
  const stationTotals: Record<string, number> = {}
  for (const line of lines) {
    totals[line.merchantId] = (totals[line.merchantId] ?? 0) + line.amountFen
    if (line.stationId) {
      stationTotals[line.stationId] = (stationTotals[line.stationId] ?? 0) + line.amountFen
    }
  }
  return {
    lines,
    totals,
    stationTotals,
    totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0),
  }
}
