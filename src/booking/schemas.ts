import * as z from 'zod'
import { isoDate } from '../calendar/schemas'

/** Booking input, shared by the calendar form and `bookHubCapacity`. */
export const bookingSchema = z.object({
  hubId: z.string().min(1, { error: 'choose a hub' }).max(64),
  date: isoDate,
  units: z.coerce
    .number({ error: 'enter a whole number of units' })
    .int({ error: 'enter a whole number of units' })
    .min(1, { error: 'book at least 1 unit' })
    .max(100_000, { error: 'too many units' }),
  idempotencyKey: z.string().trim().min(8, { error: 'must be 8 to 100 characters' }).max(100),
  waitlist: z
    .union([z.boolean(), z.enum(['on', 'true', '1'])])
    .optional()
    .transform((v) => v === true || v === 'on' || v === 'true' || v === '1'),
})
export type BookingInput = z.infer<typeof bookingSchema>

export const capacitySchema = z.object({
  hubId: z.string().min(1).max(64),
  date: isoDate,
  capacityUnits: z.coerce
    .number({ error: 'enter a whole number of units' })
    .int({ error: 'enter a whole number of units' })
    .min(0, { error: 'cannot be negative' })
    .max(1_000_000, { error: 'too many units' }),
})
export type CapacityInput = z.infer<typeof capacitySchema>

/** A date range of at most `maxDays` days, `from` not after `to`. */
export const dateRangeSchema = (maxDays: number) =>
  z
    .object({ from: isoDate, to: isoDate })
    .refine((r) => r.from <= r.to, { error: 'must not be before from', path: ['to'] })
    .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= (maxDays - 1) * 86_400_000, {
      error: `a range covers at most ${maxDays} days`,
      path: ['to'],
    })
