import { sql } from 'drizzle-orm'
import { check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { defaultMaxDeclarationFen } from '../../src/money-ranges'
import { createdAt } from './columns'

export const alliances = sqliteTable('alliances', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  nameZh: text('name_zh').notNull(),
  ...createdAt,
})

/**
 * Alliance settings are versioned: a new row per change, never an update, so a past month's
 * settlement or benchmark can always say which rules it used.
 */
export const allianceSettings = sqliteTable(
  'alliance_settings',
  {
    id: text('id').primaryKey(),
    allianceId: text('alliance_id')
      .notNull()
      .references(() => alliances.id),
    version: integer('version').notNull(),
    effectiveFrom: text('effective_from').notNull(),
    /** Fair-share cap on one hub-day, in basis points (4000 = 40%). */
    maxShareOfHubDayBp: integer('max_share_of_hub_day_bp').notNull(),
    /** Insurance premium on order value, in basis points (50 = 0.5%). */
    premiumRateBp: integer('premium_rate_bp').notNull(),
    claimCapFen: integer('claim_cap_fen').notNull(),
    /** The most a member may declare as one month's order value (see src/money-ranges.ts). */
    maxDeclarationFen: integer('max_declaration_fen').notNull().default(defaultMaxDeclarationFen),
    /** Pool cash kept back from claim payouts. */
    reserveFloorFen: integer('reserve_floor_fen').notNull().default(0),
    /** Smallest cohort a benchmark may publish (k-anonymity). */
    benchmarkK: integer('benchmark_k').notNull(),
    ...createdAt,
  },
  (t) => [
    uniqueIndex('alliance_settings_version').on(t.allianceId, t.version),
    check('alliance_settings_share', sql`${t.maxShareOfHubDayBp} between 1 and 10000`),
    check('alliance_settings_premium', sql`${t.premiumRateBp} between 0 and 10000`),
    check('alliance_settings_claim_cap', sql`${t.claimCapFen} >= 0`),
    check('alliance_settings_k', sql`${t.benchmarkK} >= 2`),
  ],
)
