/**
 * Which of the migrations this code was built with the database has not applied. Two tools
 * apply them, each keeping its own table: drizzle's migrator on Node (`__drizzle_migrations`,
 * one row per migration, its `created_at` the journal's `when`: drizzle applies every migration
 * newer than the last row) and wrangler on D1 (`d1_migrations`, the file names applied).
 */
import { sql } from 'drizzle-orm'
import journal from '../../db/migrations/meta/_journal.json'
import type { Db } from '../db'

/** The tags (`0024_health_checks`) of the journal's migrations the database lacks. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const tables = await db.all<{ name: string }>(
    sql`select name from sqlite_master where type = 'table'
        and name in ('__drizzle_migrations', 'd1_migrations')`,
  )
  const has = new Set(tables.map((t) => t.name))
  if (has.has('__drizzle_migrations')) {
    const [row] = await db.all<{ last: number | null }>(
      sql`select max(created_at) as last from __drizzle_migrations`,
    )
    const last = Number(row?.last ?? 0)
    return journal.entries.filter((e) => e.when > last).map((e) => e.tag)
  }
  if (has.has('d1_migrations')) {
    const rows = await db.all<{ name: string }>(sql`select name from d1_migrations`)
    const applied = new Set(rows.map((r) => r.name))
    return journal.entries.filter((e) => !applied.has(`${e.tag}.sql`)).map((e) => e.tag)
  }
  return journal.entries.map((e) => e.tag)
}
