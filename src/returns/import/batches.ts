/**
 * The statements of a confirmed import, a few hundred lines to a statement: one multi-row
 * INSERT of the returns (a line imported before is skipped by the unique index on imported
 * lines) and one INSERT … SELECT of their audit entries, read from the return events the rows'
 * trigger wrote, so a skipped line has none, then their outbox events. Three statements per chunk
 * instead of three per line: preparing and running 10,000 statements was most of a 5,000-line
 * import's time.
 */
import { sql } from 'drizzle-orm'
import { returns } from '../../../db/schema'
import { auditEntry } from '../../audit/log'
import type { Actor } from '../../auth/roles'
import type { Db } from '../../db'
import { returnEvent } from '../events'
import { registrationRow, type Registration } from '../service'

/** Lines per multi-row INSERT; each statement binds one JSON text, whatever its size. */
export const linesPerStatement = 250

/**
 * One INSERT of many rows that binds them as a single JSON array (D1 allows only 100 bound
 * parameters a statement, far fewer than a chunk's values). Column names come from the table
 * definition, never from input. `where true` keeps SQLite from reading ON CONFLICT as a join.
 */
function insertRows(db: Db, rows: ReturnType<typeof registrationRow>[]) {
  const keys = Object.keys(rows[0]!) as (keyof (typeof rows)[number])[]
  const columns = keys.map((k) => `"${returns[k].name}"`).join(', ')
  const values = keys.map((k) => `value ->> '$.${k}'`).join(', ')
  return db.run(sql`insert into returns (${sql.raw(columns)})
    select ${sql.raw(values)} from json_each(${JSON.stringify(rows)}) where true
    on conflict do nothing`)
}

/** The statements registering `lines` (already judged valid and new) as one import. */
export function importStatements(db: Db, a: Actor, lines: Registration[]) {
  const statements = []
  for (let start = 0; start < lines.length; start += linesPerStatement) {
    const rows = lines.slice(start, start + linesPerStatement).map((l) => registrationRow(a, l))
    const ids = JSON.stringify(rows.map((r) => r.id))
    // Without a conflict target: the index on imported lines is the only uniqueness a fresh row
    // can meet, short of a 2^-60 code collision, which then reads as skipped and is created by
    // importing the file again.
    statements.push(insertRows(db, rows))
    // The ids are fresh, so an event of one of them is this statement's row: no `changes()`
    // guard is needed to tell it from a repeated request's.
    statements.push(
      auditEntry(db, a, {
        action: 'return.register',
        entity: 'return',
        entityId: sql`e.return_id`,
        at: rows[0]!.createdAt,
        before: null,
        after: sql`json_object('status', e.status, 'hubId', r.hub_id, 'orderValueFen',
          r.order_value_fen)`,
        from: sql`from return_events e join returns r on r.id = e.return_id
          where e.return_id in (select value from json_each(${ids})) and e.status = 'REGISTERED'
          order by e.id`,
      }),
    )
    // Their return.registered events, likewise one per row this statement inserted.
    statements.push(
      returnEvent(
        db,
        'return.registered',
        rows[0]!.createdAt,
        sql`r.id in (select value from json_each(${ids}))`,
      ),
    )
  }
  return statements
}
