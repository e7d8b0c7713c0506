import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Fixed-window counters, keyed by purpose and caller: the public lookups ("track:<ip>"), and
 * sign-in attempts per account and address, per address and per account ("login:…").
 * `notBeforeMs` is the account's growing delay between sign-in attempts (0 when none).
 */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStartMs: integer('window_start_ms').notNull(),
  hits: integer('hits').notNull(),
  notBeforeMs: integer('not_before_ms').notNull().default(0),
})
