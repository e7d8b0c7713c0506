// `npm run backup [-- <file>]`: a consistent snapshot of the embedded database, safe while the
// server is running. `VACUUM INTO` copies the database as one read transaction sees it, so a
// snapshot never holds half a change, and it does not block the server's writers (WAL).
// Default file: backups/nestwork-<UTC timestamp>.db.
import { existsSync, mkdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createClient } from '@libsql/client'
import { databaseFile, inspectSnapshot, Refused, runScript } from './database-file'

/** 2026-11-25T19:42:05.123Z → 20261125T194205Z */
const stamp = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')

await runScript(async () => {
  const source = databaseFile()
  const target = process.argv[2] ?? join('backups', `nestwork-${stamp(new Date())}.db`)
  if (!existsSync(source)) throw new Refused(`there is no database at ${source}.`)
  if (existsSync(target)) throw new Refused(`${target} already exists; name another file.`)
  mkdirSync(dirname(target), { recursive: true })

  const client = createClient({ url: `file:${source}` })
  try {
    // A writer holding the lock at the very moment of the read is waited for, not failed.
    await client.execute('pragma busy_timeout = 5000')
    await client.execute({ sql: 'vacuum into ?', args: [target] })
  } finally {
    client.close()
  }
  const facts = await inspectSnapshot(target)
  const kib = (statSync(target).size / 1024).toFixed(0)
  console.log(
    `Backed up ${source} to ${target} (${kib} KiB, ${facts.tables} tables, ` +
      `${facts.migrations} migrations, integrity ok).`,
  )
})
