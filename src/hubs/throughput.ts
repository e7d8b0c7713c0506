/** A hub floor's day in numbers: pure rules, no I/O. */

export interface HourBucket {
  /** Hour of the day in Asia/Shanghai, 0–23. */
  hour: number
  received: number
  inspected: number
}

/**
 * All 24 hours of a day, zero where nothing happened, from per-hour counts.
 * @example hourBuckets([{ hour: 9, n: 3 }], []) // [..., { hour: 9, received: 3, inspected: 0 }, ...]
 */
export function hourBuckets(
  received: { hour: number; n: number }[],
  inspected: { hour: number; n: number }[],
): HourBucket[] {
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, received: 0, inspected: 0 }))
  for (const r of received) if (hours[r.hour]) hours[r.hour]!.received += r.n
  for (const i of inspected) if (hours[i.hour]) hours[i.hour]!.inspected += i.n
  return hours
}

/**
 * The nearest-rank percentile (`p` in 0–100) of `values`, null when there are none: the smallest
 * value with at least p% of the values at or below it.
 * @example percentile([1, 2, 3, 4], 50) // 2
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((Math.min(100, Math.max(0, p)) / 100) * sorted.length))
  return sorted[rank - 1]!
}
