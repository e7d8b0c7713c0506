// Shared by `npm run backup` and `npm run restore`: where the embedded database lives (the same
// DATABASE_URL and default as the Node server), and whether a file is a whole Nestwork database.
import { openSync, readSync, closeSync, existsSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createClient, type Client } from '@libsql/client'
import { loadConfig } from '../src/config'
import journal from '../db/migrations/meta/_journal.json' with { type: 'json' }

/** A refusal the scripts print as it is and exit non-zero on. */
export class Refused extends Error {}

/** The embedded database file of DATABASE_URL (default `file:data/nestwork.db`). */
export function databaseFile(env: Record<string, unknown> = process.env): string {
  const url = loadConfig(env).databaseUrl
  if (url.startsWith('file://')) return fileURLToPath(url.split('?')[0]!)
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length).split('?')[0]!
    if (path && path !== ':memory:') return path
  }
  throw new Refused(
    `DATABASE_URL is ${url}: backup and restore work on an embedded file database (file:…); ` +
      'a remote libSQL database is backed up by its host.',
  )
}

export interface SnapshotFacts {
  tables: number
  migrations: number
  rows: Record<string, number>
}

const sqliteMagic = 'SQLite format 3\0'

/**
 * Checks that `path` is a whole Nestwork database: a SQLite file that passes
 * `PRAGMA integrity_check`, with the migrations table, made by this version of the code or an
 * older one (the server migrates older ones forward at start-up). Throws `Refused` otherwise.
 */
export async function inspectSnapshot(path: string): Promise<SnapshotFacts> {
  if (!existsSync(path) || !statSync(path).isFile()) throw new Refused(`${path} does not exist.`)
  const header = Buffer.alloc(sqliteMagic.length)
  const fd = openSync(path, 'r')
  try {
    readSync(fd, header, 0, header.length, 0)
  } finally {
    closeSync(fd)
  }
  if (header.toString('latin1') !== sqliteMagic) {
    throw new Refused(`${path} is not a SQLite database (its header is wrong).`)
  }
  let client: Client | undefined
  try {
    let problems: string[]
    try {
      client = createClient({ url: `file:${path}` })
      const check = await client.execute('pragma integrity_check')
      problems = check.rows.map((r) => String(r[0])).filter((m) => m !== 'ok')
    } catch (error) {
      problems = [error instanceof Error ? error.message : String(error)]
    }
    if (!client || problems.length > 0) {
      throw new Refused(
        `${path} is damaged: integrity_check says ${problems.slice(0, 3).join('; ')}`,
      )
    }
    const found = await client.execute(
      "select count(*) as n from sqlite_master where type = 'table' and name = '__drizzle_migrations'",
    )
    if (Number(found.rows[0]!.n) === 0) {
      throw new Refused(`${path} has no migrations table: it is not a Nestwork database.`)
    }
    const applied = await client.execute(
      'select count(*) as n, max(created_at) as newest from __drizzle_migrations',
    )
    const migrations = Number(applied.rows[0]!.n)
    const newest = Number(applied.rows[0]!.newest ?? 0)
    if (migrations === 0) throw new Refused(`${path} has no migrations applied.`)
    const known = journal.entries.at(-1)!
    if (newest > known.when || migrations > journal.entries.length) {
      throw new Refused(
        `${path} was made by a newer version of Nestwork (${migrations} migrations; this code ` +
          `knows ${journal.entries.length}, up to ${known.tag}).`,
      )
    }
    const tables = await client.execute(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
    )
    const rows: Record<string, number> = {}
    for (const { name } of tables.rows) {
      const counted = await client.execute(`select count(*) as n from "${String(name)}"`)
      rows[String(name)] = Number(counted.rows[0]!.n)
    }
    return { tables: tables.rows.length, migrations, rows }
  } finally {
    client?.close()
  }
}

/** Runs a script's body: a `Refused` is printed as it is, anything else with its stack. */
export async function runScript(body: () => Promise<void>): Promise<void> {
  try {
    await body()
  } catch (error) {
    if (error instanceof Refused) console.error(`Refused: ${error.message}`)
    else console.error(error)
    process.exitCode = 1
  }
}
