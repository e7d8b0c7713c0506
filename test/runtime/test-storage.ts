// The Workers twin of test/helpers/test-storage.ts, swapped in by test/runtime/vitest.config.ts
// so the integration and GraphQL suites run unchanged under workerd, on D1 and R2.
import { applyD1Migrations, env, reset } from 'cloudflare:test'
import { drizzle } from 'drizzle-orm/d1'
import * as schema from '../../db/schema'
import { withD1Batch } from '../../src/d1'
import type { Db } from '../../src/db'
import { loadCatalogues } from '../../src/i18n'
import { r2BlobStore } from '../../src/storage-r2'
import type { SqlClient, TestStorage } from '../helpers/sql-client'

/**
 * Empties every binding's storage, then brings the D1 database to the latest migration; loads
 * the copy catalogues from the ASSETS binding as the Worker does.
 */
export async function openTestStorage(): Promise<TestStorage> {
  // What src/worker.ts does before its first request: the apps built on this storage skip it.
  await loadCatalogues(env.ASSETS)
  await reset()
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
  // The same handle src/worker.ts builds.
  const db = withD1Batch(drizzle(env.DB, { schema }), env.DB) as unknown as Db
  const client: SqlClient = {
    async execute(statement) {
      const { sql, args } = typeof statement === 'string' ? { sql: statement, args: [] } : statement
      return env.DB.prepare(sql)
        .bind(...args)
        .run()
    },
  }
  // The pool's global R2Bucket type and the app's imported one describe the same binding.
  const bucket = env.BLOBS as unknown as Parameters<typeof r2BlobStore>[0]
  // Each open starts by resetting the bindings, so there is nothing to free here.
  return { db, client, blobs: r2BlobStore(bucket), close: () => {} }
}
