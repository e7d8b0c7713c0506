/**
 * Service clocks of a return, derived from its event log whenever they are read — never stored,
 * so a breach shows the moment it happens. Targets from the after-sales norms: first response
 * within 2 hours of registration, resolution within 24 hours of arrival at the hub, the whole
 * cycle within 5 days.
 */
export const slaTargets = {
  firstResponseMs: 2 * 3600_000,
  resolutionMs: 24 * 3600_000,
  cycleMs: 5 * 24 * 3600_000,
}

export interface SlaFacts {
  registeredAt: string
  firstRespondedAt: string | null
  arrivedAt: string | null
  resolvedAt: string | null
}

export interface Sla {
  firstResponseDueAt: string
  firstRespondedAt: string | null
  resolutionDueAt: string | null
  resolvedAt: string | null
  /** Registration to resolution (or to now, while open), in hours. */
  cycleHours: number
  firstResponseBreached: boolean
  resolutionBreached: boolean
  cycleBreached: boolean
  breached: boolean
}

const ms = (iso: string) => Date.parse(iso)
const iso = (t: number) => new Date(t).toISOString()

export function computeSla(facts: SlaFacts, now: Date): Sla {
  const nowMs = now.getTime()
  const registered = ms(facts.registeredAt)
  const firstDue = registered + slaTargets.firstResponseMs
  const resolutionDue = facts.arrivedAt ? ms(facts.arrivedAt) + slaTargets.resolutionMs : null
  const responded = facts.firstRespondedAt ? ms(facts.firstRespondedAt) : null
  const resolved = facts.resolvedAt ? ms(facts.resolvedAt) : null
  const cycleMs = (resolved ?? nowMs) - registered
  const firstResponseBreached = (responded ?? nowMs) > firstDue
  const resolutionBreached = resolutionDue !== null && (resolved ?? nowMs) > resolutionDue
  const cycleBreached = cycleMs > slaTargets.cycleMs
  return {
    firstResponseDueAt: iso(firstDue),
    firstRespondedAt: facts.firstRespondedAt,
    resolutionDueAt: resolutionDue === null ? null : iso(resolutionDue),
    resolvedAt: facts.resolvedAt,
    cycleHours: Math.round((cycleMs / 3600_000) * 10) / 10,
    firstResponseBreached,
    resolutionBreached,
    cycleBreached,
    breached: firstResponseBreached || resolutionBreached || cycleBreached,
  }
}

/** Nearest-rank percentile of a list (p in 0..100); null for an empty list. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]!
}
