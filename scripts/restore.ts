// `npm run restore -- <file>`: puts a snapshot made by `npm run backup` back in place of the
// embedded database. The snapshot is copied beside the database and checked there (integrity,
// migrations) before anything is replaced; the database being replaced is kept as
// `<database>.before-restore`. Refused while a server (or anything else) has the database open.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { createClient } from '@libsql/client'
import { databaseFile, inspectSnapshot, Refused, runScript } from './database-file'

/**
 * Taking the database out of WAL mode needs every other connection gone, so it fails (busy) while
 * a server has the file open. When it succeeds it has also folded the WAL into the file, so the
 * file kept as `.before-restore` is whole on its own.
 */
async function assertNotInUse(path: string) {
  const client = createClient({ url: `file:${path}` })
  try {
    await client.execute('pragma busy_timeout = 0')
    const mode = await client.execute('pragma journal_mode = delete')
    if (String(mode.rows[0]![0]).toLowerCase() !== 'delete') throw new Error('still in WAL mode')
  } catch {
    throw new Refused(
      `${path} is in use (is the server running?). Stop the server, then restore again.`,
    )
  } finally {
    client.close()
  }
}

await runScript(async () => {
  const snapshot = process.argv[2]
  if (!snapshot) throw new Refused('name the snapshot to restore: npm run restore -- <file>')
  const target = databaseFile()
  if (resolve(snapshot) === resolve(target)) {
    throw new Refused(`${snapshot} is the database itself.`)
  }
  if (!existsSync(snapshot)) throw new Refused(`${snapshot} does not exist.`)

  // Check the very bytes that will be put in place, not the original (which could change).
  mkdirSync(dirname(target), { recursive: true })
  const incoming = `${target}.restoring`
  rmSync(incoming, { force: true })
  copyFileSync(snapshot, incoming)
  let facts
  try {
    facts = await inspectSnapshot(incoming)
  } catch (error) {
    rmSync(incoming, { force: true })
    if (error instanceof Refused) throw new Refused(error.message.replace(incoming, snapshot))
    throw error
  }

  const kept = `${target}.before-restore`
  if (existsSync(target)) {
    try {
      await assertNotInUse(target)
    } catch (error) {
      rmSync(incoming, { force: true })
      throw error
    }
    renameSync(target, kept)
  }
  // A WAL or shared-memory file left beside the database belongs to the old one.
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true })
  renameSync(incoming, target)

  const total = Object.values(facts.rows).reduce((a, b) => a + b, 0)
  console.log(
    `Restored ${snapshot} to ${target} (${facts.tables} tables, ${total} rows, ` +
      `${facts.migrations} migrations).`,
  )
  if (existsSync(kept)) console.log(`The database it replaced is kept as ${kept}.`)
})
