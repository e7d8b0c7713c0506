/**
 * Service levels for a month: how many returns got their first response within 2 hours, were
 * resolved within 24 hours of reaching the hub, and how long the whole cycle took (median, p90).
 * Computed from the event log on every read, so figures are current to the second.
 */
import { and, eq, gte, lt } from 'drizzle-orm'
import { returns } from '../../db/schema'
import { requireRole, type Actor } from '../auth/roles'
import { addDays, localInstant, monthBounds } from '../calendar/local-date'
import type { Db } from '../db'
import { NotFound } from '../errors'
import { inAlliance } from '../returns/service'
import { slaFacts } from './service'
import { computeSla, percentile, slaTargets, type Sla } from './sla'

export interface ServiceLevelFigures {
  returns: number
  /** Returns whose first-response deadline has passed or that were answered. */
  firstResponseCounted: number
  firstResponseOnTime: number
  firstResponseOnTimeShare: number | null
  resolutionCounted: number
  resolutionOnTime: number
  resolutionOnTimeShare: number | null
  resolved: number
  medianCycleHours: number | null
  p90CycleHours: number | null
  cycleWithinTargetShare: number | null
  breached: number
}

export interface ServiceLevels extends ServiceLevelFigures {
  month: string
  merchantId: string | null
  /** Coordinators only: the same figures per merchant and per hub. */
  byMerchant: (ServiceLevelFigures & { merchantId: string })[] | null
  byHub: (ServiceLevelFigures & { hubId: string })[] | null
}

const share = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 1000

/** Pure: the figures for a set of clocks at `now`. */
export function summarise(clocks: Sla[], now: Date): ServiceLevelFigures {
  const nowIso = now.toISOString()
  const responseCounted = clocks.filter((c) => c.firstRespondedAt || c.firstResponseDueAt <= nowIso)
  const resolutionCounted = clocks.filter(
    (c) => c.resolutionDueAt && (c.resolvedAt || c.resolutionDueAt <= nowIso),
  )
  const resolved = clocks.filter((c) => c.resolvedAt)
  const cycles = resolved.map((c) => c.cycleHours)
  const firstResponseOnTime = responseCounted.filter((c) => !c.firstResponseBreached).length
  const resolutionOnTime = resolutionCounted.filter((c) => !c.resolutionBreached).length
  const targetHours = slaTargets.cycleMs / 3600_000
  return {
    returns: clocks.length,
    firstResponseCounted: responseCounted.length,
    firstResponseOnTime,
    firstResponseOnTimeShare: share(firstResponseOnTime, responseCounted.length),
    resolutionCounted: resolutionCounted.length,
    resolutionOnTime,
    resolutionOnTimeShare: share(resolutionOnTime, resolutionCounted.length),
    resolved: resolved.length,
    medianCycleHours: percentile(cycles, 50),
    p90CycleHours: percentile(cycles, 90),
    cycleWithinTargetShare: share(cycles.filter((h) => h <= targetHours).length, cycles.length),
    breached: clocks.filter((c) => c.breached).length,
  }
}

/**
 * Service levels of the returns registered in a local month. A merchant sees only its own; a
 * coordinator sees the alliance, or one merchant, with breakdowns.
 */
export async function serviceLevels(
  db: Db,
  actor: Actor | null,
  month: string,
  merchantId: string | undefined,
  now: Date,
): Promise<ServiceLevels> {
  const a = requireRole(actor, 'MERCHANT', 'COORDINATOR')
  if (a.role === 'MERCHANT' && merchantId && merchantId !== a.merchantId) {
    throw new NotFound('Merchant')
  }
  const scope = a.role === 'MERCHANT' ? a.merchantId! : merchantId
  const { from, to } = monthBounds(month)
  const rows = await db
    .select({ id: returns.id, merchantId: returns.merchantId, hubId: returns.hubId })
    .from(returns)
    .where(
      and(
        inAlliance(a),
        scope ? eq(returns.merchantId, scope) : undefined,
        gte(returns.createdAt, localInstant(from, 0).toISOString()),
        lt(returns.createdAt, localInstant(addDays(to, 1), 0).toISOString()),
      ),
    )
  const facts = await slaFacts(
    db,
    rows.map((r) => r.id),
  )
  const clocks = new Map(rows.map((r) => [r.id, computeSla(facts.get(r.id)!, now)]))
  const group = <K extends 'merchantId' | 'hubId'>(key: K) => {
    const keys = [...new Set(rows.map((r) => r[key]))].sort()
    return keys.map((k) => ({
      [key]: k,
      ...summarise(
        rows.filter((r) => r[key] === k).map((r) => clocks.get(r.id)!),
        now,
      ),
    })) as (ServiceLevelFigures & Record<K, string>)[]
  }
  const coordinator = a.role === 'COORDINATOR'
  return {
    month,
    merchantId: scope ?? null,
    ...summarise([...clocks.values()], now),
    byMerchant: coordinator ? group('merchantId') : null,
    byHub: coordinator ? group('hubId') : null,
  }
}
