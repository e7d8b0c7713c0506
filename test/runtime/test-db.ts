// The D1 twin of test/helpers/test-db.ts, swapped in by test/runtime/vitest.config.ts so the
// integration and GraphQL suites run unchanged under workerd.
import { applyD1Migrations, env, reset } from 'cloudflare:test'
import { drizzle } from 'drizzle-orm/d1'
import * as schema from '../../db/schema'
import { withD1Batch } from '../../src/d1'
import type { Db } from '../../src/db'
import type { SqlClient } from '../helpers/test-db'

/** Empties every binding's storage, then brings the D1 database to the latest migration. */
export async function openTestDb(): Promise<{ db: Db; client: SqlClient }> {
  await reset()
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
  const db = withD1Batch(drizzle(env.DB, { schema }), env.DB) as unknown as Db
  const client: SqlClient = {
    async execute(statement) {
      const { sql, args } = typeof statement === 'string' ? { sql: statement, args: [] } : statement
      return env.DB.prepare(sql)
        .bind(...args)
        .run()
    },
  }
  return { db, client }
}
