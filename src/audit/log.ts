/**
 * The audit log: who changed money, capacity, status or membership, when, in which request, and
 * what the relevant fields were before and after. Domain functions put `auditEntry()` into the
 * same batch as the change (one transaction on libSQL and D1), so an entry exists exactly when
 * the change does. Nothing written is ever updated or deleted (triggers, migration 0016).
 */
import { SQL, sql } from 'drizzle-orm'
import type { Actor } from '../auth/roles'
import type { Db } from '../db'

/** Who made a change: a signed-in actor, or (public pages, system jobs) only the alliance. */
export type AuditActor =
  | Pick<Actor, 'allianceId' | 'userId' | 'role' | 'requestId'>
  | { allianceId: string; requestId?: string }

export interface AuditChange {
  /** What happened, `entity.verb`, e.g. `booking.cancel`; SQL when it depends on the row. */
  action: string | SQL
  /** The kind of thing changed, e.g. `booking`. */
  entity: string
  entityId: string | SQL
  at: string
  /** The relevant fields as JSON-able values, or SQL producing JSON text (`json_object(…)`). */
  before?: unknown
  after?: unknown
  /**
   * A `from … where …` tail selecting the changed rows: one entry is written per row, none when
   * the change did not happen. `entityId`, `before` and `after` may then refer to its columns.
   * After a conditional statement that a repeated or concurrent request may also run, put the
   * entry right after it in the batch and add `changes() > 0` (rows the previous statement of
   * this connection changed, triggers excluded): the data alone cannot tell two identical
   * requests in the same millisecond apart.
   */
  from?: SQL
}

const value = (v: unknown) => (v instanceof SQL ? v : sql`${v}`)
const json = (v: unknown) =>
  v instanceof SQL ? v : v === undefined || v === null ? sql`null` : sql`${JSON.stringify(v)}`

/**
 * The insert statement recording one change, to run in the change's own batch.
 * @example
 * await db.batch([
 *   db.run(sql`update bookings set status = 'CANCELLED' … where id = ${id} and status <> 'CANCELLED'`),
 *   auditEntry(db, a, { action: 'booking.cancel', entity: 'booking', entityId: id, at,
 *     before: { status }, after: sql`json_object('status', status)`,
 *     from: sql`from bookings where id = ${id} and updated_at = ${at}` }),
 * ])
 */
export function auditEntry(db: Db, actor: AuditActor, change: AuditChange) {
  const userId = 'userId' in actor ? actor.userId : null
  const role = 'role' in actor ? actor.role : 'PUBLIC'
  return db.run(sql`
    insert into audit_log (alliance_id, at, actor_user_id, actor_role, request_id, action,
      entity_type, entity_id, before_json, after_json)
    select ${actor.allianceId}, ${change.at}, ${userId}, ${role}, ${actor.requestId ?? null},
      ${value(change.action)}, ${change.entity}, ${value(change.entityId)}, ${json(change.before)},
      ${json(change.after)}
    ${change.from ?? sql``}`)
}
