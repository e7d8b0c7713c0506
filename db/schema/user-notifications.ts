import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from './auth'
import { createdAt } from './columns'

/** What a person may be told of; each kind can be switched off in their preferences. */
export const userNotificationKinds = [
  'BOOKING_PROMOTED',
  'BOOKING_CANCELLED',
  'PARCEL_AT_STATION',
  'PARCEL_AT_HUB',
  'RETURN_INSPECTED',
  'SLA_DUE_SOON',
  'SLA_BREACHED',
  'CLAIM_DECIDED',
  'CLAIM_PAID',
  'STATEMENT_READY',
  'ADJUSTMENT',
  'WEBHOOK_DISABLED',
] as const
export type UserNotificationKind = (typeof userNotificationKinds)[number]

/**
 * One person told of one outbox event. Unique per user and event, so an outbox drained twice (or
 * by two machines at once) tells nobody twice.
 */
export const userNotifications = sqliteTable(
  'user_notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    /** The outbox event's id (`evt_…`). */
    eventId: text('event_id').notNull(),
    kind: text('kind', { enum: userNotificationKinds }).notNull(),
    /** The return it is about, if any, so the list can name it by its code. */
    returnId: text('return_id'),
    /** The event's object (ids, codes, dates, fen) as JSON text; never a customer contact. */
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    readAt: text('read_at'),
    ...createdAt,
  },
  (t) => [
    uniqueIndex('user_notifications_once').on(t.userId, t.eventId),
    // Newest first per user, and the bell's unread count, each one range of this index.
    index('user_notifications_list').on(t.userId, t.createdAt, t.id),
    index('user_notifications_unread').on(t.userId, t.readAt),
    // The unread ones newest first, page after page, as one range too.
    index('user_notifications_unread_list').on(t.userId, t.readAt, t.createdAt, t.id),
  ],
)

/** A person's choice for one kind; no row means told (every kind is on by default). */
export const notificationPreferences = sqliteTable(
  'notification_preferences',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: userNotificationKinds }).notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
)
