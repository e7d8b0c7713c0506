import { openLibsql } from '../../db/libsql'
import type { Db } from '../../src/db'

/** Raw SQL beside the app, for tests that prove what the database itself refuses. */
export interface SqlClient {
  execute(statement: string | { sql: string; args: unknown[] }): Promise<unknown>
}

/**
 * A fresh, migrated, empty database: libSQL `:memory:` under Node. Under workerd the Workers
 * suite swaps this module for `test/runtime/test-db.ts` (a fresh D1), so the same integration
 * tests run on both.
 */
export async function openTestDb(): Promise<{ db: Db; client: SqlClient }> {
  return openLibsql(':memory:')
}
