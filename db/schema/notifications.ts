import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdAt } from './columns'
import { merchants } from './network'
import { returns } from './returns'

export const notificationKinds = ['SLA_BREACH'] as const
export type NotificationKind = (typeof notificationKinds)[number]

/**
 * What the scheduled jobs tell a merchant. One row per kind and return, by a unique index, so a
 * job that runs twice (or on two machines at once) never tells the same thing twice.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    returnId: text('return_id')
      .notNull()
      .references(() => returns.id),
    /** When the merchant dismissed it; null while it still shows. */
    seenAt: text('seen_at'),
    ...createdAt,
  },
  (t) => [
    uniqueIndex('notifications_once').on(t.kind, t.returnId),
    index('notifications_merchant').on(t.merchantId, t.seenAt),
  ],
)
