import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient, type Client } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import type { Db } from '../src/db'
import * as schema from './schema'

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
  const client = createClient({ url, authToken })
  if (url.startsWith('file:')) {
    // WAL lets readers go on while one writer commits; the timeout makes a second process wait
    // for the lock rather than fail.
    await client.execute('pragma journal_mode = wal')
    await client.execute('pragma busy_timeout = 5000')
  }
  await client.execute('pragma foreign_keys = on')
  const db = drizzle(client, { schema })
  await migrate(db, { migrationsFolder })
  return { db, client }
}
