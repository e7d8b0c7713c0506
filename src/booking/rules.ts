/** Pure booking rules: which dates can be booked or changed, and the fair-share cap. */
import { addDays, daysBetween, localDate, localInstant } from '../calendar/local-date'
import { InvalidInput } from '../errors'

export const bookingRules = {
  /** Bookings and cancellations for a date close at this local hour on the day before. */
  cutoffHour: 18,
  maxDaysAhead: 60,
}

/** The instant after which a date can no longer be booked or cancelled. */
export function cutoffFor(date: string): Date {
  return localInstant(addDays(date, -1), bookingRules.cutoffHour)
}

/**
 * Refuses, naming the `date` field, a date in the past, beyond the booking horizon, or whose
 * cutoff (18:00 Shanghai time the day before) has passed.
 */
export function assertOpenForChanges(date: string, now: Date): void {
  const ahead = daysBetween(localDate(now), date)
  if (ahead < 0) throw new InvalidInput('date', `${date} is in the past`)
  if (ahead > bookingRules.maxDaysAhead) {
    throw new InvalidInput('date', `bookings open at most ${bookingRules.maxDaysAhead} days ahead`)
  }
  if (now.getTime() >= cutoffFor(date).getTime()) {
    throw new InvalidInput(
      'date',
      `bookings for ${date} closed at ${bookingRules.cutoffHour}:00 the day before`,
    )
  }
}

/** The most units one merchant may hold on a hub-day: the share cap, rounded down. */
export function shareCapUnits(capacityUnits: number, maxShareBp: number): number {
  return Math.floor((capacityUnits * maxShareBp) / 10_000)
}
