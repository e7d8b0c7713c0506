// The migration that copies each receipt's hub and merchant onto it, run over a database that
// already holds receipts, as a deployed one does.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as schema from '../../db/schema'
import { seedDemo } from '../../db/seed/seed'
import { pbkdf2Hasher } from '../../src/auth/password'
import { parcelOnRun, receipt } from '../helpers/raw-receipt'

const migrations = fileURLToPath(new URL('../../db/migrations', import.meta.url))

describe('the migration that copies hub and merchant onto receipts', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nestwork-migrations-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('fills them in on the receipts stored before it', async () => {
    // The migrations up to the one before, then the receipt, then the rest.
    await cp(migrations, dir, { recursive: true })
    const journalPath = join(dir, 'meta', '_journal.json')
    const journal = JSON.parse(await readFile(journalPath, 'utf8')) as {
      entries: { tag: string }[]
    }
    const upTo = journal.entries.findIndex((e) => e.tag.endsWith('_receipts_hub_merchant'))
    expect(upTo).toBeGreaterThan(0)
    journal.entries = journal.entries.slice(0, upTo)
    await writeFile(journalPath, JSON.stringify(journal))
    const client = createClient({ url: ':memory:' })
    try {
      await client.execute('pragma foreign_keys = on')
      const db = drizzle(client, { schema })
      await migrate(db, { migrationsFolder: dir })
      await seedDemo(db, pbkdf2Hasher(1000))
      await parcelOnRun((q) => client.execute(q))
      await client.execute(receipt())
      await migrate(db, { migrationsFolder: migrations })
      const rows = await client.execute(
        "select hub_id, merchant_id from run_receipts where return_id = 'ret_copy'",
      )
      expect(rows.rows.map((r) => [r.hub_id, r.merchant_id])).toEqual([['hub_1', 'mer_01']])
    } finally {
      client.close()
    }
  })
})
