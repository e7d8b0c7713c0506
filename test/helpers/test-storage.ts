import { openLibsql } from '../../db/libsql'
import { memoryBlobStore } from '../../src/storage'
import type { TestStorage } from './sql-client'

/**
 * A fresh, migrated, empty database and blob store: libSQL `:memory:` and memory under Node.
 * Under workerd the Workers suite swaps this module for `test/runtime/test-storage.ts` (a fresh
 * D1 and R2), so the same integration tests run on both.
 */
export async function openTestStorage(): Promise<TestStorage> {
  const { db, client } = await openLibsql(':memory:')
  return { db, client, blobs: memoryBlobStore(), close: () => client.close() }
}
