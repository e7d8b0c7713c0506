import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core'
import { alliances } from './alliance'
import { users } from './auth'
import { createdAt } from './columns'
import { hubs, merchants, stations } from './network'

export const costKinds = ['HUB_OPERATIONS', 'TRANSPORT', 'SHARED'] as const
export type CostKind = (typeof costKinds)[number]

/** Recurring costs (a hub's rent…) that generate their month's entry at preview time. */
export const costTemplates = sqliteTable(
  'cost_templates',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id')
      .notNull()
      .references(() => alliances.id),
    kind: text('kind', { enum: costKinds }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    hubId: text('hub_id').references(() => hubs.id),
    note: text('note').notNull().default(''),
    startMonth: text('start_month').notNull(),
    endMonth: text('end_month'),
    ...createdAt,
  },
  (t) => [check('cost_templates_amount', sql`${t.amountFen} > 0`)],
)

/**
 * Money the network spent in a month. Frozen once the month's settlement is closed. A row never
 * changes or goes away: while the month is open a wrong entry is voided (kept, marked with who,
 * when and why, left out of the split) or reversed by a negative entry that references it
 * (migration 0019's triggers).
 */
export const costs = sqliteTable(
  'costs',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id')
      .notNull()
      .references(() => alliances.id),
    month: text('month').notNull(),
    kind: text('kind', { enum: costKinds }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    hubId: text('hub_id').references(() => hubs.id),
    note: text('note').notNull().default(''),
    templateId: text('template_id').references(() => costTemplates.id),
    createdBy: text('created_by').references(() => users.id),
    ...createdAt,
    /** Set on a reversal: the cost it cancels (same month, kind and hub, the amount negated). */
    reversesCostId: text('reverses_cost_id').references((): AnySQLiteColumn => costs.id),
    voidedAt: text('voided_at'),
    voidedBy: text('voided_by').references(() => users.id),
    voidReason: text('void_reason'),
  },
  (t) => [
    index('costs_month').on(t.allianceId, t.month),
    uniqueIndex('costs_template_month').on(t.templateId, t.month),
    uniqueIndex('costs_reverses').on(t.reversesCostId),
    check(
      'costs_amount',
      sql`(${t.reversesCostId} is null and ${t.amountFen} > 0) or (${t.reversesCostId} is not null and ${t.amountFen} < 0)`,
    ),
    check('costs_kind', sql`${t.kind} in ('HUB_OPERATIONS','TRANSPORT','SHARED')`),
    check(
      'costs_void',
      sql`(${t.voidedAt} is null and ${t.voidedBy} is null and ${t.voidReason} is null) or (${t.voidedAt} is not null and ${t.voidedBy} is not null and ${t.voidReason} is not null)`,
    ),
  ],
)

/**
 * A counter per alliance and month that every write of money into the month bumps (triggers of
 * migration 0019 on costs, adjustments, commissions and order-value declarations). A close reads
 * it before computing the split and writes the settlement only if it has not moved, so an entry
 * acknowledged during a close is either in the settlement or makes the close fail: never lost.
 */
export const monthVersions = sqliteTable(
  'month_versions',
  {
    allianceId: text('alliance_id')
      .notNull()
      .references(() => alliances.id),
    month: text('month').notNull(),
    version: integer('version').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.allianceId, t.month] })],
)

export const sharedBases = ['EQUAL', 'UNITS'] as const

/** How each kind of cost is split; versioned, and the version is stamped on each settlement. */
export const allocationRules = sqliteTable(
  'allocation_rules',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id')
      .notNull()
      .references(() => alliances.id),
    version: integer('version').notNull(),
    /** Share of hub costs charged on booked capacity rather than units processed (bp). */
    bookedShareBp: integer('booked_share_bp').notNull(),
    sharedBasis: text('shared_basis', { enum: sharedBases }).notNull(),
    createdBy: text('created_by').references(() => users.id),
    ...createdAt,
  },
  (t) => [
    uniqueIndex('allocation_rules_version').on(t.allianceId, t.version),
    check('allocation_rules_booked', sql`${t.bookedShareBp} between 0 and 10000`),
  ],
)

/** One month's split. Only CLOSED settlements are stored: a preview is computed, never saved. */
export const settlements = sqliteTable(
  'settlements',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id')
      .notNull()
      .references(() => alliances.id),
    month: text('month').notNull(),
    status: text('status', { enum: ['CLOSED'] }).notNull(),
    rulesVersion: integer('rules_version').notNull(),
    totalFen: integer('total_fen').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    closedBy: text('closed_by')
      .notNull()
      .references(() => users.id),
    closedAt: text('closed_at').notNull(),
  },
  (t) => [uniqueIndex('settlements_month').on(t.allianceId, t.month)],
)

export const lineKinds = [
  'HUB_UNITS',
  'HUB_BOOKED',
  'TRANSPORT',
  'SHARED',
  'COMMISSION',
  'PREMIUM',
  'ADJUSTMENT',
] as const
export type LineKind = (typeof lineKinds)[number]

/** A merchant's part of one cost (or its commissions, or an adjustment), with its basis. */
export const settlementLines = sqliteTable(
  'settlement_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    settlementId: text('settlement_id')
      .notNull()
      .references(() => settlements.id),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    kind: text('kind', { enum: lineKinds }).notNull(),
    costId: text('cost_id').references(() => costs.id),
    stationId: text('station_id').references(() => stations.id),
    amountFen: integer('amount_fen').notNull(),
    /** JSON: the rule, the merchant's usage, the total usage, any fallback. */
    basis: text('basis', { mode: 'json' }).$type<LineBasis>().notNull(),
  },
  (t) => [index('settlement_lines_settlement').on(t.settlementId, t.merchantId)],
)

export interface LineBasis {
  rule: string
  mine: number
  total: number
  hubId?: string | null
  /** Set when the rule's usage was zero for everyone and a fallback split applied. */
  fallback?: string
}

/** Statements of a closed settlement: one per merchant and one per paid station. */
export const statements = sqliteTable(
  'statements',
  {
    id: text('id').primaryKey(),
    settlementId: text('settlement_id')
      .notNull()
      .references(() => settlements.id),
    merchantId: text('merchant_id').references(() => merchants.id),
    stationId: text('station_id').references(() => stations.id),
    totalFen: integer('total_fen').notNull(),
    /** Payment is separate from the frozen figures: only these two columns ever change. */
    paidAt: text('paid_at'),
    paidBy: text('paid_by').references(() => users.id),
  },
  (t) => [
    index('statements_settlement').on(t.settlementId),
    check('statements_owner', sql`(${t.merchantId} is null) <> (${t.stationId} is null)`),
  ],
)

/** A correction after close: lands in the next open month, linked to the original. */
export const adjustments = sqliteTable(
  'adjustments',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id')
      .notNull()
      .references(() => alliances.id),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    month: text('month').notNull(),
    amountFen: integer('amount_fen').notNull(),
    reason: text('reason').notNull(),
    originalSettlementId: text('original_settlement_id').references(() => settlements.id),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    ...createdAt,
  },
  (t) => [
    index('adjustments_month').on(t.allianceId, t.month),
    check('adjustments_amount', sql`${t.amountFen} <> 0`),
  ],
)
