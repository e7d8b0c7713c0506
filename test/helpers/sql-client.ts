import type { Db } from '../../src/db'
import type { BlobStore } from '../../src/storage'

/** Raw SQL beside the app, for tests that prove what the database itself refuses. */
export interface SqlClient {
  execute(statement: string | { sql: string; args: unknown[] }): Promise<unknown>
}

/** What a test app stores into: a fresh database, raw SQL on it, and a blob store. */
export interface TestStorage {
  db: Db
  client: SqlClient
  blobs: BlobStore
  /** Frees the database: an unclosed in-memory libSQL database outlives its test file. */
  close(): void
}
