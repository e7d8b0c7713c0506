import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient, type Client } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import type { Db } from '../src/db'
import * as schema from './schema'

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))

/** The embedded client's connection pool: every one of them gets the pragmas below. */
const poolSize = 20

/**
 * `synchronous` holds per connection, and the client opens its connections lazily, one per
 * overlapping call. Calls made together each borrow a connection of their own (the borrow is
 * synchronous), so `poolSize` of them at once reach every connection the pool will ever hold.
 *
 * NORMAL in WAL skips the fsync of each commit and syncs at checkpoints instead: a commit
 * survives the process crashing (it is in the WAL file), but the last commits before an OS crash
 * or power loss may be lost; the database itself stays consistent either way.
 */
async function onEveryConnection(client: Client, pragma: string) {
  await Promise.all(Array.from({ length: poolSize }, () => client.execute(pragma)))
}

/**
 * Opens a libSQL database for Node: an embedded file (`file:data/nestwork.db`, directory made if
 * missing), `:memory:` for tests, or a remote libSQL URL, and brings it to the latest migration.
 */
export async function openLibsql(
  url: string,
  authToken?: string,
): Promise<{ db: Db; client: Client }> {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length)
    if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  }
  // The busy timeout (ms) makes a writer wait for another's lock rather than fail; given to the
  // client, it holds on every connection of its pool, which a pragma would set on one only.
  const client = createClient({ url, authToken, timeout: 5000, concurrency: poolSize })
  if (url.startsWith('file:')) {
    // WAL lets readers go on while one writer commits (a property of the file, not a connection).
    await client.execute('pragma journal_mode = wal')
    await onEveryConnection(client, 'pragma synchronous = normal')
  }
  await client.execute('pragma foreign_keys = on')
  const db = drizzle(client, { schema })
  await migrate(db, { migrationsFolder })
  return { db, client }
}
