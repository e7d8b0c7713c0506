import { text } from 'drizzle-orm/sqlite-core'

/** Instants are stored as UTC ISO-8601 strings so they sort and compare as text. */
export const createdAt = {
  createdAt: text('created_at')
    .notNull()
    .$defaultFn(() => new Date().toISOString()),
}
