import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient, type Client } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import type { Db } from '../src/db'
import * as schema from './schema'
import { cacheStatements } from './statement-cache'

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))

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
  const file = url.startsWith('file:')
  // An embedded file gets one connection: the driver runs each call and batch synchronously (the
  // app never holds a transaction open across an await), so more would only idle, each with a
  // page cache of its own, and `synchronous` below holds per connection.
  const client = createClient({
    url,
    authToken,
    timeout: 5000,
    ...(file ? { concurrency: 1 } : {}),
  })
  if (file) {
    // WAL lets readers go on while one writer commits (a property of the file, not a connection).
    await client.execute('pragma journal_mode = wal')
    // NORMAL in WAL syncs at checkpoints, not at every commit: a commit survives the process
    // crashing (it is in the WAL file), but the last ones before an OS crash or power loss may
    // be lost; the database stays consistent either way.
    await client.execute('pragma synchronous = normal')
  }
  // An embedded database, in a file or in memory, has the one connection the cache needs.
  if (file || url === ':memory:') await cacheStatements(client)
  await client.execute('pragma foreign_keys = on')
  const db = drizzle(client, { schema })
  await migrate(db, { migrationsFolder })
  return { db, client }
}

/**
 * Runs `work` with commits that do not wait for the disk (`synchronous = normal`; in WAL mode a
 * crash may lose the last commits but never corrupts the file), then restores the setting: for
 * a long run of small batches on an embedded file, such as seeding the demo history, where each
 * commit's flush would otherwise take most of the time. Other databases run `work` as it is.
 */
export async function withRelaxedSync<T>(
  client: Client,
  url: string,
  work: () => Promise<T>,
): Promise<T> {
  if (!url.startsWith('file:') || url.endsWith(':memory:')) return work()
  const [row] = (await client.execute('pragma synchronous')).rows
  const previous = Number(row?.[0] ?? 2)
  await client.execute('pragma synchronous = normal')
  try {
    return await work()
  } finally {
    await client.execute(`pragma synchronous = ${previous}`)
  }
}
