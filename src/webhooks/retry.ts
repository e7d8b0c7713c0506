/**
 * When a failed delivery is tried again: exponential backoff, four times longer each time from a
 * minute, capped at eight hours, so the eight tries of a delivery span about 22 hours ("about a
 * day"). After the last one the delivery has failed and its endpoint is switched off.
 */

/** Tries of one delivery, the first included. */
export const maxAttempts = 8

const firstDelayMs = 60_000
const maxDelayMs = 8 * 3_600_000

/**
 * How long after its `failures`-th failed try (1, 2, …) a delivery is tried again; null once it
 * has had its last try.
 * @example retryDelayMs(1) // 60_000
 */
export function retryDelayMs(failures: number): number | null {
  if (failures >= maxAttempts) return null
  return Math.min(firstDelayMs * 4 ** (failures - 1), maxDelayMs)
}

/** A try that started, crashed and never recorded its outcome may be taken over after this. */
export const attemptLeaseMs = 60_000

/** A receiver's answer counts only within this (the spec's and most providers' limit). */
export const deliveryTimeoutMs = 10_000
