import * as z from '../zod'
import { isoDate } from '../calendar/schemas'

/** Booking input, shared by the calendar form and `bookHubCapacity`. */
export const bookingSchema = z.object({
  hubId: z.string().check(z.minLength(1, { error: 'choose a hub' }), z.maxLength(64)),
  date: isoDate,
  units: z.coerce
    .number({ error: 'enter a whole number of units' })
    .check(
      z.int({ error: 'enter a whole number of units' }),
      z.gte(1, { error: 'book at least 1 unit' }),
      z.lte(100_000, { error: 'too many units' }),
    ),
  idempotencyKey: z
    .string()
    .check(z.trim(), z.minLength(8, { error: 'must be 8 to 100 characters' }), z.maxLength(100)),
  waitlist: z.pipe(
    z.optional(z.union([z.boolean(), z.enum(['on', 'true', '1'])])),
    z.transform((v) => v === true || v === 'on' || v === 'true' || v === '1'),
  ),
})
export type BookingInput = z.infer<typeof bookingSchema>

export const capacitySchema = z.object({
  hubId: z.string().check(z.minLength(1), z.maxLength(64)),
  date: isoDate,
  capacityUnits: z.coerce
    .number({ error: 'enter a whole number of units' })
    .check(
      z.int({ error: 'enter a whole number of units' }),
      z.gte(0, { error: 'cannot be negative' }),
      z.lte(1_000_000, { error: 'too many units' }),
    ),
})
export type CapacityInput = z.infer<typeof capacitySchema>

/** A date range of at most `maxDays` days, `from` not after `to`. */
export const dateRangeSchema = (maxDays: number) =>
  z.object({ from: isoDate, to: isoDate }).check(
    z.refine((r) => r.from <= r.to, { error: 'must not be before from', path: ['to'] }),
    z.refine((r) => Date.parse(r.to) - Date.parse(r.from) <= (maxDays - 1) * 86_400_000, {
      error: `a range covers at most ${maxDays} days`,
      path: ['to'],
    }),
  )
