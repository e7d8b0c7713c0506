import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './auth'
import { createdAt } from './columns'
import { merchants } from './network'

/**
 * One confirmed upload of a merchant's returns file: how many rows it created and how many it
 * skipped as already imported. The returns it created carry its id (`returns.import_id`).
 */
export const returnImports = sqliteTable('return_imports', {
  id: text('id').primaryKey(),
  merchantId: text('merchant_id')
    .notNull()
    .references(() => merchants.id),
  createdCount: integer('created_count').notNull(),
  skippedCount: integer('skipped_count').notNull(),
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
