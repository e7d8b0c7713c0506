import { sql } from 'drizzle-orm'
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * One row the health check rewrites on every `/healthz`: a database that answers reads but cannot
 * write (a read-only file, a full disk, a read-only replica) is not healthy, and only a real write
 * shows it.
 */
export const healthChecks = sqliteTable(
  'health_checks',
  {
    id: integer('id').primaryKey(),
    /** When the last write probe succeeded. */
    checkedAt: text('checked_at').notNull(),
  },
  (t) => [check('health_checks_one_row', sql`${t.id} = 1`)],
)
