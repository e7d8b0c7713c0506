import { sql } from 'drizzle-orm'
import { check, index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { alliances } from './alliance'
import { users } from './auth'
import { createdAt } from './columns'
import { categories, merchants } from './network'

export const applicationStatuses = ['PENDING', 'ADMITTED', 'DECLINED'] as const
export type ApplicationStatus = (typeof applicationStatuses)[number]

/**
 * A shop asking to join (from the public page, or entered by a coordinator). Decided once:
 * admitted (a merchant is created, a member from `startMonth`) or declined with a reason.
 */
export const membershipApplications = sqliteTable(
  'membership_applications',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id')
      .notNull()
      .references(() => alliances.id),
    shopName: text('shop_name').notNull(),
    category: text('category', { enum: categories }).notNull(),
    region: text('region').notNull(),
    contact: text('contact').notNull(),
    shopUrl: text('shop_url').notNull(),
    status: text('status', { enum: applicationStatuses }).notNull().default('PENDING'),
    merchantId: text('merchant_id').references(() => merchants.id),
    startMonth: text('start_month'),
    declineReason: text('decline_reason'),
    decidedBy: text('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
    ...createdAt,
  },
  (t) => [
    index('membership_applications_alliance').on(t.allianceId, t.status),
    check(
      'membership_applications_decision',
      sql`(${t.status} = 'ADMITTED') = (${t.merchantId} is not null and ${t.startMonth} is not null)
        and (${t.status} = 'DECLINED') = (${t.declineReason} is not null)
        and (${t.status} = 'PENDING') = (${t.decidedAt} is null)`,
    ),
  ],
)

export const membershipStatuses = ['ACTIVE', 'SUSPENDED', 'LEFT'] as const
export type MembershipStatus = (typeof membershipStatuses)[number]

/**
 * A merchant's membership from a month on. A merchant is a member from the month of its
 * `joined_on`; each row changes that from `from_month` (never before the current month, so past
 * months keep the membership they were settled with). The latest row at or before a month says
 * what the merchant was in that month; no row means ACTIVE.
 */
export const membershipChanges = sqliteTable(
  'membership_changes',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    fromMonth: text('from_month').notNull(),
    status: text('status', { enum: membershipStatuses }).notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    ...createdAt,
  },
  (t) => [
    uniqueIndex('membership_changes_month').on(t.merchantId, t.fromMonth),
    check('membership_changes_status', sql`${t.status} in ('ACTIVE','SUSPENDED','LEFT')`),
  ],
)
