import type { LineBasis } from '../../db/schema'

const what: Record<string, string> = {
  UNITS: 'parcels received',
  BOOKED: 'units of capacity booked',
  CARRIED: 'parcels carried on pickup runs',
  EQUAL: 'member shares',
}

/**
 * One line's basis as a sentence, for programs and CSV (pages render it from the catalogue).
 * @example describeBasis({ rule: 'UNITS', mine: 120, total: 1000, hubId: 'hub_1' })
 * // '120 of 1000 parcels received at hub_1'
 */
export function describeBasis(line: { basis: LineBasis; kind: string }): string {
  const b = line.basis
  if (b.rule === 'PER_PARCEL') return `${b.mine} parcels at the station's rate`
  if (b.rule === 'ADJUSTMENT') return 'correction carried from a closed month'
  const rule = b.fallback ?? b.rule
  const where = b.hubId ? ` at ${b.hubId}` : ''
  const fallback = b.fallback ? ` (no ${what[b.rule]}${where} this month)` : ''
  return `${b.mine} of ${b.total} ${what[rule] ?? rule}${where}${fallback}`
}
