import { sql } from 'drizzle-orm'
import {
  check,
  foreignKey,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  unique,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'
import { users } from './auth'
import { createdAt } from './columns'
import { hubs, merchants } from './network'

export const laneKinds = ['MERCHANT', 'LARGE', 'QUARANTINE', 'TRANSFER'] as const
export type LaneKindName = (typeof laneKinds)[number]

/**
 * A hub's sort plans, one row per version: the newest is the one in force. Versions are kept so
 * a receipt can say which plan sorted it; `(hub_id, version)` is unique, so two concurrent
 * changes cannot both become the same version.
 */
export const sortPlans = sqliteTable(
  'sort_plans',
  {
    id: text('id').primaryKey(),
    hubId: text('hub_id')
      .notNull()
      .references(() => hubs.id),
    version: integer('version').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    ...createdAt,
  },
  (t) => [
    unique('sort_plans_hub_version').on(t.hubId, t.version),
    check('sort_plans_version', sql`${t.version} >= 1`),
  ],
)

/** The lanes (bins) of one plan version: one LARGE and one QUARANTINE lane each, codes unique. */
export const sortLanes = sqliteTable(
  'sort_lanes',
  {
    planId: text('plan_id')
      .notNull()
      .references(() => sortPlans.id),
    code: text('code').notNull(),
    kind: text('kind', { enum: laneKinds }).notNull(),
    /** The hub a TRANSFER lane sends to; null for every other kind. */
    toHubId: text('to_hub_id').references(() => hubs.id),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.code] }),
    uniqueIndex('sort_lanes_one_large_one_quarantine')
      .on(t.planId, t.kind)
      .where(sql`kind in ('LARGE', 'QUARANTINE')`),
    check(
      'sort_lanes_kind',
      sql`${t.kind} in ('MERCHANT','LARGE','QUARANTINE','TRANSFER') and (${t.toHubId} is null) = (${t.kind} <> 'TRANSFER')`,
    ),
  ],
)

/** Which merchants a plan's MERCHANT lane holds: a merchant is in at most one lane per plan. */
export const sortLaneMerchants = sqliteTable(
  'sort_lane_merchants',
  {
    planId: text('plan_id').notNull(),
    laneCode: text('lane_code').notNull(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.merchantId] }),
    foreignKey({
      columns: [t.planId, t.laneCode],
      foreignColumns: [sortLanes.planId, sortLanes.code],
    }),
    index('sort_lane_merchants_lane').on(t.planId, t.laneCode),
  ],
)
