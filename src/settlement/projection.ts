/**
 * Where an open month is heading: its figures so far, the cost per parcel, and a month-end
 * projection, as pure arithmetic over integer fen and Shanghai calendar days.
 *
 * Only what grows with parcels is extrapolated: station commissions are charged per parcel, so
 * they grow with the days. Recorded costs, premiums and adjustments are what they are (a hub's
 * bill does not double because the month is half over), and a merchant's share of a cost keeps
 * its proportion when everyone's parcels grow alike. Costs recorded later in the month are not
 * guessed at: the page says so.
 */
import { daysBetween, localDate, monthBounds } from '../calendar/local-date'
import type { LineKind } from '../../db/schema'

/** How far into `month` the calendar is in Shanghai at `now`. */
export interface MonthProgress {
  /** The local date the figures stand at. */
  asOf: string
  /** Days of the month gone by, today included (0 before the month starts). */
  elapsedDays: number
  daysInMonth: number
}

export interface SoFar {
  parcels: number
  /** What grows with parcels (commissions), in fen; never negative. */
  variableFen: number
  /** Everything else charged so far, as it stands. */
  fixedFen: number
}

export interface MonthProjection {
  asOf: string
  parcels: number
  costFen: number
  costPerParcelFen: number | null
}

/**
 * The month's progress at `now`. Today counts as gone by: the figures include today so far,
 * and counting it keeps the projection from jumping on the first hours of a day.
 * @example monthProgress('2026-12', new Date('2026-12-02T04:00:00Z')) // 2 of 31 days
 */
export function monthProgress(month: string, now: Date): MonthProgress {
  const { from, to } = monthBounds(month)
  const asOf = localDate(now)
  const daysInMonth = daysBetween(from, to) + 1
  const elapsedDays = Math.min(daysInMonth, Math.max(0, daysBetween(from, asOf) + 1))
  return { asOf, elapsedDays, daysInMonth }
}

/**
 * `costFen` ÷ `parcels` in whole fen, to the nearest fen with halves away from zero; null when
 * there are no parcels to divide by.
 * @example costPerParcel(13_192_880, 4) // 3_298_220
 */
export function costPerParcel(costFen: number, parcels: number): number | null {
  if (parcels <= 0) return null
  const sign = costFen < 0 ? -1n : 1n
  const cost = BigInt(Math.abs(costFen))
  const n = BigInt(parcels)
  return Number((sign * (2n * cost + n)) / (2n * n))
}

/** `value` × `days` ÷ `elapsed`, to the nearest whole (halves up); `value` ≥ 0. */
function extrapolate(value: number, progress: MonthProgress): number {
  const days = BigInt(progress.daysInMonth)
  const elapsed = BigInt(progress.elapsedDays)
  return Number((2n * BigInt(value) * days + elapsed) / (2n * elapsed))
}

/**
 * The month-end figures if parcels keep coming at the pace so far: parcels and the variable
 * part scale by days in month ÷ days gone by, the fixed part stays. Null before the month has
 * started (nothing to extrapolate from).
 */
export function projectMonth(soFar: SoFar, progress: MonthProgress): MonthProjection | null {
  if (progress.elapsedDays === 0) return null
  const parcels = extrapolate(Math.max(0, soFar.parcels), progress)
  const costFen = soFar.fixedFen + extrapolate(Math.max(0, soFar.variableFen), progress)
  return {
    asOf: progress.asOf,
    parcels,
    costFen,
    costPerParcelFen: costPerParcel(costFen, parcels),
  }
}

/** The kinds of line that are charged per parcel, so grow with the month. */
const perParcel: ReadonlySet<LineKind> = new Set(['COMMISSION'])

/** An open month's statement lines split into what grows with parcels and what stays. */
export function soFarOf(lines: readonly { kind: LineKind; amountFen: number }[], parcels: number) {
  let variableFen = 0
  let fixedFen = 0
  for (const l of lines) {
    if (perParcel.has(l.kind) && l.amountFen > 0) variableFen += l.amountFen
    else fixedFen += l.amountFen
  }
  return { parcels, variableFen, fixedFen }
}

/** A statement's or preview's parcels, and for an open month where it stands and is heading. */
export interface MonthFigures {
  parcels: number
  /** Set while the month is open: the local date its figures stand at. */
  asOf: string | null
  projection: MonthProjection | null
}

/** An open month's figures at `now` from its lines and the parcels received so far. */
export function openFigures(
  month: string,
  now: Date,
  lines: readonly { kind: LineKind; amountFen: number }[],
  parcels: number,
): MonthFigures {
  const progress = monthProgress(month, now)
  return {
    parcels,
    asOf: progress.asOf,
    projection: projectMonth(soFarOf(lines, parcels), progress),
  }
}

/** A closed month's figures: its parcels, nothing left to project. */
export const closedFigures = (parcels: number): MonthFigures => ({
  parcels,
  asOf: null,
  projection: null,
})
