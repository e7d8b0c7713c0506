import { sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch'
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core'
import type * as schema from '../db/schema'

/**
 * The one database handle domain code sees: drizzle's async SQLite database plus `batch()`.
 * The Node entry backs it with libSQL (embedded file or remote), the Worker entry with remote
 * libSQL or D1, so domain code sticks to what both support: single statements, and `batch()`
 * for atomic groups — never interactive transactions, which D1 does not have.
 */
export type Db = BaseSQLiteDatabase<'async', unknown, typeof schema> & {
  batch<U extends BatchItem<'sqlite'>, T extends Readonly<[U, ...U[]]>>(
    batch: T,
  ): Promise<BatchResponse<T>>
}

/**
 * Whether and how much a `db.run()` changed: libSQL reports `rowsAffected`, D1 `meta.changes`.
 * D1's count includes rows changed by triggers, so compare with zero, never with one.
 */
export function changes(result: unknown): number {
  const r = result as { rowsAffected?: number; meta?: { changes?: number } }
  return r.rowsAffected ?? r.meta?.changes ?? 0
}

/**
 * `column in (ids…)` with the ids as one JSON parameter (`json_each`): D1 binds at most 100
 * parameters per statement, and a batched look-up may carry many more ids.
 */
export function inList(column: SQLWrapper, ids: readonly string[]): SQL {
  return sql`${column} in (select value from json_each(${JSON.stringify(ids)}))`
}
