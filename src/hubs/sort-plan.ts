/** A hub's sort plan: which lane (bin) a received parcel goes to. Pure rules, no I/O. */

export type LaneKind = 'MERCHANT' | 'LARGE' | 'QUARANTINE' | 'TRANSFER'

export interface Lane {
  code: string
  kind: LaneKind
  /** Merchants sorted into this lane (MERCHANT lanes only). */
  merchantIds: string[]
  /** The hub a TRANSFER lane sends to. */
  toHubId?: string
}

export interface Volume {
  merchantId: string
  /** Parcels received for this merchant at the hub last month. */
  units: number
}

export interface PlanInput {
  volumes: Volume[]
  /** Every other hub of the alliance: one transfer lane each. */
  otherHubIds: string[]
  /** Never more than this many merchants in one lane. */
  maxMerchantsPerLane: number
  /** At least this many merchant lanes (more when the merchants do not fit). */
  minMerchantLanes?: number
}

export const DEFAULT_MAX_MERCHANTS_PER_LANE = 4

/**
 * Balanced plan: merchants by volume, largest first (ties by id), each into the least-loaded lane
 * that still has room; the lane count is the smallest that holds every merchant within the bound.
 */
export function generateSortPlan(input: PlanInput): Lane[] {
  const max = Math.max(1, Math.floor(input.maxMerchantsPerLane))
  const merchants = [...new Map(input.volumes.map((v) => [v.merchantId, v])).values()].sort(
    (a, b) =>
      b.units - a.units || (a.merchantId < b.merchantId ? -1 : a.merchantId > b.merchantId ? 1 : 0),
  )
  const laneCount = Math.max(1, input.minMerchantLanes ?? 1, Math.ceil(merchants.length / max))
  const lanes = Array.from({ length: laneCount }, (_, i) => ({
    code: `A${i + 1}`,
    kind: 'MERCHANT' as const,
    merchantIds: [] as string[],
    load: 0,
  }))
  for (const m of merchants) {
    let best: (typeof lanes)[number] | undefined
    for (const lane of lanes) {
      if (lane.merchantIds.length >= max) continue
      if (!best || lane.load < best.load) best = lane
    }
    // laneCount * max >= merchants.length, so a lane with room always exists.
    best!.merchantIds.push(m.merchantId)
    best!.load += Math.max(0, m.units)
  }
  return [
    ...lanes.map(({ code, kind, merchantIds }) => ({ code, kind, merchantIds })),
    { code: 'L1', kind: 'LARGE', merchantIds: [] },
    { code: 'Q1', kind: 'QUARANTINE', merchantIds: [] },
    ...[...new Set(input.otherHubIds)].sort().map((toHubId, i): Lane => ({
      code: `T${i + 1}`,
      kind: 'TRANSFER',
      merchantIds: [],
      toHubId,
    })),
  ]
}

export interface ParcelFacts {
  merchantId: string
  large: boolean
  /** Food near expiry, a safety issue, or damage noted on the return or flagged at receipt. */
  quarantine: boolean
}

/** The lane a parcel received at its own hub goes to: quarantine first, then large, then its merchant's lane. */
export function laneFor(plan: Lane[], parcel: ParcelFacts): Lane | undefined {
  if (parcel.quarantine) return plan.find((l) => l.kind === 'QUARANTINE')
  if (parcel.large) return plan.find((l) => l.kind === 'LARGE')
  return plan.find((l) => l.kind === 'MERCHANT' && l.merchantIds.includes(parcel.merchantId))
}

/** The transfer lane for a parcel that belongs to another hub. */
export function transferLaneFor(plan: Lane[], toHubId: string): Lane | undefined {
  return plan.find((l) => l.kind === 'TRANSFER' && l.toHubId === toHubId)
}
