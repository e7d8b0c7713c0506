import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { alliances } from './alliance'
import { users } from './auth'
import { merchants } from './network'

/** A month's published benchmarks: fixed once published, so nothing can be differenced later. */
export const benchmarkPublications = sqliteTable(
  'benchmark_publications',
  {
    allianceId: text('alliance_id')
      .notNull()
      .references(() => alliances.id),
    month: text('month').notNull(),
    methodologyVersion: integer('methodology_version').notNull(),
    k: integer('k').notNull(),
    publishedBy: text('published_by')
      .notNull()
      .references(() => users.id),
    publishedAt: text('published_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.allianceId, t.month] })],
)

/** A cohort's percentiles for one dimension, or the reason it is suppressed. */
export const benchmarkCohorts = sqliteTable(
  'benchmark_cohorts',
  {
    allianceId: text('alliance_id').notNull(),
    month: text('month').notNull(),
    /** `ALL` or a category. */
    cohort: text('cohort').notNull(),
    dimension: text('dimension').notNull(),
    size: integer('size').notNull(),
    p25: real('p25'),
    median: real('median'),
    p75: real('p75'),
    suppressedReason: text('suppressed_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.allianceId, t.month, t.cohort, t.dimension] }),
    check(
      'benchmark_cohorts_suppressed',
      sql`(${t.suppressedReason} is null) = (${t.median} is not null)`,
    ),
  ],
)

/** A merchant's own published values: only ever shown to that merchant. */
export const benchmarkScores = sqliteTable(
  'benchmark_scores',
  {
    allianceId: text('alliance_id').notNull(),
    month: text('month').notNull(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    dimension: text('dimension').notNull(),
    value: real('value'),
    score: real('score'),
    volume: integer('volume').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.allianceId, t.month, t.merchantId, t.dimension] }),
    index('benchmark_scores_merchant').on(t.merchantId, t.month),
  ],
)

/** Merchants who share the keyed hash of customer contacts for the return-credit signal. */
export const returnCreditOptIns = sqliteTable('return_credit_opt_ins', {
  merchantId: text('merchant_id')
    .primaryKey()
    .references(() => merchants.id),
  optedInAt: text('opted_in_at').notNull(),
})
