import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'
import { users } from './auth'
import { createdAt } from './columns'
import { hubs, merchants } from './network'

/**
 * One hub on one local date. Created on first use with the hub's default capacity. The unit
 * counters are kept in step with `bookings` by triggers (migration 0001), and the CHECK makes
 * overbooking impossible whatever the application does.
 */
export const hubDays = sqliteTable(
  'hub_days',
  {
    hubId: text('hub_id')
      .notNull()
      .references(() => hubs.id),
    date: text('date').notNull(),
    capacityUnits: integer('capacity_units').notNull(),
    confirmedUnits: integer('confirmed_units').notNull().default(0),
    waitlistedUnits: integer('waitlisted_units').notNull().default(0),
    /** Set when a coordinator or hub operator overrode the hub's default for this date. */
    capacitySetBy: text('capacity_set_by').references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.date] }),
    check('hub_days_capacity', sql`${t.capacityUnits} >= 0`),
    check('hub_days_not_overbooked', sql`${t.confirmedUnits} between 0 and ${t.capacityUnits}`),
    check('hub_days_waitlist', sql`${t.waitlistedUnits} >= 0`),
  ],
)

export const bookingStatuses = ['CONFIRMED', 'WAITLISTED', 'CANCELLED'] as const
export type BookingStatus = (typeof bookingStatuses)[number]

export const bookings = sqliteTable(
  'bookings',
  {
    id: text('id').primaryKey(),
    /** Arrival order: the waitlist is promoted strictly by this. */
    seq: integer('seq').notNull(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    hubId: text('hub_id')
      .notNull()
      .references(() => hubs.id),
    date: text('date').notNull(),
    units: integer('units').notNull(),
    status: text('status', { enum: bookingStatuses }).notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** Whether the client asked to be waitlisted; part of what the idempotency key stands for. */
    waitlist: integer('waitlist', { mode: 'boolean' }).notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    ...createdAt,
    /** Who made the last status change (a cancellation, or the action that promoted it). */
    updatedBy: text('updated_by').references(() => users.id),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('bookings_idempotency').on(t.merchantId, t.idempotencyKey),
    uniqueIndex('bookings_seq').on(t.seq),
    index('bookings_hub_day').on(t.hubId, t.date, t.status, t.seq),
    // A merchant's bookings by date, and its fair share of one hub-day (the sum every booking
    // checks) read from the index alone: not one table row per earlier booking of that date.
    index('bookings_merchant_day_units').on(t.merchantId, t.date, t.hubId, t.status, t.units),
    check('bookings_units', sql`${t.units} > 0`),
    check('bookings_status', sql`${t.status} in ('CONFIRMED','WAITLISTED','CANCELLED')`),
  ],
)

export const bookingEventKinds = [
  'CONFIRMED',
  'WAITLISTED',
  'PROMOTED',
  'CANCELLED',
  'CAPACITY_SET',
] as const

/** The audit trail: who changed what on a hub-day, and when. Written by triggers and services. */
export const bookingEvents = sqliteTable(
  'booking_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hubId: text('hub_id').notNull(),
    date: text('date').notNull(),
    bookingId: text('booking_id'),
    kind: text('kind', { enum: bookingEventKinds }).notNull(),
    units: integer('units').notNull(),
    actorId: text('actor_id'),
    at: text('at').notNull(),
  },
  (t) => [index('booking_events_hub_day').on(t.hubId, t.date)],
)
