import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './auth'
import { createdAt } from './columns'
import { merchants } from './network'

/**
 * One confirmed upload of a merchant's returns file: how many rows it created and how many it
 * skipped as already imported. The returns it created carry its id (`returns.import_id`). Each
 * batch advances `lines_done` in its own transaction, so the page shows progress the database
 * vouches for.
 */
export const returnImports = sqliteTable('return_imports', {
  id: text('id').primaryKey(),
  merchantId: text('merchant_id')
    .notNull()
    .references(() => merchants.id),
  createdCount: integer('created_count').notNull(),
  skippedCount: integer('skipped_count').notNull(),
  /** Lines the import is to register, and how many of them the batches written so far covered. */
  linesTotal: integer('lines_total').notNull().default(0),
  linesDone: integer('lines_done').notNull().default(0),
  /** When its last batch was written; null while it runs. */
  finishedAt: text('finished_at'),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  ...createdAt,
})

/** The merchant's last column mapping (field → header text as JSON), offered on the next upload. */
export const importMappings = sqliteTable('import_mappings', {
  merchantId: text('merchant_id')
    .primaryKey()
    .references(() => merchants.id),
  mappingJson: text('mapping_json').notNull(),
  updatedAt: text('updated_at').notNull(),
})
