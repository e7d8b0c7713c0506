/**
 * How benchmark scores are made (methodology version 2, stated on the methodology page and in
 * the README). Each dimension maps a monthly figure to 0–100 linearly between two thresholds
 * drawn from the industry report's targets, once the figure rests on a minimum sample; the
 * overall score is the mean of the dimensions a merchant has scores for; stars come from score
 * bands. Version 2 added the minimum sample (version 1 scored a single return).
 */
export const METHODOLOGY_VERSION = 2

export const dimensions = ['TIMELINESS', 'RESOLUTION', 'PROFESSIONALISM', 'CARE'] as const
export type Dimension = (typeof dimensions)[number]

/** Figure at which a dimension scores 0, and at which it scores 100. */
export const thresholds: Record<Dimension, { zero: number; full: number; figure: string }> = {
  // Share of first responses within 2 hours.
  TIMELINESS: { zero: 0.5, full: 1, figure: 'first responses within 2 h (share)' },
  // Share of returns resolved within 24 hours of reaching the hub.
  RESOLUTION: { zero: 0.5, full: 1, figure: 'resolved within 24 h of arrival (share)' },
  // Certified share of after-sales staff: the report's 30% → 75% improvement.
  PROFESSIONALISM: { zero: 0.3, full: 0.75, figure: 'certified staff (share)' },
  // Average customer rating, 1–5 stars.
  CARE: { zero: 3, full: 5, figure: 'average customer rating (stars)' },
}

/** Minimum stars band: a score of at least `min` earns `stars`. */
export const starBands = [
  { min: 90, stars: 5 },
  { min: 75, stars: 4 },
  { min: 60, stars: 3 },
  { min: 40, stars: 2 },
  { min: 0, stars: 1 },
] as const

/** Never publish a cohort figure from fewer merchants than this, whatever the setting says. */
export const MIN_K = 5
/** A cohort figure is suppressed when one merchant holds more than this share of its volume. */
export const DOMINANCE_LIMIT = 0.6

/**
 * The fewest returns (ratings, for customer care; staff, for professionalism) a dimension's figure
 * must rest on to be scored: below it, one or two returns are noise, and the score is withheld.
 */
export const MIN_SAMPLE: Record<Dimension, number> = {
  TIMELINESS: 10,
  RESOLUTION: 10,
  PROFESSIONALISM: 1,
  CARE: 10,
}

/** A dimension's score from a figure and the sample it rests on; null below `MIN_SAMPLE`. */
export function sampledScore(dimension: Dimension, figure: number | null, sample: number) {
  return sample >= MIN_SAMPLE[dimension] ? dimensionScore(dimension, figure) : null
}

export function dimensionScore(dimension: Dimension, figure: number | null): number | null {
  if (figure === null) return null
  const { zero, full } = thresholds[dimension]
  const raw = ((figure - zero) / (full - zero)) * 100
  return Math.round(Math.min(100, Math.max(0, raw)) * 10) / 10
}

export function overallScore(scores: (number | null)[]): number | null {
  const present = scores.filter((s): s is number => s !== null)
  if (present.length === 0) return null
  return Math.round((present.reduce((a, b) => a + b, 0) / present.length) * 10) / 10
}

export function stars(score: number | null): number | null {
  if (score === null) return null
  return starBands.find((b) => score >= b.min)!.stars
}

/**
 * Quantile by linear interpolation between order statistics (the common "type 7" definition).
 * @example quantile([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo)
}

export interface Contribution {
  merchantId: string
  score: number | null
  volume: number
}

export type CohortFigure =
  | { size: number; p25: number; median: number; p75: number; suppressedReason: null }
  | { size: number; p25: null; median: null; p75: null; suppressedReason: string }

/**
 * A cohort's quartiles, published only when at least `k` merchants contributed and no single
 * merchant holds more than 60% of the volume behind them; otherwise the reason it is withheld.
 */
export function cohortFigure(contributions: Contribution[], k: number): CohortFigure {
  const present = contributions.filter((c) => c.score !== null && c.volume > 0)
  const size = present.length
  const suppress = (reason: string): CohortFigure => ({
    size,
    p25: null,
    median: null,
    p75: null,
    suppressedReason: reason,
  })
  if (size < Math.max(MIN_K, k)) return suppress('COHORT_TOO_SMALL')
  const total = present.reduce((a, c) => a + c.volume, 0)
  const largest = Math.max(...present.map((c) => c.volume))
  if (largest / total > DOMINANCE_LIMIT) return suppress('DOMINANT_CONTRIBUTOR')
  const scores = present.map((c) => c.score!)
  const round = (x: number | null) => Math.round(x! * 10) / 10
  return {
    size,
    p25: round(quantile(scores, 0.25)),
    median: round(quantile(scores, 0.5)),
    p75: round(quantile(scores, 0.75)),
    suppressedReason: null,
  }
}

export type Band = 'BELOW_P25' | 'P25_TO_MEDIAN' | 'MEDIAN_TO_P75' | 'ABOVE_P75'

export function band(score: number | null, figure: CohortFigure): Band | null {
  if (score === null || figure.median === null) return null
  if (score < figure.p25) return 'BELOW_P25'
  if (score < figure.median) return 'P25_TO_MEDIAN'
  if (score <= figure.p75) return 'MEDIAN_TO_P75'
  return 'ABOVE_P75'
}
